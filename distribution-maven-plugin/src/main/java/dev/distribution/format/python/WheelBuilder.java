package dev.distribution.format.python;

import dev.distribution.core.InvalidConfigurationException;
import java.io.BufferedOutputStream;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Writes a pure-Python {@code py3-none-any} wheel following the binary distribution format: the
 * sources, then {@code <name>-<version>.dist-info/} with {@code METADATA}, {@code WHEEL}, {@code
 * entry_points.txt}, {@code licenses/} and {@code RECORD} last.
 *
 * <p>Files are streamed from disk one at a time; digests and sizes for {@code RECORD} are computed
 * while writing. Entries are sorted and carry the given time, so two builds of the same input are
 * byte-identical. Instances are immutable and thread-safe.
 */
public final class WheelBuilder {
    private final CoreMetadata metadata;
    private final PythonSources sources;
    private final Instant timestamp;

    /**
     * Prepares a wheel.
     *
     * @param metadata the release's metadata; not null
     * @param sources the files to package; not null
     * @param timestamp the time stored in every entry, usually the build's output timestamp
     */
    public WheelBuilder(CoreMetadata metadata, PythonSources sources, Instant timestamp) {
        this.metadata = Objects.requireNonNull(metadata, "metadata");
        this.sources = Objects.requireNonNull(sources, "sources");
        this.timestamp = Objects.requireNonNull(timestamp, "timestamp");
    }

    /** The {@code .dist-info} directory name, for example {@code hello_pkg-1.0.dist-info}. */
    public String distInfo() {
        return metadata.fileNamePart() + "-" + metadata.version() + ".dist-info";
    }

    /**
     * Writes the wheel into a directory, replacing a file of the same name in one step.
     *
     * @return the wheel file
     */
    public Path build(Path outputDirectory) throws IOException, InvalidConfigurationException {
        Path target = outputDirectory.resolve(metadata.wheelFileName());
        Path temporary = Reproducible.temporaryNextTo(target);
        try {
            try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(temporary))) {
                write(out);
            }
            Reproducible.moveInto(temporary, target);
        } finally {
            Files.deleteIfExists(temporary);
        }
        return target;
    }

    /** Writes the wheel to a stream; the stream is finished but not closed. */
    public void write(OutputStream out) throws IOException, InvalidConfigurationException {
        String distInfo = distInfo();
        for (String file : sources.files()) {
            if (file.startsWith(distInfo + "/") || file.equals(distInfo)) {
                throw new InvalidConfigurationException(
                        "<python><sources>",
                        file,
                        "package and module files; the .dist-info directory is generated",
                        "Remove " + distInfo + " from " + sources.root() + ".");
            }
        }
        LocalDateTime time = Reproducible.zipTime(timestamp);
        List<String> record = new ArrayList<>();
        ZipOutputStream zip = new ZipOutputStream(out, StandardCharsets.UTF_8);
        for (String file : sources.files()) {
            try (InputStream in = Files.newInputStream(sources.resolve(file))) {
                record.add(entry(zip, file, time, in));
            }
        }
        record.add(entry(zip, distInfo + "/METADATA", time, metadata.toBytes()));
        record.add(entry(zip, distInfo + "/WHEEL", time, wheelFile().getBytes(StandardCharsets.UTF_8)));
        if (metadata.entryPointsText() != null) {
            byte[] points = metadata.entryPointsText().getBytes(StandardCharsets.UTF_8);
            record.add(entry(zip, distInfo + "/entry_points.txt", time, points));
        }
        for (LicenseFile license : metadata.licenseFiles()) {
            try (InputStream in = Files.newInputStream(license.file())) {
                record.add(entry(zip, distInfo + "/licenses/" + license.name(), time, in));
            }
        }
        record.add(csv(distInfo + "/RECORD") + ",,");
        StringBuilder recordText = new StringBuilder();
        record.forEach(line -> recordText.append(line).append('\n'));
        ZipEntry recordEntry = new ZipEntry(distInfo + "/RECORD");
        recordEntry.setTimeLocal(time);
        zip.putNextEntry(recordEntry);
        zip.write(recordText.toString().getBytes(StandardCharsets.UTF_8));
        zip.closeEntry();
        zip.finish();
    }

    private static String wheelFile() {
        return "Wheel-Version: 1.0\n"
                + "Generator: distribution-maven-plugin\n"
                + "Root-Is-Purelib: true\n"
                + "Tag: py3-none-any\n";
    }

    private static String entry(ZipOutputStream zip, String name, LocalDateTime time, byte[] content)
            throws IOException {
        return entry(zip, name, time, new ByteArrayInputStream(content));
    }

    private static String entry(ZipOutputStream zip, String name, LocalDateTime time, InputStream in)
            throws IOException {
        ZipEntry entry = new ZipEntry(name);
        // setTimeLocal stores the fields as given, without the time zone of this machine and
        // without extended time stamps, which keeps the archive byte-identical everywhere.
        entry.setTimeLocal(time);
        zip.putNextEntry(entry);
        Reproducible.DigestingStream digesting = new Reproducible.DigestingStream(zip);
        in.transferTo(digesting);
        zip.closeEntry();
        return csv(name) + "," + Reproducible.recordDigest(digesting.sha256()) + "," + digesting.size();
    }

    /** Quotes a RECORD field the way Python's csv module does. */
    static String csv(String field) {
        if (field.contains(",") || field.contains("\"") || field.contains("\n") || field.contains("\r")) {
            return "\"" + field.replace("\"", "\"\"") + "\"";
        }
        return field;
    }
}
