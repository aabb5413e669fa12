package dev.distribution.version;

import java.math.BigInteger;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Maps a Maven project version to the version grammar of each package format, keeping Maven's order:
 * if Maven sorts A before B, the mapped A sorts before the mapped B under the format's own comparison
 * ({@code dpkg --compare-versions}, {@code rpmvercmp}, PEP 440, SemVer 2.0.0 precedence, Homebrew's
 * {@code Version}), with the exceptions listed on each method.
 *
 * <p>One deliberate change to Maven's order: a snapshot sorts before every pre-release of the same
 * version ({@code 1.0-SNAPSHOT < 1.0-alpha-1}), where Maven's {@code ComparableVersion} puts it
 * between the release candidates and the release. A snapshot is work towards the next version, so
 * package managers must not prefer it to a published pre-release of that version. A snapshot of a
 * pre-release ({@code 1.0-rc1-SNAPSHOT}) sorts after the previous pre-release and before that
 * pre-release.
 *
 * <p>Snapshots are numbered with a UTC time stamp {@code yyyyMMddHHmmss}: the one of a timestamped
 * snapshot ({@code 1.0-20261204.101010-3}), otherwise the build's output timestamp given to the
 * constructor, so builds at different times sort by time and two builds at the same time map to the
 * same version. Immutable and thread-safe.
 */
public final class VersionMapper {
    private static final DateTimeFormatter STAMP =
            DateTimeFormatter.ofPattern("uuuuMMddHHmmss", Locale.ROOT).withZone(ZoneOffset.UTC);
    private static final String FIX_MAPPING = "Set the %s version explicitly in the plugin configuration, or use a"
            + " Maven version such as 1.0.0, 1.0.0-rc1 or 1.0.0-SNAPSHOT.";
    private static final String FIX_OVERRIDE = "Change the explicit %s version in the plugin configuration so it"
            + " matches the grammar, or remove it to map the project version.";

    /** Homebrew's token classes in its own order of precedence when scanning; groups 1 to 4 sort before a release. */
    private static final Pattern HOMEBREW_TOKEN = Pattern.compile(
            "(alpha[0-9]*|a[0-9]+)|(beta[0-9]*|b[0-9]+)|(pre[0-9]*)|(rc[0-9]*)|(p[0-9]*)|(.post[0-9]+)|([0-9]+)|([a-z]+)",
            Pattern.CASE_INSENSITIVE);

    private final String snapshotStamp;

    /**
     * Creates a mapper.
     *
     * @param snapshotTime the build's output timestamp; numbers snapshot builds so that later builds
     *     sort higher; not null
     */
    public VersionMapper(Instant snapshotTime) {
        this.snapshotStamp = STAMP.format(Objects.requireNonNull(snapshotTime, "snapshotTime"));
    }

    /**
     * Maps to a Debian upstream version, without epoch and revision, which callers add. Pre-releases
     * use {@code '~'} ({@code 1.0~rc1 < 1.0}), a snapshot of a release uses {@code '~~'} so it sorts
     * before them ({@code 1.0~~20261204101010}), a snapshot of any other version appends
     * {@code ~stamp}, and service packs and other qualifiers follow a {@code '+'} ({@code 31.1+jre}).
     * The build number of a timestamped snapshot follows the stamp after a {@code '.'}.
     *
     * <p>Exception to Maven's order: a service pack and another qualifier of the same release compare
     * as text, so {@code 1.0+foo < 1.0+sp1} where Maven puts {@code sp1} first.
     *
     * @param mavenVersion the project version; not null
     * @return the upstream version; never null
     * @throws InvalidVersionException if the Maven version cannot be parsed
     */
    public String debian(String mavenVersion) throws InvalidVersionException {
        return tildeVersion(parse(mavenVersion, Grammar.DEBIAN));
    }

    /**
     * Maps to an RPM version and release. The version is the same string as {@link #debian}, which
     * rpm orders the same way ({@code '~'} before anything, {@code '+'} a separator), and the release
     * is always {@code 1} because the order is carried by the version alone.
     *
     * @param mavenVersion the project version; not null
     * @return the version and release; never null
     * @throws InvalidVersionException if the Maven version cannot be parsed
     */
    public RpmVersion rpm(String mavenVersion) throws InvalidVersionException {
        return new RpmVersion(tildeVersion(parse(mavenVersion, Grammar.RPM_VERSION)), "1");
    }

