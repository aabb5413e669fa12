package dev.distribution.format.deb;

import dev.distribution.core.InvalidConfigurationException;
import dev.distribution.core.Platform;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The fields of a binary package's {@code control} file, validated against Debian policy. Build one
 * with {@link #builder()}; {@link Builder#build()} derives what was not set explicitly (the package
 * name from the artifactId, the version from the Maven version, the maintainer from the POM's
 * developers) and raises {@link InvalidConfigurationException} for the first invalid value.
 */
public final class DebControl {
    private static final Pattern PACKAGE_NAME = Pattern.compile("[a-z0-9][a-z0-9+.-]+");
    private static final Pattern MAINTAINER = Pattern.compile("[^<>,\\n]*[^<>,\\s][^<>,\\n]* <[^<>@\\s]+@[^<>\\s]+>");
    private static final Pattern SECTION = Pattern.compile("[a-z0-9][a-z0-9/+.-]*");
    private static final Pattern HOMEPAGE = Pattern.compile("https?://[^\\s]+");
    private static final Pattern RELATION = Pattern.compile("([a-z0-9][a-z0-9+.-]+)(:[a-z0-9-]+)?"
            + "(?:\\s*\\(\\s*(<<|<=|=|>=|>>)\\s*([^\\s()]+)\\s*\\))?"
            + "(?:\\s*\\[\\s*!?[a-z0-9-]+(?:\\s+!?[a-z0-9-]+)*\\s*\\])?");
    private static final Set<String> PRIORITIES = Set.of("required", "important", "standard", "optional", "extra");
    private static final Set<String> ARCHITECTURES = Set.of(
            "all",
            "amd64",
            "arm64",
            "armhf",
            "armel",
            "i386",
            "mips64el",
            "mipsel",
            "ppc64el",
            "s390x",
            "riscv64",
            "loong64");
    private static final Map<String, String> PLATFORMS = Map.ofEntries(
            Map.entry("linux/amd64", "amd64"),
            Map.entry("linux/arm64", "arm64"),
            Map.entry("linux/arm64/v8", "arm64"),
            Map.entry("linux/arm/v7", "armhf"),
            Map.entry("linux/arm/v6", "armel"),
            Map.entry("linux/arm/v5", "armel"),
            Map.entry("linux/386", "i386"),
            Map.entry("linux/ppc64le", "ppc64el"),
            Map.entry("linux/s390x", "s390x"),
            Map.entry("linux/riscv64", "riscv64"),
            Map.entry("linux/mips64le", "mips64el"),
            Map.entry("linux/mipsle", "mipsel"),
            Map.entry("linux/loong64", "loong64"));

    /** A person from the POM's {@code <developers>}; either value may be null. */
    public record Person(String name, String email) {}

    private final String packageName;
    private final String version;
    private final String architecture;
    private final String maintainer;
    private final String summary;
    private final String extendedDescription;
    private final String section;
    private final String priority;
    private final String homepage;
    private final Map<DebRelation, String> relations;

    private DebControl(Builder builder) throws InvalidConfigurationException {
        this.packageName = builder.resolvePackageName();
        this.version = builder.resolveVersion();
        this.architecture = builder.resolveArchitecture();
        this.maintainer = builder.resolveMaintainer();
        this.summary = builder.resolveSummary();
        this.extendedDescription = builder.description == null ? "" : builder.description;
        this.section = builder.resolveSection();
        this.priority = builder.resolvePriority();
        this.homepage = builder.resolveHomepage();
        this.relations = builder.resolveRelations();
    }

