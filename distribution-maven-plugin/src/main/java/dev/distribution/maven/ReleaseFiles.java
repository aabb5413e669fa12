package dev.distribution.maven;

import dev.distribution.core.InvalidConfigurationException;
import dev.distribution.format.raw.ArchivePackager;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.maven.artifact.Artifact;
import org.apache.maven.project.MavenProject;

/**
 * The files a release carries: the archives of the {@code archive} goal (its manifest), the
 * Debian, RPM and wheel packages other goals attached to the project, and configured files. The
 * checksum list goes last, so a client that finds it finds every file it lists.
 */
final class ReleaseFiles {
    /** One file and the name it is published under. */
    record Named(Path file, String name) {}

    private static final List<String> PACKAGE_EXTENSIONS = List.of(".deb", ".rpm", ".whl");

    private ReleaseFiles() {}

    /**
     * Collects the files.
     *
     * @param archives whether to take the {@code archive} goal's files
     * @param packages whether to take attached {@code .deb}, {@code .rpm} and {@code .whl} files
     * @param files configured files; a {@code <target>} is the published name
     * @param element the POM element of the block, such as {@code <github>}
     */
    static List<Named> collect(
            MavenProject project,
            Path buildDirectory,
            boolean archives,
            boolean packages,
            List<FileMappingConfig> files,
            String element)
            throws IOException, InvalidConfigurationException {
        List<Named> result = new ArrayList<>();
        Named checksums = null;
        Path manifest = buildDirectory.resolve("distribution").resolve(ArchiveMojo.MANIFEST);
        if (archives && Files.isRegularFile(manifest)) {
            for (String line : Files.readAllLines(manifest)) {
                if (line.isBlank()) {
                    continue;
                }
                Path file = Path.of(line.trim());
                Named named = new Named(file, file.getFileName().toString());
                if (named.name().equals(ArchivePackager.CHECKSUMS_FILE)) {
                    checksums = named;
                } else {
                    result.add(named);
                }
            }
        }
        if (packages) {
            for (Artifact artifact : project.getAttachedArtifacts()) {
                if (artifact.getFile() == null) {
                    continue;
                }
                String name = artifact.getFile().getName();
                String lower = name.toLowerCase(Locale.ROOT);
                if (PACKAGE_EXTENSIONS.stream().anyMatch(lower::endsWith)
                        && result.stream().noneMatch(n -> n.file()
                                .equals(artifact.getFile().toPath()))) {
                    result.add(new Named(artifact.getFile().toPath(), name));
                }
            }
        }
        if (files != null) {
            for (int i = 0; i < files.size(); i++) {
                FileMappingConfig file = files.get(i);
                String fileElement = element + "<files><file>[" + (i + 1) + "]";
                if (file.source == null) {
                    throw new InvalidConfigurationException(
                            fileElement + "<source>", null, "a file path", "Set the file to publish.");
                }
                if (!file.source.isFile()) {
                    throw new InvalidConfigurationException(
                            fileElement + "<source>",
                            file.source.getPath(),
                            "an existing file",
                            "Build the file before this goal runs, or fix the path.");
                }
                String name = file.target == null || file.target.isBlank() ? file.source.getName() : file.target.trim();
                if (name.contains("/")) {
                    throw new InvalidConfigurationException(
                            fileElement + "<target>", file.target, "a file name without '/'", "Give only the name.");
                }
                result.add(new Named(file.source.toPath(), name));
            }
        }
        if (checksums != null) {
            result.add(checksums);
        }
        return result;
    }
}