    private String tildeVersion(MavenVersion version) {
        String numbers = String.join(".", version.releaseNumbers());
        String base =
                switch (version.kind()) {
                    case RELEASE -> numbers;
                    case ALPHA, BETA, MILESTONE, RC ->
                        numbers + "~" + version.kind().word() + number(version, "");
                    case SERVICE_PACK -> numbers + "+sp" + number(version, "");
                    case OTHER -> numbers + "+" + version.qualifier().replace('-', '.');
                };
        if (!version.isSnapshot()) {
            return base;
        }
        String separator = version.kind() == MavenVersion.Kind.RELEASE ? "~~" : "~";
        return base + separator + stampWithBuild(version);
    }

    /**
     * Maps to a normalized PEP 440 version: {@code 1.0-alpha-2 -> 1.0a2}, {@code 1.0-rc1 -> 1.0rc1},
     * {@code 1.0-sp1 -> 1.0.post1}, {@code 1.0-SNAPSHOT -> 1.0.dev20261204101010}, {@code 1.0-rc1-SNAPSHOT
     * -> 1.0rc1.dev20261204101010}. Another qualifier becomes a local version label ({@code 31.1-jre ->
     * 31.1+jre}), which sorts after the release; public indexes such as PyPI reject local versions.
     *
     * <p>PEP 440 has no milestone phase, so milestone {@code N} becomes {@code rc0.devN}: after every
     * beta and before every release candidate. Exceptions to Maven's order: a timestamped snapshot's
     * build number is dropped because PEP 440 allows one development number, so two snapshots
     * deployed in the same second map to one version; {@code 1.0-sp1 < 1.0-foo} in Maven but
     * {@code 1.0+foo < 1.0.post1} here.
     *
     * @param mavenVersion the project version; not null
     * @return the normalized PEP 440 version; never null
     * @throws InvalidVersionException if the Maven version cannot be parsed, or is a snapshot of a
     *     milestone or of another qualifier, which PEP 440 cannot place
     */
    public String pep440(String mavenVersion) throws InvalidVersionException {
        MavenVersion version = parse(mavenVersion, Grammar.PEP_440);
        String numbers = String.join(".", normalizedNumbers(version));
        String base =
                switch (version.kind()) {
                    case RELEASE -> numbers;
                    case ALPHA -> numbers + "a" + number(version, "0");
                    case BETA -> numbers + "b" + number(version, "0");
                    case RC -> numbers + "rc" + number(version, "0");
                    case MILESTONE -> numbers + "rc0.dev" + number(version, "0");
                    case SERVICE_PACK -> numbers + ".post" + number(version, "0");
                    case OTHER ->
                        numbers + "+"
                                + version.qualifier().toLowerCase(Locale.ROOT).replace('-', '.');
                };
        if (!version.isSnapshot()) {
            return base;
        }
        if (version.kind() == MavenVersion.Kind.MILESTONE || version.kind() == MavenVersion.Kind.OTHER) {
            throw unmappable(Grammar.PEP_440, mavenVersion);
        }
        return base + ".dev" + stamp(version);
    }

    /**
     * Maps to a strict SemVer 2.0.0 version, padded to three numbers.
     *
     * <p>Pre-release identifiers: {@code alpha.N}, {@code beta.N}, {@code milestone.N}, {@code rc.N}
     * sort in that order because SemVer compares alphanumeric identifiers in ASCII order. A snapshot of
     * a release is {@code SNAPSHOT.stamp}, such as {@code 1.0.0-SNAPSHOT.20261204101010}: upper-case
     * letters come before lower-case ones in ASCII, so it sorts before every pre-release above, and the
     * numeric stamp orders the builds. A snapshot of pre-release {@code N} is {@code word.(N-1).SNAPSHOT.stamp}
     * ({@code 1.0-rc2-SNAPSHOT -> 1.0.0-rc.1.SNAPSHOT.20261204101010}): more identifiers sort after
     * {@code rc.1} and the smaller number before {@code rc.2}. A service pack or another qualifier
     * becomes build metadata ({@code 31.1-jre -> 31.1.0+jre}), which SemVer ignores when comparing, so
     * it has the same precedence as the release: the one exception to Maven's order.
     *
     * @param mavenVersion the project version; not null
     * @return the SemVer version; never null
     * @throws InvalidVersionException if the Maven version cannot be parsed, has more than three
     *     numbers, or is a snapshot of a service pack, another qualifier or a pre-release without a
     *     number above 0
     */
    public String semver(String mavenVersion) throws InvalidVersionException {
        MavenVersion version = parse(mavenVersion, Grammar.SEMVER);
        List<String> numbers = new ArrayList<>(normalizedNumbers(version));
        if (numbers.size() > 3) {
            throw unmappable(Grammar.SEMVER, mavenVersion);
        }
        while (numbers.size() < 3) {
            numbers.add("0");
        }
        String core = String.join(".", numbers);
        MavenVersion.Kind kind = version.kind();
        if (!version.isSnapshot()) {
            return switch (kind) {
                case RELEASE -> core;
                case ALPHA, BETA, MILESTONE, RC -> core + "-" + kind.word() + number(version, "", ".");
                case SERVICE_PACK -> core + "+sp" + number(version, "", ".");
                case OTHER -> core + "+" + version.qualifier();
            };
        }
        if (kind == MavenVersion.Kind.RELEASE) {
            return core + "-SNAPSHOT." + stampWithBuild(version);
        }
        BigInteger preNumber = version.qualifierNumber().orElse(BigInteger.ZERO);
        if (!kind.isPreRelease() || preNumber.signum() == 0) {
            throw unmappable(Grammar.SEMVER, mavenVersion);
        }
        return core + "-" + kind.word() + "." + preNumber.subtract(BigInteger.ONE) + ".SNAPSHOT."
                + stampWithBuild(version);
    }

