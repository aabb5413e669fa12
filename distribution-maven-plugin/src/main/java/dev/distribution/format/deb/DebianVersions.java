package dev.distribution.format.deb;

import dev.distribution.core.InvalidConfigurationException;
import dev.distribution.version.InvalidVersionException;
import dev.distribution.version.VersionMapper;
import java.time.Instant;
import java.util.regex.Pattern;

/**
 * Builds Debian versions from Maven versions, checks explicit ones against dpkg's grammar and
 * compares them the way dpkg does.
 */
final class DebianVersions {
    private static final Pattern UPSTREAM = Pattern.compile("[0-9][A-Za-z0-9.+~]*");
    private static final Pattern UPSTREAM_WITH_HYPHEN = Pattern.compile("[0-9][A-Za-z0-9.+~-]*");
    private static final Pattern REVISION = Pattern.compile("[A-Za-z0-9.+~]+");
    private static final Pattern EPOCH = Pattern.compile("[0-9]+");

    /** What an explicit version may look like, for error messages. */
    static final String GRAMMAR = "[epoch:]upstream[-revision], where upstream starts with a digit and holds "
            + "letters, digits, '.', '+' and '~' ('-' only when a revision follows), the epoch is a number "
            + "and the revision holds letters, digits, '.', '+' and '~'";

    private DebianVersions() {}

    /**
     * Maps a Maven version to a Debian version with {@link VersionMapper#debian(String)} and adds the
     * epoch and revision.
     *
     * @param mavenVersion the project version, such as {@code 1.0-rc1} or {@code 2.1-SNAPSHOT}
     * @param snapshotTime the build's output timestamp, which numbers snapshot versions
     * @param epoch the epoch, 0 for none
     * @param revision the Debian revision, or null for none
     * @throws InvalidConfigurationException when the version cannot be mapped, or the epoch or
     *     revision is invalid
     */
    static String fromMaven(String mavenVersion, Instant snapshotTime, int epoch, String revision)
            throws InvalidConfigurationException {
        if (epoch < 0) {
            throw new InvalidConfigurationException(
                    "<deb><epoch>",
                    Integer.toString(epoch),
                    "0 or a positive number",
                    "Remove <epoch> or set it to 0 or more.");
        }
        if (revision != null && !REVISION.matcher(revision).matches()) {
            throw new InvalidConfigurationException(
                    "<deb><revision>",
                    revision,
                    "letters, digits, '.', '+' and '~'",
                    "Set <revision> to a value such as 1 or 0ubuntu1.");
        }
        String upstream;
        try {
            upstream = new VersionMapper(snapshotTime).debian(mavenVersion == null ? "" : mavenVersion.trim());
        } catch (InvalidVersionException e) {
            throw new InvalidConfigurationException(
                    "<deb><version>",
                    mavenVersion,
                    "a Maven version that maps to Debian: " + e.getGrammar(),
                    "Set <deb><version> to a Debian version such as 1.2.3 or 1.2.3~rc1.");
        }
        StringBuilder version = new StringBuilder();
        if (epoch > 0) {
            version.append(epoch).append(':');
        }
        version.append(upstream);
        if (revision != null) {
            version.append('-').append(revision);
        }
        return version.toString();
    }

    /**
     * Checks an explicit Debian version against dpkg's grammar.
     *
     * @param element the POM element the version came from, for the error message
     * @throws InvalidConfigurationException when the version is not valid
     */
    static String validate(String version, String element) throws InvalidConfigurationException {
        if (version == null || version.isEmpty()) {
            throw new InvalidConfigurationException(
                    element, version, GRAMMAR, "Set " + element + " to a version such as 1.2.3.");
        }
        String rest = version;
        int colon = rest.indexOf(':');
        if (colon >= 0) {
            if (!EPOCH.matcher(rest.substring(0, colon)).matches()) {
                throw invalid(version, element);
            }
            rest = rest.substring(colon + 1);
        }
        int hyphen = rest.lastIndexOf('-');
        String upstream = hyphen >= 0 ? rest.substring(0, hyphen) : rest;
        if (hyphen >= 0 && !REVISION.matcher(rest.substring(hyphen + 1)).matches()) {
            throw invalid(version, element);
        }
        Pattern upstreamGrammar = hyphen >= 0 ? UPSTREAM_WITH_HYPHEN : UPSTREAM;
        if (!upstreamGrammar.matcher(upstream).matches()) {
            throw invalid(version, element);
        }
        return version;
    }

