package dev.distribution.target.github;

import dev.distribution.http.HttpResponse;
import dev.distribution.http.TransportSettings;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * Waits out GitHub's rate limits within a bound. GitHub returns 403 or 429 when a limit is hit: the
 * primary limit sets {@code x-ratelimit-remaining: 0} and {@code x-ratelimit-reset} (epoch
 * seconds), a secondary limit sets {@code retry-after} (seconds), and a secondary limit without
 * headers requests that clients wait at least a minute (GitHub REST API documentation, "Rate limits for
 * the REST API").
 */
public final class RateLimitPolicy {
    private static final Duration SECONDARY_DEFAULT = Duration.ofMinutes(1);
    // A second added to the reset time, because GitHub's reset second is inclusive.
    private static final Duration MARGIN = Duration.ofSeconds(1);

    private final Duration maxTotalWait;
    private final Clock clock;
    private final TransportSettings.Sleeper sleeper;
    private Duration waited = Duration.ZERO;

    /**
     * Creates the policy.
     *
     * @param maxTotalWait the maximum time all waits of one build may add up to
     */
    public RateLimitPolicy(Duration maxTotalWait, Clock clock, TransportSettings.Sleeper sleeper) {
        this.maxTotalWait = Objects.requireNonNull(maxTotalWait, "maxTotalWait");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
    }

    /** A policy that waits up to {@code maxTotalWait} on the system clock. */
    public static RateLimitPolicy of(Duration maxTotalWait) {
        return new RateLimitPolicy(maxTotalWait, Clock.systemUTC(), TransportSettings.Sleeper.SYSTEM);
    }

    /** The maximum total wait. */
    public Duration maxTotalWait() {
        return maxTotalWait;
    }

    /** Returns the wait a response requests when it reports a rate limit, otherwise empty. */
    public Optional<Duration> waitFor(HttpResponse response) {
        return waitFor(
                response.status(),
                response.header("retry-after"),
                response.header("x-ratelimit-remaining"),
                response.header("x-ratelimit-reset"),
                response.body());
    }

    Optional<Duration> waitFor(
            int status, Optional<String> retryAfter, Optional<String> remaining, Optional<String> reset, String body) {
        if (status != 403 && status != 429) {
            return Optional.empty();
        }
        if (retryAfter.isPresent() && retryAfter.get().trim().matches("\\d{1,9}")) {
            return Optional.of(
                    Duration.ofSeconds(Long.parseLong(retryAfter.get().trim())));
        }
        if (remaining.map(value -> value.trim().equals("0")).orElse(false)
                && reset.isPresent()
                && reset.get().trim().matches("\\d{1,12}")) {
            Instant resetAt = Instant.ofEpochSecond(Long.parseLong(reset.get().trim()));
            Duration wait = Duration.between(clock.instant(), resetAt).plus(MARGIN);
            return Optional.of(wait.isNegative() ? MARGIN : wait);
        }
        if (status == 429 || (body != null && body.toLowerCase(Locale.ROOT).contains("rate limit"))) {
            return Optional.of(SECONDARY_DEFAULT);
        }
        return Optional.empty();
    }

    /**
     * Returns whether a wait of {@code wait} still fits in the bound; the caller then calls
     * {@link #sleep(Duration)}.
     */
    public boolean allows(Duration wait) {
        return waited.plus(wait).compareTo(maxTotalWait) <= 0;
    }

    /** Blocks for {@code wait} and adds it to the total. */
    public void sleep(Duration wait) throws InterruptedException {
        sleeper.sleep(wait);
        waited = waited.plus(wait);
    }

    /** The clock reset times are compared with. */
    Clock clock() {
        return clock;
    }
}