    /**
     * Maps to an OCI tag: the Maven version itself, with {@code '+'} replaced by {@code '_'}. A
     * snapshot keeps its {@code -SNAPSHOT} tag, so each build moves that tag. Tags have no order.
     *
     * @param mavenVersion the project version; not null
     * @return the tag; never null
     * @throws InvalidVersionException if the result is not a valid tag: empty, longer than 128
     *     characters, starting with {@code '.'} or {@code '-'}, or containing other characters
     */
    public String ociTag(String mavenVersion) throws InvalidVersionException {
        String tag = mavenVersion == null ? null : mavenVersion.replace('+', '_');
        if (!Grammar.OCI_TAG.matches(tag)) {
            throw unmappable(Grammar.OCI_TAG, mavenVersion);
        }
        return tag;
    }

    /**
     * Maps to a Homebrew formula version, ordered by Homebrew's {@code Version} class. That class
     * splits a version into tokens and ignores separators; {@code alpha}, {@code beta}, {@code pre}
     * and {@code rc} tokens, in that order, sort before the release, while other words sort after it
     * and before a higher number. Pre-releases therefore keep their word ({@code 1.0-beta2}), a
     * milestone becomes {@code pre} ({@code 1.0-M1 -> 1.0-pre1}), and a snapshot appends
     * {@code -alpha0.stamp} ({@code 1.0-alpha0.20261204101010}), which sorts before {@code alpha1}.
     *
     * <p>Assumes the token rules of Homebrew's {@code Library/Homebrew/version.rb} (Homebrew/brew commit 4a14773); brew cannot
     * run here, so the tests check against a comparator written from those rules. Exception to Maven's
     * order: {@code 1.0-alpha} and {@code 1.0-alpha-0} sort before {@code 1.0-SNAPSHOT}.
     *
     * @param mavenVersion the project version; not null
     * @return the Homebrew version; never null
     * @throws InvalidVersionException if the Maven version cannot be parsed, or its qualifier starts
     *     with a number or contains a word Homebrew reads as a pre-release (such as {@code preview})
     */
    public String homebrew(String mavenVersion) throws InvalidVersionException {
        MavenVersion version = parse(mavenVersion, Grammar.HOMEBREW);
        String numbers = String.join(".", version.releaseNumbers());
        String base =
                switch (version.kind()) {
                    case RELEASE -> numbers;
                    case ALPHA, BETA, RC -> numbers + "-" + version.kind().word() + number(version, "");
                    case MILESTONE -> numbers + "-pre" + number(version, "");
                    case SERVICE_PACK -> numbers + "-sp" + number(version, "");
                    case OTHER -> numbers + "-" + version.qualifier();
                };
        if (version.kind() == MavenVersion.Kind.OTHER
                && !isHomebrewPostRelease(base, version.releaseNumbers().size())) {
            throw unmappable(Grammar.HOMEBREW, mavenVersion);
        }
        return version.isSnapshot() ? base + "-alpha0." + stampWithBuild(version) : base;
    }

    /** Returns whether Homebrew sorts the tokens after the release numbers between the release and the next number. */
    private static boolean isHomebrewPostRelease(String homebrewVersion, int releaseTokens) {
        Matcher token = HOMEBREW_TOKEN.matcher(homebrewVersion);
        int index = 0;
        while (token.find()) {
            if (index == releaseTokens && token.group(7) != null) {
                return false;
            }
            if (index >= releaseTokens
                    && (token.group(1) != null
                            || token.group(2) != null
                            || token.group(3) != null
                            || token.group(4) != null)) {
                return false;
            }
            index++;
        }
        return true;
    }

