package dev.distribution.format.deb;

import dev.distribution.core.Reporter;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;

/**
 * Times the packager against {@code dpkg-deb --build} and the index writer against
 * {@code apt-ftparchive packages}, and prints medians. Runs only when asked:
 * {@code ./mvnw -pl distribution-maven-plugin test -Dtest=DebBenchmarkTest -Ddeb.benchmark.mib=1024
 * -Ddeb.benchmark.packages=2000 -Ddeb.benchmark.runs=5}.
 */
@EnabledIfSystemProperty(named = "deb.benchmark.mib", matches = "\\d+")
class DebBenchmarkTest {
    static final Instant TIMESTAMP = Instant.parse("2026-12-01T00:00:00Z");

    @TempDir
    Path work;

    @Test
    void packageAndIndex() throws Exception {
        int mib = Integer.getInteger("deb.benchmark.mib");
        int packages = Integer.getInteger("deb.benchmark.packages", 2000);
        int runs = Integer.getInteger("deb.benchmark.runs", 5);
        Path tree = work.resolve("tree");
        List<DebEntry> entries = mixedPayload(tree.resolve("usr/share/bench"), mib);
        DebControl control = DebControl.builder()
                .packageName("bench")
                .version("1.0")
                .summary("Benchmark payload")
                .maintainer("Bench <bench@example.invalid>")
                .build();
        Files.createDirectories(tree.resolve("DEBIAN"));
        Files.writeString(tree.resolve("DEBIAN/control"), control.toControlText());
        DebPackager packager = new DebPackager(Reporter.SILENT, name -> null);
        DebPackageSpec spec = new DebPackageSpec(control, entries, List.of(), Map.of(), null, TIMESTAMP, "gzip");
        // Warm-up: reads the payload into the page cache for both tools.
        packager.build(spec, work.resolve("warm"));
        List<Double> plugin = new ArrayList<>();
        List<Double> dpkg = new ArrayList<>();
        for (int i = 0; i < runs; i++) {
            long start = System.nanoTime();
            packager.build(spec, work.resolve("plugin"));
            plugin.add((System.nanoTime() - start) / 1e9);
            start = System.nanoTime();
            Tools.output(
                    "dpkg-deb",
                    "-Zgzip",
                    "--root-owner-group",
                    "--build",
                    tree.toString(),
                    work.resolve("dpkg.deb").toString());
            dpkg.add((System.nanoTime() - start) / 1e9);
        }
        report(".deb of " + mib + " MiB mixed payload (gzip)", plugin, dpkg, "dpkg-deb --build");

        Path debs = work.resolve("debs");
        List<Path> files = new ArrayList<>();
        Path small = Files.writeString(work.resolve("small.txt"), "x");
        for (int i = 0; i < packages; i++) {
            DebControl each = DebControl.builder()
                    .packageName("pkg" + i)
                    .version("1." + i)
                    .summary("Package " + i)
                    .maintainer("Bench <bench@example.invalid>")
                    .build();
            files.add(packager.build(
                            DebPackageSpec.of(
                                    each, List.of(DebEntry.file(small, "/usr/share/pkg" + i + "/x")), TIMESTAMP),
                            debs)
                    .file());
        }
        List<Double> writer = new ArrayList<>();
        List<Double> ftparchive = new ArrayList<>();
        for (int i = 0; i < runs; i++) {
            Path repository = work.resolve("repo" + i);
            long start = System.nanoTime();
            new AptRepositoryWriter(repository, AptRepositoryLayout.defaults(), null, Reporter.SILENT)
                    .publish(files, TIMESTAMP);
            writer.add((System.nanoTime() - start) / 1e9);
            start = System.nanoTime();
            Tools.output("apt-ftparchive", "packages", debs.toString());
            ftparchive.add((System.nanoTime() - start) / 1e9);
        }
        report("APT index of " + packages + " packages", writer, ftparchive, "apt-ftparchive packages");
    }

    /** Writes a mix of compressible text and random bytes in files from 4 KiB to 64 MiB. */
    private static List<DebEntry> mixedPayload(Path folder, int mib) throws Exception {
        Files.createDirectories(folder);
        Random random = new Random(42);
        List<DebEntry> entries = new ArrayList<>();
        long remaining = (long) mib << 20;
        int index = 0;
        byte[] buffer = new byte[1 << 16];
        while (remaining > 0) {
            long size = Math.min(remaining, index % 10 == 0 ? 64L << 20 : 4096L << (index % 8));
            Path file = folder.resolve("file-" + index + (index % 2 == 0 ? ".bin" : ".txt"));
            try (OutputStream out = Files.newOutputStream(file)) {
                for (long written = 0; written < size; written += buffer.length) {
                    if (index % 2 == 0) {
                        random.nextBytes(buffer);
                    } else {
                        for (int i = 0; i < buffer.length; i++) {
                            buffer[i] = (byte) ('a' + (i * 7 + index) % 26);
                        }
                    }
                    out.write(buffer, 0, (int) Math.min(buffer.length, size - written));
                }
            }
            entries.add(DebEntry.file(file, "/usr/share/bench/" + file.getFileName()));
            remaining -= size;
            index++;
        }
        return entries;
    }

    private static void report(String label, List<Double> plugin, List<Double> reference, String referenceName) {
        double pluginMedian = median(plugin);
        double referenceMedian = median(reference);
        System.out.printf(
                "BENCHMARK | %s | plugin %.2f s | %s %.2f s | ratio %.2f | runs %s / %s%n",
                label, pluginMedian, referenceName, referenceMedian, pluginMedian / referenceMedian, plugin, reference);
    }

    private static double median(List<Double> values) {
        List<Double> sorted = new ArrayList<>(values);
        sorted.sort(Double::compare);
        int middle = sorted.size() / 2;
        return sorted.size() % 2 == 1 ? sorted.get(middle) : (sorted.get(middle - 1) + sorted.get(middle)) / 2;
    }
}
