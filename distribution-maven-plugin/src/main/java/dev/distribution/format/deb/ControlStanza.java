package dev.distribution.format.deb;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One paragraph of a Debian control-format file (deb822): a control file, a stanza of a
 * {@code Packages} index or a {@code Release} file. Field names compare without regard to case and
 * keep their order; a multi-line value keeps its continuation lines, each with its leading space.
 */
public final class ControlStanza {
    private final Map<String, String> names = new LinkedHashMap<>();
    private final Map<String, String> values = new LinkedHashMap<>();

    /** Creates an empty stanza. */
    public ControlStanza() {}

    /** Parses text holding exactly one stanza; blank lines around it are ignored. */
    public static ControlStanza parse(String text) {
        List<ControlStanza> stanzas = parseAll(new StringReader(text));
        if (stanzas.size() != 1) {
            throw new IllegalArgumentException("Expected one control stanza, found " + stanzas.size());
        }
        return stanzas.get(0);
    }

    /**
     * Parses every stanza of a file such as {@code Packages}: stanzas are separated by blank lines,
     * {@code #} comment lines are skipped.
     *
     * @throws IllegalArgumentException when a line is neither a field nor a continuation
     */
    public static List<ControlStanza> parseAll(Reader reader) {
        List<ControlStanza> stanzas = new ArrayList<>();
        try (BufferedReader lines = new BufferedReader(reader)) {
            ControlStanza current = null;
            String field = null;
            String line;
            int number = 0;
            while ((line = lines.readLine()) != null) {
                number++;
                if (line.isBlank()) {
                    current = null;
                    field = null;
                    continue;
                }
                if (line.startsWith("#")) {
                    continue;
                }
                if (line.startsWith(" ") || line.startsWith("\t")) {
                    if (field == null) {
                        throw new IllegalArgumentException("Line " + number + " continues no field: " + line);
                    }
                    current.set(field, current.get(field) + "\n" + line);
                    continue;
                }
                int colon = line.indexOf(':');
                if (colon <= 0) {
                    throw new IllegalArgumentException("Line " + number + " is not a 'Field: value' line: " + line);
                }
                if (current == null) {
                    current = new ControlStanza();
                    stanzas.add(current);
                }
                field = line.substring(0, colon);
                current.set(field, line.substring(colon + 1).strip());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return stanzas;
    }

    /** Returns the value of a field, or null; a multi-line value has its continuation lines. */
    public String get(String field) {
        return values.get(field.toLowerCase(Locale.ROOT));
    }

    /** Sets a field, keeping its position when it exists and appending it otherwise. */
    public ControlStanza set(String field, String value) {
        String key = field.toLowerCase(Locale.ROOT);
        names.putIfAbsent(key, field);
        values.put(key, value);
        return this;
    }

    /** Removes a field. */
    public ControlStanza remove(String field) {
        String key = field.toLowerCase(Locale.ROOT);
        names.remove(key);
        values.remove(key);
        return this;
    }

    /** Returns the fields in order, with their names as first written. */
    public Map<String, String> fields() {
        Map<String, String> fields = new LinkedHashMap<>();
        names.forEach((key, name) -> fields.put(name, values.get(key)));
        return fields;
    }

    /** Returns the stanza as text, each field on its own line, ending with a newline. */
    @Override
    public String toString() {
        StringBuilder text = new StringBuilder();
        names.forEach((key, name) -> {
            String value = values.get(key);
            text.append(name).append(':');
            if (!value.isEmpty() && !value.startsWith("\n")) {
                text.append(' ');
            }
            text.append(value).append('\n');
        });
        return text.toString();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ControlStanza that && fields().equals(that.fields());
    }

    @Override
    public int hashCode() {
        return fields().hashCode();
    }
}
