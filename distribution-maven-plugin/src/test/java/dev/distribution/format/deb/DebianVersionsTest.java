package dev.distribution.format.deb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.distribution.core.InvalidConfigurationException;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class DebianVersionsTest {
    static final Instant STAMP = Instant.parse("2026-12-01T10:15:30Z");

    @ParameterizedTest
    @CsvSource({
        "1.0, 1.0",
        "1.0-SNAPSHOT, 1.0~~20261201101530",
        "1.0-rc1, 1.0~rc1",
        "1.0-RC1, 1.0~rc1",
        "1.0.0-beta-2, 1.0.0~beta2",
        "1.0rc1, 1.0~rc1",
        "2.1.Final, 2.1",
        "1.0-sp1, 1.0+sp1",
        "1.0-1, 1.0+1",
        "1.0-rc1-SNAPSHOT, 1.0~rc1~20261201101530",
    })
    void mapsMavenVersions(String maven, String debian) throws Exception {
        assertThat(DebianVersions.fromMaven(maven, STAMP, 0, null)).isEqualTo(debian);
    }

    @Test
    void addsEpochAndRevision() throws Exception {
        assertThat(DebianVersions.fromMaven("1.2", STAMP, 2, "1")).isEqualTo("2:1.2-1");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "latest", "v1.0", "1.0_beta", "1.0/2", "1.0--x"})
    void rejectsUnmappable(String maven) {
        assertThatThrownBy(() -> DebianVersions.fromMaven(maven, STAMP, 0, null))
                .isInstanceOf(InvalidConfigurationException.class)
                .hasMessageContaining("<deb><version>");
    }

    @ParameterizedTest
    @ValueSource(strings = {"1.0-", "a1.0", "1:", "x:1.0", "1.0-r_1", "1.0 2"})
    void rejectsInvalidExplicit(String version) {
        assertThatThrownBy(() -> DebianVersions.validate(version, "<deb><version>"))
                .isInstanceOf(InvalidConfigurationException.class);
    }

    /** Maven order, oldest first, which dpkg must keep after mapping. */
    private static final List<String> MAVEN_ORDER = List.of(
            "0.9",
            "1.0-SNAPSHOT",
            "1.0-alpha1",
            "1.0-beta-2",
            "1.0-rc1-SNAPSHOT",
            "1.0-rc1",
            "1.0",
            "1.0-sp1",
            "1.0.1-SNAPSHOT",
            "1.0.1",
            "1.1",
            "10.0");

    @Test
    void orderMatchesDpkg() throws Exception {
        for (int i = 0; i + 1 < MAVEN_ORDER.size(); i++) {
            String older = DebianVersions.fromMaven(MAVEN_ORDER.get(i), STAMP, 0, null);
            String newer = DebianVersions.fromMaven(MAVEN_ORDER.get(i + 1), STAMP, 0, null);
            Tools.Result dpkg = Tools.run(null, "dpkg", "--compare-versions", older, "lt", newer);
            assertThat(dpkg.exitCode()).as("dpkg: %s < %s", older, newer).isZero();
        }
    }

    @ParameterizedTest
    @CsvSource({
        "1.0~rc1, 1.0",
        "1.0, 1.0.1",
        "1:0.1, 2.0",
        "1.0-1, 1.0-2",
        "1.0~~SNAPSHOT, 1.0~alpha",
        "1.0a, 1.0b",
        "1.0+1, 1.0.1",
        "1.09, 1.10",
        "1.0-1~bpo1, 1.0-1",
        "0001.0, 2.0"
    })
    void compareAgreesWithDpkg(String older, String newer) throws Exception {
        int dpkg = Tools.run(null, "dpkg", "--compare-versions", older, "lt", newer)
                                .exitCode()
                        == 0
                ? -1
                : 1;
        assertThat(Integer.signum(DebianVersions.compare(older, newer))).isEqualTo(dpkg);
    }

    @Test
    void compareEqualVersions() {
        assertThat(DebianVersions.compare("1.00", "1.0")).isZero();
    }
}
