package dev.distribution.format.helm;

import static org.assertj.core.api.Assertions.assertThat;

import com.marcnuri.helm.Helm;
import com.marcnuri.helm.LintResult;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ChartPackagerTest {
    private static final Instant TIME = Instant.parse("2026-12-04T10:00:00Z");

    @TempDir
    Path work;

    private Path build(String version, String appVersion, Path out) throws Exception {
        Path source = work.resolve("src");
        Path folder = Files.isDirectory(source.resolve("hello"))
                ? source.resolve("hello")
                : SampleChart.create(source, "hello");
        Chart chart = ChartLinter.lint(folder, version, appVersion, "<helm><chart>");
        return ChartPackager.write(chart, out, TIME);
    }

    @Test
    void namesFileByChartAndVersion() throws Exception {
        Path tgz = build("1.2.0", "1.2", work.resolve("out"));
        assertThat(tgz.getFileName().toString()).isEqualTo("hello-1.2.0.tgz");
    }

    @Test
    void putsEverythingUnderChartName() throws Exception {
        Path tgz = build("1.2.0", "1.2", work.resolve("out"));
        assertThat(entries(tgz).keySet())
                .containsExactly(
                        "hello/.helmignore",
                        "hello/Chart.yaml",
                        "hello/templates/_helpers.tpl",
                        "hello/templates/configmap.yaml",
                        "hello/values.yaml");
    }

    @Test
    void setsVersionAndAppVersion() throws Exception {
        Path tgz = build("1.2.0-SNAPSHOT.20261204100000", "1.2-SNAPSHOT", work.resolve("out"));
        assertThat(entries(tgz).get("hello/Chart.yaml"))
                .contains("# The chart of the hello service.\n")
                .contains("\nversion: 1.2.0-SNAPSHOT.20261204100000\n")
                .endsWith("appVersion: \"1.2-SNAPSHOT\"\n");
    }

    @Test
    void isReproducible() throws Exception {
        Path first = build("1.2.0", "1.2", work.resolve("a"));
        Path second = build("1.2.0", "1.2", work.resolve("b"));
        assertThat(Files.readAllBytes(first)).isEqualTo(Files.readAllBytes(second));
    }

    @Test
    void writesFixedModesAndTimes() throws Exception {
        Path tgz = build("1.2.0", "1.2", work.resolve("out"));
        List<String> attributes = new ArrayList<>();
        try (TarArchiveInputStream tar = open(tgz)) {
            for (TarArchiveEntry entry = tar.getNextEntry(); entry != null; entry = tar.getNextEntry()) {
                attributes.add(Integer.toOctalString(entry.getMode()) + " " + entry.getLongUserId() + ":"
                        + entry.getLongGroupId() + " " + entry.getModTime().toInstant());
            }
        }
        assertThat(attributes).containsOnly("100644 0:0 " + TIME);
    }

    @Test
    void helmLintsPackage() throws Exception {
        Path tgz = build("1.2.0", "1.2", work.resolve("out"));
        LintResult result = new Helm(tgz).lint().strict().call();
        assertThat(result.isFailed())
                .as(String.join("\n", result.getMessages()))
                .isFalse();
    }

    @Test
    void helmTemplatesPackage() throws Exception {
        Path tgz = build("1.2.0+build.7", "1.2", work.resolve("out"));
        String manifest = Helm.template(tgz.toString())
                .withName("rel")
                .set("greeting", "hi")
                .call();
        assertThat(manifest)
                .contains("name: rel-greeting")
                .contains("chart: hello-1.2.0_build.7")
                .contains("app-version: \"1.2\"")
                .contains("greeting: \"hi\"");
    }

    @Test
    void embedsLocalDependency() throws Exception {
        Path source = work.resolve("src");
        Path library = SampleChart.create(source, "common");
        Files.writeString(library.resolve("Chart.yaml"), "apiVersion: v2\nname: common\nversion: 0.3.0\n");
        Path chart = SampleChart.create(source, "hello");
        Files.writeString(
                chart.resolve("Chart.yaml"),
                "dependencies:\n- name: common\n  version: 0.3.0\n  repository: file://../common\n",
                java.nio.file.StandardOpenOption.APPEND);
        Path tgz = ChartPackager.write(ChartLinter.lint(chart, "1.0.0", null, "<helm>"), work.resolve("out"), TIME);
        String manifest = Helm.template(tgz.toString()).withName("rel").call();
        assertThat(manifest).contains("name: rel-greeting").contains("chart: common-0.3.0");
    }

    static Map<String, String> entries(Path tgz) throws IOException {
        Map<String, String> result = new LinkedHashMap<>();
        try (TarArchiveInputStream tar = open(tgz)) {
            for (TarArchiveEntry entry = tar.getNextEntry(); entry != null; entry = tar.getNextEntry()) {
                result.put(entry.getName(), new String(tar.readAllBytes(), StandardCharsets.UTF_8));
            }
        }
        return result;
    }

    private static TarArchiveInputStream open(Path tgz) throws IOException {
        InputStream in = Files.newInputStream(tgz);
        return new TarArchiveInputStream(new GzipCompressorInputStream(in));
    }
}
