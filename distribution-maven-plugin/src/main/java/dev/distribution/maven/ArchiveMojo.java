package dev.distribution.maven;

import dev.distribution.core.DistributionException;
import dev.distribution.core.InvalidConfigurationException;
import dev.distribution.core.PackageFile;
import dev.distribution.core.Platform;
import dev.distribution.core.payload.Mapping;
import dev.distribution.format.raw.ArchiveFormat;
import dev.distribution.format.raw.ArchivePackager;
import dev.distribution.format.raw.ArchiveRequest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.maven.artifact.Artifact;
import org.apache.maven.plugins.annotations.Component;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;
import org.apache.maven.project.MavenProjectHelper;

/**
 * Builds reproducible {@code .tar.gz} and {@code .zip} archives from configured files, optionally
 * one per platform, plus a {@code SHA256SUMS} file, and attaches them to the project.
 *
 * <pre>{@code
 * <archive>
 *   <dependencies>lib</dependencies>
 *   <files>
 *     <file><source>target/hello.jar</source><target>lib/</target></file>
 *     <directory><source>src/main/dist/bin</source><target>bin</target><mode>0755</mode></directory>
 *   </files>
 * </archive>
 * }</pre>
 */
@Mojo(
        name = "archive",
        defaultPhase = LifecyclePhase.PACKAGE,
        requiresDependencyResolution = ResolutionScope.RUNTIME,
        threadSafe = true)
public class ArchiveMojo extends AbstractDistributionMojo {
    /** Manifest of the files this goal built, read by {@code deploy-raw}. */
    static final String MANIFEST = "archive-files.txt";

    /** The archive contents and formats; see {@link ArchiveConfig}. */
    @Parameter
    private ArchiveConfig archive;

    /**
     * Skips this goal.
     *
     * <p>User property: {@code distribution.archive.skip}. Default: {@code false}.
     */
    @Parameter(property = PropertyNames.ARCHIVE_SKIP, defaultValue = "false")
    private boolean skipArchive;

    /**
     * Attaches the archives and {@code SHA256SUMS} to the project, so {@code install} and
     * {@code deploy} handle them too.
     *
     * <p>User property: {@code distribution.archive.attach}. Default: {@code true}.
     */
    @Parameter(property = PropertyNames.ARCHIVE_ATTACH, defaultValue = "true")
    private boolean attach;

    @Component
    private MavenProjectHelper projectHelper;

    @Override
    protected boolean isGoalSkipped() {
        return skipArchive;
    }

    @Override
    protected String goalSkipProperty() {
        return PropertyNames.ARCHIVE_SKIP;
    }

    @Override
    protected void run() throws DistributionException, IOException {
        ArchiveConfig config = BlockProperties.apply(
                archive, ArchiveConfig.class, "distribution.archive", session.getUserProperties());
        String name = config.name != null ? config.name : project.getArtifactId() + "-" + project.getVersion();
        List<Mapping> files = new ArrayList<>(FileMappingConfig.toMappings(config.files, "<archive><files><file>"));
        if (config.dependencies != null && !config.dependencies.isBlank()) {
            files.addAll(dependencyMappings(config.dependencies.trim()));
        }
        Path output = buildDirectory().resolve("distribution").resolve("raw");
        ArchiveRequest request = new ArchiveRequest(
                name,
                config.rootFolder != null ? config.rootFolder : name,
                formats(config.formats),
                project.getVersion(),
                files,
                platforms(config.platforms),
                basedir(),
                output,
                outputTimestamp(),
                config.checksums == null || config.checksums);
        List<PackageFile> built = ArchivePackager.build(request, reporter());
        Files.write(
                buildDirectory().resolve("distribution").resolve(MANIFEST),
                built.stream().map(file -> file.path().toString()).toList());
        if (attach) {
            for (PackageFile file : built) {
                String type = file.fileName().equals(ArchivePackager.CHECKSUMS_FILE)
                        ? "sha256sums"
                        : extensionOf(file.fileName());
                String classifier = file.classifier() != null
                        ? file.classifier()
                        : (type.equals("sha256sums") ? "checksums" : null);
                projectHelper.attachArtifact(
                        project, type, classifier, file.path().toFile());
            }
        }
    }

    private List<Mapping> dependencyMappings(String folder) {
        List<Mapping> mappings = new ArrayList<>();
        for (Artifact artifact : project.getArtifacts()) {
            if (artifact.getFile() == null || !artifact.getFile().isFile()) {
                continue;
            }
            if (!artifact.getArtifactHandler().isAddedToClasspath()) {
                continue;
            }
            mappings.add(new Mapping(
                    Mapping.Kind.FILE,
                    artifact.getFile().toPath(),
                    folder + "/" + artifact.getFile().getName(),
                    null,
                    null,
                    null,
                    null,
                    List.of(),
                    List.of(),
                    null,
                    false));
        }
        return mappings;
    }

    private static List<ArchiveFormat> formats(String value) throws InvalidConfigurationException {
        String text = value == null || value.isBlank() ? "tar.gz,zip" : value;
        List<ArchiveFormat> formats = new ArrayList<>();
        for (String part : text.split(",")) {
            if (!part.isBlank()) {
                formats.add(ArchiveFormat.parse(part.trim(), "<archive><formats>"));
            }
        }
        return formats;
    }

    private static Map<Platform, List<Mapping>> platforms(List<PlatformConfig> platforms)
            throws InvalidConfigurationException {
        Map<Platform, List<Mapping>> result = new LinkedHashMap<>();
        if (platforms == null) {
            return result;
        }
        for (int i = 0; i < platforms.size(); i++) {
            String element = "<archive><platforms><platform>[" + (i + 1) + "]";
            PlatformConfig platform = platforms.get(i);
            Platform parsed = Platform.parse(platform.name, element + "<name>");
            if (result.containsKey(parsed)) {
                throw new InvalidConfigurationException(
                        element + "<name>", platform.name, "each platform once", "Remove the duplicate platform.");
            }
            result.put(parsed, FileMappingConfig.toMappings(platform.files, element + "<files><file>"));
        }
        return result;
    }

    private static String extensionOf(String fileName) {
        return fileName.endsWith(".tar.gz") ? "tar.gz" : fileName.substring(fileName.lastIndexOf('.') + 1);
    }
}
