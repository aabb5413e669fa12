package dev.distribution.format.oci;

import dev.distribution.core.InvalidConfigurationException;
import dev.distribution.version.InvalidVersionException;
import dev.distribution.version.VersionMapper;
import java.time.Instant;
import java.util.regex.Pattern;

/**
 * The naming rules of the OCI distribution specification (v1.1): repository names and tags, and
 * the mapping from a Maven version to a tag.
 */
public final class ImageNames {
    /** One path component: lower-case letters and digits, joined by '.', '_', '__' or dashes. */
    private static final String COMPONENT = "[a-z0-9]+(?:(?:\\.|_|__|-+)[a-z0-9]+)*";

    private static final Pattern NAME = Pattern.compile(COMPONENT + "(?:/" + COMPONENT + ")*");
    private static final Pattern TAG = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}");

    /** Maximum length of a repository name, registry host included, that Docker clients accept. */
    static final int MAX_NAME_LENGTH = 255;

    static final String NAME_ACCEPTED = "lower-case letters and digits, separated by '.', '_', '__' or '-',"
            + " in path components joined by '/', for example team/hello";
    static final String TAG_ACCEPTED =
            "1 to 128 characters out of letters, digits, '_', '.' and '-'," + " not starting with '.' or '-'";

    private ImageNames() {}

    /**
     * Checks a repository name such as {@code team/hello}.
     *
     * @throws InvalidConfigurationException when the name breaks the grammar
     */
    public static String checkName(String name, String element) throws InvalidConfigurationException {
        if (name == null || name.isBlank()) {
            throw new InvalidConfigurationException(
                    element, null, NAME_ACCEPTED, "Name the image, for example team/hello.");
        }
        if (!NAME.matcher(name).matches()) {
            String fix = name.equals(name.toLowerCase(java.util.Locale.ROOT))
                    ? "Use only the characters accepted; the host and tag do not belong in the name."
                    : "Write the name in lower case: " + name.toLowerCase(java.util.Locale.ROOT) + ".";
            throw new InvalidConfigurationException(element, name, NAME_ACCEPTED, fix);
        }
        if (name.length() > MAX_NAME_LENGTH) {
            throw new InvalidConfigurationException(
                    element, name, "at most " + MAX_NAME_LENGTH + " characters", "Shorten the name.");
        }
        return name;
    }

    /** Returns true when {@code tag} is a valid tag. */
    public static boolean isValidTag(String tag) {
        return tag != null && TAG.matcher(tag).matches();
    }

    /**
     * Checks a tag such as {@code 1.0.0}.
     *
     * @throws InvalidConfigurationException when the tag breaks the grammar
     */
    public static String checkTag(String tag, String element) throws InvalidConfigurationException {
        if (!isValidTag(tag)) {
            throw new InvalidConfigurationException(
                    element, tag, TAG_ACCEPTED, "Change the tag; '+' is not allowed and is usually written '_'.");
        }
        return tag;
    }

    /**
     * Maps a Maven version to a tag with the project's version mapping: '+' (SemVer build
     * metadata) becomes '_', since tags may not contain '+'; every other character must already be
     * valid.
     *
     * @param element the element to name when the result is invalid, for example {@code <image><version>}
     * @throws InvalidConfigurationException when the mapped version is still not a valid tag
     */
    public static String tagFromVersion(String version, String element) throws InvalidConfigurationException {
        try {
            return new VersionMapper(Instant.EPOCH).ociTag(version);
        } catch (InvalidVersionException e) {
            throw new InvalidConfigurationException(
                    element,
                    version,
                    TAG_ACCEPTED + " (after '+' becomes '_')",
                    "Set <image><tags> to valid tags, or use a version without such characters.");
        }
    }
}
