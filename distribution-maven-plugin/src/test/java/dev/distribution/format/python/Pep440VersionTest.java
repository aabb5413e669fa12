package dev.distribution.format.python;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class Pep440VersionTest {
    @ParameterizedTest
    @CsvSource({
        "1.0,1.0",
        "v1.0,1.0",
        "01.002,1.2",
        "1.0-RC1,1.0rc1",
        "1.0.alpha.2,1.0a2",
        "1.0b,1.0b0",
        "1.0-preview3,1.0rc3",
        "1.0-1,1.0.post1",
        "1.0.rev2,1.0.post2",
        "1.0-dev,1.0.dev0",
        "0!1.0,1.0",
        "2!1.0,2!1.0",
        "1.0+Ubuntu-1,1.0+ubuntu.1"
    })
    void normalize(String version, String expected) throws Exception {
        assertThat(Pep440Version.normalize("<python><version>", version)).isEqualTo(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"1.0-SNAPSHOT", "", "a1", "1.0.x", "1..0", "1.0+"})
    void invalid(String version) {
        assertThat(Pep440Version.isValid(version)).isFalse();
    }
}
