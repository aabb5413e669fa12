package dev.distribution.format.oci;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.cloud.tools.jib.api.CacheDirectoryCreationException;
import com.google.cloud.tools.jib.api.Containerizer;
import com.google.cloud.tools.jib.api.ImageReference;
import com.google.cloud.tools.jib.api.JavaContainerBuilder;
import com.google.cloud.tools.jib.api.Jib;
import com.google.cloud.tools.jib.api.JibContainerBuilder;
import com.google.cloud.tools.jib.api.LogEvent;
import com.google.cloud.tools.jib.api.RegistryException;
import com.google.cloud.tools.jib.api.RegistryImage;
import com.google.cloud.tools.jib.api.RegistryUnauthorizedException;
import com.google.cloud.tools.jib.api.TarImage;
import com.google.cloud.tools.jib.api.buildplan.AbsoluteUnixPath;
import com.google.cloud.tools.jib.api.buildplan.FileEntriesLayer;
import com.google.cloud.tools.jib.api.buildplan.FilePermissions;
import com.google.cloud.tools.jib.api.buildplan.ImageFormat;
import com.google.cloud.tools.jib.api.buildplan.Port;
import dev.distribution.core.DistributionException;
import dev.distribution.core.InvalidConfigurationException;
import dev.distribution.core.Platform;
import dev.distribution.core.PublishException;
import dev.distribution.core.Redactor;
import dev.distribution.core.Reporter;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.stream.Stream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;

/**
 * Builds a multi-platform image into an OCI image layout. Jib core builds one image per platform,
 * each with that platform's files, as an OCI tar. The blobs go into the layout, each manifest gets
 * the OCI annotations, and an image index lists one manifest per platform.
 *
 * <p>Jib's own multi-platform build writes the same layers for every platform and cannot give a
 * platform its own files, hence one build per platform and an index written here.
 *
 * <p>The result depends only on the spec: file times and the creation time come from
 * {@link ImageSpec#creationTime()}, JSON is written in a fixed order, so two builds of the same
 * input give the same digests.
 */
public final class ImageBuilder {
    private static final String TOOL_NAME = "distribution-maven-plugin";

    private final Path workDirectory;
    private final Reporter reporter;
    private final Redactor redactor;
    private Path baseLayersCache;
    private boolean allowInsecureBaseRegistry;
    private boolean offline;

    /**
     * Creates a builder.
     *
     * @param workDirectory a directory for temporary tars, Jib's application cache and the
     *     build's layout, for example {@code target/distribution/image}
     */
    public ImageBuilder(Path workDirectory, Reporter reporter, Redactor redactor) {
        this.workDirectory = Objects.requireNonNull(workDirectory, "workDirectory");
        this.reporter = Objects.requireNonNull(reporter, "reporter");
        this.redactor = Objects.requireNonNull(redactor, "redactor");
    }

    /** Sets where Jib caches base image layers; by default Jib's user cache directory. */
    public ImageBuilder baseLayersCache(Path directory) {
        this.baseLayersCache = directory;
        return this;
    }

    /** Allows pulling a registry base image over plain HTTP. */
    public ImageBuilder allowInsecureBaseRegistry(boolean allow) {
        this.allowInsecureBaseRegistry = allow;
        return this;
    }

    /** Builds without network access; a registry base image must then be in Jib's cache. */
    public ImageBuilder offline(boolean offline) {
        this.offline = offline;
        return this;
    }

    /**
     * Builds the image into {@code <workDirectory>/layout/<name>} and tags its index there with
     * every tag.
     *
     * @throws InvalidConfigurationException when a base image cannot be read or lacks a platform
     * @throws PublishException when Jib fails, for example when the base registry is unreachable
     */
    public BuiltImage build(ImageSpec spec) throws DistributionException {
        try {
            OciLayout layout = OciLayout.create(workDirectory.resolve("layout").resolve(spec.name()));
            List<BuiltImage.PlatformManifest> manifests = new ArrayList<>();
            for (Platform platform : spec.platforms()) {
                reporter.info("Building image " + spec.name() + " for " + platform);
                manifests.add(new BuiltImage.PlatformManifest(platform, buildPlatform(spec, platform, layout)));
            }
            Descriptor index = layout.writeJson(index(spec, manifests), Descriptor.OCI_INDEX);
            for (ImageTag tag : spec.tags()) {
                layout.tag(index, tag.name());
            }
            reporter.info("Built image " + spec.name() + " " + index.digest() + " ("
                    + spec.platforms().size() + " platform" + (spec.platforms().size() == 1 ? "" : "s") + ")");
            return new BuiltImage(spec.name(), layout, index, manifests, spec.tags());
        } catch (IOException e) {
            throw new PublishException("Cannot build image " + spec.name() + ": " + redact(e), e);
        }
    }

