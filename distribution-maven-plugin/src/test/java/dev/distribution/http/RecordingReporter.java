package dev.distribution.http;

import dev.distribution.core.Reporter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/** A reporter that keeps every line and progress, for assertions. */
final class RecordingReporter implements Reporter {
    final List<String> info = Collections.synchronizedList(new ArrayList<>());
    final List<String> warn = Collections.synchronizedList(new ArrayList<>());
    final List<String> debug = Collections.synchronizedList(new ArrayList<>());
    final List<RecordedProgress> progress = Collections.synchronizedList(new ArrayList<>());

    /** One progress handle: its label, announced total, bytes advanced and whether it was closed. */
    static final class RecordedProgress implements Progress {
        final String label;
        final long total;
        final AtomicLong advanced = new AtomicLong();
        volatile boolean closed;

        RecordedProgress(String label, long total) {
            this.label = label;
            this.total = total;
        }

        @Override
        public void advance(long bytes) {
            advanced.addAndGet(bytes);
        }

        @Override
        public void close() {
            closed = true;
        }
    }

    @Override
    public void info(String message) {
        info.add(message);
    }

    @Override
    public void warn(String message) {
        warn.add(message);
    }

    @Override
    public void debug(String message) {
        debug.add(message);
    }

    @Override
    public Progress progress(String label, long totalBytes) {
        RecordedProgress recorded = new RecordedProgress(label, totalBytes);
        progress.add(recorded);
        return recorded;
    }

    /** Returns every line logged at any level. */
    List<String> allLines() {
        List<String> all = new ArrayList<>();
        all.addAll(info);
        all.addAll(warn);
        all.addAll(debug);
        return all;
    }
}
