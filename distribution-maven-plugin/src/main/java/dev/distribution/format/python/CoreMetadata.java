package dev.distribution.format.python;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The core metadata of one release (the {@code METADATA} file of a wheel, the {@code PKG-INFO} of
 * an sdist). Instances are immutable and valid: {@link CoreMetadataBuilder#build()} checks every
 * field before one is created. The metadata version is the lowest one in which every field used is
 * defined: 2.4 when a license expression or a license file is present, else 2.1.
 */
public final class CoreMetadata {
    private final String name;
    private final String version;
    private final String summary;
    private final String description;
    private final String descriptionContentType;
    private final String readmeName;
    private final String licenseExpression;
    private final String licenseText;
    private final List<LicenseFile> licenseFiles;
    private final List<Person> authors;
    private final List<Person> maintainers;
    private final Map<String, String> projectUrls;
    private final List<String> keywords;
    private final List<String> classifiers;
    private final String requiresPython;
    private final String fixedMetadataVersion;
    private final List<String> requiresDist;
    private final Map<String, List<String>> extras;
    private final SortedMap<String, SortedMap<String, String>> entryPoints;

    CoreMetadata(CoreMetadataBuilder b) {
        this.name = b.name;
        this.version = b.version;
        this.summary = b.summary;
        this.description = b.description;
        this.descriptionContentType = b.descriptionContentType;
        this.readmeName = b.readmeName;
        this.licenseExpression = b.licenseExpression;
        this.licenseText = b.licenseText;
        this.licenseFiles = List.copyOf(b.licenseFiles.values());
        this.authors = List.copyOf(b.authors);
        this.maintainers = List.copyOf(b.maintainers);
        this.projectUrls = Collections.unmodifiableMap(new LinkedHashMap<>(b.projectUrls));
        this.keywords = List.copyOf(b.keywords);
        this.classifiers = List.copyOf(b.classifiers);
        this.requiresPython = b.requiresPython;
        this.fixedMetadataVersion = b.metadataVersion;
        this.requiresDist = List.copyOf(b.requiresDist);
        Map<String, List<String>> extraCopy = new LinkedHashMap<>();
        b.extras.forEach((extra, requirements) -> extraCopy.put(extra, List.copyOf(requirements)));
        this.extras = Collections.unmodifiableMap(extraCopy);
        SortedMap<String, SortedMap<String, String>> pointCopy = new TreeMap<>();
        b.entryPoints.forEach(
                (group, points) -> pointCopy.put(group, Collections.unmodifiableSortedMap(new TreeMap<>(points))));
        this.entryPoints = Collections.unmodifiableSortedMap(pointCopy);
    }

    /** Starts an empty builder. */
    public static CoreMetadataBuilder builder() {
        return new CoreMetadataBuilder();
    }

    /** The project name as written by the user, for example {@code Hello.Pkg}. */
    public String name() {
        return name;
    }

    /** The normalised PEP 440 version. */
    public String version() {
        return version;
    }

    /** The one-line summary; null when absent. */
    public String summary() {
        return summary;
    }

    /** The long description (the README text); null when absent. */
    public String description() {
        return description;
    }

    /** The content type of the description, such as {@code text/markdown}; null when absent. */
    public String descriptionContentType() {
        return descriptionContentType;
    }

    /** The file name of the README the description came from; null when it was given as text. */
    public String readmeName() {
        return readmeName;
    }

    /** The free-text {@code License} field (legacy); null when absent. */
    public String licenseText() {
        return licenseText;
    }

    /** The authors, in the order given. */
    public List<Person> authors() {
        return authors;
    }

    /** The maintainers, in the order given. */
    public List<Person> maintainers() {
        return maintainers;
    }

    /** The project URLs by label, in the order given. */
    public Map<String, String> projectUrls() {
        return projectUrls;
    }

    /** The keywords, in the order given. */
    public List<String> keywords() {
        return keywords;
    }

    /** The trove classifiers, in the order given. */
    public List<String> classifiers() {
        return classifiers;
    }

    /** The requirements every install needs, as PEP 508 strings. */
    public List<String> requiresDist() {
        return requiresDist;
    }

    /** The requirements of each extra, by normalised extra name. */
    public Map<String, List<String>> extras() {
        return extras;
    }

    /** The SPDX license expression; null when absent. */
    public String licenseExpression() {
        return licenseExpression;
    }

    /** The license files, in the order given. */
    public List<LicenseFile> licenseFiles() {
        return licenseFiles;
    }

    /** The {@code Requires-Python} specifier; null when absent. */
    public String requiresPython() {
        return requiresPython;
    }

    /** The entry points by group and name, sorted; the {@code console_scripts} group holds scripts. */
    public SortedMap<String, SortedMap<String, String>> entryPoints() {
        return entryPoints;
    }

    /** The name used in wheel, sdist and {@code .dist-info} names, for example {@code hello_pkg}. */
    public String fileNamePart() {
        return PythonNames.fileNamePart(name);
    }

    /**
     * The core metadata version written: the one asked for, else the lowest the fields need, {@code
     * 2.4} or {@code 2.1}.
     */
    public String metadataVersion() {
        if (fixedMetadataVersion != null) {
            return fixedMetadataVersion;
        }
        return licenseExpression != null || !licenseFiles.isEmpty() ? "2.4" : "2.1";
    }

    /** The wheel file name, {@code <name>-<version>-py3-none-any.whl}. */
    public String wheelFileName() {
        return fileNamePart() + "-" + version + "-py3-none-any.whl";
    }

    /** The sdist file name, {@code <name>-<version>.tar.gz}. */
    public String sdistFileName() {
        return fileNamePart() + "-" + version + ".tar.gz";
    }

    /** The {@code entry_points.txt} content, or null when there are no entry points. */
    public String entryPointsText() {
        if (entryPoints.isEmpty()) {
            return null;
        }
        StringBuilder out = new StringBuilder();
        entryPoints.forEach((group, points) -> {
            out.append('[').append(group).append("]\n");
            points.forEach(
                    (key, value) -> out.append(key).append(" = ").append(value).append('\n'));
            out.append('\n');
        });
        return out.toString();
    }

    /** The metadata file as UTF-8 bytes. */
    public byte[] toBytes() {
        return toText().getBytes(StandardCharsets.UTF_8);
    }

    /**
     * The metadata file: one {@code Field: value} line per value, the description as the body after
     * a blank line.
     */
    public String toText() {
        StringBuilder out = new StringBuilder();
        field(out, "Metadata-Version", metadataVersion());
        field(out, "Name", name);
        field(out, "Version", version);
        field(out, "Summary", summary);
        if (!keywords.isEmpty()) {
            field(out, "Keywords", String.join(",", keywords));
        }
        people(out, "Author", "Author-email", authors);
        people(out, "Maintainer", "Maintainer-email", maintainers);
        field(out, "License", licenseText);
        field(out, "License-Expression", licenseExpression);
        licenseFiles.forEach(file -> field(out, "License-File", file.name()));
        projectUrls.forEach((label, url) -> field(out, "Project-URL", label + ", " + url));
        classifiers.forEach(classifier -> field(out, "Classifier", classifier));
        field(out, "Requires-Python", requiresPython);
        field(out, "Description-Content-Type", descriptionContentType);
        requiresDist.forEach(requirement -> field(out, "Requires-Dist", requirement));
        extras.forEach((extra, requirements) -> {
            field(out, "Provides-Extra", extra);
            requirements.forEach(requirement -> field(out, "Requires-Dist", withExtra(requirement, extra)));
        });
        if (description != null && !description.isEmpty()) {
            out.append('\n').append(description);
            if (!description.endsWith("\n")) {
                out.append('\n');
            }
        }
        return out.toString();
    }

    /** Adds the {@code extra == "name"} marker, keeping any marker the requirement already has. */
    static String withExtra(String requirement, String extra) {
        int semicolon = requirement.indexOf(';');
        String marker = "extra == \"" + extra + "\"";
        if (semicolon < 0) {
            return requirement.strip() + "; " + marker;
        }
        String base = requirement.substring(0, semicolon).strip();
        String existing = requirement.substring(semicolon + 1).strip();
        return base + "; (" + existing + ") and " + marker;
    }

    private static void people(StringBuilder out, String nameField, String emailField, List<Person> people) {
        List<String> names = new ArrayList<>();
        List<String> mailboxes = new ArrayList<>();
        for (Person person : people) {
            if (person.email() == null) {
                names.add(person.name());
            } else {
                mailboxes.add(person.mailbox());
            }
        }
        if (!names.isEmpty()) {
            field(out, nameField, String.join(", ", names));
        }
        if (!mailboxes.isEmpty()) {
            field(out, emailField, mailboxes.stream().collect(Collectors.joining(", ")));
        }
    }

    private static void field(StringBuilder out, String field, String value) {
        if (value != null) {
            out.append(field).append(": ").append(value).append('\n');
        }
    }
}