    private static InvalidConfigurationException invalid(String version, String element) {
        return new InvalidConfigurationException(
                element, version, GRAMMAR, "Set " + element + " to a version such as 1.2.3 or 1:1.2.3-1.");
    }

    /** Returns the version without its epoch, as Debian file names carry it. */
    static String withoutEpoch(String version) {
        int colon = version.indexOf(':');
        return colon >= 0 ? version.substring(colon + 1) : version;
    }

    /**
     * Compares two valid Debian versions with dpkg's algorithm: epoch numerically, then upstream
     * version and revision with {@code ~} sorting before everything, even the end of the string.
     */
    static int compare(String left, String right) {
        int leftColon = left.indexOf(':');
        int rightColon = right.indexOf(':');
        long leftEpoch = leftColon >= 0 ? Long.parseLong(left.substring(0, leftColon)) : 0;
        long rightEpoch = rightColon >= 0 ? Long.parseLong(right.substring(0, rightColon)) : 0;
        if (leftEpoch != rightEpoch) {
            return Long.compare(leftEpoch, rightEpoch);
        }
        String leftRest = left.substring(leftColon + 1);
        String rightRest = right.substring(rightColon + 1);
        int leftHyphen = leftRest.lastIndexOf('-');
        int rightHyphen = rightRest.lastIndexOf('-');
        String leftUpstream = leftHyphen >= 0 ? leftRest.substring(0, leftHyphen) : leftRest;
        String rightUpstream = rightHyphen >= 0 ? rightRest.substring(0, rightHyphen) : rightRest;
        int upstream = compareFragment(leftUpstream, rightUpstream);
        if (upstream != 0) {
            return upstream;
        }
        String leftRevision = leftHyphen >= 0 ? leftRest.substring(leftHyphen + 1) : "";
        String rightRevision = rightHyphen >= 0 ? rightRest.substring(rightHyphen + 1) : "";
        return compareFragment(leftRevision, rightRevision);
    }

    private static boolean isAsciiLetter(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }

    private static int order(String s, int i) {
        if (i >= s.length()) {
            return 0;
        }
        char c = s.charAt(i);
        if (Character.isDigit(c)) {
            return 0;
        }
        if (isAsciiLetter(c)) {
            return c;
        }
        if (c == '~') {
            return -1;
        }
        return c + 256;
    }

    private static boolean digitAt(String s, int i) {
        return i < s.length() && Character.isDigit(s.charAt(i));
    }

    private static int compareFragment(String a, String b) {
        int i = 0;
        int j = 0;
        while (i < a.length() || j < b.length()) {
            while ((i < a.length() && !digitAt(a, i)) || (j < b.length() && !digitAt(b, j))) {
                int ac = order(a, i);
                int bc = order(b, j);
                if (ac != bc) {
                    return ac - bc;
                }
                i++;
                j++;
            }
            while (i < a.length() && a.charAt(i) == '0') {
                i++;
            }
            while (j < b.length() && b.charAt(j) == '0') {
                j++;
            }
            int firstDifference = 0;
            while (digitAt(a, i) && digitAt(b, j)) {
                if (firstDifference == 0) {
                    firstDifference = a.charAt(i) - b.charAt(j);
                }
                i++;
                j++;
            }
            if (digitAt(a, i)) {
                return 1;
            }
            if (digitAt(b, j)) {
                return -1;
            }
            if (firstDifference != 0) {
                return firstDifference;
            }
        }
        return 0;
    }
}
