package dev.distribution.http;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Immutable HTTP header fields, looked up by name without regard to case. Names keep the order
 * and spelling of their first occurrence, and repeated fields keep their order.
 */
public final class Headers {
    private static final Headers EMPTY = new Headers(Map.of());

    // Key: lower-case name. Value: the name as first spelled, then every value.
    private final Map<String, Entry> entries;

    private record Entry(String name, List<String> values) {}

    private Headers(Map<String, Entry> entries) {
        this.entries = entries;
    }

    /** Returns headers with no fields. */
    public static Headers empty() {
        return EMPTY;
    }

    /** Returns headers built from name and value pairs, in order. */
    public static Headers of(List<Map.Entry<String, String>> fields) {
        Map<String, Entry> map = new LinkedHashMap<>();
        for (Map.Entry<String, String> field : fields) {
            String key = field.getKey().toLowerCase(Locale.ROOT);
            map.computeIfAbsent(key, k -> new Entry(field.getKey(), new ArrayList<>()))
                    .values()
                    .add(field.getValue());
        }
        Map<String, Entry> frozen = new LinkedHashMap<>();
        map.forEach((key, entry) -> frozen.put(key, new Entry(entry.name(), List.copyOf(entry.values()))));
        return new Headers(Collections.unmodifiableMap(frozen));
    }

    /** Returns the first value of the field {@code name}, if present. */
    public Optional<String> first(String name) {
        Entry entry = entries.get(name.toLowerCase(Locale.ROOT));
        return entry == null ? Optional.empty() : Optional.of(entry.values().get(0));
    }

    /** Returns every value of the field {@code name}, in order; empty when absent. */
    public List<String> all(String name) {
        Entry entry = entries.get(name.toLowerCase(Locale.ROOT));
        return entry == null ? List.of() : entry.values();
    }

    /** Returns whether the field {@code name} is present. */
    public boolean contains(String name) {
        return entries.containsKey(name.toLowerCase(Locale.ROOT));
    }

    /** Returns the field names as first spelled, in order. */
    public List<String> names() {
        return entries.values().stream().map(Entry::name).toList();
    }

    @Override
    public String toString() {
        StringBuilder text = new StringBuilder("{");
        for (Entry entry : entries.values()) {
            if (text.length() > 1) {
                text.append(", ");
            }
            String shown = SensitiveHeaders.isSensitive(entry.name()) ? "****" : String.join(", ", entry.values());
            text.append(entry.name()).append(": ").append(shown);
        }
        return text.append('}').toString();
    }
}
