package dev.distribution.http;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/** Timeouts, retry limits, proxies and trust for an {@link HttpTransport}. Immutable; build with {@link #builder()}. */
public final class TransportSettings {

    /** Waits between attempts; tests replace it to run without real delays. */
    @FunctionalInterface
    public interface Sleeper {
        /** Blocks for {@code delay}. */
        void sleep(Duration delay) throws InterruptedException;

        /** The sleeper that blocks the calling thread. */
        Sleeper SYSTEM = delay -> Thread.sleep(delay.toMillis());
    }

    private final Duration connectTimeout;
    private final Duration readTimeout;
    private final int maxAttempts;
    private final Duration initialBackoff;
    private final Duration maxBackoff;
    private final Duration maxRetryAfter;
    private final List<ProxySettings> proxies;
    private final Path caBundle;
    private final String userAgent;
    private final long progressThreshold;
    private final Sleeper sleeper;
    private final Clock clock;

    private TransportSettings(Builder builder) {
        this.connectTimeout = builder.connectTimeout;
        this.readTimeout = builder.readTimeout;
        this.maxAttempts = builder.maxAttempts;
        this.initialBackoff = builder.initialBackoff;
        this.maxBackoff = builder.maxBackoff;
        this.maxRetryAfter = builder.maxRetryAfter;
        this.proxies = List.copyOf(builder.proxies);
        this.caBundle = builder.caBundle;
        this.userAgent = builder.userAgent;
        this.progressThreshold = builder.progressThreshold;
        this.sleeper = builder.sleeper;
        this.clock = builder.clock;
    }

    /** Returns a builder with the defaults. */
    public static Builder builder() {
        return new Builder();
    }

    /** Returns the settings with every default. */
    public static TransportSettings defaults() {
        return builder().build();
    }

    /** Returns the time allowed to open a TCP connection (default 30 s). */
    public Duration connectTimeout() {
        return connectTimeout;
    }

    /** Returns the maximum time without response bytes before a read times out (default 5 min). */
    public Duration readTimeout() {
        return readTimeout;
    }

    /** Returns the number of attempts, the first one included (default 4). */
    public int maxAttempts() {
        return maxAttempts;
    }

    /** Returns the wait before the second attempt, doubled for each further one (default 1 s). */
    public Duration initialBackoff() {
        return initialBackoff;
    }

    /** Returns the maximum of the doubled backoff (default 30 s). */
    public Duration maxBackoff() {
        return maxBackoff;
    }

    /** Returns the maximum wait that a {@code Retry-After} header can request (default 2 min). */
    public Duration maxRetryAfter() {
        return maxRetryAfter;
    }

    /** Returns the proxies, in settings.xml order. */
    public List<ProxySettings> proxies() {
        return proxies;
    }

    /** Returns the PEM file of extra trusted CA certificates, or null. */
    public Path caBundle() {
        return caBundle;
    }

    /** Returns the {@code User-Agent} header value. */
    public String userAgent() {
        return userAgent;
    }

    /** Returns the body size in bytes above which transfers report progress (default 4 MiB). */
    public long progressThreshold() {
        return progressThreshold;
    }

    /** Returns the sleeper that waits between attempts. */
    public Sleeper sleeper() {
        return sleeper;
    }

    /** Returns the clock that {@code Retry-After} dates are compared with. */
    public Clock clock() {
        return clock;
    }

    /** Builds {@link TransportSettings}. */
    public static final class Builder {
        private Duration connectTimeout = Duration.ofSeconds(30);
        private Duration readTimeout = Duration.ofMinutes(5);
        private int maxAttempts = 4;
        private Duration initialBackoff = Duration.ofSeconds(1);
        private Duration maxBackoff = Duration.ofSeconds(30);
        private Duration maxRetryAfter = Duration.ofMinutes(2);
        private List<ProxySettings> proxies = List.of();
        private Path caBundle;
        private String userAgent = defaultUserAgent();
        private long progressThreshold = 4L * 1024 * 1024;
        private Sleeper sleeper = Sleeper.SYSTEM;
        private Clock clock = Clock.systemUTC();

        private Builder() {}

        /** Sets the time allowed to open a TCP connection. */
        public Builder connectTimeout(Duration timeout) {
            this.connectTimeout = positive(timeout, "connectTimeout");
            return this;
        }

        /** Sets the maximum time without response bytes before a read times out. */
        public Builder readTimeout(Duration timeout) {
            this.readTimeout = positive(timeout, "readTimeout");
            return this;
        }

        /** Sets the number of attempts, the first one included; 1 disables retries. */
        public Builder maxAttempts(int attempts) {
            if (attempts < 1) {
                throw new IllegalArgumentException("maxAttempts must be at least 1, got " + attempts);
            }
            this.maxAttempts = attempts;
            return this;
        }

        /** Sets the wait before the second attempt. */
        public Builder initialBackoff(Duration backoff) {
            this.initialBackoff = notNegative(backoff, "initialBackoff");
            return this;
        }

        /** Sets the maximum of the doubled backoff. */
        public Builder maxBackoff(Duration backoff) {
            this.maxBackoff = notNegative(backoff, "maxBackoff");
            return this;
        }

        /** Sets the maximum wait that a {@code Retry-After} header can request. */
        public Builder maxRetryAfter(Duration limit) {
            this.maxRetryAfter = notNegative(limit, "maxRetryAfter");
            return this;
        }

        /** Sets the proxies, as declared in settings.xml. */
        public Builder proxies(List<ProxySettings> proxies) {
            this.proxies = List.copyOf(proxies);
            return this;
        }

        /** Sets a PEM file of CA certificates trusted in addition to the JDK's; null for none. */
        public Builder caBundle(Path caBundle) {
            this.caBundle = caBundle;
            return this;
        }

        /** Sets the {@code User-Agent} header value. */
        public Builder userAgent(String userAgent) {
            this.userAgent = Objects.requireNonNull(userAgent, "userAgent");
            return this;
        }

        /** Sets the body size in bytes above which transfers report progress. */
        public Builder progressThreshold(long bytes) {
            if (bytes < 0) {
                throw new IllegalArgumentException("progressThreshold must not be negative, got " + bytes);
            }
            this.progressThreshold = bytes;
            return this;
        }

        /** Replaces what waits between attempts. */
        public Builder sleeper(Sleeper sleeper) {
            this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
            return this;
        }

        /** Replaces the clock that {@code Retry-After} dates are compared with. */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /** Returns the settings. */
        public TransportSettings build() {
            return new TransportSettings(this);
        }

        private static Duration positive(Duration value, String name) {
            if (value == null || value.isNegative() || value.isZero()) {
                throw new IllegalArgumentException(name + " must be positive, got " + value);
            }
            return value;
        }

        private static Duration notNegative(Duration value, String name) {
            if (value == null || value.isNegative()) {
                throw new IllegalArgumentException(name + " must not be negative, got " + value);
            }
            return value;
        }

        private static String defaultUserAgent() {
            String version = TransportSettings.class.getPackage().getImplementationVersion();
            return "distribution-maven-plugin/" + (version == null ? "dev" : version) + " Java/"
                    + System.getProperty("java.version");
        }
    }
}
