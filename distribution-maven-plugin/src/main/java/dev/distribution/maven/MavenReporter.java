package dev.distribution.maven;

import dev.distribution.core.Redactor;
import dev.distribution.core.Reporter;
import org.apache.maven.plugin.logging.Log;

/**
 * Sends the engine's lines to Maven's log, each passed through the build's {@link Redactor} so that
 * no registered secret reaches the console, also with {@code -X}.
 */
final class MavenReporter implements Reporter {
    private static final long MIB = 1024 * 1024;

    private final Log log;
    private final Redactor redactor;

    MavenReporter(Log log, Redactor redactor) {
        this.log = log;
        this.redactor = redactor;
    }

    @Override
    public void info(String message) {
        log.info(redactor.redact(message));
    }

    @Override
    public void warn(String message) {
        log.warn(redactor.redact(message));
    }

    @Override
    public void debug(String message) {
        if (log.isDebugEnabled()) {
            log.debug(redactor.redact(message));
        }
    }

    /** Prints one line per 10% of a transfer (or per 64 MiB when the size is unknown). */
    @Override
    public Progress progress(String label, long totalBytes) {
        String safeLabel = redactor.redact(label);
        return new Progress() {
            private long done;
            private long nextReport = step();

            private long step() {
                return totalBytes > 0 ? Math.max(totalBytes / 10, 1) : 64 * MIB;
            }

            @Override
            public synchronized void advance(long bytes) {
                done += bytes;
                if (done >= nextReport) {
                    nextReport += step();
                    if (totalBytes > 0) {
                        log.info(String.format(
                                "%s: %d of %d MiB (%d%%)",
                                safeLabel, done / MIB, totalBytes / MIB, done * 100 / totalBytes));
                    } else {
                        log.info(String.format("%s: %d MiB", safeLabel, done / MIB));
                    }
                }
            }

            @Override
            public void close() {}
        };
    }
}
