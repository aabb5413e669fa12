package dev.distribution.maven;

import dev.distribution.core.InvalidConfigurationException;
import dev.distribution.core.Platform;
import dev.distribution.format.brew.BottleTag;
import dev.distribution.format.brew.Formula;
import dev.distribution.format.brew.FormulaName;
import dev.distribution.format.brew.FormulaWriter;
import dev.distribution.version.InvalidVersionException;
import dev.distribution.version.VersionMapper;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.apache.maven.model.License;
import org.apache.maven.project.MavenProject;

/**
 * Turns the {@code <brew>} block into the formula model, validating every value, so that both
 * brew goals reject the same mistakes before anything is built or uploaded.
 */
final class BrewFormulas {
    static final String ELEMENT = "<brew>";
    static final String DEFAULT_AUTHOR = "distribution-maven-plugin <distribution-maven-plugin@localhost>";

    private static final Pattern DEPENDENCY = Pattern.compile("[a-z0-9][a-z0-9+_.@/-]*");
    private static final Set<String> DEPENDENCY_KINDS = Set.of("build", "test", "optional", "recommended");
    private static final Pattern VARIABLE = Pattern.compile("HOMEBREW_[A-Z0-9_]+");
    private static final Pattern JAVA_VERSION = Pattern.compile("[1-9][0-9]*");
    private static final Pattern AUTHOR = Pattern.compile("([^<>]+?)\\s*<([^<>\\s]+@[^<>\\s]+)>");

    private final BrewConfig config;
    private final MavenProject project;
    private final FormulaName name;
    private final String version;
    private final Formula.Install install;

    BrewFormulas(BrewConfig config, MavenProject project, Instant timestamp) throws InvalidConfigurationException {
        this.config = config;
        this.project = project;
        this.name = FormulaName.parse(config.name != null ? config.name : project.getArtifactId(), ELEMENT + "<name>");
        this.version = version(config, project, timestamp);
        this.install = install();
    }

    FormulaName name() {
        return name;
    }

    String version() {
        return version;
    }

    Formula.Install installSteps() {
        return install;
    }

    /** The platforms of {@code <platforms>}, or null to take every platform with an archive. */
    List<Platform> platforms() throws InvalidConfigurationException {
        if (config.platforms == null || config.platforms.isBlank()) {
            return null;
        }
        List<Platform> platforms = Platform.parseList(config.platforms, ELEMENT + "<platforms>");
        for (Platform platform : platforms) {
            if (!dev.distribution.format.brew.PublishedArchives.BREW_PLATFORMS.contains(platform)) {
                throw new InvalidConfigurationException(
                        ELEMENT + "<platforms>",
                        platform.toString(),
                        "darwin/arm64, darwin/amd64, linux/arm64, linux/amd64",
                        "Homebrew runs on macOS and Linux on Intel or ARM only; remove " + platform + ".");
            }
        }
        return platforms;
    }

    /** The bottle tags of {@code <bottles>}, in the order given. */
    List<BottleTag> bottleTags() throws InvalidConfigurationException {
        List<BottleTag> tags = new ArrayList<>();
        if (config.bottles == null || config.bottles.isBlank()) {
            return tags;
        }
        for (String item : config.bottles.split(",")) {
            BottleTag tag = BottleTag.parse(item, ELEMENT + "<bottles>");
            if (tags.stream().anyMatch(known -> known.tag().equals(tag.tag()))) {
                throw new InvalidConfigurationException(
                        ELEMENT + "<bottles>", config.bottles, "each tag once", "Remove the second " + tag + ".");
            }
            tags.add(tag);
        }
        return tags;
    }

    /** The commit author as name and e-mail. */
    String[] author() throws InvalidConfigurationException {
        String value = config.commitAuthor != null ? config.commitAuthor.trim() : DEFAULT_AUTHOR;
        var matcher = AUTHOR.matcher(value);
        if (!matcher.matches()) {
            throw new InvalidConfigurationException(
                    ELEMENT + "<commitAuthor>",
                    value,
                    "Name <email>",
                    "Write the author as in git, for example Release Bot <release@example.com>.");
        }
        return new String[] {matcher.group(1), matcher.group(2)};
    }

