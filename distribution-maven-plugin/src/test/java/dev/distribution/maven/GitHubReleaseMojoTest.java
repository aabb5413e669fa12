package dev.distribution.maven;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The default of {@code <github><prerelease>}, decided from the Maven version. */
class GitHubReleaseMojoTest {
    @ParameterizedTest
    @CsvSource({
        "1.0.0-SNAPSHOT, true",
        "1.0.0-rc1, true",
        "2.0-beta-2, true",
        "3.1-M1, true",
        "1.0.0-alpha, true",
        "1.0.0, false",
        "1.0.1.Final, false",
        "1.0-sp1, false"
    })
    void prereleaseFromVersion(String version, boolean expected) {
        assertThat(GitHubReleaseMojo.isPreRelease(version)).isEqualTo(expected);
    }
}
