package dev.distribution.format.helm;

import dev.distribution.core.InvalidConfigurationException;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The {@code index.yaml} of a static chart repository, the file {@code helm repo add} and
 * {@code helm repo update} download. Adding a chart version merges it into what the repository
 * already lists: other charts and other versions stay as they are, an entry for the same version is
 * replaced. Chart names are sorted, each chart's versions newest first, as Helm sorts them.
 *
 * <p>Each entry contains the chart's Chart.yaml fields plus {@code created}, {@code digest} (SHA-256 of
 * the package) and {@code urls}, relative to the index so the repository can move.
 */
public final class ChartIndex {
    /** The file name clients download. */
    public static final String FILE = "index.yaml";

    private final Map<String, Object> header = new LinkedHashMap<>();
    private final Map<String, List<Map<String, Object>>> entries = new TreeMap<>();

    private ChartIndex() {}

    /** Creates an index without entries. */
    public static ChartIndex empty() {
        return new ChartIndex();
    }

    /**
     * Reads an existing index.
     *
     * @param label where the text came from, shown in errors
     * @throws InvalidConfigurationException when the text is not an index Helm would read
     */
    public static ChartIndex parse(String text, String label) throws InvalidConfigurationException {
        Map<String, Object> document = ChartYaml.parseMapping(text, label, label);
        ChartIndex index = new ChartIndex();
        Object entries = document.get("entries");
        if (entries != null && !(entries instanceof Map<?, ?>)) {
            throw new InvalidConfigurationException(
                    label + " entries",
                    String.valueOf(entries)
                            .substring(0, Math.min(80, String.valueOf(entries).length())),
                    "a mapping of chart names to lists of versions",
                    "Repair or remove " + label + "; it is not a chart repository index.");
        }
        document.forEach((key, value) -> {
            if (!key.equals("entries") && !key.equals("apiVersion") && !key.equals("generated")) {
                index.header.put(key, value);
            }
        });
        if (entries instanceof Map<?, ?> map) {
            for (Map.Entry<?, ?> chart : map.entrySet()) {
                List<Map<String, Object>> versions = new ArrayList<>();
                if (chart.getValue() instanceof List<?> list) {
                    for (Object version : list) {
                        if (version instanceof Map<?, ?> entry) {
                            Map<String, Object> copy = new LinkedHashMap<>();
                            entry.forEach((k, v) -> copy.put(String.valueOf(k), v));
                            versions.add(copy);
                        }
                    }
                }
                index.entries.put(String.valueOf(chart.getKey()), versions);
            }
        }
        return index;
    }

    /** Reads an index file; an absent file gives an empty index. */
    public static ChartIndex read(Path file) throws IOException, InvalidConfigurationException {
        if (!Files.isRegularFile(file)) {
            return empty();
        }
        return parse(Files.readString(file, StandardCharsets.UTF_8), file.toString());
    }

    /**
     * Adds a chart version, replacing an entry of the same name and version.
     *
     * @param chart the packaged chart
     * @param sha256 the lower-case hex SHA-256 of the package
     * @param url the package URL, relative to the index (usually the file name)
     * @param created when the version was published; the build's output timestamp keeps the index
     *     reproducible
     */
    public void add(Chart chart, String sha256, String url, Instant created) {
        Map<String, Object> entry = new TreeMap<>(chart.metadata());
        entry.put("created", created.toString());
        entry.put("digest", sha256);
        entry.put("urls", List.of(url));
        List<Map<String, Object>> versions = entries.computeIfAbsent(chart.name(), name -> new ArrayList<>());
        versions.removeIf(existing -> chart.version().equals(ChartYaml.string(existing, "version")));
        versions.add(entry);
        versions.sort(
                (a, b) -> SemverOrder.INSTANCE.compare(ChartYaml.string(b, "version"), ChartYaml.string(a, "version")));
    }

    /** Returns the versions listed for a chart, newest first; empty when the chart is not listed. */
    public List<String> versions(String name) {
        return entries.getOrDefault(name, List.of()).stream()
                .map(entry -> ChartYaml.string(entry, "version"))
                .toList();
    }

    /** Returns the entry of one chart version, or null. */
    public Map<String, Object> entry(String name, String version) {
        return entries.getOrDefault(name, List.of()).stream()
                .filter(entry -> version.equals(ChartYaml.string(entry, "version")))
                .findFirst()
                .orElse(null);
    }

    /** Returns the chart names listed, sorted. */
    public List<String> charts() {
        return List.copyOf(entries.keySet());
    }

    /**
     * Writes the index.
     *
     * @param generated the time written as {@code generated}
     */
    public void write(Path file, Instant generated) throws IOException {
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("apiVersion", "v1");
        document.put("entries", entries);
        document.put("generated", generated.toString());
        document.putAll(header);
        Files.createDirectories(file.toAbsolutePath().getParent());
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            YamlWriter.write(document, out);
        }
    }
}
