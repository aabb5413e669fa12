package dev.distribution.version;

import java.math.BigInteger;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Maven project version split into the parts the format mappings need: the release numbers, one
 * qualifier and the snapshot marker.
 *
 * <p>The qualifier words follow Maven's {@code ComparableVersion}, case-insensitively: {@code alpha}
 * ({@code a} when a number follows directly), {@code beta} ({@code b}), {@code milestone} ({@code m}),
 * {@code rc} and {@code cr} (the same rank), {@code ga}, {@code final} and {@code release} (all equal
 * to no qualifier), and {@code sp} (a service pack, after the release). Any other qualifier, such as
 * {@code jre} in {@code 31.1-jre}, sorts after the release and before the next release number, as in
 * Maven. A version ending in {@code -SNAPSHOT}, or timestamped as Maven deploys snapshots
 * ({@code 1.0-20261204.101010-3}), is a snapshot of the version without that suffix.
 *
 * <p>Supported shape: a digit first; numbers separated by {@code '.'}; then at most one qualifier,
 * separated by {@code '-'} or {@code '.'} or attached to the last number ({@code 1.0rc1}); a pre-release
 * or service pack qualifier takes at most one number. Instances are immutable.
 */
public final class MavenVersion {
    /** The class of a qualifier, in Maven's order. */
    public enum Kind {
        /** An alpha pre-release. */
        ALPHA("alpha"),
        /** A beta pre-release. */
        BETA("beta"),
        /** A milestone pre-release, after beta and before release candidates. */
        MILESTONE("milestone"),
        /** A release candidate ({@code rc} or {@code cr}). */
        RC("rc"),
        /** A release: no qualifier, or {@code ga}, {@code final}, {@code release}. */
        RELEASE(""),
        /** A service pack ({@code sp}), after the release. */
        SERVICE_PACK("sp"),
        /** Any other qualifier, after the release and its service packs. */
        OTHER("");

        private final String word;

        Kind(String word) {
            this.word = word;
        }

        /** The canonical lower-case qualifier word; empty for {@link #RELEASE} and {@link #OTHER}. */
        public String word() {
            return word;
        }

        /** Returns whether this kind sorts before the release of the same numbers. */
        public boolean isPreRelease() {
            return compareTo(RELEASE) < 0;
        }
    }

    static final String FORMAT = "Maven";
    static final String GRAMMAR = "a digit first, numbers separated by '.', then at most one qualifier such as"
            + " -alpha-1, -beta-2, -M1, -rc1, -cr1, .Final, -GA, .RELEASE, -sp1 or a word like -jre,"
            + " optionally ending in -SNAPSHOT; only letters, digits, '.' and '-'";

    private static final Pattern ALLOWED = Pattern.compile("[A-Za-z0-9.-]+");
    private static final Pattern RELEASE_NUMBERS = Pattern.compile("(\\d+(?:\\.\\d+)*)(.*)");
    private static final Pattern TIMESTAMPED = Pattern.compile("(.*)-(\\d{8}\\.\\d{6})-(\\d+)");
    private static final Pattern TOKEN = Pattern.compile("[A-Za-z]+|\\d+");
    private static final DateTimeFormatter TIMESTAMP =
            DateTimeFormatter.ofPattern("uuuuMMdd.HHmmss", Locale.ROOT).withResolverStyle(ResolverStyle.STRICT);

    private final String text;
    private final List<String> releaseNumbers;
    private final Kind kind;
    private final BigInteger qualifierNumber;
    private final String qualifier;
    private final boolean snapshot;
    private final String snapshotTimestamp;
    private final BigInteger buildNumber;

    private MavenVersion(
            String text,
            List<String> releaseNumbers,
            Kind kind,
            BigInteger qualifierNumber,
            String qualifier,
            boolean snapshot,
            String snapshotTimestamp,
            BigInteger buildNumber) {
        this.text = text;
        this.releaseNumbers = List.copyOf(releaseNumbers);
        this.kind = kind;
        this.qualifierNumber = qualifierNumber;
        this.qualifier = qualifier;
        this.snapshot = snapshot;
        this.snapshotTimestamp = snapshotTimestamp;
        this.buildNumber = buildNumber;
    }

