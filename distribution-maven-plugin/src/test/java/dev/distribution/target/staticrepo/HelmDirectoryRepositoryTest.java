package dev.distribution.target.staticrepo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.distribution.core.Publication;
import dev.distribution.core.PublicationLog;
import dev.distribution.core.PublishOptions;
import dev.distribution.core.Reporter;
import dev.distribution.format.helm.Chart;
import dev.distribution.format.helm.ChartIndex;
import dev.distribution.format.helm.ChartLinter;
import dev.distribution.format.helm.ChartPackager;
import dev.distribution.format.helm.SampleChart;
import dev.distribution.target.staticrepo.HelmRepositoryPublisher.PackagedChart;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Publishes charts into a folder, as the embedded repository does. */
class HelmDirectoryRepositoryTest {
    private static final Instant TIME = Instant.parse("2026-12-04T10:00:00Z");

    @TempDir
    Path work;

    private PackagedChart chart(String version) throws Exception {
        Path folder = SampleChart.create(work.resolve("src-" + version), "hello");
        Chart chart = ChartLinter.lint(folder, version, version, "<helm>");
        return new PackagedChart(chart, ChartPackager.write(chart, work.resolve("out-" + version), TIME), null);
    }

    private List<Publication> publish(PackagedChart chart, PublishOptions options) throws Exception {
        return publish(chart, options, "index-work");
    }

    private List<Publication> publish(PackagedChart chart, PublishOptions options, String workFolder) throws Exception {
        Path root = work.resolve("repo");
        return new HelmRepositoryPublisher(
                        new DirectoryTarget("embedded", root),
                        RemoteFiles.directory(root),
                        Reporter.SILENT,
                        new PublicationLog(work.resolve(workFolder + "-publication.json")),
                        options)
                .lockWith(root.resolve(".index.yaml.lock"))
                .publish(List.of(chart), TIME, work.resolve(workFolder));
    }

    @Test
    void writesIndexLast() throws Exception {
        List<Publication> publications = publish(chart("1.0.0"), PublishOptions.DEFAULT);
        assertThat(publications.get(publications.size() - 1).url()).endsWith("/index.yaml");
    }

    @Test
    void mergesSecondVersion() throws Exception {
        publish(chart("1.0.0"), PublishOptions.DEFAULT);
        publish(chart("2.0.0"), PublishOptions.DEFAULT);
        assertThat(ChartIndex.read(work.resolve("repo/index.yaml")).versions("hello"))
                .containsExactly("2.0.0", "1.0.0");
    }

    @Test
    void parallelPublishersKeepBothCharts() throws Exception {
        PackagedChart first = chart("1.0.0");
        PackagedChart second = chart("2.0.0");
        var pool = java.util.concurrent.Executors.newFixedThreadPool(2);
        try {
            var a = pool.submit(() -> publish(first, PublishOptions.DEFAULT, "a"));
            var b = pool.submit(() -> publish(second, PublishOptions.DEFAULT, "b"));
            a.get();
            b.get();
        } finally {
            pool.shutdown();
        }
        assertThat(ChartIndex.read(work.resolve("repo/index.yaml")).versions("hello"))
                .containsExactly("2.0.0", "1.0.0");
    }

    @Test
    void dryRunWritesNothing() throws Exception {
        publish(chart("1.0.0"), new PublishOptions(true, false));
        assertThat(Files.exists(work.resolve("repo/index.yaml"))).isFalse();
    }

    @Test
    void keepsIndexOfForeignCharts() throws Exception {
        Files.createDirectories(work.resolve("repo"));
        Files.writeString(
                work.resolve("repo/index.yaml"),
                "apiVersion: v1\nentries:\n  other:\n  - name: other\n    version: 0.1.0\n    urls: [other-0.1.0.tgz]\n");
        publish(chart("1.0.0"), PublishOptions.DEFAULT);
        assertThat(ChartIndex.read(work.resolve("repo/index.yaml")).charts()).containsExactly("hello", "other");
    }
}
