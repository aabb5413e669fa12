package dev.distribution.maven;

import dev.distribution.core.InvalidConfigurationException;
import dev.distribution.format.oci.BaseImage;
import dev.distribution.format.oci.ImageNames;
import dev.distribution.format.oci.ImageSpec;
import dev.distribution.format.oci.ImageTag;
import dev.distribution.format.oci.JavaApplication;
import dev.distribution.http.Credentials;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import org.apache.maven.artifact.Artifact;
import org.apache.maven.model.License;
import org.apache.maven.project.MavenProject;

/**
 * The {@code <image>} block of the {@code image} and {@code deploy-image} goals. Every text and
 * boolean value can be overridden with the user property {@code distribution.image.<field>}, for
 * example {@code -Ddistribution.image.platforms=linux/arm64}.
 */
public class ImageConfig {
    /**
     * The id of a declared repository of type {@code registry}. Omitted: the embedded repository's
     * {@code oci/} folder. User property: {@code distribution.image.repository}.
     */
    String repository;

    /**
     * The repository name of the image, lower case, for example {@code team/hello}; a registry
     * URL's path (Nexus path routing) is put in front of it. Default: the artifactId in lower case.
     * User property: {@code distribution.image.name}.
     */
    String name;

    /**
     * The platforms to build, comma-separated {@code os/arch[/variant]}. Default:
     * {@code linux/amd64}. User property: {@code distribution.image.platforms}.
     */
    String platforms;

    /**
     * The tags to push, for example {@code <tags><tag>1.4</tag><tag>latest</tag></tags>}. Default:
     * the version tag only; {@code latest} is added only when listed. User property:
     * {@code distribution.image.tags}, comma-separated.
     */
    List<String> tags;

    /**
     * The version tag. Default: the project version with '+' replaced by '_'. User property:
     * {@code distribution.image.version}.
     */
    String version;

    /**
     * The base image: {@code scratch}, a registry reference such as {@code eclipse-temurin:17-jre},
     * {@code oci:<layout directory>[:<tag>]}, {@code docker-archive:<file.tar>} or
     * {@code oci-archive:<file.tar>}. Default: {@code scratch}, or {@code eclipse-temurin:17-jre}
     * with {@code mainClass}. User property: {@code distribution.image.base}.
     */
    String base;

    /**
     * The main class of a Java application. When set, the project's runtime dependencies, resources
     * and classes go into the image in separate layers, and the entrypoint runs this class. User
     * property: {@code distribution.image.mainClass}.
     */
    String mainClass;

    /** Flags passed to {@code java} before the main class, for example {@code -XX:MaxRAMPercentage=75}. */
    List<String> jvmFlags;

    /**
     * The folder of the Java application in the image. Default: {@code /app}. User property:
     * {@code distribution.image.appRoot}.
     */
    String appRoot;

    /**
     * Files and folders to copy into the image. {@code {os}}, {@code {arch}} and {@code {variant}}
     * in a {@code <source>} are replaced per platform; {@code <platforms>} limits an entry to some
     * platforms.
     */
    List<ImageFileConfig> files;

    /** The entrypoint, one {@code <arg>} per element. Default: the Java command, or the base image's. */
    List<String> entrypoint;

    /** The command (arguments to the entrypoint), one {@code <arg>} per element. Default: the base image's. */
    List<String> cmd;

    /** Environment variables, for example {@code <environment><TZ>UTC</TZ></environment>}. */
    Map<String, String> environment;

    /** The working directory. User property: {@code distribution.image.workingDirectory}. */
    String workingDirectory;

    /** The user: name, uid, or uid:gid. User property: {@code distribution.image.user}. */
    String user;

    /** Exposed ports, for example {@code <port>8080</port>} or {@code <port>53/udp</port>}. */
    List<String> exposedPorts;

    /** Volume mount points. */
    List<String> volumes;

    /** Labels of the image configuration. */
    Map<String, String> labels;

    /** The {@code org.opencontainers.image.title} annotation. Default: the project name. */
    String title;

    /** The {@code org.opencontainers.image.description} annotation. Default: the project description. */
    String description;

    /**
     * The {@code org.opencontainers.image.revision} annotation, the source commit. Default: the
     * environment variable {@code GIT_COMMIT}, {@code CI_COMMIT_SHA} or {@code GITHUB_SHA}. User
     * property: {@code distribution.image.revision}.
     */
    String revision;

