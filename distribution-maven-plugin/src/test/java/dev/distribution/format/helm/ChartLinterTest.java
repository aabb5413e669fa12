package dev.distribution.format.helm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.distribution.core.InvalidConfigurationException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ChartLinterTest {
    @TempDir
    Path work;

    private Path chart;

    @BeforeEach
    void createChart() throws Exception {
        chart = SampleChart.create(work, "hello");
    }

    private InvalidConfigurationException lintFails(String version) {
        return (InvalidConfigurationException) org.assertj.core.api.Assertions.catchThrowable(
                () -> ChartLinter.lint(chart, version, null, "<helm><chart>"));
    }

    private void writeChartYaml(String text) throws Exception {
        Files.writeString(chart.resolve("Chart.yaml"), text);
    }

    @Test
    void acceptsSample() throws Exception {
        assertThat(ChartLinter.lint(chart, "1.0.0", "1.0", "<helm>").name()).isEqualTo("hello");
    }

    @Test
    void rejectsNonSemverVersion() {
        assertThat(lintFails("1.2").getElement()).isEqualTo("<helm><version>");
    }

    @Test
    void rejectsVersionWithPrefix() {
        assertThat(lintFails("v1.2.0").getMessage()).contains("'v1.2.0'").contains("Write it as 1.2.0.");
    }

    @Test
    void suggestsThreeNumbers() {
        assertThat(lintFails("1.2").getMessage()).contains("Write it as 1.2.0.");
    }

    @Test
    void rejectsUppercaseName() throws Exception {
        Path upper = SampleChart.create(work, "Hello");
        assertThatThrownBy(() -> ChartLinter.lint(upper, "1.0.0", null, "<helm>"))
                .hasMessageContaining("'Hello'")
                .hasMessageContaining("lower-case")
                .hasMessageContaining("'hello'");
    }

    @Test
    void rejectsUnderscoreName() throws Exception {
        Path underscore = SampleChart.create(work, "my_chart");
        assertThatThrownBy(() -> ChartLinter.lint(underscore, "1.0.0", null, "<helm>"))
                .hasMessageContaining("'my_chart'")
                .hasMessageContaining("'my-chart'");
    }

    @Test
    void rejectsNameOtherThanFolder() throws Exception {
        writeChartYaml("apiVersion: v2\nname: other\nversion: 1.0.0\n");
        assertThat(lintFails("1.0.0").getMessage()).contains("'other'").contains("Rename the folder");
    }

    @Test
    void rejectsMissingName() throws Exception {
        writeChartYaml("apiVersion: v2\nversion: 1.0.0\n");
        assertThat(lintFails("1.0.0").getMessage()).contains("Missing value").contains("Add 'name: hello'");
    }

    @Test
    void rejectsMissingApiVersion() throws Exception {
        writeChartYaml("name: hello\nversion: 1.0.0\n");
        assertThat(lintFails("1.0.0").getElement()).endsWith("Chart.yaml apiVersion");
    }

    @Test
    void rejectsApiVersionV1() throws Exception {
        writeChartYaml("apiVersion: v1\nname: hello\nversion: 1.0.0\n");
        assertThat(lintFails("1.0.0").getMessage()).contains("'v1'").contains("apiVersion: v2");
    }

    @Test
    void namesLineOfBrokenChartYaml() throws Exception {
        writeChartYaml("apiVersion: v2\nname: hello\ndescription: [unclosed\nversion: 1.0.0\n");
        assertThat(lintFails("1.0.0").getMessage()).contains("Chart.yaml line 4");
    }

    @Test
    void namesLineOfBrokenValues() throws Exception {
        Files.writeString(chart.resolve("values.yaml"), "a: 1\nb:\n  c: 2\n d: 3\n");
        assertThat(lintFails("1.0.0").getMessage()).contains("values.yaml line 4");
    }

    @Test
    void rejectsDuplicateKey() throws Exception {
        Files.writeString(chart.resolve("values.yaml"), "a: 1\na: 2\n");
        assertThat(lintFails("1.0.0").getMessage()).contains("values.yaml line 2");
    }

    @Test
    void rejectsMissingLocalDependency() throws Exception {
        Files.writeString(
                chart.resolve("Chart.yaml"),
                "dependencies:\n- name: common\n  version: 0.3.0\n  repository: file://../common\n",
                StandardOpenOption.APPEND);
        assertThat(lintFails("1.0.0").getMessage()).contains("file://../common").contains("Create the chart");
    }

    @Test
    void rejectsRemoteDependencyWithoutLock() throws Exception {
        Files.writeString(
                chart.resolve("Chart.yaml"),
                "dependencies:\n- name: redis\n  version: ~18.0\n  repository: https://charts.example.com\n",
                StandardOpenOption.APPEND);
        assertThat(lintFails("1.0.0").getMessage()).contains("Chart.lock");
    }

    @Test
    void rejectsLockedDependencyMissingFromCharts() throws Exception {
        Files.writeString(
                chart.resolve("Chart.yaml"),
                "dependencies:\n- name: redis\n  version: ~18.0\n  repository: https://charts.example.com\n",
                StandardOpenOption.APPEND);
        Files.writeString(
                chart.resolve("Chart.lock"),
                "dependencies:\n- name: redis\n  repository: https://charts.example.com\n  version: 18.0.4\n");
        assertThat(lintFails("1.0.0").getMessage()).contains("charts/redis-18.0.4.tgz");
    }

    @Test
    void acceptsLockedDependencyInCharts() throws Exception {
        Files.writeString(
                chart.resolve("Chart.yaml"),
                "dependencies:\n- name: redis\n  version: ~18.0\n  repository: https://charts.example.com\n",
                StandardOpenOption.APPEND);
        Files.writeString(
                chart.resolve("Chart.lock"),
                "dependencies:\n- name: redis\n  repository: https://charts.example.com\n  version: 18.0.4\n");
        Files.createDirectories(chart.resolve("charts"));
        Files.writeString(chart.resolve("charts/redis-18.0.4.tgz"), "x");
        assertThat(ChartLinter.lint(chart, "1.0.0", null, "<helm>").dependencyNames())
                .containsExactly("redis");
    }

    @Test
    void rejectsDoubleStarInHelmignore() throws Exception {
        Files.writeString(chart.resolve(".helmignore"), "**/*.bak\n");
        assertThatThrownBy(() -> ChartPackager.write(
                        ChartLinter.lint(chart, "1.0.0", null, "<helm>"), work.resolve("out"), java.time.Instant.EPOCH))
                .hasMessageContaining(".helmignore line 1");
    }
}
