package dev.distribution.version;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Explicit versions, valid and invalid, for each format's validator. */
class VersionValidatorTest {
    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource({
        "Debian, 1.0",
        "Debian, 1.0-1",
        "Debian, 2:1.0~rc1-0+deb12u1",
        "Debian, 1.0-2-3",
        "Debian, 1.0~~20261204101010-1",
        "Debian, 31.1+jre",
        "RPM Version, 1.0~rc1",
        "RPM Version, 1.0^git1.abc",
        "RPM Version, 1_0+x",
        "RPM Release, 1",
        "RPM Release, 0.1.el9",
        "PEP 440, 1.0",
        "PEP 440, 1!2.0",
        "PEP 440, 1.0a2",
        "PEP 440, 1.0rc1.dev5",
        "PEP 440, 1.0.post1.dev2",
        "PEP 440, 1.0+local.7",
        "SemVer 2.0.0, 1.0.0",
        "SemVer 2.0.0, 1.0.0-rc.1",
        "SemVer 2.0.0, 1.0.0-SNAPSHOT.20261204101010",
        "SemVer 2.0.0, 1.0.0-x-y.0a+build.007",
        "OCI tag, latest",
        "OCI tag, _1.0",
        "OCI tag, 1.0-SNAPSHOT",
        "Homebrew, 1.0",
        "Homebrew, 1.0-rc1",
        "Homebrew, 2024.01.05_1"
    })
    void acceptsValid(String format, String version) {
        assertThatCode(() -> validate(format, version)).doesNotThrowAnyException();
    }

    @ParameterizedTest(name = "{0}: ''{1}''")
    @CsvSource({
        "Debian, ''",
        "Debian, v1.0",
        "Debian, 1.0_1",
        "Debian, 1.0-",
        "Debian, 1.0-1_2",
        "Debian, a:1.0",
        "Debian, :1.0",
        "Debian, 1:",
        "Debian, 1.0 1",
        "RPM Version, ''",
        "RPM Version, 1.0-1",
        "RPM Version, 1.0 1",
        "RPM Version, 1.0%{x}",
        "RPM Release, ''",
        "RPM Release, 1-2",
        "PEP 440, ''",
        "PEP 440, v1.0",
        "PEP 440, 1.0-rc1",
        "PEP 440, 1.0RC1",
        "PEP 440, 1.01",
        "PEP 440, 1.0.dev",
        "PEP 440, 1.0+",
        "PEP 440, 1.0+Local",
        "SemVer 2.0.0, ''",
        "SemVer 2.0.0, 1.0",
        "SemVer 2.0.0, v1.0.0",
        "SemVer 2.0.0, 01.0.0",
        "SemVer 2.0.0, 1.0.0-01",
        "SemVer 2.0.0, 1.0.0-",
        "SemVer 2.0.0, 1.0.0-rc..1",
        "SemVer 2.0.0, 1.0.0+",
        "SemVer 2.0.0, 1.0.0_1",
        "SemVer 2.0.0, 1.0.0.0",
        "OCI tag, ''",
        "OCI tag, .1",
        "OCI tag, -1",
        "OCI tag, 1.0+1",
        "OCI tag, 1:0",
        "Homebrew, ''",
        "Homebrew, v1.0",
        "Homebrew, HEAD",
        "Homebrew, 1.0 1",
        "Homebrew, 1.0/1"
    })
    void rejectsInvalid(String format, String version) {
        InvalidVersionException e =
                catchThrowableOfType(InvalidVersionException.class, () -> validate(format, version));

        assertThat(e.getFormat()).isEqualTo(format);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"Debian", "RPM Version", "RPM Release", "PEP 440", "SemVer 2.0.0", "OCI tag", "Homebrew"})
    void rejectsNull(String format) {
        InvalidVersionException e = catchThrowableOfType(InvalidVersionException.class, () -> validate(format, null));

        assertThat(e.getMessage()).startsWith("Missing " + format + " version.");
    }

    private static void validate(String format, String version) throws InvalidVersionException {
        switch (format) {
            case "Debian" -> VersionMapper.validateDebian(version);
            case "RPM Version" -> VersionMapper.validateRpmVersion(version);
            case "RPM Release" -> VersionMapper.validateRpmRelease(version);
            case "PEP 440" -> VersionMapper.validatePep440(version);
            case "SemVer 2.0.0" -> VersionMapper.validateSemver(version);
            case "OCI tag" -> VersionMapper.validateOciTag(version);
            case "Homebrew" -> VersionMapper.validateHomebrew(version);
            default -> throw new IllegalArgumentException(format);
        }
    }
}
