package dev.distribution.format.helm;

import dev.distribution.core.InvalidConfigurationException;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import java.util.zip.Deflater;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorOutputStream;
import org.apache.commons.compress.compressors.gzip.GzipParameters;

/**
 * Writes a chart as {@code <name>-<version>.tgz}, every entry under {@code <name>/}, the layout
 * {@code helm package} produces and every chart repository expects.
 *
 * <p>The package is reproducible: entries sorted by path, each file with mode 0644 and owner 0:0 as
 * Helm writes them, one modification time (the build's output timestamp), and a gzip header
 * without time or name. Files are streamed, so memory stays constant whatever the chart holds.
 */
public final class ChartPackager {
    /** Operating system byte of the gzip header: 3 is Unix (RFC 1952). */
    private static final int GZIP_OS_UNIX = 3;

    private static final int FILE_MODE = 0100644;

    private ChartPackager() {}

    /**
     * Packages a linted chart.
     *
     * @param chart the chart from {@link ChartLinter#lint}
     * @param outputDirectory the folder that receives the package; created when missing
     * @param time the modification time of every entry
     * @return the package file
     * @throws InvalidConfigurationException when {@code .helmignore} contains an invalid pattern
     */
    public static Path write(Chart chart, Path outputDirectory, Instant time)
            throws IOException, InvalidConfigurationException {
        Map<String, Source> entries = new TreeMap<>();
        collect(chart.directory(), chart.name() + "/", entries);
        entries.put(
                chart.name() + "/Chart.yaml", new Source(null, chart.chartYaml().getBytes(StandardCharsets.UTF_8)));
        for (Map.Entry<String, Path> dependency : chart.embedded().entrySet()) {
            collect(dependency.getValue(), chart.name() + "/charts/" + dependency.getKey() + "/", entries);
        }
        Files.createDirectories(outputDirectory);
        Path target = outputDirectory.resolve(chart.fileName());
        Path temporary = Files.createTempFile(outputDirectory, "." + chart.fileName(), ".part");
        try {
            writeTgz(entries, temporary, time);
            try {
                Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(temporary);
        }
        return target;
    }

    /** Adds every file of a chart folder that its {@code .helmignore} keeps. */
    private static void collect(Path root, String prefix, Map<String, Source> entries)
            throws IOException, InvalidConfigurationException {
        HelmIgnore ignore = HelmIgnore.read(root);
        walk(root, root, prefix, ignore, entries);
    }

    private static void walk(Path root, Path folder, String prefix, HelmIgnore ignore, Map<String, Source> entries)
            throws IOException {
        List<Path> children;
        try (Stream<Path> list = Files.list(folder)) {
            children = new ArrayList<>(list.sorted().toList());
        }
        for (Path child : children) {
            String relative = root.relativize(child).toString().replace('\\', '/');
            boolean directory = Files.isDirectory(child);
            if (ignore.ignores(relative, directory)) {
                continue;
            }
            if (directory) {
                walk(root, child, prefix, ignore, entries);
            } else if (Files.isRegularFile(child)) {
                entries.put(prefix + relative, new Source(child, null));
            }
        }
    }

    private static void writeTgz(Map<String, Source> entries, Path file, Instant time) throws IOException {
        GzipParameters gzip = new GzipParameters();
        // Time 0 means "no time stamp" in RFC 1952, so the header does not vary between builds.
        gzip.setModificationTime(0);
        gzip.setOperatingSystem(GZIP_OS_UNIX);
        gzip.setCompressionLevel(Deflater.DEFAULT_COMPRESSION);
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 64 * 1024);
                GzipCompressorOutputStream compressed = new GzipCompressorOutputStream(out, gzip);
                TarArchiveOutputStream tar = new TarArchiveOutputStream(compressed, StandardCharsets.UTF_8.name())) {
            tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
            tar.setBigNumberMode(TarArchiveOutputStream.BIGNUMBER_POSIX);
            tar.setAddPaxHeadersForNonAsciiNames(true);
            for (Map.Entry<String, Source> entry : entries.entrySet()) {
                Source source = entry.getValue();
                TarArchiveEntry tarEntry = new TarArchiveEntry(entry.getKey(), true);
                tarEntry.setMode(FILE_MODE);
                tarEntry.setUserId(0);
                tarEntry.setGroupId(0);
                tarEntry.setUserName("");
                tarEntry.setGroupName("");
                tarEntry.setModTime(FileTime.from(time));
                tarEntry.setSize(source.bytes != null ? source.bytes.length : Files.size(source.file));
                tar.putArchiveEntry(tarEntry);
                if (source.bytes != null) {
                    tar.write(source.bytes);
                } else {
                    Files.copy(source.file, tar);
                }
                tar.closeArchiveEntry();
            }
            tar.finish();
        }
    }

    /** A file on disk, or bytes written by the packager (the rewritten Chart.yaml). */
    private record Source(Path file, byte[] bytes) {}
}
