package dev.distribution.version;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.Instant;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class VersionMapperTest {
    private static final Instant BUILT = Instant.parse("2026-12-04T10:10:10Z");
    private static final VersionMapper MAPPER = new VersionMapper(BUILT);

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            textBlock =
                    """
            # Maven               | Debian                       | RPM Version                  | PEP 440                    | SemVer                                 | Homebrew
            1.0                   | 1.0                          | 1.0                          | 1.0                        | 1.0.0                                  | 1.0
            1.0-SNAPSHOT          | 1.0~~20261204101010          | 1.0~~20261204101010          | 1.0.dev20261204101010      | 1.0.0-SNAPSHOT.20261204101010          | 1.0-alpha0.20261204101010
            1.0-20261201.080910-3 | 1.0~~20261201080910.3        | 1.0~~20261201080910.3        | 1.0.dev20261201080910      | 1.0.0-SNAPSHOT.20261201080910.3        | 1.0-alpha0.20261201080910.3
            1.0-alpha-1           | 1.0~alpha1                   | 1.0~alpha1                   | 1.0a1                      | 1.0.0-alpha.1                          | 1.0-alpha1
            1.0-alpha-2           | 1.0~alpha2                   | 1.0~alpha2                   | 1.0a2                      | 1.0.0-alpha.2                          | 1.0-alpha2
            1.0-beta-2            | 1.0~beta2                    | 1.0~beta2                    | 1.0b2                      | 1.0.0-beta.2                           | 1.0-beta2
            1.0-M1                | 1.0~milestone1               | 1.0~milestone1               | 1.0rc0.dev1                | 1.0.0-milestone.1                      | 1.0-pre1
            1.0-rc1               | 1.0~rc1                      | 1.0~rc1                      | 1.0rc1                     | 1.0.0-rc.1                             | 1.0-rc1
            1.0-rc1-SNAPSHOT      | 1.0~rc1~20261204101010       | 1.0~rc1~20261204101010       | 1.0rc1.dev20261204101010   | 1.0.0-rc.0.SNAPSHOT.20261204101010     | 1.0-rc1-alpha0.20261204101010
            1.0-RC                | 1.0~rc                       | 1.0~rc                       | 1.0rc0                     | 1.0.0-rc                               | 1.0-rc
            1.0.RELEASE           | 1.0                          | 1.0                          | 1.0                        | 1.0.0                                  | 1.0
            1.0-sp1               | 1.0+sp1                      | 1.0+sp1                      | 1.0.post1                  | 1.0.0+sp.1                             | 1.0-sp1
            31.1-jre              | 31.1+jre                     | 31.1+jre                     | 31.1+jre                   | 31.1.0+jre                             | 31.1-jre
            1.0-foo-bar           | 1.0+foo.bar                  | 1.0+foo.bar                  | 1.0+foo.bar                | 1.0.0+foo-bar                          | 1.0-foo-bar
            1.0.1-SNAPSHOT        | 1.0.1~~20261204101010        | 1.0.1~~20261204101010        | 1.0.1.dev20261204101010    | 1.0.1-SNAPSHOT.20261204101010          | 1.0.1-alpha0.20261204101010
            2.0.0-SNAPSHOT        | 2.0.0~~20261204101010        | 2.0.0~~20261204101010        | 2.0.0.dev20261204101010    | 2.0.0-SNAPSHOT.20261204101010          | 2.0.0-alpha0.20261204101010
            2024.01.05            | 2024.01.05                   | 2024.01.05                   | 2024.1.5                   | 2024.1.5                               | 2024.01.05
            """)
    void mapsEachFormat(String maven, String debian, String rpm, String pep440, String semver, String homebrew)
            throws InvalidVersionException {
        assertThat(MAPPER.debian(maven)).as("Debian").isEqualTo(debian);
        assertThat(MAPPER.rpm(maven)).as("RPM").isEqualTo(new RpmVersion(rpm, "1"));
        assertThat(MAPPER.pep440(maven)).as("PEP 440").isEqualTo(pep440);
        assertThat(MAPPER.semver(maven)).as("SemVer").isEqualTo(semver);
        assertThat(MAPPER.homebrew(maven)).as("Homebrew").isEqualTo(homebrew);
    }

    static Stream<Arguments> sameVersion() {
        return Stream.of(
                Arguments.of("1.0", "1.0.RELEASE"),
                Arguments.of("1.0", "1.0.Final"),
                Arguments.of("1.0", "1.0-GA"),
                Arguments.of("1.0", "1.0-final"),
                Arguments.of("1.0-rc1", "1.0-rc-1"),
                Arguments.of("1.0-rc1", "1.0-RC1"),
                Arguments.of("1.0-rc1", "1.0-cr1"),
                Arguments.of("1.0-rc1", "1.0-CR-1"),
                Arguments.of("1.0-rc1", "1.0rc1"),
                Arguments.of("1.0-rc1", "1.0.rc.1"),
                Arguments.of("1.0-alpha-2", "1.0-a2"),
                Arguments.of("1.0-alpha-2", "1.0-alpha2"),
                Arguments.of("1.0-alpha-2", "1.0a2"),
                Arguments.of("1.0-beta-2", "1.0-b2"),
                Arguments.of("1.0-M1", "1.0-milestone-1"),
                Arguments.of("1.0-M1", "1.0-m1"),
                Arguments.of("1.0-SNAPSHOT", "1.0.SNAPSHOT"),
                Arguments.of("1.0-SNAPSHOT", "1.0-snapshot"));
    }

    @ParameterizedTest(name = "{0} = {1}")
    @MethodSource("sameVersion")
    void debianTreatsSpellingsAlike(String canonical, String spelling) throws InvalidVersionException {
        assertThat(MAPPER.debian(spelling)).isEqualTo(MAPPER.debian(canonical));
    }

    @ParameterizedTest(name = "{0} = {1}")
    @MethodSource("sameVersion")
    void rpmTreatsSpellingsAlike(String canonical, String spelling) throws InvalidVersionException {
        assertThat(MAPPER.rpm(spelling)).isEqualTo(MAPPER.rpm(canonical));
    }

    @ParameterizedTest(name = "{0} = {1}")
    @MethodSource("sameVersion")
    void pep440TreatsSpellingsAlike(String canonical, String spelling) throws InvalidVersionException {
        assertThat(MAPPER.pep440(spelling)).isEqualTo(MAPPER.pep440(canonical));
    }

    @ParameterizedTest(name = "{0} = {1}")
    @MethodSource("sameVersion")
    void semverTreatsSpellingsAlike(String canonical, String spelling) throws InvalidVersionException {
        assertThat(MAPPER.semver(spelling)).isEqualTo(MAPPER.semver(canonical));
    }

    @ParameterizedTest(name = "{0} = {1}")
    @MethodSource("sameVersion")
    void homebrewTreatsSpellingsAlike(String canonical, String spelling) throws InvalidVersionException {
        assertThat(MAPPER.homebrew(spelling)).isEqualTo(MAPPER.homebrew(canonical));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(
            strings = {
                "1.0",
                "1.0-SNAPSHOT",
                "1.0-20261204.101010-3",
                "1.0-alpha-1",
                "1.0-beta-2",
                "1.0-M1",
                "1.0-rc1",
                "1.0-rc1-SNAPSHOT",
                "1.0.RELEASE",
                "1.0-sp1",
                "31.1-jre",
                "1.0-foo-bar",
                "2.0.0-SNAPSHOT",
                "007.1"
            })
    void mappedVersionsMatchGrammars(String maven) throws InvalidVersionException {
        VersionMapper.validateDebian(MAPPER.debian(maven) + "-1");
        VersionMapper.validateRpmVersion(MAPPER.rpm(maven).version());
        VersionMapper.validateRpmRelease(MAPPER.rpm(maven).release());
        VersionMapper.validatePep440(MAPPER.pep440(maven));
        VersionMapper.validateSemver(MAPPER.semver(maven));
        VersionMapper.validateOciTag(MAPPER.ociTag(maven));
        VersionMapper.validateHomebrew(MAPPER.homebrew(maven));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"1.0-SNAPSHOT", "1.0-rc1", "31.1-jre", "1.0.RELEASE", "v1", "1.0_beta"})
    void ociTagKeepsMavenVersion(String maven) throws InvalidVersionException {
        assertThat(MAPPER.ociTag(maven)).isEqualTo(maven);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"1.0+build.5, 1.0_build.5", "1.0+1, 1.0_1"})
    void ociTagReplacesPlus(String maven, String tag) throws InvalidVersionException {
        assertThat(MAPPER.ociTag(maven)).isEqualTo(tag);
    }

    @ParameterizedTest(name = "[{index}] ''{0}''")
    @NullAndEmptySource
    @ValueSource(strings = {"-1.0", ".1", "1.0/x", "1.0 beta", "1.0:1"})
    void ociTagRejectsInvalid(String maven) {
        InvalidVersionException e = catchThrowableOfType(InvalidVersionException.class, () -> MAPPER.ociTag(maven));

        assertThat(e).isNotNull();
    }

    @Test
    void ociTagRejectsLongVersion() {
        String maven = "1." + "0".repeat(127);

        InvalidVersionException e = catchThrowableOfType(InvalidVersionException.class, () -> MAPPER.ociTag(maven));

        assertThat(e.getFormat()).isEqualTo("OCI tag");
    }

    @ParameterizedTest(name = "[{index}] ''{0}''")
    @NullAndEmptySource
    @ValueSource(
            strings = {
                "v1",
                "V1.0",
                "release-1.0",
                "1.0+build",
                "1.0_beta",
                "1.0 beta",
                "1..0",
                "1.0-",
                "1.0--rc1",
                "1.0.",
                "1.0-beta-2-foo",
                "1.0-rc1-2",
                "1.0-ä"
            })
    void rejectsUnmappableMavenVersion(String maven) {
        InvalidVersionException e = catchThrowableOfType(InvalidVersionException.class, () -> MAPPER.debian(maven));

        assertThat(e.getFormat()).isEqualTo("Maven");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "1.0-M1-SNAPSHOT, PEP 440",
        "1.0-foo-SNAPSHOT, PEP 440",
        "1.0.0.1, SemVer 2.0.0",
        "1.0-rc-SNAPSHOT, SemVer 2.0.0",
        "1.0-rc0-SNAPSHOT, SemVer 2.0.0",
        "1.0-sp1-SNAPSHOT, SemVer 2.0.0",
        "1.0-foo-SNAPSHOT, SemVer 2.0.0",
        "1.0-1, Homebrew",
        "1.0-preview, Homebrew",
        "1.0-android-rc, Homebrew"
    })
    void rejectsVersionFormatCannotPlace(String maven, String format) {
        InvalidVersionException e = catchThrowableOfType(InvalidVersionException.class, () -> map(maven, format));

        assertThat(e.getFormat()).isEqualTo(format);
    }

    private static String map(String maven, String format) throws InvalidVersionException {
        return switch (format) {
            case "PEP 440" -> MAPPER.pep440(maven);
            case "SemVer 2.0.0" -> MAPPER.semver(maven);
            case "Homebrew" -> MAPPER.homebrew(maven);
            default -> throw new IllegalArgumentException(format);
        };
    }

    @Test
    void messageNamesValueGrammarAndFix() {
        InvalidVersionException e = catchThrowableOfType(InvalidVersionException.class, () -> MAPPER.semver("1.0.0.1"));

        assertThat(e.getMessage())
                .isEqualTo("Invalid SemVer 2.0.0 version '1.0.0.1'. Accepted: " + e.getGrammar() + ". " + e.getFix());
    }

    @Test
    void exceptionCarriesVersion() {
        InvalidVersionException e = catchThrowableOfType(InvalidVersionException.class, () -> MAPPER.pep440("v1"));

        assertThat(e.getVersion()).isEqualTo("v1");
    }

    @Test
    void fixSuggestsExplicitVersion() {
        InvalidVersionException e = catchThrowableOfType(InvalidVersionException.class, () -> MAPPER.semver("1.0.0.1"));

        assertThat(e.getFix()).contains("explicitly");
    }

    @Test
    void parseFixOffersExplicitVersion() {
        InvalidVersionException e = catchThrowableOfType(InvalidVersionException.class, () -> MAPPER.debian("v1"));

        assertThat(e.getFix()).endsWith("Or set the Debian version explicitly in the plugin configuration.");
    }

    @Test
    void missingVersionSaysMissing() {
        InvalidVersionException e = catchThrowableOfType(InvalidVersionException.class, () -> MAPPER.debian(null));

        assertThat(e.getMessage()).startsWith("Missing Maven version.");
    }

    @Test
    void laterBuildMapsHigherStamp() throws InvalidVersionException {
        VersionMapper later = new VersionMapper(BUILT.plusSeconds(1));

        assertThat(later.pep440("1.0-SNAPSHOT")).isEqualTo("1.0.dev20261204101011");
    }

    @Test
    void timestampedSnapshotIgnoresBuildTime() throws InvalidVersionException {
        VersionMapper later = new VersionMapper(BUILT.plusSeconds(3600));

        assertThat(later.debian("1.0-20261201.080910-3")).isEqualTo(MAPPER.debian("1.0-20261201.080910-3"));
    }
}
