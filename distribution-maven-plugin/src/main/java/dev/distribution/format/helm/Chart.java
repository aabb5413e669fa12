package dev.distribution.format.helm;

import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * A chart folder that passed the lint, with the version it is packaged at.
 *
 * @param directory the chart folder, such as {@code src/main/helm/hello}; null for a chart read
 *     back from its package
 * @param name the chart name
 * @param version the SemVer 2 chart version written into the package
 * @param chartYaml the text of Chart.yaml as packaged: the source with {@code version} and
 *     {@code appVersion} set
 * @param metadata Chart.yaml as packaged, keys in file order
 * @param embedded local {@code file://} dependencies copied into {@code charts/<name>/}, keyed by
 *     that name
 */
public record Chart(
        Path directory,
        String name,
        String version,
        String chartYaml,
        Map<String, Object> metadata,
        Map<String, Path> embedded) {
    public Chart {
        java.util.Objects.requireNonNull(name, "name");
        java.util.Objects.requireNonNull(version, "version");
        metadata = Collections.unmodifiableMap(metadata);
        embedded = Map.copyOf(embedded);
    }

    /** Returns the package file name Helm expects: {@code <name>-<version>.tgz}. */
    public String fileName() {
        return name + "-" + version + ".tgz";
    }

    /** Returns the {@code appVersion}, or null. */
    public String appVersion() {
        return ChartYaml.string(metadata, "appVersion");
    }

    /** Returns the {@code description}, or null. */
    public String description() {
        return ChartYaml.string(metadata, "description");
    }

    /** Returns the names of the dependencies listed in Chart.yaml. */
    public List<String> dependencyNames() {
        return ChartYaml.list(metadata, "dependencies").stream()
                .filter(Map.class::isInstance)
                .map(d -> String.valueOf(((Map<?, ?>) d).get("name")))
                .toList();
    }
}
