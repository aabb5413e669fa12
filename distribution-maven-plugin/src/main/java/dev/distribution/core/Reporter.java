package dev.distribution.core;

/**
 * Where the engine sends log lines and progress. The Maven goals adapt it to Maven's log; tests
 * collect the lines. Implementations redact secrets from every line they print and must be safe to
 * call from several threads.
 */
public interface Reporter {

    /** Prints one line per file built, uploaded or skipped, and every retry. */
    void info(String message);

    /** Prints something the user should look at that does not stop the build. */
    void warn(String message);

    /** Prints per-request detail, shown with {@code mvn -X}. */
    void debug(String message);

    /**
     * Starts reporting the progress of a long transfer.
     *
     * @param label what is transferred, for example the target URL
     * @param totalBytes the expected size, or -1 when unknown
     * @return a progress handle that the caller closes when the transfer ends
     */
    default Progress progress(String label, long totalBytes) {
        return Progress.NONE;
    }

    /** Progress of one transfer. */
    interface Progress extends AutoCloseable {
        /** A progress that prints nothing. */
        Progress NONE = new Progress() {
            @Override
            public void advance(long bytes) {}

            @Override
            public void close() {}
        };

        /** Records that {@code bytes} more bytes were transferred. */
        void advance(long bytes);

        @Override
        void close();
    }

    /** A reporter that drops everything. */
    Reporter SILENT = new Reporter() {
        @Override
        public void info(String message) {}

        @Override
        public void warn(String message) {}

        @Override
        public void debug(String message) {}
    };
}
