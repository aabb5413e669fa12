package dev.distribution.target.github;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The waits that GitHub's rate-limit responses request. No real GitHub server runs in the test
 * environment; the in-process flow test in {@link GitHubReleasePublisherTest} covers the waits end to end.
 */
class RateLimitPolicyTest {
    private static final Instant NOW = Instant.parse("2026-12-04T12:00:00Z");

    private final RateLimitPolicy policy =
            new RateLimitPolicy(Duration.ofMinutes(5), Clock.fixed(NOW, ZoneOffset.UTC), delay -> {});

    @Test
    void primaryLimitWaitsForReset() {
        Optional<Duration> wait = policy.waitFor(
                403, Optional.empty(), Optional.of("0"), Optional.of(Long.toString(NOW.getEpochSecond() + 60)), "");

        assertThat(wait).contains(Duration.ofSeconds(61));
    }

    @Test
    void retryAfterWins() {
        Optional<Duration> wait = policy.waitFor(429, Optional.of("7"), Optional.empty(), Optional.empty(), "");

        assertThat(wait).contains(Duration.ofSeconds(7));
    }

    @Test
    void secondaryLimitWaitsMinute() {
        Optional<Duration> wait = policy.waitFor(
                403,
                Optional.empty(),
                Optional.of("4000"),
                Optional.empty(),
                "{\"message\":\"You have exceeded a secondary rate limit.\"}");

        assertThat(wait).contains(Duration.ofMinutes(1));
    }

    @Test
    void permissionErrorIsNotWaited() {
        Optional<Duration> wait = policy.waitFor(
                403,
                Optional.empty(),
                Optional.of("4999"),
                Optional.empty(),
                "{\"message\":\"Resource not accessible by integration\"}");

        assertThat(wait).isEmpty();
    }

    @Test
    void otherStatusIsNotWaited() {
        Optional<Duration> wait = policy.waitFor(500, Optional.of("5"), Optional.empty(), Optional.empty(), "");

        assertThat(wait).isEmpty();
    }

    @Test
    void boundStopsLongWaits() throws Exception {
        policy.sleep(Duration.ofMinutes(4));

        assertThat(policy.allows(Duration.ofMinutes(1))).isTrue();
        assertThat(policy.allows(Duration.ofSeconds(61))).isFalse();
    }
}
