package dev.distribution.format.helm;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HelmIgnoreTest {
    @TempDir
    Path chart;

    private HelmIgnore rules(String text) throws Exception {
        Files.writeString(chart.resolve(HelmIgnore.FILE), text);
        return HelmIgnore.read(chart);
    }

    @Test
    void baseNameMatchesAtAnyDepth() throws Exception {
        assertThat(rules("*.bak\n").ignores("templates/deep/x.bak", false)).isTrue();
    }

    @Test
    void pathPatternMatchesFromRoot() throws Exception {
        assertThat(rules("docs/*.md\n").ignores("templates/docs/a.md", false)).isFalse();
    }

    @Test
    void pathPatternMatchesRootPath() throws Exception {
        assertThat(rules("docs/*.md\n").ignores("docs/a.md", false)).isTrue();
    }

    @Test
    void trailingSlashMatchesOnlyFolders() throws Exception {
        assertThat(rules("build/\n").ignores("build", false)).isFalse();
    }

    @Test
    void trailingSlashMatchesFolder() throws Exception {
        assertThat(rules("build/\n").ignores("build", true)).isTrue();
    }

    @Test
    void negationKeepsFile() throws Exception {
        assertThat(rules("*.txt\n!keep.txt\n").ignores("keep.txt", false)).isFalse();
    }

    @Test
    void commentIsNoRule() throws Exception {
        assertThat(rules("# values.yaml\n").ignores("values.yaml", false)).isFalse();
    }

    @Test
    void characterClassMatches() throws Exception {
        assertThat(rules("file[0-9].yaml\n").ignores("file7.yaml", false)).isTrue();
    }

    @Test
    void hiddenTemplatesAlwaysLeftOut() throws Exception {
        assertThat(HelmIgnore.read(chart).ignores("templates/.notes.yaml", false))
                .isTrue();
    }

    @Test
    void hiddenFileAtRootKept() throws Exception {
        assertThat(HelmIgnore.read(chart).ignores(".helmignore", false)).isFalse();
    }
}
