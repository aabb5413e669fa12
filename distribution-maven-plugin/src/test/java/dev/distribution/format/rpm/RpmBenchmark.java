package dev.distribution.format.rpm;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.distribution.core.payload.Mapping;
import dev.distribution.core.payload.Payload;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Times the packager against rpmbuild and the YUM index writer against createrepo_c. Runs only with
 * {@code -Dbenchmark.rpm=true}; {@code docs/benchmarks/rpm.sh} starts it and the results go to
 * {@code target/benchmark-rpm.md}. Sizes come from {@code -Dbenchmark.rpm.mib} (default 1024),
 * {@code -Dbenchmark.rpm.packages} (default 2000) and {@code -Dbenchmark.rpm.runs} (default 5).
 */
class RpmBenchmark {
    private static final Instant TIME = Instant.parse("2026-12-04T00:00:00Z");
    private static final int LEVEL = 6;

    private final int mib = Integer.getInteger("benchmark.rpm.mib", 1024);
    private final int packages = Integer.getInteger("benchmark.rpm.packages", 2000);
    private final int runs = Integer.getInteger("benchmark.rpm.runs", 5);

    @Test
    void packagesAndRepodata() throws Exception {
        assumeTrue(Boolean.getBoolean("benchmark.rpm"), "set -Dbenchmark.rpm=true to run");
        Path work = Files.createTempDirectory("rpm-benchmark");
        try {
            List<String> lines = new ArrayList<>();
            lines.add("| Task | distribution-maven-plugin | reference tool | ratio (plugin / tool) |");
            lines.add("|---|---|---|---|");
            lines.add(packageRow(work));
            lines.addAll(repodataRows(work));
            Path out = Path.of("target", "benchmark-rpm.md");
            Files.write(out, lines);
            lines.forEach(System.out::println);
        } finally {
            delete(work);
        }
    }

    /** Writes MIB MiB of files: a third random bytes, two thirds text, in sizes from 4 KiB to 64 MiB. */
    private Path payload(Path work) throws IOException {
        Path root = Files.createDirectories(work.resolve("payload"));
        Random random = new Random(42);
        long remaining = (long) mib << 20;
        int index = 0;
        byte[] text = ("INFO 2026-12-04 request served in 12 ms, status 200, path /api/v1/items/" + "\n")
                .repeat(1000)
                .getBytes(StandardCharsets.US_ASCII);
        while (remaining > 0) {
            long size = Math.min(remaining, index % 10 == 0 ? 64L << 20 : 4096L << (index % 8));
            Path file =
                    root.resolve("dir" + (index % 16)).resolve("file-" + index + (index % 3 == 0 ? ".bin" : ".txt"));
            Files.createDirectories(file.getParent());
            try (OutputStream outStream = Files.newOutputStream(file)) {
                byte[] buffer = new byte[64 * 1024];
                long left = size;
                while (left > 0) {
                    int n = (int) Math.min(buffer.length, left);
                    if (index % 3 == 0) {
                        random.nextBytes(buffer);
                        outStream.write(buffer, 0, n);
                    } else {
                        outStream.write(text, (int) (left % 1000), Math.min(n, text.length - 1000));
                        n = Math.min(n, text.length - 1000);
                    }
                    left -= n;
                }
            }
            remaining -= size;
            index++;
        }
        return root;
    }

    private String packageRow(Path work) throws Exception {
        Path payload = payload(work);
        RpmRequest request = new RpmRequest()
                .name("bench")
                .version("1.0")
                .summary("Benchmark payload")
                .license("MIT")
                .compression(RpmRequest.Compression.GZIP)
                .compressionLevel(LEVEL)
                .entries(Payload.resolve(List.of(Mapping.directory(payload, "/opt/bench")), work, "<rpm><files>"))
                .timestamp(TIME)
                .outputDirectory(work.resolve("ours"));
        List<Double> ours = new ArrayList<>();
        for (int i = 0; i < runs; i++) {
            long start = System.nanoTime();
            RpmPackager.build(request, null);
            ours.add((System.nanoTime() - start) / 1e9);
        }
        Path spec = Files.writeString(
                work.resolve("bench.spec"),
                "Name: bench\nVersion: 1.0\nRelease: 1\nSummary: Benchmark payload\nLicense: MIT\nBuildArch: noarch\n"
                        + "%description\nBenchmark payload.\n%install\nmkdir -p %{buildroot}/opt\n"
                        + "cp -al " + payload + " %{buildroot}/opt/bench\n%files\n/opt/bench\n");
        List<Double> theirs = new ArrayList<>();
        for (int i = 0; i < runs; i++) {
            Path top = work.resolve("rpmbuild");
            delete(top);
            long start = System.nanoTime();
            RpmTools.ok(
                    work,
                    "rpmbuild",
                    "--quiet",
                    "--define",
                    "_topdir " + top,
                    "--define",
                    "_binary_payload w" + LEVEL + ".gzdio",
                    "--define",
                    "__os_install_post %{nil}",
                    "--define",
                    "debug_package %{nil}",
                    "--define",
                    "_build_id_links none",
                    "-bb",
                    spec.toString());
            theirs.add((System.nanoTime() - start) / 1e9);
        }
        return row(".rpm of " + mib + " MiB mixed payload, gzip level " + LEVEL + " (vs rpmbuild)", ours, theirs);
    }

