package dev.distribution.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Tag names checked against git's ref rules. */
class GitTagNameTest {
    @ParameterizedTest
    @ValueSource(strings = {"v1.0.0", "release/1.0", "v1.0.0-rc1+build.5", "1.0_beta"})
    void validTagAccepted(String tag) throws Exception {
        assertThat(GitTagName.validate(tag, "<tag>")).isEqualTo(tag);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "v1 0",
                "v1..0",
                "v1.0.",
                "v1:0",
                "a//b",
                "/v1",
                "v1.lock",
                ".v1",
                "v${project.version",
                "v${x}",
                "@",
                "v@{1}",
                "~v"
            })
    void invalidTagRejected(String tag) {
        assertThatThrownBy(() -> GitTagName.validate(tag, "<github><tag>"))
                .isInstanceOf(InvalidConfigurationException.class)
                .hasMessageContaining("<github><tag>");
    }
}