    /**
     * Parses a Maven project version.
     *
     * @param version the version as written in the POM; null is rejected like an empty string
     * @return the parsed version; never null
     * @throws InvalidVersionException if the version is empty, does not start with a digit, contains
     *     a character other than letters, digits, {@code '.'} and {@code '-'}, has an empty part, or has
     *     more after a pre-release or service pack number
     */
    public static MavenVersion parse(String version) throws InvalidVersionException {
        if (version == null || version.isEmpty()) {
            throw invalid(version, "Set the project <version>, for example 1.0.0 or 1.0.0-SNAPSHOT.");
        }
        if (!ALLOWED.matcher(version).matches()) {
            throw invalid(version, "Remove the characters other than letters, digits, '.' and '-'.");
        }
        Matcher numbers = RELEASE_NUMBERS.matcher(version);
        if (!numbers.matches()) {
            throw invalid(version, "Start the version with its first number, for example 1.0 rather than v1.0.");
        }
        List<String> release = List.of(numbers.group(1).split("\\."));
        String rest = numbers.group(2);

        String timestamp = null;
        BigInteger build = null;
        boolean snapshot = false;
        Matcher timestamped = TIMESTAMPED.matcher(rest);
        if (timestamped.matches() && isTimestamp(timestamped.group(2))) {
            snapshot = true;
            timestamp = timestamped.group(2).replace(".", "");
            build = new BigInteger(timestamped.group(3));
            rest = timestamped.group(1);
        }
        List<Token> tokens = tokenize(version, rest);
        if (!snapshot && !tokens.isEmpty() && last(tokens).text.equalsIgnoreCase("SNAPSHOT")) {
            snapshot = true;
            tokens.remove(tokens.size() - 1);
        }
        String qualifier = qualifierText(rest, tokens);
        return classify(version, release, tokens, qualifier, snapshot, timestamp, build);
    }

    private static MavenVersion classify(
            String version,
            List<String> release,
            List<Token> tokens,
            String qualifier,
            boolean snapshot,
            String timestamp,
            BigInteger build)
            throws InvalidVersionException {
        if (tokens.isEmpty()) {
            return new MavenVersion(version, release, Kind.RELEASE, null, "", snapshot, timestamp, build);
        }
        Token first = tokens.get(0);
        String word = first.text.toLowerCase(Locale.ROOT);
        if (tokens.size() == 1 && (word.equals("ga") || word.equals("final") || word.equals("release"))) {
            return new MavenVersion(version, release, Kind.RELEASE, null, "", snapshot, timestamp, build);
        }
        boolean numberAttached =
                tokens.size() > 1 && tokens.get(1).attached && tokens.get(1).isNumber();
        Kind kind =
                switch (word) {
                    case "alpha" -> Kind.ALPHA;
                    case "beta" -> Kind.BETA;
                    case "milestone" -> Kind.MILESTONE;
                    case "rc", "cr" -> Kind.RC;
                    case "sp" -> Kind.SERVICE_PACK;
                    case "a" -> numberAttached ? Kind.ALPHA : Kind.OTHER;
                    case "b" -> numberAttached ? Kind.BETA : Kind.OTHER;
                    case "m" -> numberAttached ? Kind.MILESTONE : Kind.OTHER;
                    default -> Kind.OTHER;
                };
        if (kind == Kind.OTHER) {
            return new MavenVersion(version, release, Kind.OTHER, null, qualifier, snapshot, timestamp, build);
        }
        BigInteger number = null;
        int used = 1;
        if (tokens.size() > 1 && tokens.get(1).isNumber()) {
            number = new BigInteger(tokens.get(1).text);
            used = 2;
        }
        if (tokens.size() > used) {
            throw invalid(
                    version,
                    "End the qualifier after its number, for example 1.0-beta-2, or set the format's version"
                            + " explicitly in the plugin configuration.");
        }
        return new MavenVersion(version, release, kind, number, qualifier, snapshot, timestamp, build);
    }

