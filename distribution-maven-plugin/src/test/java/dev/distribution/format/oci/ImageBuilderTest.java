package dev.distribution.format.oci;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.distribution.core.Redactor;
import dev.distribution.core.Reporter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImageBuilderTest {
    static final Instant TIME = Instant.parse("2026-12-04T00:00:00Z");

    @TempDir
    Path project;

    @BeforeEach
    void writeBinaries() throws IOException {
        for (String arch : List.of("amd64", "arm64")) {
            Path binary = project.resolve("bin/linux-" + arch + "/hello");
            Files.createDirectories(binary.getParent());
            Files.writeString(binary, "binary for " + arch + "\n");
        }
        Files.createDirectories(project.resolve("conf"));
        Files.writeString(project.resolve("conf/app.properties"), "greeting=hello\n");
    }

    static ImageSpec.Builder twoPlatforms(Path project) {
        return ImageSpec.builder("team/hello", project)
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

    BuiltImage build(Path work) throws Exception {
        return new ImageBuilder(work, Reporter.SILENT, new Redactor())
                .build(twoPlatforms(project).build());
    }

    @Test
    void indexListsEachPlatform() throws Exception {
        BuiltImage image = build(project.resolve("work"));
        JsonNode index = image.layout().readJson(image.index().digest());
        List<String> platforms = new ArrayList<>();
        index.path("manifests")
                .forEach(m -> platforms.add(m.path("platform").path("os").asText() + "/"
                        + m.path("platform").path("architecture").asText()));
        assertThat(platforms).containsExactly("linux/amd64", "linux/arm64");
    }

    @Test
    void twoBuildsGiveSameDigest() throws Exception {
        String first = build(project.resolve("work1")).index().digest();
        String second = build(project.resolve("work2")).index().digest();
        assertThat(second).isEqualTo(first);
    }

    @Test
    void configHoldsSettings() throws Exception {
        BuiltImage image = build(project.resolve("work"));
        JsonNode manifest =
                image.layout().readJson(image.manifests().get(1).manifest().digest());
        JsonNode config =
                image.layout().readJson(manifest.path("config").path("digest").asText());
        assertThat(config.path("architecture").asText()).isEqualTo("arm64");
        assertThat(config.path("created").asText()).isEqualTo("2026-12-04T00:00:00Z");
        assertThat(config.path("config").path("Entrypoint").get(0).asText()).isEqualTo("/usr/local/bin/hello");
        assertThat(config.path("config").path("Cmd").get(0).asText()).isEqualTo("--serve");
        assertThat(config.path("config").path("Env").toString()).contains("MODE=production");
        assertThat(config.path("config").path("WorkingDir").asText()).isEqualTo("/srv");
        assertThat(config.path("config").path("User").asText()).isEqualTo("1000:1000");
        assertThat(config.path("config").path("ExposedPorts").has("53/udp")).isTrue();
        assertThat(config.path("config").path("Volumes").has("/data")).isTrue();
        assertThat(config.path("config").path("Labels").path("team").asText()).isEqualTo("devops");
    }

    @Test
    void manifestHasAnnotations() throws Exception {
        BuiltImage image = build(project.resolve("work"));
        JsonNode manifest =
                image.layout().readJson(image.manifests().get(0).manifest().digest());
        assertThat(manifest.path("annotations")
                        .path("org.opencontainers.image.revision")
                        .asText())
                .isEqualTo("abc123");
        assertThat(manifest.path("annotations")
                        .path("org.opencontainers.image.created")
                        .asText())
                .isEqualTo("2026-12-04T00:00:00Z");
    }

    @Test
    void skopeoReadsArm64FromLayout() throws Exception {
        BuiltImage image = build(project.resolve("work"));
        Path unpacked = project.resolve("unpacked");
        Tools.run(
                "skopeo",
                "copy",
                "--override-arch",
                "arm64",
                "oci:" + image.layout().directory() + ":1.0.0",
                "dir:" + unpacked);
        assertThat(Tools.layerFile(unpacked, "usr/local/bin/hello")).isEqualTo("binary for arm64\n");
    }

    /** Runs the real client tools the tests check with. */
    static final class Tools {
        static String run(String... command) throws IOException, InterruptedException {
            Process process =
                    new ProcessBuilder(command).redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes());
            if (!process.waitFor(120, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new IOException(String.join(" ", command) + " failed: " + output);
            }
            return output;
        }

        /** Finds {@code path} in the gzip layers of a {@code skopeo copy dir:} result and returns its text. */
        static String layerFile(Path dir, String path) throws IOException {
            try (var files = Files.list(dir)) {
                for (Path blob : files.filter(f -> f.getFileName().toString().matches("[0-9a-f]{64}"))
                        .toList()) {
                    try (var in = new org.apache.commons.compress.archivers.tar.TarArchiveInputStream(
                            new java.util.zip.GZIPInputStream(Files.newInputStream(blob)))) {
                        org.apache.commons.compress.archivers.tar.TarArchiveEntry entry;
                        while ((entry = in.getNextEntry()) != null) {
                            if (entry.getName()
                                    .replaceFirst("^\\./", "")
                                    .replaceFirst("^/", "")
                                    .equals(path)) {
                                return new String(in.readAllBytes());
                            }
                        }
                    } catch (IOException notGzip) {
                        // The configuration blob is JSON, not a layer.
                    }
                }
            }
            return null;
        }
    }
}
