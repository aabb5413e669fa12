package dev.distribution.format.helm;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Writes a small chart folder like {@code helm create} gives, for tests that package it. */
public final class SampleChart {
    private SampleChart() {}

    /** Creates {@code <parent>/<name>/} with Chart.yaml, values.yaml, two templates and a .helmignore. */
    public static Path create(Path parent, String name) throws IOException {
        Path chart = Files.createDirectories(parent.resolve(name));
        Files.writeString(
                chart.resolve("Chart.yaml"),
                """
                # The chart of the hello service.
                apiVersion: v2
                name: %s
                description: Says hello
                type: application
                version: 0.0.0
                """
                        .formatted(name));
        Files.writeString(chart.resolve("values.yaml"), "replicaCount: 1\ngreeting: hello\n");
        Files.createDirectories(chart.resolve("templates"));
        Files.writeString(
                chart.resolve("templates/configmap.yaml"),
                """
                apiVersion: v1
                kind: ConfigMap
                metadata:
                  name: {{ .Release.Name }}-greeting
                  labels:
                    chart: {{ .Chart.Name }}-{{ .Chart.Version | replace "+" "_" }}
                    app-version: {{ .Chart.AppVersion | quote }}
                data:
                  greeting: {{ .Values.greeting | quote }}
                  replicas: {{ .Values.replicaCount | quote }}
                """);
        Files.writeString(
                chart.resolve("templates/_helpers.tpl"), "{{- define \"hello.name\" -}}{{ .Chart.Name }}{{- end }}\n");
        Files.writeString(chart.resolve("templates/.hidden.yaml"), "not: packaged\n");
        Files.writeString(chart.resolve(".helmignore"), "# editor files\n*.swp\nnotes/\n");
        Files.writeString(chart.resolve("backup.swp"), "ignored\n");
        Files.createDirectories(chart.resolve("notes"));
        Files.writeString(chart.resolve("notes/todo.txt"), "ignored\n");
        return chart;
    }

    /** Writes {@code count} extra ConfigMap templates, for benchmarks. */
    public static void addTemplates(Path chart, int count) throws IOException {
        for (int i = 0; i < count; i++) {
            Files.writeString(
                    chart.resolve("templates/extra-" + i + ".yaml"),
                    """
                    apiVersion: v1
                    kind: ConfigMap
                    metadata:
                      name: {{ .Release.Name }}-extra-%d
                    data:
                      index: "%d"
                      greeting: {{ .Values.greeting | quote }}
                    """
                            .formatted(i, i));
        }
    }
}
