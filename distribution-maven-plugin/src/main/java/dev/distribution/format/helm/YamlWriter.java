package dev.distribution.format.helm;

import java.io.IOException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Writes maps, lists and scalars as block YAML that Helm's YAML 1.1 reader gives back unchanged.
 * Text is quoted unless it is a plain word no YAML reader turns into something else, so {@code 1.0}
 * stays text instead of a number and {@code on} stays text instead of a boolean; the generic
 * emitters follow YAML 1.2 and would leave those two plain.
 */
final class YamlWriter {
    /** Text that every YAML reader takes as a plain string: starts with a letter, no ": " or " #". */
    private static final Pattern PLAIN =
            Pattern.compile("[A-Za-z_][A-Za-z0-9 _./:+(),;=-]*[A-Za-z0-9_./+()-]|[A-Za-z_]");

    /** Words YAML 1.1 reads as booleans or null. */
    private static final Set<String> RESERVED = Set.of("y", "n", "yes", "no", "true", "false", "on", "off", "null");

    private final Appendable out;

    private YamlWriter(Appendable out) {
        this.out = out;
    }

    /** Writes a mapping as a YAML document, keys in the map's order. */
    static void write(Map<?, ?> document, Appendable out) throws IOException {
        new YamlWriter(out).map(document, 0);
    }

    /** Returns a mapping as YAML text. */
    static String toString(Map<?, ?> document) {
        StringBuilder text = new StringBuilder();
        try {
            write(document, text);
        } catch (IOException e) {
            throw new IllegalStateException("Appending to a StringBuilder failed", e);
        }
        return text.toString();
    }

    private void map(Map<?, ?> map, int indent) throws IOException {
        boolean first = true;
        for (Map.Entry<?, ?> entry : map.entrySet()) {
            // The first key of a list item follows its "- " on the same line.
            if (!first || indent >= 0) {
                out.append(" ".repeat(Math.abs(indent)));
            }
            first = false;
            out.append(scalar(String.valueOf(entry.getKey()))).append(':');
            value(entry.getValue(), Math.abs(indent));
        }
    }

    private void value(Object value, int indent) throws IOException {
        if (value instanceof Map<?, ?> map && !map.isEmpty()) {
            out.append('\n');
            map(map, indent + 2);
        } else if (value instanceof List<?> list && !list.isEmpty()) {
            out.append('\n');
            list(list, indent);
        } else {
            out.append(' ').append(inline(value)).append('\n');
        }
    }

    private void list(List<?> list, int indent) throws IOException {
        for (Object item : list) {
            out.append(" ".repeat(indent)).append('-');
            if (item instanceof Map<?, ?> map && !map.isEmpty()) {
                out.append(' ');
                map(map, -(indent + 2));
            } else if (item instanceof List<?> nested && !nested.isEmpty()) {
                out.append('\n');
                list(nested, indent + 2);
            } else {
                out.append(' ').append(inline(item)).append('\n');
            }
        }
    }

    private static String inline(Object value) {
        if (value == null) {
            return "null";
        }
        if (value instanceof Map<?, ?>) {
            return "{}";
        }
        if (value instanceof List<?>) {
            return "[]";
        }
        if (value instanceof Boolean || value instanceof Number) {
            return value.toString();
        }
        return scalar(value.toString());
    }

    private static String scalar(String text) {
        if (PLAIN.matcher(text).matches()
                && !text.contains(": ")
                && !text.contains(" #")
                && !RESERVED.contains(text.toLowerCase(Locale.ROOT))) {
            return text;
        }
        StringBuilder quoted = new StringBuilder("\"");
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"' -> quoted.append("\\\"");
                case '\\' -> quoted.append("\\\\");
                case '\n' -> quoted.append("\\n");
                case '\r' -> quoted.append("\\r");
                case '\t' -> quoted.append("\\t");
                default -> {
                    if (c < 0x20 || c == 0x7f) {
                        quoted.append(String.format("\\x%02x", (int) c));
                    } else {
                        quoted.append(c);
                    }
                }
            }
        }
        return quoted.append('"').toString();
    }
}
