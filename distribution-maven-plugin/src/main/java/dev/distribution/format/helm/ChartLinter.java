package dev.distribution.format.helm;

import dev.distribution.core.InvalidConfigurationException;
import dev.distribution.version.InvalidVersionException;
import dev.distribution.version.VersionMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a chart folder and checks it the way {@code helm lint} and {@code helm package} would,
 * before anything is built: Chart.yaml and values.yaml are valid YAML, the required fields are
 * there, {@code apiVersion} is {@code v2}, the name follows {@link ChartNames}, and every dependency
 * is present: a local {@code file://} chart as a folder, a chart from a repository as a package in
 * {@code charts/} at the version Chart.lock pins.
 */
public final class ChartLinter {
    /** Chart.yaml fields Helm requires. */
    private static final List<String> REQUIRED = List.of("apiVersion", "name");

    private static final Set<String> TYPES = Set.of("application", "library");

    private static final Pattern TOP_LEVEL_VERSION = Pattern.compile("(?m)^version:.*$");
    private static final Pattern TOP_LEVEL_APP_VERSION = Pattern.compile("(?m)^appVersion:.*$");

    private ChartLinter() {}

    /**
     * Loads and checks a chart folder.
     *
     * @param directory the chart folder, named like the chart
     * @param version the chart version, SemVer 2; replaces Chart.yaml's {@code version}
     * @param appVersion the application version; replaces Chart.yaml's {@code appVersion}; null keeps
     *     Chart.yaml's value
     * @param element the POM element that chose the folder, for messages about the folder itself
     * @return the chart, ready to package
     * @throws InvalidConfigurationException at the first problem found, naming the file, the value
     *     and the fix
     */
    public static Chart lint(Path directory, String version, String appVersion, String element)
            throws InvalidConfigurationException, IOException {
        Path chartFile = directory.resolve("Chart.yaml");
        if (!Files.isRegularFile(chartFile)) {
            throw new InvalidConfigurationException(
                    element,
                    directory.toString(),
                    "a chart folder holding Chart.yaml",
                    "Create " + chartFile + " (apiVersion: v2, name, version), or point " + element
                            + " at the chart folder.");
        }
        try {
            VersionMapper.validateSemver(version);
        } catch (InvalidVersionException e) {
            throw new InvalidConfigurationException(
                    "<helm><version>",
                    version,
                    "a SemVer 2 version such as 1.2.0 or 1.2.0-rc.1: three numbers, no 'v' prefix",
                    semverHint(version) + e.getFix());
        }
        String source = Files.readString(chartFile);
        Map<String, Object> original = ChartYaml.readMapping(chartFile, chartFile.toString());
        for (String field : REQUIRED) {
            if (ChartYaml.string(original, field) == null) {
                throw new InvalidConfigurationException(
                        chartFile + " " + field,
                        null,
                        field.equals("apiVersion") ? "v2" : ChartNames.ACCEPTED,
                        "Add '" + field + ": " + (field.equals("apiVersion") ? "v2" : directory.getFileName()) + "' to "
                                + chartFile + ".");
            }
        }
        String apiVersion = ChartYaml.string(original, "apiVersion");
        if (!apiVersion.equals("v2")) {
            throw new InvalidConfigurationException(
                    chartFile + " apiVersion",
                    apiVersion,
                    "v2 (Helm 3 charts)",
                    "Set 'apiVersion: v2'; a v1 chart also moves requirements.yaml into Chart.yaml 'dependencies'.");
        }
        String name = ChartYaml.string(original, "name");
        ChartNames.validate(name, chartFile + " name");
        if (!name.equals(directory.getFileName().toString())) {
            throw new InvalidConfigurationException(
                    chartFile + " name",
                    name,
                    "the name of the chart folder, '" + directory.getFileName() + "'",
                    "Rename the folder to '" + name + "' or the chart to '" + directory.getFileName() + "'.");
        }
        String type = ChartYaml.string(original, "type");
        if (type != null && !TYPES.contains(type)) {
            throw new InvalidConfigurationException(
                    chartFile + " type", type, "application, library", "Set 'type: application' or remove the line.");
        }
        Path values = directory.resolve("values.yaml");
        if (Files.isRegularFile(values)) {
            ChartYaml.readMapping(values, values.toString());
        }
        String packaged = rewrite(source, version, appVersion);
        Map<String, Object> metadata = ChartYaml.parseMapping(packaged, chartFile.toString(), chartFile.toString());
        Map<String, Path> embedded = checkDependencies(directory, chartFile, metadata);
        return new Chart(directory, name, version, packaged, metadata, embedded);
    }

    /** Suggests the SemVer spelling of a short or 'v'-prefixed version, such as 1.2.0 for v1.2. */
    private static String semverHint(String version) {
        String text = version == null ? "" : version.trim().replaceFirst("^[vV]", "");
        if (!text.matches("[0-9]+(\\.[0-9]+){0,2}")) {
            return "";
        }
        StringBuilder padded = new StringBuilder(text);
        for (int dots = text.length() - text.replace(".", "").length(); dots < 2; dots++) {
            padded.append(".0");
        }
        return "Write it as " + padded + ". ";
    }

    /** Sets the top-level {@code version} and {@code appVersion} lines, keeping comments and order. */
    static String rewrite(String source, String version, String appVersion) {
        String text = source.replace("\r\n", "\n");
        if (!text.isEmpty() && !text.endsWith("\n")) {
            text += "\n";
        }
        text = setLine(text, TOP_LEVEL_VERSION, "version: " + version);
        if (appVersion != null) {
            text = setLine(text, TOP_LEVEL_APP_VERSION, "appVersion: " + quote(appVersion));
        }
        return text;
    }

    private static String setLine(String text, Pattern pattern, String line) {
        Matcher matcher = pattern.matcher(text);
        if (matcher.find()) {
            return text.substring(0, matcher.start()) + line + text.substring(matcher.end());
        }
        return text + line + "\n";
    }

    /** Quotes a value so that YAML reads it as text: {@code 1.10} must not become the number 1.1. */
    private static String quote(String value) {
        return "\"" + value.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    private static Map<String, Path> checkDependencies(Path directory, Path chartFile, Map<String, Object> metadata)
            throws InvalidConfigurationException, IOException {
        List<Object> dependencies = ChartYaml.list(metadata, "dependencies");
        Map<String, Path> embedded = new LinkedHashMap<>();
        if (dependencies.isEmpty()) {
            return embedded;
        }
        Map<String, String> locked = lockedVersions(directory);
        for (int i = 0; i < dependencies.size(); i++) {
            String element = chartFile + " dependencies[" + (i + 1) + "]";
            if (!(dependencies.get(i) instanceof Map<?, ?> dependency)) {
                throw new InvalidConfigurationException(
                        element,
                        String.valueOf(dependencies.get(i)),
                        "a mapping with name, version and repository",
                        "Write the dependency as 'name:', 'version:' and 'repository:' lines.");
            }
            String name = ChartYaml.string(dependency, "name");
            String constraint = ChartYaml.string(dependency, "version");
            String repository = ChartYaml.string(dependency, "repository");
            if (name == null) {
                throw new InvalidConfigurationException(
                        element + " name", null, "the dependency's chart name", "Add 'name:' to the dependency.");
            }
            if (repository != null && repository.startsWith("file://")) {
                Path local = localChart(directory, repository, name, element);
                if (vendored(directory, name, null) == null) {
                    embedded.put(name, local);
                }
                continue;
            }
            if (constraint == null) {
                throw new InvalidConfigurationException(
                        element + " version",
                        null,
                        "a version or range such as 1.2.3 or ~1.2",
                        "Add 'version:' to dependency '" + name + "'.");
            }
            String pinned = locked.get(name);
            if (repository != null && !repository.isBlank() && pinned == null) {
                throw new InvalidConfigurationException(
                        element,
                        name + " from " + repository,
                        "a dependency pinned in Chart.lock and present in charts/",
                        "Run 'helm dependency update " + directory + "' once and commit Chart.lock and charts/" + name
                                + "-<version>.tgz.");
            }
            if (vendored(directory, name, pinned) == null) {
                String expected =
                        pinned == null ? name + "-<version>.tgz or charts/" + name + "/" : name + "-" + pinned + ".tgz";
                throw new InvalidConfigurationException(
                        element,
                        name + (repository == null ? "" : " from " + repository),
                        "the chart package charts/" + expected,
                        "Put charts/" + expected + " into " + directory
                                + " (helm dependency build downloads it from Chart.lock), or use a file:// repository.");
            }
        }
        return embedded;
    }

    private static Path localChart(Path directory, String repository, String name, String element)
            throws InvalidConfigurationException, IOException {
        String location = repository.substring("file://".length());
        Path local = directory.resolve(location).normalize();
        Path localChartFile = local.resolve("Chart.yaml");
        if (!Files.isRegularFile(localChartFile)) {
            throw new InvalidConfigurationException(
                    element + " repository",
                    repository,
                    "file:// and the path of a chart folder, relative to " + directory,
                    "Create the chart at " + local + " or fix the path.");
        }
        String localName = ChartYaml.string(ChartYaml.readMapping(localChartFile, localChartFile.toString()), "name");
        if (!name.equals(localName)) {
            throw new InvalidConfigurationException(
                    element + " name",
                    name,
                    "the name in " + localChartFile + ", '" + localName + "'",
                    "Use the same name in both files.");
        }
        return local;
    }

    /** Finds the package or folder of a dependency in {@code charts/}; returns null when absent. */
    private static Path vendored(Path directory, String name, String version) throws IOException {
        Path charts = directory.resolve("charts");
        if (!Files.isDirectory(charts)) {
            return null;
        }
        if (version != null) {
            Path tgz = charts.resolve(name + "-" + version + ".tgz");
            return Files.isRegularFile(tgz) ? tgz : null;
        }
        Path folder = charts.resolve(name);
        if (Files.isRegularFile(folder.resolve("Chart.yaml"))) {
            return folder;
        }
        try (var files = Files.list(charts)) {
            return files.filter(f -> {
                        String file = f.getFileName().toString();
                        return file.startsWith(name + "-")
                                && file.endsWith(".tgz")
                                && Character.isDigit(file.charAt(name.length() + 1));
                    })
                    .findFirst()
                    .orElse(null);
        }
    }

    /** Chart.lock's pinned versions by dependency name; empty when there is no Chart.lock. */
    private static Map<String, String> lockedVersions(Path directory)
            throws InvalidConfigurationException, IOException {
        Path lock = directory.resolve("Chart.lock");
        Map<String, String> result = new LinkedHashMap<>();
        if (!Files.isRegularFile(lock)) {
            return result;
        }
        for (Object entry : ChartYaml.list(ChartYaml.readMapping(lock, lock.toString()), "dependencies")) {
            if (entry instanceof Map<?, ?> dependency && dependency.get("name") != null) {
                result.put(String.valueOf(dependency.get("name")), ChartYaml.string(dependency, "version"));
            }
        }
        return result;
    }
}