    /** Starts a control file. */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Normalises a Maven artifactId to a Debian package name: lower case, every character outside
     * {@code [a-z0-9+.-]} replaced by {@code -}, leading characters that are not a letter or digit
     * removed.
     *
     * @return the name, or an empty string when nothing usable is left
     */
    public static String normalizePackageName(String artifactId) {
        String lower = artifactId == null ? "" : artifactId.toLowerCase(Locale.ROOT);
        StringBuilder name = new StringBuilder();
        for (char c : lower.toCharArray()) {
            boolean allowed = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '+' || c == '.' || c == '-';
            if (name.length() == 0 && !((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'))) {
                continue;
            }
            name.append(allowed ? c : '-');
        }
        return name.toString();
    }

    /** Maps a platform such as {@code linux/amd64} to a Debian architecture, or null if unknown. */
    public static String architectureOf(String platform) {
        return platform == null ? null : PLATFORMS.get(platform.trim().toLowerCase(Locale.ROOT));
    }

    /** Returns the {@code Package} field. */
    public String packageName() {
        return packageName;
    }

    /** Returns the {@code Version} field, with its epoch and revision when set. */
    public String version() {
        return version;
    }

    /** Returns the {@code Architecture} field. */
    public String architecture() {
        return architecture;
    }

    /** Returns the {@code Maintainer} field. */
    public String maintainer() {
        return maintainer;
    }

    /** Returns the first line of the {@code Description} field. */
    public String summary() {
        return summary;
    }

    /** Returns the {@code Section} field. */
    public String section() {
        return section;
    }

    /** Returns the {@code Priority} field. */
    public String priority() {
        return priority;
    }

    /** Returns the {@code Homepage} field, or null. */
    public String homepage() {
        return homepage;
    }

    /** Returns the relationship fields that are set, in control file order. */
    public Map<DebRelation, String> relations() {
        return relations;
    }

    /** The file name Debian tools give this package: {@code <Package>_<Version>_<Architecture>.deb}, without the epoch. */
    public String fileName() {
        return packageName + "_" + DebianVersions.withoutEpoch(version) + "_" + architecture + ".deb";
    }

    /** The {@code Description} field value: the summary, then the extended text folded by Debian's rules. */
    public String descriptionField() {
        return summary + foldExtendedDescription(extendedDescription);
    }

    /** Returns the fields in control file order, without {@code Installed-Size}, which the packager computes. */
    public Map<String, String> fields() {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("Package", packageName);
        fields.put("Version", version);
        fields.put("Architecture", architecture);
        fields.put("Maintainer", maintainer);
        relations.forEach((relation, value) -> fields.put(relation.field(), value));
        fields.put("Section", section);
        fields.put("Priority", priority);
        if (homepage != null) {
            fields.put("Homepage", homepage);
        }
        fields.put("Description", descriptionField());
        return fields;
    }

    /** Returns the control file text: one {@code Field: value} line each, continuation lines indented, ending with a newline. */
    public String toControlText() {
        StringBuilder text = new StringBuilder();
        fields().forEach((field, value) ->
                text.append(field).append(": ").append(value).append('\n'));
        return text.toString();
    }

    /**
     * Folds free text into continuation lines: the common indentation is removed, each line gets one
     * leading space and each blank line becomes {@code " ."}.
     */
    static String foldExtendedDescription(String text) {
        if (text == null || text.isBlank()) {
            return "";
        }
        List<String> lines = new ArrayList<>(text.replace("\r\n", "\n")
                .replace('\t', ' ')
                .lines()
                .map(String::stripTrailing)
                .toList());
        while (!lines.isEmpty() && lines.get(0).isEmpty()) {
            lines.remove(0);
        }
        while (!lines.isEmpty() && lines.get(lines.size() - 1).isEmpty()) {
            lines.remove(lines.size() - 1);
        }
        // POM descriptions are indented like the XML around them; only the indentation beyond that counts.
        int indent = lines.stream()
                .filter(line -> !line.isEmpty())
                .mapToInt(line -> line.length() - line.stripLeading().length())
                .min()
                .orElse(0);
        lines.replaceAll(line -> line.isEmpty() ? line : line.substring(indent));
        StringBuilder folded = new StringBuilder();
        boolean previousBlank = false;
        for (String line : lines) {
            if (line.isEmpty()) {
                if (!previousBlank) {
                    folded.append("\n .");
                }
                previousBlank = true;
                continue;
            }
            previousBlank = false;
            // A line holding only "." would read as a paragraph break; dpkg keeps ".." as text.
            folded.append("\n ").append(line.equals(".") ? ".." : line);
        }
        return folded.toString();
    }

    /** Collects explicit values and POM defaults; {@link #build()} validates them. */
    public static final class Builder {
        private String artifactId;
        private String packageName;
        private String mavenVersion;
        private String version;
        private int epoch;
        private Instant snapshotTime = Instant.EPOCH;
        private String revision;
        private String architecture;
        private String platform;
        private String maintainer;
        private List<Person> developers = List.of();
        private String organization;
        private String summary;
        private String description;
        private String section;
        private String priority;
        private String homepage;
        private final Map<DebRelation, List<String>> relations = new EnumMap<>(DebRelation.class);

        private Builder() {}

        /** The Maven artifactId, the default package name once normalised. */
        public Builder artifactId(String value) {
            this.artifactId = value;
            return this;
        }

        /** An explicit package name ({@code <deb><packageName>}); it must already be valid. */
        public Builder packageName(String value) {
            this.packageName = value;
            return this;
        }

        /** The Maven project version, mapped when no explicit version is set. */
        public Builder mavenVersion(String value) {
            this.mavenVersion = value;
            return this;
        }

        /** An explicit Debian version ({@code <deb><version>}), used as given after validation. */
        public Builder version(String value) {
            this.version = value;
            return this;
        }

        /** The build's output timestamp, which numbers mapped snapshot versions so later builds sort higher. */
        public Builder snapshotTime(Instant value) {
            this.snapshotTime = value;
            return this;
        }

        /** The epoch added to a mapped version ({@code <deb><epoch>}); 0 for none. */
        public Builder epoch(int value) {
            this.epoch = value;
            return this;
        }

        /** The Debian revision added to a mapped version ({@code <deb><revision>}), or null. */
        public Builder revision(String value) {
            this.revision = value;
            return this;
        }

        /** The Debian architecture ({@code <deb><architecture>}), such as {@code all} or {@code amd64}. */
        public Builder architecture(String value) {
            this.architecture = value;
            return this;
        }

        /** A platform such as {@code linux/arm64}, used when no architecture is set. */
        public Builder platform(String value) {
            this.platform = value;
            return this;
        }

        /** A platform, used when no architecture is set. */
        public Builder platform(Platform value) {
            this.platform = value == null ? null : value.toString();
            return this;
        }

        /** An explicit maintainer, {@code Name <email>} ({@code <deb><maintainer>}). */
        public Builder maintainer(String value) {
            this.maintainer = value;
            return this;
        }

        /** The POM's developers; the first with an e-mail address becomes the maintainer. */
        public Builder developers(List<Person> value) {
            this.developers = value == null ? List.of() : List.copyOf(value);
            return this;
        }

        /** The POM's organization name, used when the chosen developer has no name. */
        public Builder organization(String value) {
            this.organization = value;
            return this;
        }

        /** The one-line summary ({@code <deb><summary>}, default the POM name). */
        public Builder summary(String value) {
            this.summary = value;
            return this;
        }

        /** The extended description ({@code <deb><description>}, default the POM description). */
        public Builder description(String value) {
            this.description = value;
            return this;
        }

        /** The section, default {@code misc}. */
        public Builder section(String value) {
            this.section = value;
            return this;
        }

        /** The priority, default {@code optional}. */
        public Builder priority(String value) {
            this.priority = value;
            return this;
        }

        /** The project home page, an http or https URL. */
        public Builder homepage(String value) {
            this.homepage = value;
            return this;
        }

        /** Adds relationship entries, such as {@code openjdk-17-jre-headless | java17-runtime-headless}. */
        public Builder relation(DebRelation relation, List<String> entries) {
            if (entries != null) {
                relations.computeIfAbsent(relation, key -> new ArrayList<>()).addAll(entries);
            }
            return this;
        }

        /** Validates every value and returns the control file. */
        public DebControl build() throws InvalidConfigurationException {
            return new DebControl(this);
        }

        private String resolvePackageName() throws InvalidConfigurationException {
            if (packageName != null) {
                if (!PACKAGE_NAME.matcher(packageName).matches()) {
                    throw new InvalidConfigurationException(
                            "<deb><packageName>",
                            packageName,
                            "at least two characters: lower case letters, digits, '+', '-' and '.', starting with a letter or digit",
                            "Set <packageName> to a name such as " + suggestion(packageName) + ".");
                }
                return packageName;
            }
            String normalized = normalizePackageName(artifactId);
            if (!PACKAGE_NAME.matcher(normalized).matches()) {
                throw new InvalidConfigurationException(
                        "<deb><packageName>",
                        null,
                        "at least two characters: lower case letters, digits, '+', '-' and '.'",
                        "The artifactId '" + artifactId
                                + "' gives no valid Debian package name; set <deb><packageName>.");
            }
            return normalized;
        }

        private static String suggestion(String name) {
            String normalized = normalizePackageName(name);
            return PACKAGE_NAME.matcher(normalized).matches() ? normalized : "my-tool";
        }

        private String resolveVersion() throws InvalidConfigurationException {
            if (version != null) {
                return DebianVersions.validate(version, "<deb><version>");
            }
            return DebianVersions.fromMaven(mavenVersion, snapshotTime, epoch, revision);
        }

        private String resolveArchitecture() throws InvalidConfigurationException {
            if (architecture != null) {
                if (!ARCHITECTURES.contains(architecture)) {
                    String mapped = architectureOf(architecture);
                    throw new InvalidConfigurationException(
                            "<deb><architecture>",
                            architecture,
                            String.join(", ", ARCHITECTURES.stream().sorted().toList()),
                            mapped != null
                                    ? "Set <architecture>" + mapped + "</architecture>."
                                    : "Use 'all' for packages without native code, or the Debian name such as amd64.");
                }
                return architecture;
            }
            if (platform != null) {
                String mapped = architectureOf(platform);
                if (mapped == null) {
                    throw new InvalidConfigurationException(
                            "<deb><platform>",
                            platform,
                            String.join(
                                    ", ", PLATFORMS.keySet().stream().sorted().toList()),
                            "Use a Linux platform such as linux/amd64, or set <deb><architecture>.");
                }
                return mapped;
            }
            return "all";
        }

        private String resolveMaintainer() throws InvalidConfigurationException {
            if (maintainer != null) {
                String trimmed = maintainer.trim();
                if (!MAINTAINER.matcher(trimmed).matches()) {
                    throw new InvalidConfigurationException(
                            "<deb><maintainer>",
                            maintainer,
                            "Name <email>, without commas",
                            "Set <maintainer>Jane Doe &lt;jane@example.com&gt;</maintainer>.");
                }
                return trimmed;
            }
            for (Person developer : developers) {
                if (developer.email() == null || developer.email().isBlank()) {
                    continue;
                }
                String name = developer.name() != null && !developer.name().isBlank() ? developer.name() : organization;
                if (name == null || name.isBlank()) {
                    continue;
                }
                String candidate = name.trim() + " <" + developer.email().trim() + ">";
                if (MAINTAINER.matcher(candidate).matches()) {
                    return candidate;
                }
            }
            throw new InvalidConfigurationException(
                    "<deb><maintainer>",
                    null,
                    "Name <email>",
                    "Set <deb><maintainer>, or add a <developers><developer> with <name> (or an <organization><name>) and"
                            + " <email> to the POM.");
        }

        private String resolveSummary() throws InvalidConfigurationException {
            String value = summary == null ? "" : summary.strip();
            if (value.isEmpty() || value.contains("\n")) {
                throw new InvalidConfigurationException(
                        "<deb><summary>",
                        summary,
                        "one non-empty line",
                        "Set <deb><summary> or the POM <name> to a one-line summary of the package.");
            }
            return value;
        }

        private String resolveSection() throws InvalidConfigurationException {
            String value = section == null ? "misc" : section;
            if (!SECTION.matcher(value).matches()) {
                throw new InvalidConfigurationException(
                        "<deb><section>",
                        section,
                        "a Debian section such as utils, java, net or contrib/misc",
                        "Set <section>utils</section>.");
            }
            return value;
        }

        private String resolvePriority() throws InvalidConfigurationException {
            String value = priority == null ? "optional" : priority;
            if (!PRIORITIES.contains(value)) {
                throw new InvalidConfigurationException(
                        "<deb><priority>",
                        priority,
                        "required, important, standard, optional",
                        "Remove <priority> to use optional.");
            }
            return value;
        }

        private String resolveHomepage() throws InvalidConfigurationException {
            if (homepage == null || homepage.isBlank()) {
                return null;
            }
            if (!HOMEPAGE.matcher(homepage.trim()).matches()) {
                throw new InvalidConfigurationException(
                        "<deb><homepage>",
                        homepage,
                        "an http or https URL",
                        "Set <homepage> to the project's web page.");
            }
            return homepage.trim();
        }

        private Map<DebRelation, String> resolveRelations() throws InvalidConfigurationException {
            Map<DebRelation, String> resolved = new EnumMap<>(DebRelation.class);
            for (Map.Entry<DebRelation, List<String>> relation : relations.entrySet()) {
                List<String> cleaned = new ArrayList<>();
                for (String entry : relation.getValue()) {
                    for (String item : entry.split(",")) {
                        String trimmed = item.strip().replaceAll("\\s+", " ");
                        if (!trimmed.isEmpty()) {
                            validateRelation(relation.getKey(), trimmed);
                            cleaned.add(trimmed);
                        }
                    }
                }
                if (!cleaned.isEmpty()) {
                    resolved.put(relation.getKey(), String.join(", ", cleaned));
                }
            }
            return resolved;
        }

        private static void validateRelation(DebRelation relation, String entry) throws InvalidConfigurationException {
            for (String alternative : entry.split("\\|")) {
                Matcher matcher = RELATION.matcher(alternative.strip());
                boolean valid = matcher.matches();
                if (valid && matcher.group(4) != null) {
                    try {
                        DebianVersions.validate(matcher.group(4), relation.element());
                    } catch (InvalidConfigurationException e) {
                        valid = false;
                    }
                }
                if (!valid) {
                    throw new InvalidConfigurationException(
                            relation.element(),
                            entry,
                            "package names with an optional version such as 'libc6 (>= 2.36)' or"
                                    + " alternatives 'a | b'; operators <<, <=, =, >=, >>",
                            "Write each entry as a package name with an optional version, such as"
                                    + " 'openjdk-17-jre-headless (>= 17)'.");
                }
            }
        }
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof DebControl that && fields().equals(that.fields());
    }

    @Override
    public int hashCode() {
        return Objects.hash(fields());
    }

    @Override
    public String toString() {
        return toControlText();
    }
}