    private Descriptor buildPlatform(ImageSpec spec, Platform platform, OciLayout layout)
            throws IOException, DistributionException {
        String platformId =
                platform.os() + "-" + platform.arch() + (platform.variant() == null ? "" : "-" + platform.variant());
        Path tar = workDirectory.resolve("tmp").resolve(spec.name().replace('/', '_') + "-" + platformId + ".tar");
        Files.createDirectories(tar.getParent());
        JibContainerBuilder builder = containerBuilder(spec, platform, platformId);
        configure(builder, spec, platform);
        Containerizer containerizer = Containerizer.to(TarImage.at(tar)
                        .named(ImageReference.of(
                                null, spec.name(), spec.tags().get(0).name(), null)))
                .setApplicationLayersCache(workDirectory.resolve("cache"))
                .setAllowInsecureRegistries(allowInsecureBaseRegistry)
                .setOfflineMode(offline)
                .setToolName(TOOL_NAME)
                .addEventHandler(LogEvent.class, this::log);
        if (baseLayersCache != null) {
            containerizer.setBaseImageLayersCache(baseLayersCache);
        }
        try {
            builder.containerize(containerizer);
        } catch (RegistryUnauthorizedException e) {
            throw new PublishException(
                    "The registry of base image " + spec.base() + " rejected the credentials or"
                            + " requires some. Set the base"
                            + " image credentials, or use a base image that allows anonymous pulls.",
                    e);
        } catch (RegistryException | ExecutionException | CacheDirectoryCreationException e) {
            throw new PublishException(
                    "Building the image for " + platform + " on base " + spec.base() + " failed: " + redact(e), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PublishException("Interrupted while building the image for " + platform, e);
        }
        try {
            return importTar(tar, layout, spec, platform);
        } finally {
            Files.deleteIfExists(tar);
        }
    }

    private JibContainerBuilder containerBuilder(ImageSpec spec, Platform platform, String platformId)
            throws IOException, DistributionException {
        JavaApplication application = spec.javaApplication();
        Object base = jibBase(spec.base(), platform, platformId);
        if (application == null) {
            if (base instanceof RegistryImage registry) {
                return Jib.from(registry);
            }
            return base instanceof TarImage tar ? Jib.from(tar) : Jib.fromScratch();
        }
        JavaContainerBuilder java;
        if (base instanceof RegistryImage registry) {
            java = JavaContainerBuilder.from(registry);
        } else if (base instanceof TarImage tar) {
            java = JavaContainerBuilder.from(tar);
        } else {
            java = JavaContainerBuilder.from(ImageReference.scratch());
        }
        java.setAppRoot(application.appRoot())
                .setModificationTimeProvider((source, target) -> spec.creationTime())
                .addJvmFlags(application.jvmFlags())
                .setMainClass(application.mainClass());
        // Jib puts every jar given to addDependencies in one layer, so snapshots are split off here.
        List<Path> releases = new ArrayList<>();
        List<Path> snapshots = new ArrayList<>();
        for (Path dependency : application.dependencies()) {
            (dependency.getFileName().toString().contains("SNAPSHOT") ? snapshots : releases).add(dependency);
        }
        releases.sort(Path::compareTo);
        snapshots.sort(Path::compareTo);
        if (!releases.isEmpty()) {
            java.addDependencies(releases);
        }
        if (!snapshots.isEmpty()) {
            java.addSnapshotDependencies(snapshots);
        }
        // Maven compiles classes and copies resources into one directory. The filters split it
        // into a resources layer and a classes layer, so a code change leaves resources cached.
        boolean oneDirectory = Objects.equals(application.classes(), application.resources());
        if (application.resources() != null && Files.isDirectory(application.resources())) {
            java.addResources(application.resources(), path -> !oneDirectory || !isClassFile(path));
        }
        if (application.classes() != null && Files.isDirectory(application.classes())) {
            java.addClasses(application.classes(), path -> !oneDirectory || isClassFile(path));
        }
        return java.toContainerBuilder();
    }

    /** Returns the Jib form of the base: a {@link RegistryImage}, a {@link TarImage}, or null for scratch. */
    private Object jibBase(BaseImage base, Platform platform, String platformId)
            throws IOException, InvalidConfigurationException {
        if (base instanceof BaseImage.Registry registry) {
            return registryImage(registry);
        }
        if (base instanceof BaseImage.Layout layout) {
            return TarImage.at(localBase(layout, platform, platformId));
        }
        if (base instanceof BaseImage.Tar tar) {
            return TarImage.at(tarBase(tar, platform, platformId));
        }
        return null;
    }

    private static boolean isClassFile(Path path) {
        return path.getFileName().toString().endsWith(".class");
    }

    private RegistryImage registryImage(BaseImage.Registry registry) throws InvalidConfigurationException {
        RegistryImage image = RegistryImage.named(BaseImages.parseReference(registry.reference()));
        if (registry.username() != null && registry.password() != null) {
            redactor.register(registry.password());
            image.addCredential(registry.username(), registry.password());
        }
        return image;
    }

    private Path localBase(BaseImage.Layout base, Platform platform, String platformId)
            throws IOException, InvalidConfigurationException {
        Path tar = workDirectory.resolve("base").resolve(platformId + ".tar");
        BaseImages.writeDockerArchive(OciLayout.open(base.directory()), base, platform, tar);
        return tar;
    }

    private Path tarBase(BaseImage.Tar base, Platform platform, String platformId)
            throws IOException, InvalidConfigurationException {
        if (BaseImages.isDockerArchive(base.file())) {
            return base.file();
        }
        Path directory = workDirectory.resolve("base").resolve("oci-archive");
        BaseImages.extractOciArchive(base.file(), directory);
        BaseImage.Layout layout = new BaseImage.Layout(directory, null);
        BaseImages.manifestFor(OciLayout.open(directory), layout, platform);
        return localBase(layout, platform, platformId);
    }

    private void configure(JibContainerBuilder builder, ImageSpec spec, Platform platform) throws IOException {
        builder.setFormat(ImageFormat.OCI)
                .setPlatforms(
                        Set.of(new com.google.cloud.tools.jib.api.buildplan.Platform(platform.arch(), platform.os())))
                .setCreationTime(spec.creationTime());
        FileEntriesLayer files = filesLayer(spec, platform);
        if (!files.getEntries().isEmpty()) {
            builder.addFileEntriesLayer(files);
        }
        if (spec.entrypoint() != null) {
            builder.setEntrypoint(spec.entrypoint());
        }
        if (spec.cmd() != null) {
            builder.setProgramArguments(spec.cmd());
        }
        spec.environment().forEach(builder::addEnvironmentVariable);
        if (spec.workingDirectory() != null) {
            builder.setWorkingDirectory(AbsoluteUnixPath.get(spec.workingDirectory()));
        }
        if (spec.user() != null) {
            builder.setUser(spec.user());
        }
        for (String port : spec.exposedPorts()) {
            String[] parts = port.split("/");
            builder.addExposedPort(Port.parseProtocol(Integer.parseInt(parts[0]), parts.length > 1 ? parts[1] : "tcp"));
        }
        for (String volume : spec.volumes()) {
            builder.addVolume(AbsoluteUnixPath.get(volume));
        }
        spec.annotations().forEach(builder::addLabel);
        spec.labels().forEach(builder::addLabel);
    }

    /** Collects this platform's files, expanding directories, in one layer sorted by target path. */
    private static FileEntriesLayer filesLayer(ImageSpec spec, Platform platform) throws IOException {
        List<String[]> entries = new ArrayList<>();
        for (ImageFile file : spec.files()) {
            if (!file.appliesTo(platform)) {
                continue;
            }
            Path source = spec.resolve(file.sourceFor(platform));
            if (Files.isDirectory(source)) {
                try (Stream<Path> walk = Files.walk(source)) {
                    for (Path path : walk.filter(Files::isRegularFile).sorted().toList()) {
                        String relative = source.relativize(path).toString().replace('\\', '/');
                        entries.add(new String[] {path.toString(), join(file.target(), relative), file.mode()});
                    }
                }
            } else {
                entries.add(new String[] {source.toString(), file.target(), file.mode()});
            }
        }
        entries.sort((a, b) -> a[1].compareTo(b[1]));
        FileEntriesLayer.Builder layer = FileEntriesLayer.builder().setName("files");
        for (String[] entry : entries) {
            FilePermissions permissions = entry[2] == null
                    ? FilePermissions.DEFAULT_FILE_PERMISSIONS
                    : FilePermissions.fromOctalString(entry[2].length() == 4 ? entry[2].substring(1) : entry[2]);
            layer.addEntry(Path.of(entry[0]), AbsoluteUnixPath.get(entry[1]), permissions, spec.creationTime());
        }
        return layer.build();
    }

    private static String join(String directory, String relative) {
        return directory.endsWith("/") ? directory + relative : directory + "/" + relative;
    }

    /**
     * Moves the blobs of Jib's OCI tar into the layout and writes the platform's manifest with
     * the annotations, and with the variant in the configuration, which Jib cannot set.
     */
    private Descriptor importTar(Path tar, OciLayout layout, ImageSpec spec, Platform platform) throws IOException {
        Descriptor jibManifest = null;
        try (TarArchiveInputStream in = new TarArchiveInputStream(Files.newInputStream(tar))) {
            TarArchiveEntry entry;
            while ((entry = in.getNextEntry()) != null) {
                String name = entry.getName();
                if (name.startsWith("blobs/sha256/")) {
                    layout.importBlob(in, "sha256:" + name.substring("blobs/sha256/".length()));
                } else if (name.equals("index.json")) {
                    JsonNode index = OciLayout.JSON.readTree(readAll(in));
                    jibManifest = OciLayout.descriptor(index.path("manifests").get(0));
                }
            }
        }
        if (jibManifest == null) {
            throw new IOException("Jib wrote no index.json to " + tar);
        }
        ObjectNode manifest = layout.readJson(jibManifest.digest());
        if (platform.variant() != null) {
            ObjectNode config =
                    layout.readJson(manifest.path("config").path("digest").asText());
            config.put("variant", platform.variant());
            Descriptor configDescriptor = layout.writeJson(config, Descriptor.OCI_CONFIG);
            manifest.set("config", OciLayout.descriptorJson(configDescriptor));
        }
        manifest.put("mediaType", Descriptor.OCI_MANIFEST);
        ObjectNode annotations = manifest.putObject("annotations");
        spec.annotations().forEach(annotations::put);
        return layout.writeJson(manifest, Descriptor.OCI_MANIFEST);
    }

    private static ObjectNode index(ImageSpec spec, List<BuiltImage.PlatformManifest> manifests) {
        ObjectNode index = OciLayout.JSON.createObjectNode();
        index.put("schemaVersion", 2);
        index.put("mediaType", Descriptor.OCI_INDEX);
        ArrayNode entries = index.putArray("manifests");
        for (BuiltImage.PlatformManifest manifest : manifests) {
            ObjectNode entry = OciLayout.descriptorJson(manifest.manifest());
            ObjectNode platform = entry.putObject("platform");
            platform.put("architecture", manifest.platform().arch());
            platform.put("os", manifest.platform().os());
            if (manifest.platform().variant() != null) {
                platform.put("variant", manifest.platform().variant());
            }
            entries.add(entry);
        }
        ObjectNode annotations = index.putObject("annotations");
        spec.annotations().forEach(annotations::put);
        return index;
    }

    private static byte[] readAll(InputStream in) throws IOException {
        return in.readAllBytes();
    }

    private void log(LogEvent event) {
        String message = redactor.redact(event.getMessage());
        switch (event.getLevel()) {
            case ERROR, WARN -> reporter.warn(message);
            default -> reporter.debug(message);
        }
    }

    private String redact(Exception e) {
        return redactor.redact(String.valueOf(e.getMessage()));
    }
}