    private List<String> repodataRows(Path work) throws Exception {
        Path repo = Files.createDirectories(work.resolve("repo"));
        Path small = Files.writeString(work.resolve("small.txt"), "small\n");
        for (int i = 0; i < packages; i++) {
            RpmPackager.build(
                    new RpmRequest()
                            .name("pkg" + i)
                            .version("1." + i)
                            .summary("Package " + i)
                            .license("MIT")
                            .relation("requires", new RpmRelation("bash", ">=", "4.0"))
                            .entries(Payload.resolve(
                                    List.of(Mapping.file(small, "/usr/share/pkg" + i + "/small.txt")),
                                    work,
                                    "<rpm><files>"))
                            .timestamp(TIME)
                            .outputDirectory(repo.resolve("Packages")),
                    null);
        }
        List<Double> ours = new ArrayList<>();
        List<Double> theirs = new ArrayList<>();
        List<Double> oursAdd = new ArrayList<>();
        List<Double> theirsAdd = new ArrayList<>();
        List<Path> rpms;
        try (Stream<Path> files = Files.list(repo.resolve("Packages"))) {
            rpms = files.sorted().toList();
        }
        Path extra = RpmPackager.build(
                new RpmRequest()
                        .name("extra")
                        .version("1.0")
                        .summary("Added package")
                        .license("MIT")
                        .timestamp(TIME)
                        .outputDirectory(work.resolve("extra")),
                null);
        for (int i = 0; i < runs; i++) {
            delete(repo.resolve("repodata"));
            Files.deleteIfExists(repo.resolve("Packages").resolve(extra.getFileName()));
            long start = System.nanoTime();
            List<YumPackage> all = new ArrayList<>();
            for (Path rpm : rpms) {
                all.add(RpmMetadataReader.read(rpm, "Packages/" + rpm.getFileName()));
            }
            YumIndex.write(repo, all, TIME, null);
            ours.add((System.nanoTime() - start) / 1e9);

            Path copy = repo.resolve("Packages").resolve(extra.getFileName());
            Files.copy(extra, copy);
            start = System.nanoTime();
            List<YumPackage> merged = YumIndex.merge(
                    YumIndex.read(repo), List.of(RpmMetadataReader.read(copy, "Packages/" + copy.getFileName())));
            YumIndex.write(repo, merged, TIME, null);
            oursAdd.add((System.nanoTime() - start) / 1e9);

            Files.delete(copy);
            delete(repo.resolve("repodata"));
            start = System.nanoTime();
            RpmTools.ok(work, "createrepo_c", "--quiet", "--no-database", repo.toString());
            theirs.add((System.nanoTime() - start) / 1e9);

            Files.copy(extra, copy);
            start = System.nanoTime();
            RpmTools.ok(work, "createrepo_c", "--quiet", "--no-database", "--update", repo.toString());
            theirsAdd.add((System.nanoTime() - start) / 1e9);
        }
        return List.of(
                row("repodata for " + packages + " RPMs from scratch (vs createrepo_c --no-database)", ours, theirs),
                row("add 1 RPM to " + packages + " (vs createrepo_c --update --no-database)", oursAdd, theirsAdd));
    }

    private static String row(String task, List<Double> ours, List<Double> theirs) {
        double a = median(ours);
        double b = median(theirs);
        return String.format(java.util.Locale.ROOT, "| %s | %.2f s | %.2f s | %.2f |", task, a, b, a / b);
    }

    private static double median(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }

    private static void delete(Path path) throws IOException {
        if (!Files.exists(path)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(path)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
