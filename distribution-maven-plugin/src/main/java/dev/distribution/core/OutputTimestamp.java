package dev.distribution.core;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Map;

/**
 * The time written into every package entry, so that two builds of one commit give identical
 * bytes. It never comes from the clock.
 *
 * <p>The sources, in order: {@code project.build.outputTimestamp}, read with the rules of Maven's
 * archivers (maven-archiver {@code parseBuildOutputTimestamp}), then the {@code SOURCE_DATE_EPOCH}
 * environment variable (https://reproducible-builds.org/specs/source-date-epoch/), then {@link
 * #FALLBACK}.
 */
public final class OutputTimestamp {
    /** Name of the POM property, used in error messages. */
    public static final String PROPERTY = "project.build.outputTimestamp";

    /** Name of the environment variable read when the POM property is unset. */
    public static final String SOURCE_DATE_EPOCH = "SOURCE_DATE_EPOCH";

    /**
     * The time used when neither source is set: 1980-01-01T00:00:00Z, the earliest time a zip
     * entry's DOS date can hold, so every format can store it unchanged.
     */
    public static final Instant FALLBACK = Instant.parse("1980-01-01T00:00:00Z");

    /** Range Maven accepts for {@code project.build.outputTimestamp}; zip's DOS time fits it. */
    static final Instant MIN = Instant.parse("1980-01-01T00:00:02Z");

    static final Instant MAX = Instant.parse("2099-12-31T23:59:59Z");

    private static final String ACCEPTED_PROPERTY = "an ISO-8601 date-time with an offset such as 2026-12-04T00:00:00Z,"
            + " seconds since 1970-01-01T00:00:00Z, or a single character for unset; between " + MIN + " and " + MAX;

    private static final String ACCEPTED_ENV = "seconds since 1970-01-01T00:00:00Z, at most " + MAX.getEpochSecond();

    private OutputTimestamp() {}

    /**
     * Resolves the build's output timestamp, truncated to whole seconds.
     *
     * @param projectBuildOutputTimestamp the value of {@code project.build.outputTimestamp}; null,
     *     empty or one character (used to unset an inherited value) means unset
     * @param env the process environment, usually {@code System.getenv()}
     * @return the timestamp from the POM, else from {@code SOURCE_DATE_EPOCH}, else {@link
     *     #FALLBACK}
     * @throws InvalidConfigurationException when a set value cannot be parsed or is out of range
     */
    public static Instant resolve(String projectBuildOutputTimestamp, Map<String, String> env)
            throws InvalidConfigurationException {
        String value = projectBuildOutputTimestamp == null ? "" : projectBuildOutputTimestamp.trim();
        if (value.length() >= 2) {
            return parseProperty(value);
        }
        String epoch = env.get(SOURCE_DATE_EPOCH);
        if (epoch != null && !epoch.isBlank()) {
            return parseSourceDateEpoch(epoch.trim());
        }
        return FALLBACK;
    }

    private static Instant parseProperty(String value) throws InvalidConfigurationException {
        Instant instant;
        if (isDigits(value)) {
            instant = epochSeconds(value, PROPERTY, ACCEPTED_PROPERTY);
        } else {
            try {
                instant = OffsetDateTime.parse(value)
                        .withOffsetSameInstant(ZoneOffset.UTC)
                        .toInstant()
                        .truncatedTo(ChronoUnit.SECONDS);
            } catch (DateTimeParseException e) {
                throw new InvalidConfigurationException(
                        PROPERTY,
                        value,
                        ACCEPTED_PROPERTY,
                        "Write the time with its offset, for example 2026-12-04T00:00:00Z.");
            }
        }
        if (instant.isBefore(MIN) || instant.isAfter(MAX)) {
            throw new InvalidConfigurationException(
                    PROPERTY, value, ACCEPTED_PROPERTY, "Use a time between " + MIN + " and " + MAX + ".");
        }
        return instant;
    }

    private static Instant parseSourceDateEpoch(String value) throws InvalidConfigurationException {
        if (!isDigits(value)) {
            throw new InvalidConfigurationException(
                    SOURCE_DATE_EPOCH,
                    value,
                    ACCEPTED_ENV,
                    "Set SOURCE_DATE_EPOCH to whole seconds, for example $(git log -1 --format=%ct), or unset it.");
        }
        Instant instant = epochSeconds(value, SOURCE_DATE_EPOCH, ACCEPTED_ENV);
        if (instant.isAfter(MAX)) {
            throw new InvalidConfigurationException(
                    SOURCE_DATE_EPOCH, value, ACCEPTED_ENV, "Use a time no later than " + MAX + ".");
        }
        return instant;
    }

    private static Instant epochSeconds(String digits, String element, String accepted)
            throws InvalidConfigurationException {
        try {
            return Instant.ofEpochSecond(Long.parseLong(digits));
        } catch (NumberFormatException e) {
            throw new InvalidConfigurationException(element, digits, accepted, "Use a smaller number of seconds.");
        }
    }

    private static boolean isDigits(String value) {
        return !value.isEmpty() && value.chars().allMatch(c -> c >= '0' && c <= '9');
    }
}
