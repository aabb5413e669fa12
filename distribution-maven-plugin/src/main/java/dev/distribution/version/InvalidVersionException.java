package dev.distribution.version;

/**
 * A version that does not fit a format's grammar, or a Maven version that cannot be mapped to it.
 * Carries the rejected value, the format, the grammar the format accepts and what to do, so the
 * caller can wrap it into a configuration error that names the POM element.
 */
public final class InvalidVersionException extends Exception {
    private static final long serialVersionUID = 1L;

    private final String version;
    private final String format;
    private final String grammar;
    private final String fix;

    /**
     * Creates the exception.
     *
     * @param version the rejected version as given; null when it was missing
     * @param format the format whose grammar rejected it, for example {@code Debian}; not null
     * @param grammar what the format accepts, in words; not null
     * @param fix what the user should do next, as a full sentence; not null
     */
    public InvalidVersionException(String version, String format, String grammar, String fix) {
        super(message(version, format, grammar, fix));
        this.version = version;
        this.format = format;
        this.grammar = grammar;
        this.fix = fix;
    }

    private static String message(String version, String format, String grammar, String fix) {
        String subject = version == null
                ? "Missing " + format + " version."
                : "Invalid " + format + " version '" + version + "'.";
        return subject + " Accepted: " + grammar + ". " + fix;
    }

    /** The rejected version as given, or null when it was missing. */
    public String getVersion() {
        return version;
    }

    /** The format whose grammar rejected the version, for example {@code PEP 440}. */
    public String getFormat() {
        return format;
    }

    /** The grammar the format accepts, in words. */
    public String getGrammar() {
        return grammar;
    }

    /** What the user should do next. */
    public String getFix() {
        return fix;
    }
}