    private static boolean isTimestamp(String text) {
        try {
            LocalDateTime.parse(text, TIMESTAMP);
            return true;
        } catch (DateTimeParseException e) {
            return false;
        }
    }

    /** Splits the text after the release numbers at '.', '-' and letter/digit changes. */
    private static List<Token> tokenize(String version, String rest) throws InvalidVersionException {
        List<Token> tokens = new ArrayList<>();
        if (rest.isEmpty()) {
            return tokens;
        }
        String body = rest;
        if (body.charAt(0) == '.' || body.charAt(0) == '-') {
            body = body.substring(1);
        }
        for (String part : body.split("[.-]", -1)) {
            if (part.isEmpty()) {
                throw invalid(
                        version, "Remove the empty part between separators, for example 1.0-rc1 rather than 1.0--rc1.");
            }
            Matcher token = TOKEN.matcher(part);
            boolean attached = false;
            while (token.find()) {
                tokens.add(new Token(token.group(), attached));
                attached = true;
            }
        }
        return tokens;
    }

    /** The qualifier as written, without its leading separator and without the snapshot suffix. */
    private static String qualifierText(String rest, List<Token> tokens) {
        if (tokens.isEmpty()) {
            return "";
        }
        String body = rest.charAt(0) == '.' || rest.charAt(0) == '-' ? rest.substring(1) : rest;
        int end = 0;
        int found = 0;
        Matcher token = TOKEN.matcher(body);
        while (found < tokens.size() && token.find()) {
            end = token.end();
            found++;
        }
        return body.substring(0, end);
    }

    private static Token last(List<Token> tokens) {
        return tokens.get(tokens.size() - 1);
    }

    private static InvalidVersionException invalid(String version, String fix) {
        return new InvalidVersionException(version, FORMAT, GRAMMAR, fix);
    }

    /** The version as written. */
    public String text() {
        return text;
    }

    /** The release numbers as written, for example {@code [1, 0, 1]}; never empty. */
    public List<String> releaseNumbers() {
        return releaseNumbers;
    }

    /** The class of the qualifier; {@link Kind#RELEASE} when there is none. */
    public Kind kind() {
        return kind;
    }

    /** The number after a pre-release or service pack word, such as 2 in {@code beta-2}; empty when absent. */
    public Optional<BigInteger> qualifierNumber() {
        return Optional.ofNullable(qualifierNumber);
    }

    /**
     * The qualifier as written, without the separator before it and without the snapshot suffix, for
     * example {@code jre} in {@code 31.1-jre} or {@code rc-1} in {@code 1.0-rc-1-SNAPSHOT}; empty for
     * a plain release.
     */
    public String qualifier() {
        return qualifier;
    }

    /** Returns whether this is a snapshot, by the {@code SNAPSHOT} suffix or a deployed snapshot's timestamp. */
    public boolean isSnapshot() {
        return snapshot;
    }

    /**
     * The UTC time of a timestamped snapshot as {@code yyyyMMddHHmmss}; empty for a plain
     * {@code -SNAPSHOT} version or a release.
     */
    public Optional<String> snapshotTimestamp() {
        return Optional.ofNullable(snapshotTimestamp);
    }

    /** The build number of a timestamped snapshot, 3 in {@code 1.0-20261204.101010-3}; empty otherwise. */
    public Optional<BigInteger> buildNumber() {
        return Optional.ofNullable(buildNumber);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof MavenVersion that && text.equals(that.text);
    }

    @Override
    public int hashCode() {
        return Objects.hash(text);
    }

    /** Returns the version as written. */
    @Override
    public String toString() {
        return text;
    }

    /** A letter run or a digit run; attached when no separator precedes it. */
    private record Token(String text, boolean attached) {
        boolean isNumber() {
            return Character.isDigit(text.charAt(0));
        }
    }
}
