package dev.distribution.format.oci;

import dev.distribution.core.InvalidConfigurationException;
import dev.distribution.core.Platform;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * Everything that defines an image: name, platforms, base, content, container configuration,
 * annotations, creation time and tags. Built and validated by {@link Builder#build()}, so an
 * instance is always complete and every file it names exists.
 */
public final class ImageSpec {
    /** Prefix of the OCI pre-defined annotation keys. */
    public static final String ANNOTATION_PREFIX = "org.opencontainers.image.";

    /** Short annotation names accepted, each stored as {@code org.opencontainers.image.<name>}. */
    public static final Set<String> ANNOTATIONS = Set.of(
            "title",
            "description",
            "version",
            "revision",
            "source",
            "licenses",
            "url",
            "documentation",
            "vendor",
            "authors");

    /** Operating systems that container images exist for. */
    private static final List<String> IMAGE_OS = List.of("linux", "windows", "freebsd");

    private static final Pattern ENV_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
    private static final Pattern PORT = Pattern.compile("([0-9]{1,5})(?:/(tcp|udp))?");
    private static final Pattern OCTAL_MODE = Pattern.compile("0?[0-7]{3}");

    private final String name;
    private final List<Platform> platforms;
    private final BaseImage base;
    private final JavaApplication javaApplication;
    private final List<ImageFile> files;
    private final List<String> entrypoint;
    private final List<String> cmd;
    private final Map<String, String> environment;
    private final String workingDirectory;
    private final String user;
    private final List<String> exposedPorts;
    private final List<String> volumes;
    private final Map<String, String> labels;
    private final Map<String, String> annotations;
    private final Instant creationTime;
    private final List<ImageTag> tags;
    private final Path baseDirectory;

    private ImageSpec(Builder builder) {
        this.name = builder.name;
        this.platforms = List.copyOf(builder.platforms);
        this.base = builder.base;
        this.javaApplication = builder.javaApplication;
        this.files = List.copyOf(builder.files);
        this.entrypoint = builder.entrypoint == null ? null : List.copyOf(builder.entrypoint);
        this.cmd = builder.cmd == null ? null : List.copyOf(builder.cmd);
        this.environment = Map.copyOf(new TreeMap<>(builder.environment));
        this.workingDirectory = builder.workingDirectory;
        this.user = builder.user;
        this.exposedPorts = List.copyOf(builder.exposedPorts);
        this.volumes = List.copyOf(builder.volumes);
        this.labels = java.util.Collections.unmodifiableMap(new TreeMap<>(builder.labels));
        this.annotations = java.util.Collections.unmodifiableMap(fullAnnotations(builder));
        this.creationTime = builder.creationTime;
        this.tags = List.copyOf(builder.tags);
        this.baseDirectory = builder.baseDirectory;
    }

    private static Map<String, String> fullAnnotations(Builder builder) {
        Map<String, String> result = new TreeMap<>();
        builder.annotations.forEach((key, value) -> result.put(ANNOTATION_PREFIX + key, value));
        result.put(ANNOTATION_PREFIX + "created", DateTimeFormatter.ISO_INSTANT.format(builder.creationTime));
        return result;
    }

    /** Starts a spec for the image {@code name} built from files under {@code baseDirectory}. */
    public static Builder builder(String name, Path baseDirectory) {
        return new Builder(name, baseDirectory);
    }

    /** The repository name, for example {@code team/hello}. */
    public String name() {
        return name;
    }

    /** The platforms, in the order the index lists them. */
    public List<Platform> platforms() {
        return platforms;
    }

    /** The base image. */
    public BaseImage base() {
        return base;
    }

    /** The Java application, or null when the image holds only files. */
    public JavaApplication javaApplication() {
        return javaApplication;
    }

    /** The files to copy, each possibly restricted to some platforms. */
    public List<ImageFile> files() {
        return files;
    }

    /** The entrypoint, or null to keep the Java application's or the base image's. */
    public List<String> entrypoint() {
        return entrypoint;
    }

    /** The command (arguments to the entrypoint), or null to keep the base image's. */
    public List<String> cmd() {
        return cmd;
    }

    /** Environment variables added to the base image's, sorted by name. */
    public Map<String, String> environment() {
        return environment;
    }

    /** The working directory, or null to keep the base image's. */
    public String workingDirectory() {
        return workingDirectory;
    }

    /** The user ({@code name}, {@code uid} or {@code uid:gid}), or null to keep the base image's. */
    public String user() {
        return user;
    }

    /** Exposed ports such as {@code 8080} or {@code 53/udp}. */
    public List<String> exposedPorts() {
        return exposedPorts;
    }

    /** Volume mount points. */
    public List<String> volumes() {
        return volumes;
    }

    /** Labels of the image configuration, sorted by key. */
    public Map<String, String> labels() {
        return labels;
    }

    /** The {@code org.opencontainers.image.*} annotations of the index and each manifest, sorted by key. */
    public Map<String, String> annotations() {
        return annotations;
    }

    /** The creation time written to the configuration and the {@code created} annotation. */
    public Instant creationTime() {
        return creationTime;
    }

    /** The tags to publish under, release tags first. */
    public List<ImageTag> tags() {
        return tags;
    }

    /** Resolves a configured path against the project directory. */
    public Path resolve(String path) {
        return baseDirectory.resolve(path).normalize();
    }

    /** Collects the values of an image and validates them all in {@link #build()}. */
    public static final class Builder {
        private final String name;
        private final Path baseDirectory;
        private String platformList = "linux/amd64";
        private List<Platform> platforms = List.of();
        private BaseImage base = new BaseImage.Scratch();
        private JavaApplication javaApplication;
        private final List<ImageFile> files = new ArrayList<>();
        private final List<String> platformFilters = new ArrayList<>();
        private List<String> entrypoint;
        private List<String> cmd;
        private final Map<String, String> environment = new LinkedHashMap<>();
        private String workingDirectory;
        private String user;
        private final List<String> exposedPorts = new ArrayList<>();
        private final List<String> volumes = new ArrayList<>();
        private final Map<String, String> labels = new LinkedHashMap<>();
        private final Map<String, String> annotations = new LinkedHashMap<>();
        private Instant creationTime = Instant.EPOCH;
        private final List<ImageTag> tags = new ArrayList<>();
        private final List<String> tagNames = new ArrayList<>();

        private Builder(String name, Path baseDirectory) {
            this.name = name;
            this.baseDirectory = Objects.requireNonNull(baseDirectory, "baseDirectory");
        }

        /** Sets the platforms as a comma-separated list, for example {@code linux/amd64,linux/arm64}. */
        public Builder platforms(String list) {
            this.platformList = list;
            return this;
        }

        /** Sets the base image. */
        public Builder base(BaseImage base) {
            this.base = Objects.requireNonNull(base, "base");
            return this;
        }

        /** Parses and sets the base image from its POM form, see {@link BaseImage#parse}. */
        public Builder base(String base) throws InvalidConfigurationException {
            this.base = BaseImage.parse(base, baseDirectory, "<image><base>");
            return this;
        }

        /** Sets the Java application. */
        public Builder javaApplication(JavaApplication application) {
            this.javaApplication = application;
            return this;
        }

        /**
         * Adds a file or directory.
         *
         * @param platformList the platforms that get it, comma-separated, or null for all
         */
        public Builder file(String source, String target, String mode, String platformList) {
            files.add(new ImageFile(source, target, mode, List.of()));
            platformFilters.add(platformList);
            return this;
        }

        /** Sets the entrypoint. */
        public Builder entrypoint(List<String> entrypoint) {
            this.entrypoint = entrypoint;
            return this;
        }

        /** Sets the command. */
        public Builder cmd(List<String> cmd) {
            this.cmd = cmd;
            return this;
        }

        /** Adds an environment variable. */
        public Builder environment(String variable, String value) {
            environment.put(variable, value);
            return this;
        }

        /** Sets the working directory. */
        public Builder workingDirectory(String directory) {
            this.workingDirectory = directory;
            return this;
        }

        /** Sets the user. */
        public Builder user(String user) {
            this.user = user;
            return this;
        }

        /** Adds an exposed port such as {@code 8080} or {@code 53/udp}. */
        public Builder exposedPort(String port) {
            exposedPorts.add(port);
            return this;
        }

        /** Adds a volume. */
        public Builder volume(String volume) {
            volumes.add(volume);
            return this;
        }

        /** Adds a label. */
        public Builder label(String key, String value) {
            labels.put(key, value);
            return this;
        }

        /**
         * Sets an OCI annotation by its short name, for example {@code title} for
         * {@code org.opencontainers.image.title}; a null or blank value is ignored.
         */
        public Builder annotation(String shortName, String value) {
            if (value != null && !value.isBlank()) {
                annotations.put(shortName, value);
            }
            return this;
        }

        /** Sets the creation time, usually the build's output timestamp. */
        public Builder creationTime(Instant time) {
            this.creationTime = Objects.requireNonNull(time, "time");
            return this;
        }

        /** Adds a tag; {@code latest} and snapshot tags move, others are written once. */
        public Builder tag(String tag) {
            tagNames.add(tag);
            return this;
        }

        /**
         * Validates every value and returns the spec.
         *
         * @throws InvalidConfigurationException naming the first element whose value cannot be
         *     used, before anything is built or pushed
         */
        public ImageSpec build() throws InvalidConfigurationException {
            ImageNames.checkName(name, "<image><name>");
            platforms = Platform.parseList(platformList, "<image><platforms>");
            for (Platform platform : platforms) {
                if (!IMAGE_OS.contains(platform.os())) {
                    throw new InvalidConfigurationException(
                            "<image><platforms>",
                            platformList,
                            "platforms with os " + String.join(", ", IMAGE_OS),
                            "Remove " + platform + ": container images run on linux, windows or freebsd kernels.");
                }
            }
            checkTags();
            checkFiles();
            checkJavaApplication();
            checkConfiguration();
            checkAnnotations();
            checkBase();
            return new ImageSpec(this);
        }

        private void checkTags() throws InvalidConfigurationException {
            if (tagNames.isEmpty()) {
                throw new InvalidConfigurationException(
                        "<image><tags>", null, ImageNames.TAG_ACCEPTED, "Set the project version or list tags.");
            }
            for (String tagName : tagNames) {
                ImageTag tag = ImageTag.of(ImageNames.checkTag(tagName, "<image><tags>"));
                if (tags.stream().noneMatch(existing -> existing.name().equals(tag.name()))) {
                    tags.add(tag);
                }
            }
        }

        private void checkFiles() throws InvalidConfigurationException {
            for (int i = 0; i < files.size(); i++) {
                ImageFile file = files.get(i);
                String element = "<image><files><file>[" + (i + 1) + "]";
                List<Platform> only = platformFilters.get(i) == null
                        ? List.of()
                        : Platform.parseList(platformFilters.get(i), element + "<platforms>");
                for (Platform platform : only) {
                    if (!platforms.contains(platform)) {
                        throw new InvalidConfigurationException(
                                element + "<platforms>",
                                platformFilters.get(i),
                                "platforms listed in <image><platforms> (" + platforms + ")",
                                "Add " + platform + " to <image><platforms> or remove it here.");
                    }
                }
                file = new ImageFile(file.source(), file.target(), file.mode(), only);
                files.set(i, file);
                checkAbsolute(file.target(), element + "<target>");
                if (file.mode() != null && !OCTAL_MODE.matcher(file.mode()).matches()) {
                    throw new InvalidConfigurationException(
                            element + "<mode>", file.mode(), "three octal digits such as 755", "Fix the mode.");
                }
                for (Platform platform : platforms) {
                    if (!file.appliesTo(platform)) {
                        continue;
                    }
                    Path source = baseDirectory.resolve(file.sourceFor(platform));
                    if (!Files.isReadable(source)) {
                        throw new InvalidConfigurationException(
                                element + "<source>",
                                file.source(),
                                "an existing file or directory for each platform ({os}, {arch} and {variant}"
                                        + " are replaced)",
                                "Build " + source + " for " + platform + " first, or restrict the file with"
                                        + " <platforms>.");
                    }
                }
            }
        }

        private void checkJavaApplication() throws InvalidConfigurationException {
            if (javaApplication == null) {
                return;
            }
            if (!javaApplication.mainClass().matches("[\\p{L}_$][\\p{L}\\p{N}_$]*(\\.[\\p{L}_$][\\p{L}\\p{N}_$]*)*")) {
                throw new InvalidConfigurationException(
                        "<image><mainClass>",
                        javaApplication.mainClass(),
                        "a fully qualified class name",
                        "Set the class that has the main method, for example com.example.Main.");
            }
            checkAbsolute(javaApplication.appRoot(), "<image><appRoot>");
            for (Path dependency : javaApplication.dependencies()) {
                if (!Files.isReadable(dependency)) {
                    throw new InvalidConfigurationException(
                            "<image> dependency",
                            dependency.toString(),
                            "a readable jar",
                            "Run the build with" + " 'mvn package' so the dependencies are resolved.");
                }
            }
        }

        private void checkConfiguration() throws InvalidConfigurationException {
            for (String variable : environment.keySet()) {
                if (!ENV_NAME.matcher(variable).matches()) {
                    throw new InvalidConfigurationException(
                            "<image><environment>",
                            variable,
                            "letters, digits and '_', not starting with a digit",
                            "Rename the variable.");
                }
            }
            if (workingDirectory != null) {
                checkAbsolute(workingDirectory, "<image><workingDirectory>");
            }
            for (String volume : volumes) {
                checkAbsolute(volume, "<image><volumes>");
            }
            for (String port : exposedPorts) {
                var matcher = PORT.matcher(port);
                if (!matcher.matches()
                        || Integer.parseInt(matcher.group(1)) < 1
                        || Integer.parseInt(matcher.group(1)) > 65535) {
                    throw new InvalidConfigurationException(
                            "<image><exposedPorts>",
                            port,
                            "a port 1 to 65535, optionally followed by /tcp or /udp",
                            "Write the port as 8080 or 53/udp.");
                }
            }
            if (user != null && (user.isBlank() || user.contains(" "))) {
                throw new InvalidConfigurationException(
                        "<image><user>", user, "name, uid, name:group or uid:gid", "Fix the user.");
            }
        }

        private void checkAnnotations() throws InvalidConfigurationException {
            for (String key : annotations.keySet()) {
                if (!ANNOTATIONS.contains(key)) {
                    throw new InvalidConfigurationException(
                            "<image><annotations>",
                            key,
                            String.join(", ", new java.util.TreeSet<>(ANNOTATIONS))
                                    + " ('created' comes from the build timestamp)",
                            "Use one of the OCI names without the org.opencontainers.image. prefix.");
                }
            }
        }

        private void checkBase() throws InvalidConfigurationException {
            BaseImages.check(base, platforms);
        }

        private static void checkAbsolute(String path, String element) throws InvalidConfigurationException {
            if (path == null
                    || !path.startsWith("/")
                    || path.contains("\\")
                    || path.contains("/../")
                    || path.endsWith("/..")) {
                throw new InvalidConfigurationException(
                        element, path, "an absolute Unix path such as /app", "Start the path with '/'.");
            }
        }
    }
}
