package dev.distribution.format.oci;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.distribution.core.InvalidConfigurationException;
import dev.distribution.core.Platform;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImageSpecTest {
    @TempDir
    Path project;

    @BeforeEach
    void writeBinaries() throws Exception {
        TestImages.writeBinaries(project);
    }

    static InvalidConfigurationException failure(ImageSpec.Builder builder) {
        try {
            builder.build();
        } catch (InvalidConfigurationException e) {
            return e;
        }
        throw new AssertionError("build() accepted the spec");
    }

    @Test
    void upperCaseNameRejected() {
        InvalidConfigurationException e = failure(TestImages.twoPlatforms(project, "Team/Hello"));
        assertThat(e.getElement()).isEqualTo("<image><name>");
        assertThat(e.getInvalidValue()).isEqualTo("Team/Hello");
        assertThat(e.getFix()).contains("team/hello");
    }

    @Test
    void nameWithTagRejected() {
        InvalidConfigurationException e = failure(TestImages.twoPlatforms(project, "team/hello:1.0"));
        assertThat(e.getElement()).isEqualTo("<image><name>");
    }

    @Test
    void tagWithPlusRejected() {
        InvalidConfigurationException e =
                failure(TestImages.twoPlatforms(project, "team/hello").tag("1.0+build"));
        assertThat(e.getElement()).isEqualTo("<image><tags>");
        assertThat(e.getInvalidValue()).isEqualTo("1.0+build");
    }

    @Test
    void versionPlusBecomesUnderscore() throws Exception {
        assertThat(ImageNames.tagFromVersion("1.0.0+build.5", "<image><version>"))
                .isEqualTo("1.0.0_build.5");
    }

    @Test
    void versionWithTildeRejected() {
        assertThatThrownBy(() -> ImageNames.tagFromVersion("1.0~rc1", "<image><version>"))
                .isInstanceOf(InvalidConfigurationException.class)
                .hasMessageContaining("<image><version>");
    }

    @Test
    void tooLongTagRejected() {
        String tag = "a".repeat(129);
        assertThat(failure(TestImages.twoPlatforms(project, "team/hello").tag(tag))
                        .getInvalidValue())
                .isEqualTo(tag);
    }

    @Test
    void unknownArchitectureRejected() {
        InvalidConfigurationException e =
                failure(TestImages.twoPlatforms(project, "team/hello").platforms("linux/x86_64"));
        assertThat(e.getElement()).isEqualTo("<image><platforms>");
        assertThat(e.getInvalidValue()).isEqualTo("linux/x86_64");
        assertThat(e.getFix()).contains("amd64");
    }

    @Test
    void duplicatePlatformRejected() {
        InvalidConfigurationException e =
                failure(TestImages.twoPlatforms(project, "team/hello").platforms("linux/amd64,linux/amd64"));
        assertThat(e.getElement()).isEqualTo("<image><platforms>");
    }

    @Test
    void armVariantAccepted() throws Exception {
        Path binary = project.resolve("bin/linux-arm/hello");
        Files.createDirectories(binary.getParent());
        Files.writeString(binary, "arm\n");
        ImageSpec spec = TestImages.twoPlatforms(project, "team/hello")
                .platforms("linux/arm/v7")
                .build();
        assertThat(spec.platforms()).containsExactly(new Platform("linux", "arm", "v7"));
    }

    @Test
    void missingPlatformFileRejected() throws Exception {
        Files.delete(project.resolve("bin/linux-arm64/hello"));
        InvalidConfigurationException e = failure(TestImages.twoPlatforms(project, "team/hello"));
        assertThat(e.getElement()).isEqualTo("<image><files><file>[1]<source>");
        assertThat(e.getInvalidValue()).isEqualTo("bin/{os}-{arch}/hello");
        assertThat(e.getFix()).contains("linux/arm64");
    }

    @Test
    void fileForUnlistedPlatformRejected() {
        InvalidConfigurationException e =
                failure(TestImages.twoPlatforms(project, "team/hello").file("conf", "/opt", null, "linux/s390x"));
        assertThat(e.getElement()).isEqualTo("<image><files><file>[3]<platforms>");
    }

    @Test
    void relativeTargetRejected() {
        InvalidConfigurationException e =
                failure(TestImages.twoPlatforms(project, "team/hello").file("conf", "etc/hello", null, null));
        assertThat(e.getElement()).isEqualTo("<image><files><file>[3]<target>");
    }

    @Test
    void badPortRejected() {
        InvalidConfigurationException e =
                failure(TestImages.twoPlatforms(project, "team/hello").exposedPort("70000"));
        assertThat(e.getElement()).isEqualTo("<image><exposedPorts>");
    }

    @Test
    void unknownAnnotationRejected() {
        InvalidConfigurationException e =
                failure(TestImages.twoPlatforms(project, "team/hello").annotation("created", "yesterday"));
        assertThat(e.getElement()).isEqualTo("<image><annotations>");
    }

    @Test
    void missingBaseLayoutRejected() throws Exception {
        InvalidConfigurationException e =
                failure(TestImages.twoPlatforms(project, "team/hello").base("oci:no-such-layout:1.0"));
        assertThat(e.getElement()).isEqualTo("<image><base>");
        assertThat(e.getFix()).contains("cannot be read");
    }

    @Test
    void corruptBaseTarRejected() throws Exception {
        Files.writeString(project.resolve("base.tar"), "not a tar");
        InvalidConfigurationException e =
                failure(TestImages.twoPlatforms(project, "team/hello").base("docker-archive:base.tar"));
        assertThat(e.getElement()).isEqualTo("<image><base>");
        assertThat(e.getInvalidValue()).contains("base.tar");
    }

    @Test
    void badBaseReferenceRejected() throws Exception {
        InvalidConfigurationException e =
                failure(TestImages.twoPlatforms(project, "team/hello").base("Not A Reference"));
        assertThat(e.getElement()).isEqualTo("<image><base>");
    }

    @Test
    void releaseTagIsWriteOnce() {
        assertThat(ImageTag.of("1.0.0").mutable()).isFalse();
    }

    @Test
    void snapshotTagMoves() {
        assertThat(ImageTag.of("1.0.0-SNAPSHOT").mutable()).isTrue();
    }
}