    /** The {@code org.opencontainers.image.source} annotation. Default: the project's SCM URL. */
    String source;

    /** The {@code org.opencontainers.image.licenses} annotation. Default: the project's license names. */
    String licenses;

    /** The {@code org.opencontainers.image.url} annotation. Default: the project URL. */
    String url;

    /** The {@code org.opencontainers.image.vendor} annotation. Default: the organization name. */
    String vendor;

    /**
     * Allows a registry over plain HTTP (a repository URL starting with {@code http://} and an
     * {@code http} base registry); credentials then travel unencrypted. Default: {@code false}.
     * User property: {@code distribution.image.allowInsecureRegistry}.
     */
    Boolean allowInsecureRegistry;

    /** Finds the settings.xml credentials of a registry host. */
    interface CredentialLookup {
        Credentials find(String host) throws InvalidConfigurationException;
    }

    /** The default base of a Java application. */
    static final String JAVA_BASE = "eclipse-temurin:17-jre";

    /** CI variables that hold the commit being built, tried in this order for {@code revision}. */
    static final List<String> REVISION_VARIABLES = List.of("GIT_COMMIT", "CI_COMMIT_SHA", "GITHUB_SHA");

    /** Returns the block with user property overrides applied; a new block when the POM has none. */
    static ImageConfig load(ImageConfig block, Properties userProperties) {
        ImageConfig config =
                BlockProperties.apply(block, ImageConfig.class, PropertyNames.IMAGE_PREFIX, userProperties);
        String extraTags = userProperties.getProperty(PropertyNames.IMAGE_TAGS);
        if (extraTags != null && !extraTags.isBlank()) {
            config.tags = new ArrayList<>();
            for (String tag : extraTags.split(",")) {
                if (!tag.isBlank()) {
                    config.tags.add(tag.trim());
                }
            }
        }
        return config;
    }

    /** Returns the image name: {@code <name>}, or the artifactId in lower case. */
    String imageName(MavenProject project) throws InvalidConfigurationException {
        String value = name != null && !name.isBlank()
                ? name.trim()
                : project.getArtifactId().toLowerCase(Locale.ROOT);
        return ImageNames.checkName(value, "<image><name>");
    }

    /** Returns the version tag followed by the extra tags, each once. */
    List<ImageTag> imageTags(MavenProject project) throws InvalidConfigurationException {
        Set<String> names = new LinkedHashSet<>();
        names.add(
                version != null && !version.isBlank()
                        ? ImageNames.checkTag(version.trim(), "<image><version>")
                        : ImageNames.tagFromVersion(project.getVersion(), "<image><version>"));
        if (tags != null) {
            for (String tag : tags) {
                names.add(ImageNames.checkTag(tag == null ? null : tag.trim(), "<image><tags>"));
            }
        }
        List<ImageTag> result = new ArrayList<>();
        for (String tag : names) {
            result.add(ImageTag.of(tag));
        }
        return result;
    }

    /** Returns true when plain HTTP registries are allowed. */
    boolean insecure() {
        return Boolean.TRUE.equals(allowInsecureRegistry);
    }

    /**
     * Converts the block to the engine's image description, validating every value.
     *
     * @param baseCredentials looks up the settings.xml credentials of a base image registry host
     */
    ImageSpec toSpec(
            MavenProject project,
            Instant creationTime,
            Map<String, String> environmentVariables,
            CredentialLookup baseCredentials)
            throws InvalidConfigurationException {
        Path basedir = project.getBasedir().toPath();
        ImageSpec.Builder spec = ImageSpec.builder(imageName(project), basedir)
                .creationTime(creationTime)
                .platforms(platforms != null && !platforms.isBlank() ? platforms : "linux/amd64");
        for (ImageTag tag : imageTags(project)) {
            spec.tag(tag.name());
        }
        String baseValue = base;
        if (baseValue == null || baseValue.isBlank()) {
            baseValue = mainClass != null ? JAVA_BASE : "scratch";
        }
        BaseImage parsedBase = BaseImage.parse(baseValue, basedir, "<image><base>");
        if (parsedBase instanceof BaseImage.Registry registry && registry.registryHost() != null) {
            Credentials credentials = baseCredentials.find(registry.registryHost());
            if (credentials instanceof Credentials.Basic basic) {
                parsedBase = new BaseImage.Registry(registry.reference(), basic.username(), basic.password());
            }
        }
        spec.base(parsedBase);
        if (mainClass != null && !mainClass.isBlank()) {
            Path output = Path.of(project.getBuild().getOutputDirectory());
            spec.javaApplication(
                    new JavaApplication(mainClass.trim(), output, output, runtimeJars(project), jvmFlags, appRoot));
        }
        addFiles(spec);
        spec.entrypoint(entrypoint).cmd(cmd).workingDirectory(workingDirectory).user(user);
        if (environment != null) {
            environment.forEach(spec::environment);
        }
        if (exposedPorts != null) {
            exposedPorts.forEach(spec::exposedPort);
        }
        if (volumes != null) {
            volumes.forEach(spec::volume);
        }
        if (labels != null) {
            labels.forEach(spec::label);
        }
        addAnnotations(spec, project, environmentVariables);
        return spec.build();
    }

