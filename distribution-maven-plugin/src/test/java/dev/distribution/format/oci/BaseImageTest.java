package dev.distribution.format.oci;

import static org.assertj.core.api.Assertions.assertThat;

import dev.distribution.core.InvalidConfigurationException;
import dev.distribution.core.Redactor;
import dev.distribution.core.Reporter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BaseImageTest {
    @TempDir
    Path project;

    Path baseLayout;

    @BeforeEach
    void buildBase() throws Exception {
        TestImages.writeBinaries(project);
        BuiltImage base = build(TestImages.twoPlatforms(project, "base/files"), "base-work");
        baseLayout = base.layout().directory();
        Files.createDirectories(project.resolve("app/linux-amd64"));
        Files.createDirectories(project.resolve("app/linux-arm64"));
        Files.writeString(project.resolve("app/linux-amd64/tool"), "tool amd64\n");
        Files.writeString(project.resolve("app/linux-arm64/tool"), "tool arm64\n");
    }

    BuiltImage build(ImageSpec.Builder spec, String work) throws Exception {
        return new ImageBuilder(project.resolve(work), Reporter.SILENT, new Redactor()).build(spec.build());
    }

    ImageSpec.Builder onBase(String base) throws Exception {
        return ImageSpec.builder("team/app", project)
                .platforms("linux/amd64,linux/arm64")
                .base(base)
                .file("app/{os}-{arch}/tool", "/usr/bin/tool", "755", null)
                .creationTime(TestImages.TIME)
                .tag("2.0");
    }

    Path pullArm64(BuiltImage image) throws Exception {
        Path pulled = project.resolve("pulled");
        TestImages.run(
                "skopeo",
                "copy",
                "--override-arch",
                "arm64",
                "oci:" + image.layout().directory() + ":2.0",
                "dir:" + pulled);
        return pulled;
    }

    @Test
    void layoutBaseKeepsBaseFiles() throws Exception {
        BuiltImage image = build(onBase("oci:" + baseLayout + ":1.0.0"), "work");
        assertThat(TestImages.layerFile(pullArm64(image), "usr/local/bin/hello"))
                .isEqualTo("binary for arm64\n");
    }

    @Test
    void layoutBaseAddsOwnFiles() throws Exception {
        BuiltImage image = build(onBase("oci:" + baseLayout + ":1.0.0"), "work");
        assertThat(TestImages.layerFile(pullArm64(image), "usr/bin/tool")).isEqualTo("tool arm64\n");
    }

    @Test
    void layoutBaseKeepsEntrypoint() throws Exception {
        BuiltImage image = build(onBase("oci:" + baseLayout + ":1.0.0"), "work");
        var manifest =
                image.layout().readJson(image.manifests().get(0).manifest().digest());
        var config =
                image.layout().readJson(manifest.path("config").path("digest").asText());
        assertThat(config.path("config").path("Entrypoint").get(0).asText()).isEqualTo("/usr/local/bin/hello");
    }

    @Test
    void dockerArchiveBase() throws Exception {
        Path tar = project.resolve("base-arm64.tar");
        TestImages.run(
                "skopeo", "copy", "--override-arch", "arm64", "oci:" + baseLayout + ":1.0.0", "docker-archive:" + tar);
        BuiltImage image = build(onBase("docker-archive:" + tar).platforms("linux/arm64"), "work");
        assertThat(TestImages.layerFile(pullArm64(image), "usr/local/bin/hello"))
                .isEqualTo("binary for arm64\n");
    }

    @Test
    void ociArchiveBase() throws Exception {
        Path tar = project.resolve("base.tar");
        TestImages.run("skopeo", "copy", "--all", "oci:" + baseLayout + ":1.0.0", "oci-archive:" + tar);
        BuiltImage image = build(onBase("oci-archive:" + tar), "work");
        assertThat(TestImages.layerFile(pullArm64(image), "usr/local/bin/hello"))
                .isEqualTo("binary for arm64\n");
    }

    @Test
    void layoutWithoutPlatformRejected() throws Exception {
        Files.createDirectories(project.resolve("app/linux-s390x"));
        Files.writeString(project.resolve("app/linux-s390x/tool"), "tool s390x\n");
        try {
            onBase("oci:" + baseLayout + ":1.0.0")
                    .platforms("linux/amd64,linux/s390x")
                    .build();
        } catch (InvalidConfigurationException e) {
            assertThat(e.getAccepted()).contains("linux/amd64", "linux/arm64");
            return;
        }
        throw new AssertionError("a base without linux/s390x was accepted");
    }

    @Test
    void layoutUnknownTagRejected() throws Exception {
        try {
            onBase("oci:" + baseLayout + ":9.9").build();
        } catch (InvalidConfigurationException e) {
            assertThat(e.getAccepted()).contains("1.0.0");
            return;
        }
        throw new AssertionError("an unknown tag was accepted");
    }

    @Test
    void javaApplicationLayers() throws Exception {
        Path classes = project.resolve("classes/com/example");
        Files.createDirectories(classes);
        Files.writeString(classes.resolve("Main.class"), "not really bytecode");
        Files.createDirectories(project.resolve("resources"));
        Files.writeString(project.resolve("resources/app.properties"), "a=b\n");
        Files.createDirectories(project.resolve("lib"));
        Files.writeString(project.resolve("lib/guava-33.0.jar"), "jar");
        Files.writeString(project.resolve("lib/util-1.0-SNAPSHOT.jar"), "snapshot jar");
        ImageSpec spec = ImageSpec.builder("team/java", project)
                .platforms("linux/amd64")
                .javaApplication(new JavaApplication(
                        "com.example.Main",
                        project.resolve("classes"),
                        project.resolve("resources"),
                        List.of(project.resolve("lib/guava-33.0.jar"), project.resolve("lib/util-1.0-SNAPSHOT.jar")),
                        List.of("-Xmx256m"),
                        "/app"))
                .creationTime(TestImages.TIME)
                .tag("1.0")
                .build();
        BuiltImage image = new ImageBuilder(project.resolve("java-work"), Reporter.SILENT, new Redactor()).build(spec);
        var manifest =
                image.layout().readJson(image.manifests().get(0).manifest().digest());
        var config =
                image.layout().readJson(manifest.path("config").path("digest").asText());
        assertThat(manifest.path("layers").size()).isEqualTo(4);
        assertThat(config.path("config").path("Entrypoint").toString()).contains("-Xmx256m", "com.example.Main");
    }

    @Test
    void javaOutputDirectorySplits() throws Exception {
        Path output = project.resolve("target/classes");
        Files.createDirectories(output.resolve("com/example"));
        Files.writeString(output.resolve("com/example/Main.class"), "not really bytecode");
        Files.writeString(output.resolve("app.properties"), "a=b\n");
        ImageSpec spec = ImageSpec.builder("team/java", project)
                .platforms("linux/amd64")
                .javaApplication(new JavaApplication("com.example.Main", output, output, List.of(), List.of(), null))
                .creationTime(TestImages.TIME)
                .tag("1.0")
                .build();
        BuiltImage image = new ImageBuilder(project.resolve("java-work"), Reporter.SILENT, new Redactor()).build(spec);
        var manifest =
                image.layout().readJson(image.manifests().get(0).manifest().digest());
        assertThat(manifest.path("layers").size()).isEqualTo(2);
    }
}
