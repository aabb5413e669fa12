package dev.distribution.core;

/** What a target holds at the path of an upload, compared with the local file. */
public enum RemoteState {
    /** Nothing at that path. */
    ABSENT,
    /** The same bytes (same SHA-256, or same size and same SHA-1 where only that is known). */
    IDENTICAL,
    /** A file with other content. */
    DIFFERENT;

    /** The word printed in the plan and the summary. */
    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
