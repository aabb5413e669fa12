package dev.distribution.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class PlatformTest {
    private static final String ELEMENT = "<image><platforms>";

    @ParameterizedTest
    @CsvSource({
        "linux/amd64, linux, amd64, , linux-amd64",
        "linux/arm64, linux, arm64, , linux-arm64",
        "linux/arm/v7, linux, arm, v7, linux-arm-v7",
        "linux/arm64/v8, linux, arm64, v8, linux-arm64-v8",
        "darwin/arm64, darwin, arm64, , darwin-arm64",
        "windows/amd64, windows, amd64, , windows-amd64",
        "freebsd/386, freebsd, 386, , freebsd-386",
        "linux/ppc64le, linux, ppc64le, , linux-ppc64le",
        "linux/s390x, linux, s390x, , linux-s390x",
        "linux/riscv64, linux, riscv64, , linux-riscv64",
    })
    void parsesKnownPlatforms(String text, String os, String arch, String variant, String classifier) throws Exception {
        Platform platform = Platform.parse(text, ELEMENT);

        assertThat(platform.os()).isEqualTo(os);
        assertThat(platform.arch()).isEqualTo(arch);
        assertThat(platform.variant()).isEqualTo(variant);
        assertThat(platform.classifier()).isEqualTo(classifier);
        assertThat(platform.toString()).isEqualTo(text);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "",
                " ",
                "linux",
                "linux/",
                "/amd64",
                "linux/amd64/v7/x",
                "Linux/amd64",
                "macos/arm64",
                "linux/x86_64",
                "linux/aarch64",
                "linux/amd64/v7",
                "linux/arm/v8",
                "linux/arm64/v7",
                "linux amd64"
            })
    void rejectsInvalidPlatforms(String text) {
        assertThatThrownBy(() -> Platform.parse(text, ELEMENT))
                .isInstanceOf(InvalidConfigurationException.class)
                .hasMessageContaining(ELEMENT)
                .hasMessageContaining("linux, darwin, windows, freebsd")
                .hasMessageContaining("amd64, arm64, 386, arm, ppc64le, s390x, riscv64");
    }

    @Test
    void unknownArchNamesValue() {
        assertThatThrownBy(() -> Platform.parse("linux/x86_64", ELEMENT))
                .isInstanceOf(InvalidConfigurationException.class)
                .hasMessageStartingWith("Invalid value 'linux/x86_64' for <image><platforms>.");
    }

    @Test
    void nullIsMissing() {
        assertThatThrownBy(() -> Platform.parse(null, ELEMENT))
                .isInstanceOf(InvalidConfigurationException.class)
                .hasMessageStartingWith("Missing value for <image><platforms>.");
    }

    @Test
    void parsesListInOrder() throws Exception {
        List<Platform> platforms = Platform.parseList(" linux/arm64 ,linux/amd64,linux/arm/v7", ELEMENT);

        assertThat(platforms)
                .containsExactly(
                        new Platform("linux", "arm64"),
                        new Platform("linux", "amd64"),
                        new Platform("linux", "arm", "v7"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "linux/amd64,", "linux/amd64,,linux/arm64", "linux/amd64,linux/amd64"})
    void rejectsInvalidLists(String text) {
        assertThatThrownBy(() -> Platform.parseList(text, ELEMENT))
                .isInstanceOf(InvalidConfigurationException.class)
                .hasMessageContaining(ELEMENT);
    }

    @Test
    void duplicateInListIsNamed() {
        assertThatThrownBy(() -> Platform.parseList("linux/amd64,linux/amd64", ELEMENT))
                .hasMessageContaining("Remove the second linux/amd64");
    }

    @Test
    void constructorRejectsUnknownOs() {
        assertThatThrownBy(() -> new Platform("plan9", "amd64")).isInstanceOf(IllegalArgumentException.class);
    }
}
