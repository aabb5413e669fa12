package dev.distribution.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class OutputTimestampTest {
    private static final Map<String, String> NO_ENV = Map.of();

    @ParameterizedTest
    @CsvSource({
        "2026-12-04T00:00:00Z, 2026-12-04T00:00:00Z",
        "2026-12-04T01:30:00+01:30, 2026-12-04T00:00:00Z",
        "2019-10-05T20:37:42-06:00, 2019-10-06T02:37:42Z",
        "2026-12-04T00:00:00.987Z, 2026-12-04T00:00:00Z",
        "1796342400, 2026-12-04T00:00:00Z",
        "315532802, 1980-01-01T00:00:02Z",
        "' 2026-12-04T00:00:00Z ', 2026-12-04T00:00:00Z",
    })
    void parsesProperty(String value, String expected) throws Exception {
        assertThat(OutputTimestamp.resolve(value, NO_ENV)).isEqualTo(Instant.parse(expected));
    }

    @Test
    void propertyWinsOverEnvironment() throws Exception {
        Instant resolved = OutputTimestamp.resolve("2026-12-04T00:00:00Z", Map.of("SOURCE_DATE_EPOCH", "1700000000"));

        assertThat(resolved).isEqualTo(Instant.parse("2026-12-04T00:00:00Z"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "a", "1", "-"})
    void shortPropertyIsUnset(String value) throws Exception {
        Instant resolved = OutputTimestamp.resolve(value, Map.of("SOURCE_DATE_EPOCH", "1700000000"));

        assertThat(resolved).isEqualTo(Instant.ofEpochSecond(1700000000));
    }

    @Test
    void nullPropertyReadsEnvironment() throws Exception {
        Instant resolved = OutputTimestamp.resolve(null, Map.of("SOURCE_DATE_EPOCH", " 0 "));

        assertThat(resolved).isEqualTo(Instant.EPOCH);
    }

    @Test
    void nothingSetGivesFallback() throws Exception {
        assertThat(OutputTimestamp.resolve(null, NO_ENV)).isEqualTo(Instant.parse("1980-01-01T00:00:00Z"));
    }

    @Test
    void emptyEnvironmentGivesFallback() throws Exception {
        Instant resolved = OutputTimestamp.resolve("x", Map.of("SOURCE_DATE_EPOCH", ""));

        assertThat(resolved).isEqualTo(OutputTimestamp.FALLBACK);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "2026-12-04",
                "2026-12-04T00:00:00",
                "yesterday",
                "2026-13-01T00:00:00Z",
                "-5",
                "1979-12-31T23:59:59Z",
                "2100-01-01T00:00:00Z",
                "12",
                "99999999999999999999"
            })
    void rejectsInvalidProperty(String value) {
        assertThatThrownBy(() -> OutputTimestamp.resolve(value, NO_ENV))
                .isInstanceOf(InvalidConfigurationException.class)
                .hasMessageContaining("project.build.outputTimestamp")
                .hasMessageContaining("'" + value + "'");
    }

    @Test
    void localTimeErrorShowsExample() {
        assertThatThrownBy(() -> OutputTimestamp.resolve("2026-12-04T00:00:00", NO_ENV))
                .hasMessageContaining("for example 2026-12-04T00:00:00Z");
    }

    @ParameterizedTest
    @ValueSource(strings = {"abc", "-1", "1.5", "2026-12-04T00:00:00Z", "4102444800"})
    void rejectsInvalidSourceDateEpoch(String value) {
        assertThatThrownBy(() -> OutputTimestamp.resolve(null, Map.of("SOURCE_DATE_EPOCH", value)))
                .isInstanceOf(InvalidConfigurationException.class)
                .hasMessageContaining("SOURCE_DATE_EPOCH")
                .hasMessageContaining("'" + value + "'");
    }
}