    /**
     * Checks an explicit full Debian version, {@code [epoch:]upstream[-revision]}.
     *
     * @param fullVersion the version to check; null is rejected
     * @throws InvalidVersionException if it does not match the grammar
     */
    public static void validateDebian(String fullVersion) throws InvalidVersionException {
        validate(Grammar.DEBIAN, fullVersion);
    }

    /**
     * Checks an explicit RPM {@code Version}.
     *
     * @param version the version to check; null is rejected
     * @throws InvalidVersionException if it is empty or contains a character other than letters,
     *     digits, {@code . _ + ~ ^}
     */
    public static void validateRpmVersion(String version) throws InvalidVersionException {
        validate(Grammar.RPM_VERSION, version);
    }

    /**
     * Checks an explicit RPM {@code Release}.
     *
     * @param release the release to check; null is rejected
     * @throws InvalidVersionException if it is empty or contains a character other than letters,
     *     digits, {@code . _ + ~ ^}
     */
    public static void validateRpmRelease(String release) throws InvalidVersionException {
        validate(Grammar.RPM_RELEASE, release);
    }

    /**
     * Checks an explicit PEP 440 version, which must be in normalized form ({@code 1.0rc1}, not
     * {@code 1.0-RC1}) because the file names and index entries use that form.
     *
     * @param version the version to check; null is rejected
     * @throws InvalidVersionException if it is not a normalized PEP 440 version
     */
    public static void validatePep440(String version) throws InvalidVersionException {
        validate(Grammar.PEP_440, version);
    }

    /**
     * Checks an explicit SemVer 2.0.0 version.
     *
     * @param version the version to check; null is rejected
     * @throws InvalidVersionException if it is not a SemVer 2.0.0 version
     */
    public static void validateSemver(String version) throws InvalidVersionException {
        validate(Grammar.SEMVER, version);
    }

    /**
     * Checks an explicit OCI tag.
     *
     * @param tag the tag to check; null is rejected
     * @throws InvalidVersionException if it is not 1 to 128 letters, digits, {@code _ . -} starting
     *     with a letter, digit or {@code '_'}
     */
    public static void validateOciTag(String tag) throws InvalidVersionException {
        validate(Grammar.OCI_TAG, tag);
    }

    /**
     * Checks an explicit Homebrew version. Homebrew itself takes any non-blank string. This grammar
     * also requires a leading digit and no spaces, so that the version can be compared and used in a URL.
     *
     * @param version the version to check; null is rejected
     * @throws InvalidVersionException if it does not start with a digit or contains a character other
     *     than letters, digits, {@code . _ + -}
     */
    public static void validateHomebrew(String version) throws InvalidVersionException {
        validate(Grammar.HOMEBREW, version);
    }

    private static void validate(Grammar grammar, String version) throws InvalidVersionException {
        grammar.validate(version, String.format(Locale.ROOT, FIX_OVERRIDE, grammar.format()));
    }

    /** Parses the Maven version; a rejection also offers the explicit version of the target format. */
    private static MavenVersion parse(String mavenVersion, Grammar target) throws InvalidVersionException {
        try {
            return MavenVersion.parse(mavenVersion);
        } catch (InvalidVersionException e) {
            String fix =
                    e.getFix() + " Or set the " + target.format() + " version explicitly in the plugin configuration.";
            throw new InvalidVersionException(e.getVersion(), e.getFormat(), e.getGrammar(), fix);
        }
    }

    private static InvalidVersionException unmappable(Grammar grammar, String mavenVersion) {
        return grammar.invalid(mavenVersion, String.format(Locale.ROOT, FIX_MAPPING, grammar.format()));
    }

    private static List<String> normalizedNumbers(MavenVersion version) {
        return version.releaseNumbers().stream()
                .map(number -> new BigInteger(number).toString())
                .toList();
    }

    private static String number(MavenVersion version, String absent) {
        return number(version, absent, "");
    }

    private static String number(MavenVersion version, String absent, String prefix) {
        return version.qualifierNumber().map(n -> prefix + n).orElse(absent);
    }

    /** The snapshot's time stamp, without the build number. */
    private String stamp(MavenVersion version) {
        return version.snapshotTimestamp().orElse(snapshotStamp);
    }

    /** The snapshot's time stamp, followed by {@code .buildNumber} for a timestamped snapshot. */
    private String stampWithBuild(MavenVersion version) {
        return stamp(version) + version.buildNumber().map(build -> "." + build).orElse("");
    }
}
