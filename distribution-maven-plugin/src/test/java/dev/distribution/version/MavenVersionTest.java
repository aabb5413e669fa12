package dev.distribution.version;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class MavenVersionTest {
    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "1.0, RELEASE, ''",
        "1.0.Final, RELEASE, ''",
        "1.0-GA, RELEASE, ''",
        "1.0-alpha-1, ALPHA, alpha-1",
        "1.0a1, ALPHA, a1",
        "1.0-beta2, BETA, beta2",
        "1.0-M3, MILESTONE, M3",
        "1.0-rc-1, RC, rc-1",
        "1.0-cr1, RC, cr1",
        "1.0-sp1, SERVICE_PACK, sp1",
        "31.1-jre, OTHER, jre",
        "1.0-a, OTHER, a",
        "1.0-1, OTHER, 1",
        "1.0-rc-1-SNAPSHOT, RC, rc-1",
        "1.0-SNAPSHOT, RELEASE, ''"
    })
    void classifiesQualifier(String version, MavenVersion.Kind kind, String qualifier) throws InvalidVersionException {
        MavenVersion parsed = MavenVersion.parse(version);

        assertThat(parsed.kind()).as("kind").isEqualTo(kind);
        assertThat(parsed.qualifier()).as("qualifier").isEqualTo(qualifier);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"1.0-SNAPSHOT", "1.0.SNAPSHOT", "1.0-rc1-SNAPSHOT", "1.0-20261204.101010-3"})
    void detectsSnapshot(String version) throws InvalidVersionException {
        assertThat(MavenVersion.parse(version).isSnapshot()).isTrue();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"1.0", "1.0-rc1", "1.0-20261399.101010-3", "1.0-SNAPSHOT-foo"})
    void detectsRelease(String version) throws InvalidVersionException {
        assertThat(MavenVersion.parse(version).isSnapshot()).isFalse();
    }

    @Test
    void readsSnapshotTimestamp() throws InvalidVersionException {
        assertThat(MavenVersion.parse("1.0-rc1-20261204.101010-3").snapshotTimestamp())
                .hasValue("20261204101010");
    }

    @Test
    void readsBuildNumber() throws InvalidVersionException {
        assertThat(MavenVersion.parse("1.0-20261204.101010-3").buildNumber()).hasValue(BigInteger.valueOf(3));
    }

    @Test
    void timestampedSnapshotKeepsQualifier() throws InvalidVersionException {
        assertThat(MavenVersion.parse("1.0-rc1-20261204.101010-3").kind()).isEqualTo(MavenVersion.Kind.RC);
    }

    @Test
    void readsReleaseNumbers() throws InvalidVersionException {
        assertThat(MavenVersion.parse("1.02.3-beta-4").releaseNumbers()).isEqualTo(List.of("1", "02", "3"));
    }

    @Test
    void readsQualifierNumber() throws InvalidVersionException {
        assertThat(MavenVersion.parse("1.0-beta-4").qualifierNumber()).hasValue(BigInteger.valueOf(4));
    }

    @Test
    void absentQualifierNumberIsEmpty() throws InvalidVersionException {
        assertThat(MavenVersion.parse("1.0-beta").qualifierNumber()).isEmpty();
    }
}
