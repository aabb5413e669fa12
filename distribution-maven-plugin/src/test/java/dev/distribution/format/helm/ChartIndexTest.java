package dev.distribution.format.helm;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ChartIndexTest {
    private static final Instant TIME = Instant.parse("2026-12-04T10:00:00Z");

    @TempDir
    Path work;

    private Chart chart(String version) throws Exception {
        Path folder = Files.isDirectory(work.resolve("src/hello"))
                ? work.resolve("src/hello")
                : SampleChart.create(work.resolve("src"), "hello");
        return ChartLinter.lint(folder, version, "1.0", "<helm>");
    }

    private ChartIndex reread(ChartIndex index) throws Exception {
        Path file = work.resolve("index.yaml");
        index.write(file, TIME);
        return ChartIndex.read(file);
    }

    @Test
    void listsNewestFirst() throws Exception {
        ChartIndex index = ChartIndex.empty();
        for (String version :
                new String[] {"1.0.0", "1.10.0", "1.2.0", "1.2.0-rc.1", "1.2.0-SNAPSHOT.20261204100000"}) {
            index.add(chart(version), "0".repeat(64), "hello-" + version + ".tgz", TIME);
        }
        assertThat(reread(index).versions("hello"))
                .containsExactly("1.10.0", "1.2.0", "1.2.0-rc.1", "1.2.0-SNAPSHOT.20261204100000", "1.0.0");
    }

    @Test
    void keepsOtherCharts() throws Exception {
        ChartIndex existing = ChartIndex.parse(
                """
                apiVersion: v1
                entries:
                  zebra:
                  - apiVersion: v2
                    name: zebra
                    version: 3.0.0
                    digest: abc
                    urls:
                    - https://elsewhere.example.com/zebra-3.0.0.tgz
                    maintainers:
                    - name: Team
                      email: team@example.com
                generated: "2020-01-01T00:00:00Z"
                """,
                "index.yaml");
        existing.add(chart("1.0.0"), "0".repeat(64), "hello-1.0.0.tgz", TIME);
        ChartIndex result = reread(existing);
        assertThat(result.entry("zebra", "3.0.0")).containsEntry("digest", "abc");
    }

    @Test
    void keepsNestedFields() throws Exception {
        ChartIndex existing = ChartIndex.parse(
                "apiVersion: v1\nentries:\n  zebra:\n  - name: zebra\n    version: 3.0.0\n"
                        + "    maintainers:\n    - name: Team\n      email: team@example.com\n",
                "index.yaml");
        assertThat(reread(existing).entry("zebra", "3.0.0").get("maintainers").toString())
                .isEqualTo("[{name=Team, email=team@example.com}]");
    }

    @Test
    void replacesSameVersion() throws Exception {
        ChartIndex index = ChartIndex.empty();
        index.add(chart("1.0.0"), "a".repeat(64), "hello-1.0.0.tgz", TIME);
        index.add(chart("1.0.0"), "b".repeat(64), "hello-1.0.0.tgz", TIME);
        assertThat(reread(index).versions("hello")).containsExactly("1.0.0");
    }

    @Test
    void writesEntryFields() throws Exception {
        ChartIndex index = ChartIndex.empty();
        index.add(chart("1.0.0"), "a".repeat(64), "hello-1.0.0.tgz", TIME);
        index.write(work.resolve("index.yaml"), TIME);
        assertThat(Files.readString(work.resolve("index.yaml")))
                .startsWith("apiVersion: v1\nentries:\n  hello:\n  - apiVersion: v2\n    appVersion: \"1.0\"\n")
                .contains("    created: \"2026-12-04T10:00:00Z\"\n")
                .contains("    digest: " + "a".repeat(64) + "\n")
                .contains("    urls:\n    - hello-1.0.0.tgz\n")
                .endsWith("generated: \"2026-12-04T10:00:00Z\"\n");
    }

    @Test
    void quotesWordsYaml11ReadsAsBooleans() {
        assertThat(YamlWriter.toString(java.util.Map.of("a", "on"))).isEqualTo("a: \"on\"\n");
    }
}
