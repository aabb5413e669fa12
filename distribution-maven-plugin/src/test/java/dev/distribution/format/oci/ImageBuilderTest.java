package dev.distribution.format.oci;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.distribution.core.Redactor;
import dev.distribution.core.Reporter;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImageBuilderTest {
    static final Instant TIME = Instant.parse("2026-12-04T00:00:00Z");

    @TempDir
    Path project;

    @BeforeEach
    void writeBinaries() throws IOException {
        TestImages.writeBinaries(project);
    }

    BuiltImage build(Path work) throws Exception {
        return new ImageBuilder(work, Reporter.SILENT, new Redactor())
                .build(TestImages.twoPlatforms(project, "team/hello").build());
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
        TestImages.run(
                "skopeo",
                "copy",
                "--override-arch",
                "arm64",
                "oci:" + image.layout().directory() + ":1.0.0",
                "dir:" + unpacked);
        assertThat(TestImages.layerFile(unpacked, "usr/local/bin/hello")).isEqualTo("binary for arm64\n");
    }

    @Test
    void builtImageReadsBack() throws Exception {
        BuiltImage image = build(project.resolve("work"));
        BuiltImage read = BuiltImage.read(image.layout().directory(), image.name(), image.tags());
        assertThat(read)
                .isEqualTo(new BuiltImage(image.name(), read.layout(), image.index(), image.manifests(), image.tags()));
    }
}
