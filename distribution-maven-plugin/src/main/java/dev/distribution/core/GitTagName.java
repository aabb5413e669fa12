package dev.distribution.core;

/**
 * Validates a git tag name with the rules of {@code git check-ref-format} applied to
 * {@code refs/tags/<name>}, so that no release
 * request names a tag that git rejects.
 */
public final class GitTagName {
    /** The accepted tag syntax, for error messages. */
    public static final String ACCEPTED = "a git tag name: no spaces, control characters or any of ~ ^ : ? * [ \\,"
            + " no '..', '@{' or '//', not starting or ending with '/', no part starting with '.' or ending"
            + " with '.lock', not ending with '.', not '@'";

    private GitTagName() {}

    /**
     * Checks {@code tag}.
     *
     * @param element the POM element that produced the tag, for the error message
     * @throws InvalidConfigurationException when the tag is empty, still contains an unresolved
     *     {@code ${...}} expression, or breaks a rule of git
     */
    public static String validate(String tag, String element) throws InvalidConfigurationException {
        if (tag == null || tag.isBlank()) {
            throw new InvalidConfigurationException(
                    element, tag, ACCEPTED, "Set a tag, for example v${project.version}.");
        }
        if (tag.contains("${")) {
            throw new InvalidConfigurationException(
                    element,
                    tag,
                    ACCEPTED,
                    "The template contains an expression Maven could not resolve; use properties the project defines,"
                            + " such as ${project.version}.");
        }
        String problem = problem(tag);
        if (problem != null) {
            throw new InvalidConfigurationException(
                    element, tag, ACCEPTED, "The tag " + problem + "; change the template.");
        }
        return tag;
    }

    private static String problem(String tag) {
        for (int i = 0; i < tag.length(); i++) {
            char c = tag.charAt(i);
            if (c < 0x20 || c == 0x7f || c == ' ') {
                return "contains a space or control character";
            }
            if ("~^:?*[\\".indexOf(c) >= 0) {
                return "contains '" + c + "'";
            }
        }
        if (tag.contains("..")) {
            return "contains '..'";
        }
        if (tag.contains("@{")) {
            return "contains '@{'";
        }
        if (tag.equals("@")) {
            return "is '@'";
        }
        if (tag.startsWith("/") || tag.endsWith("/") || tag.contains("//")) {
            return "has an empty part between slashes";
        }
        if (tag.endsWith(".")) {
            return "ends with '.'";
        }
        for (String part : tag.split("/")) {
            if (part.startsWith(".")) {
                return "has a part starting with '.'";
            }
            if (part.endsWith(".lock")) {
                return "has a part ending with '.lock'";
            }
        }
        return null;
    }
}