    /** Builds the formula with its downloads and bottles. */
    Formula formula(List<Formula.Download> downloads, Formula.Bottles bottles) throws InvalidConfigurationException {
        return new Formula(
                name,
                text(config.desc != null ? config.desc : project.getDescription()),
                text(config.homepage != null ? config.homepage : project.getUrl()),
                text(config.license != null ? config.license : firstLicense()),
                version,
                downloads,
                dependencies(),
                install,
                testArguments(),
                text(config.caveats),
                service(),
                privateDownload(),
                bottles);
    }

    /** Validates everything that does not depend on published files. */
    void validate() throws InvalidConfigurationException {
        platforms();
        bottleTags();
        author();
        dependencies();
        service();
        privateDownload();
    }

    private static String version(BrewConfig config, MavenProject project, Instant timestamp)
            throws InvalidConfigurationException {
        try {
            if (config.version != null) {
                VersionMapper.validateHomebrew(config.version);
                return config.version;
            }
            return new VersionMapper(timestamp).homebrew(project.getVersion());
        } catch (InvalidVersionException e) {
            throw new InvalidConfigurationException(
                    ELEMENT + "<version>",
                    config.version != null ? config.version : project.getVersion(),
                    "a version Homebrew orders like Maven, such as 1.2.3 or 1.2.3-rc1",
                    e.getMessage() + " Set <brew><version> to a Homebrew version.");
        }
    }

    private Formula.Install install() throws InvalidConfigurationException {
        List<Formula.Binary> binaries = new ArrayList<>();
        if (config.binaries != null) {
            for (int i = 0; i < config.binaries.size(); i++) {
                BrewConfig.BinaryConfig binary = config.binaries.get(i);
                String element = ELEMENT + "<binaries><binary>[" + (i + 1) + "]";
                String source = archivePath(binary.source, element + "<source>");
                String command = binary.name != null
                        ? binary.name.trim()
                        : Path.of(source).getFileName().toString();
                binaries.add(new Formula.Binary(source, commandName(command, element + "<name>")));
            }
        }
        Formula.Launcher launcher = launcher();
        if (binaries.isEmpty() && launcher == null) {
            // Without configuration the archive is expected to carry bin/<formula name>.
            binaries.add(new Formula.Binary("bin/" + name.name(), name.name()));
        }
        List<String> manPages = new ArrayList<>();
        if (config.manPages != null) {
            for (String page : config.manPages) {
                String path = archivePath(page, ELEMENT + "<manPages><manPage>");
                try {
                    FormulaWriter.manSection(path);
                } catch (IllegalArgumentException e) {
                    throw new InvalidConfigurationException(
                            ELEMENT + "<manPages><manPage>",
                            page,
                            "a file whose name ends with its section, .1 to .8",
                            "Name the page like hello.1.");
                }
                manPages.add(path);
            }
        }
        BrewConfig.CompletionsConfig completions = config.completions;
        return new Formula.Install(
                binaries,
                manPages,
                completions == null ? null : optionalPath(completions.bash, ELEMENT + "<completions><bash>"),
                completions == null ? null : optionalPath(completions.zsh, ELEMENT + "<completions><zsh>"),
                completions == null ? null : optionalPath(completions.fish, ELEMENT + "<completions><fish>"),
                launcher);
    }

    private Formula.Launcher launcher() throws InvalidConfigurationException {
        BrewConfig.LauncherConfig launcher = config.launcher;
        if (launcher == null) {
            return null;
        }
        String element = ELEMENT + "<launcher>";
        if ((launcher.jar == null) == (launcher.script == null)) {
            throw new InvalidConfigurationException(
                    element,
                    launcher.jar == null ? null : launcher.jar + ", " + launcher.script,
                    "exactly one of <jar> and <script>",
                    "Name the jar to run with java -jar, or the start script of the archive.");
        }
        String java = launcher.java == null ? null : launcher.java.trim();
        if (java != null && !JAVA_VERSION.matcher(java).matches()) {
            throw new InvalidConfigurationException(
                    element + "<java>",
                    launcher.java,
                    "a major Java version such as 21",
                    "Set the major version only.");
        }
        String command =
                commandName(launcher.command != null ? launcher.command.trim() : name.name(), element + "<command>");
        return launcher.jar != null
                ? new Formula.Launcher(
                        Formula.Launcher.Kind.JAR, archivePath(launcher.jar, element + "<jar>"), command, java)
                : new Formula.Launcher(
                        Formula.Launcher.Kind.SCRIPT,
                        archivePath(launcher.script, element + "<script>"),
                        command,
                        java);
    }

