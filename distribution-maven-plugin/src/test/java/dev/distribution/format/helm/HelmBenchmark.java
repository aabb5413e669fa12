package dev.distribution.format.helm;

import com.marcnuri.helm.Helm;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;

/**
 * Measures chart packaging against Helm's own {@code package} (through helm-java) and an index
 * update with 1,000 existing entries. Runs only with {@code -Dbenchmark=true}; prints medians.
 */
@EnabledIfSystemProperty(named = "benchmark", matches = "true")
class HelmBenchmark {
    private static final int RUNS = 15;
    private static final Instant TIME = Instant.parse("2026-12-04T10:00:00Z");

    @TempDir
    Path work;

    @Test
    void packageWith200Templates() throws Exception {
        Path chartFolder = SampleChart.create(work.resolve("src"), "bench");
        SampleChart.addTemplates(chartFolder, 200);
        Files.writeString(
                chartFolder.resolve("Chart.yaml"),
                "apiVersion: v2\nname: bench\nversion: 1.0.0\nappVersion: \"1.0\"\n");
        // Warm up both, so neither pays for class loading, the native library or cold file pages.
        Helm.version().call();
        for (int i = 0; i < 10; i++) {
            ours(chartFolder, i);
            helms(chartFolder, i);
        }
        List<Long> ours = new ArrayList<>();
        List<Long> helm = new ArrayList<>();
        for (int i = 0; i < RUNS; i++) {
            long start = System.nanoTime();
            ours(chartFolder, 100 + i);
            ours.add(System.nanoTime() - start);
            start = System.nanoTime();
            helms(chartFolder, 100 + i);
            helm.add(System.nanoTime() - start);
        }
        report("package, 200 templates: lint + tgz (this plugin)", ours);
        report("package, 200 templates: helm package (helm-java)", helm);
        System.out.printf("ratio helm/plugin: %.2f%n", (double) median(helm) / median(ours));
    }

    @Test
    void indexUpdateWith1000Entries() throws Exception {
        Path chartFolder = SampleChart.create(work.resolve("src"), "bench");
        Chart seed = ChartLinter.lint(chartFolder, "0.0.1", "1.0", "<helm>");
        ChartIndex index = ChartIndex.empty();
        for (int i = 0; i < 1000; i++) {
            Chart chart = new Chart(
                    null,
                    "chart-" + (i % 50),
                    "1." + (i / 50) + ".0",
                    seed.chartYaml(),
                    withNameAndVersion(seed, "chart-" + (i % 50), "1." + (i / 50) + ".0"),
                    java.util.Map.of());
            index.add(chart, "0".repeat(64), chart.fileName(), TIME);
        }
        Path existing = work.resolve("existing.yaml");
        index.write(existing, TIME);
        Chart added = ChartLinter.lint(chartFolder, "2.0.0", "2.0", "<helm>");
        List<Long> times = new ArrayList<>();
        for (int i = 0; i < RUNS + 3; i++) {
            long start = System.nanoTime();
            ChartIndex merged = ChartIndex.read(existing);
            long read = System.nanoTime();
            merged.add(added, "1".repeat(64), added.fileName(), TIME);
            long add = System.nanoTime();
            merged.write(work.resolve("merged.yaml"), TIME);
            System.out.printf(
                    "PARTS read %.1f add %.1f write %.1f%n",
                    (read - start) / 1e6, (add - read) / 1e6, (System.nanoTime() - add) / 1e6);
            if (i >= 3) {
                times.add(System.nanoTime() - start);
            }
        }
        List<Long> empty = new ArrayList<>();
        for (int i = 0; i < RUNS + 3; i++) {
            long start = System.nanoTime();
            ChartIndex fresh = ChartIndex.read(work.resolve("absent.yaml"));
            fresh.add(added, "1".repeat(64), added.fileName(), TIME);
            fresh.write(work.resolve("fresh.yaml"), TIME);
            if (i >= 3) {
                empty.add(System.nanoTime() - start);
            }
        }
        report("index update: read 1,000 entries, add 1, write", times);
        report("index update: no existing index, add 1, write", empty);
        System.out.printf("ratio 1,000 entries/empty: %.1f%n", (double) median(times) / median(empty));
    }

    private static java.util.Map<String, Object> withNameAndVersion(Chart seed, String name, String version) {
        java.util.Map<String, Object> metadata = new java.util.LinkedHashMap<>(seed.metadata());
        metadata.put("name", name);
        metadata.put("version", version);
        return metadata;
    }

    private void ours(Path chartFolder, int run) throws Exception {
        Chart chart = ChartLinter.lint(chartFolder, "1.0.0", "1.0", "<helm>");
        ChartPackager.write(chart, work.resolve("ours-" + run), TIME);
    }

    private void helms(Path chartFolder, int run) {
        new Helm(chartFolder)
                .packageIt()
                .withDestination(work.resolve("helm-" + run))
                .call();
    }

    private static long median(List<Long> nanos) {
        List<Long> sorted = new ArrayList<>(nanos);
        sorted.sort(null);
        return sorted.get(sorted.size() / 2);
    }

    private static void report(String label, List<Long> nanos) {
        System.out.printf("%s: median %.1f ms over %d runs%n", label, median(nanos) / 1e6, nanos.size());
    }
}
