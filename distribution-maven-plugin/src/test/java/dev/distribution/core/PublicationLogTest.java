package dev.distribution.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PublicationLogTest {
    @TempDir
    Path work;

    private static Publication publication(String url) {
        return new Publication("repo", "/tmp/" + url, url, "0".repeat(64), 1, Publication.Status.UPLOADED);
    }

    @Test
    void replacesEntryForSameUrl() throws Exception {
        PublicationLog log = new PublicationLog(work.resolve("publication.json"));
        log.record(publication("a"));

        log.record(new Publication("repo", "/tmp/a", "a", "1".repeat(64), 1, Publication.Status.REPLACED));

        assertThat(log.read()).singleElement().extracting(Publication::status).isEqualTo(Publication.Status.REPLACED);
    }

    @Test
    void parallelLogsOnOneFileKeepEveryEntry() throws Exception {
        Path file = work.resolve("publication.json");
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int i = 0; i < 40; i++) {
                String url = "u" + i;
                futures.add(pool.submit(() -> {
                    new PublicationLog(file).record(publication(url));
                    return null;
                }));
            }
            for (Future<?> future : futures) {
                future.get();
            }
        } finally {
            pool.shutdownNow();
        }

        assertThat(new PublicationLog(file).read()).hasSize(40);
    }
}