    private List<Formula.Dependency> dependencies() throws InvalidConfigurationException {
        List<Formula.Dependency> dependencies = new ArrayList<>();
        if (config.depends != null && !config.depends.isBlank()) {
            for (String item : config.depends.split(",")) {
                String[] parts = item.trim().split(":", 2);
                String formula = parts[0].trim();
                String kind = parts.length == 2 ? parts[1].trim() : null;
                if (!DEPENDENCY.matcher(formula).matches() || (kind != null && !DEPENDENCY_KINDS.contains(kind))) {
                    throw new InvalidConfigurationException(
                            ELEMENT + "<depends>",
                            item.trim(),
                            "comma-separated formula names, each optionally followed by :build, :test, :optional"
                                    + " or :recommended",
                            "Write the dependencies like openjdk@21, go:build.");
                }
                dependencies.add(new Formula.Dependency(formula, kind));
            }
        }
        Formula.Launcher launcher = install == null ? null : install.launcher();
        if (launcher != null && dependencies.stream().noneMatch(d -> d.formula().startsWith("openjdk"))) {
            dependencies.add(0, new Formula.Dependency(launcher.jdkFormula(), null));
        }
        return dependencies;
    }

    private String testArguments() {
        if (config.test == null) {
            return "--version";
        }
        return config.test.trim().equals("none") ? null : config.test.trim();
    }

    private Formula.Service service() throws InvalidConfigurationException {
        if (config.service == null) {
            return null;
        }
        List<String> arguments = config.service.arguments == null || config.service.arguments.isBlank()
                ? List.of()
                : Arrays.asList(config.service.arguments.trim().split("\\s+"));
        return new Formula.Service(arguments, config.service.keepAlive == null || config.service.keepAlive);
    }

    private Formula.PrivateDownload privateDownload() throws InvalidConfigurationException {
        BrewConfig.PrivateDownloadConfig download = config.privateDownload;
        if (download == null) {
            return null;
        }
        String element = ELEMENT + "<privateDownload>";
        if (download.variable == null
                || !VARIABLE.matcher(download.variable.trim()).matches()) {
            throw new InvalidConfigurationException(
                    element + "<variable>",
                    download.variable,
                    "an environment variable name starting with HOMEBREW_, such as HOMEBREW_NEXUS_TOKEN",
                    "brew passes only HOMEBREW_* variables to formula code; rename the variable.");
        }
        String header = download.header == null ? "Authorization" : download.header.trim();
        if (header.equals("none")) {
            return new Formula.PrivateDownload(null, null, download.variable.trim());
        }
        if (!header.matches("[A-Za-z0-9-]+")) {
            throw new InvalidConfigurationException(
                    element + "<header>",
                    download.header,
                    "an HTTP header name, or none",
                    "Use a name like Authorization.");
        }
        String scheme = download.scheme == null ? "Bearer" : download.scheme.trim();
        return new Formula.PrivateDownload(header, scheme, download.variable.trim());
    }

    private String firstLicense() {
        List<License> licenses = project.getLicenses();
        return licenses == null || licenses.isEmpty() ? null : licenses.get(0).getName();
    }

    private static String text(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }

    private static String optionalPath(String value, String element) throws InvalidConfigurationException {
        return value == null || value.isBlank() ? null : archivePath(value, element);
    }

    private static String archivePath(String value, String element) throws InvalidConfigurationException {
        String path = value == null ? "" : value.trim().replace('\\', '/');
        boolean unsafe = path.isEmpty()
                || path.startsWith("/")
                || Arrays.stream(path.split("/")).anyMatch(s -> s.isEmpty() || s.equals(".") || s.equals(".."));
        if (unsafe) {
            throw new InvalidConfigurationException(
                    element,
                    value,
                    "a relative file path inside the archive, below its top folder",
                    "Write the path like bin/hello, without '.', '..' or a leading '/'.");
        }
        return path;
    }

    private static String commandName(String value, String element) throws InvalidConfigurationException {
        if (value.isEmpty() || value.contains("/") || value.startsWith(".")) {
            throw new InvalidConfigurationException(
                    element, value, "a file name without '/'", "Name the command like hello.");
        }
        return value;
    }
}
