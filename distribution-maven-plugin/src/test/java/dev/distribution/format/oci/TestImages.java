package dev.distribution.format.oci;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.zip.GZIPInputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;

/** Sample inputs and the real client tools the image tests check with. */
public final class TestImages {
    public static final Instant TIME = Instant.parse("2026-12-04T00:00:00Z");

    private TestImages() {}

    /** Writes one binary per platform and a configuration directory under {@code project}. */
    public static void writeBinaries(Path project) throws IOException {
        for (String arch : List.of("amd64", "arm64")) {
            Path binary = project.resolve("bin/linux-" + arch + "/hello");
            Files.createDirectories(binary.getParent());
            Files.writeString(binary, "binary for " + arch + "\n");
        }
        Files.createDirectories(project.resolve("conf"));
        Files.writeString(project.resolve("conf/app.properties"), "greeting=hello\n");
    }

    /** A two-platform image of plain files with every configuration value set. */
    public static ImageSpec.Builder twoPlatforms(Path project, String name) {
        return ImageSpec.builder(name, project)
                .platforms("linux/amd64,linux/arm64")
                .file("bin/{os}-{arch}/hello", "/usr/local/bin/hello", "755", null)
                .file("conf", "/etc/hello", null, null)
                .entrypoint(List.of("/usr/local/bin/hello"))
                .cmd(List.of("--serve"))
                .environment("MODE", "production")
                .workingDirectory("/srv")
                .user("1000:1000")
                .exposedPort("8080")
                .exposedPort("53/udp")
                .volume("/data")
                .label("team", "devops")
                .annotation("title", "hello")
                .annotation("version", "1.0.0")
                .annotation("revision", "abc123")
                .creationTime(TIME)
                .tag("1.0.0");
    }

    /** Runs a command and returns its output; fails with the output when the exit code is not 0. */
    public static String run(String... command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        if (!process.waitFor(120, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new IOException(String.join(" ", command) + " failed: " + output);
        }
        return output;
    }

    /**
     * Finds {@code path} in the gzip layers of a {@code skopeo copy dir:} result and returns its
     * text, or null when no layer has it.
     */
    public static String layerFile(Path dir, String path) throws IOException {
        byte[] content = layerBytes(dir, path);
        return content == null ? null : new String(content);
    }

    /** Like {@link #layerFile}, returning the bytes. */
    public static byte[] layerBytes(Path dir, String path) throws IOException {
        try (var files = Files.list(dir)) {
            for (Path blob : files.filter(f -> f.getFileName().toString().matches("[0-9a-f]{64}"))
                    .sorted()
                    .toList()) {
                byte[] found = find(blob, path);
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }

    private static byte[] find(Path blob, String path) throws IOException {
        byte[] magic = new byte[2];
        try (var in = Files.newInputStream(blob)) {
            if (in.read(magic) != 2 || magic[0] != (byte) 0x1f || magic[1] != (byte) 0x8b) {
                return null;
            }
        }
        try (TarArchiveInputStream in = new TarArchiveInputStream(new GZIPInputStream(Files.newInputStream(blob)))) {
            TarArchiveEntry entry;
            while ((entry = in.getNextEntry()) != null) {
                if (entry.getName()
                        .replaceFirst("^\\./", "")
                        .replaceFirst("^/", "")
                        .equals(path)) {
                    return in.readAllBytes();
                }
            }
        }
        return null;
    }
}