    private void addFiles(ImageSpec.Builder spec) throws InvalidConfigurationException {
        if (files == null) {
            return;
        }
        for (int i = 0; i < files.size(); i++) {
            ImageFileConfig file = files.get(i);
            String element = "<image><files><file>[" + (i + 1) + "]";
            if (file.linkTo != null
                    || file.includes != null
                    || file.excludes != null
                    || file.owner != null
                    || file.group != null
                    || file.directoryMode != null) {
                throw new InvalidConfigurationException(
                        element,
                        file.source == null ? file.target : file.source.getPath(),
                        "<source>, <target>, <mode> and <platforms>",
                        "Remove <linkTo>, <includes>, <excludes>, <owner>, <group> and <directoryMode>: images do"
                                + " not support them yet; copy a prepared folder instead.");
            }
            if (file.source == null || file.target == null || file.target.isBlank()) {
                throw new InvalidConfigurationException(
                        element + (file.source == null ? "<source>" : "<target>"),
                        null,
                        "a source path and an absolute target path in the image",
                        "Set both <source> and <target>.");
            }
            String mode = file.mode == null ? null : file.mode.trim();
            spec.file(file.source.getPath(), file.target.trim(), mode, file.platforms);
        }
    }

    private void addAnnotations(
            ImageSpec.Builder spec, MavenProject project, Map<String, String> environmentVariables) {
        spec.annotation("title", first(title, project.getName()))
                .annotation("description", first(description, project.getDescription()))
                .annotation("version", project.getVersion())
                .annotation("revision", first(revision, revisionFromEnvironment(environmentVariables)))
                .annotation(
                        "source",
                        first(
                                source,
                                project.getScm() == null
                                        ? null
                                        : project.getScm().getUrl()))
                .annotation("licenses", first(licenses, licenseNames(project)))
                .annotation("url", first(url, project.getUrl()))
                .annotation(
                        "vendor",
                        first(
                                vendor,
                                project.getOrganization() == null
                                        ? null
                                        : project.getOrganization().getName()));
    }

    private static String revisionFromEnvironment(Map<String, String> environmentVariables) {
        for (String variable : REVISION_VARIABLES) {
            String value = environmentVariables.get(variable);
            if (value != null && !value.isBlank()) {
                return value.trim();
            }
        }
        return null;
    }

    private static String licenseNames(MavenProject project) {
        List<String> names = new ArrayList<>();
        for (License license : project.getLicenses()) {
            if (license.getName() != null && !license.getName().isBlank()) {
                names.add(license.getName().trim());
            }
        }
        // Several <license> entries mean that all of them apply, which SPDX writes with AND.
        return names.isEmpty() ? null : String.join(" AND ", names);
    }

    private static List<Path> runtimeJars(MavenProject project) {
        List<Path> jars = new ArrayList<>();
        for (Artifact artifact : project.getArtifacts()) {
            if (artifact.getFile() != null
                    && artifact.getFile().isFile()
                    && artifact.getArtifactHandler().isAddedToClasspath()) {
                jars.add(artifact.getFile().toPath());
            }
        }
        return jars;
    }

    private static String first(String configured, String fallback) {
        return configured != null && !configured.isBlank() ? configured : fallback;
    }
}
