package dev.distribution.format.python;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A core metadata file read back: its header fields in file order (repeated fields kept) and the
 * body, which holds the description from version 2.1 on. Used for files built elsewhere, such as a
 * prebuilt wheel from {@code dist/}. Immutable.
 */
public final class MetadataFields {
    private final List<Map.Entry<String, String>> fields;
    private final String body;

    private MetadataFields(List<Map.Entry<String, String>> fields, String body) {
        this.fields = List.copyOf(fields);
        this.body = body;
    }

    /** Parses the RFC 822 style text: {@code Name: value} lines, continuation lines, then the body. */
    public static MetadataFields parse(String text) {
        List<Map.Entry<String, String>> fields = new ArrayList<>();
        String[] lines = text.replace("\r\n", "\n").split("\n", -1);
        int i = 0;
        for (; i < lines.length; i++) {
            String line = lines[i];
            if (line.isEmpty()) {
                i++;
                break;
            }
            if ((line.startsWith(" ") || line.startsWith("\t")) && !fields.isEmpty()) {
                Map.Entry<String, String> last = fields.remove(fields.size() - 1);
                fields.add(Map.entry(last.getKey(), last.getValue() + "\n" + line.strip()));
                continue;
            }
            int colon = line.indexOf(':');
            if (colon > 0) {
                fields.add(Map.entry(
                        line.substring(0, colon).strip(),
                        line.substring(colon + 1).strip()));
            }
        }
        StringBuilder body = new StringBuilder();
        for (int j = i; j < lines.length; j++) {
            body.append(lines[j]);
            if (j < lines.length - 1) {
                body.append('\n');
            }
        }
        return new MetadataFields(fields, body.toString());
    }

    /** All fields in file order. */
    public List<Map.Entry<String, String>> fields() {
        return fields;
    }

    /** The first value of a field (names compare without case), or null. */
    public String first(String name) {
        return fields.stream()
                .filter(field -> field.getKey().toLowerCase(Locale.ROOT).equals(name.toLowerCase(Locale.ROOT)))
                .map(Map.Entry::getValue)
                .findFirst()
                .orElse(null);
    }

    /** Every value of a repeated field, in file order. */
    public List<String> all(String name) {
        return fields.stream()
                .filter(field -> field.getKey().equalsIgnoreCase(name))
                .map(Map.Entry::getValue)
                .toList();
    }

    /** The description: the body, or the {@code Description} field of older metadata. */
    public String description() {
        return body.isEmpty() && first("Description") != null ? first("Description") : body;
    }
}
