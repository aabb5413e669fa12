package dev.distribution.format.raw;

import static dev.distribution.format.raw.SampleTree.ROOT;
import static dev.distribution.format.raw.SampleTree.TIMESTAMP;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class Sha256SumsTest {
    @TempDir
    Path dir;

    @Test
    void matchesSha256sumOutput() throws Exception {
        List<Path> archives = buildArchives();

        Path sums = Sha256Sums.write(List.of(archives.get(1), archives.get(0)), dir.resolve("out/SHA256SUMS"));
        Command reference = Command.utc(
                dir.resolve("out"), "sha256sum", "hello-1.0-linux-amd64.tar.gz", "hello-1.0-windows-amd64.zip");

        assertThat(Files.readString(sums)).isEqualTo(reference.stdout());
    }

    @Test
    void sha256sumChecksFiles() throws Exception {
        List<Path> archives = buildArchives();
        Sha256Sums.write(archives, dir.resolve("out/SHA256SUMS"));

        Command check = Command.utc(dir.resolve("out"), "sha256sum", "-c", "SHA256SUMS");

        assertThat(check.exitCode()).as(check.stderr()).isZero();
        assertThat(check.stdout().lines())
                .containsExactly("hello-1.0-linux-amd64.tar.gz: OK", "hello-1.0-windows-amd64.zip: OK");
    }

    @Test
    void sha256sumDetectsChange() throws Exception {
        List<Path> archives = buildArchives();
        Sha256Sums.write(archives, dir.resolve("out/SHA256SUMS"));
        Files.write(archives.get(1), new byte[] {1}, StandardOpenOption.APPEND);

        Command check = Command.utc(dir.resolve("out"), "sha256sum", "-c", "SHA256SUMS");

        assertThat(check.exitCode()).isNotZero();
    }

    @Test
    void escapesBackslashLikeSha256sum() throws Exception {
        Path odd = Files.writeString(dir.resolve("a\\b.txt"), "odd\n");
        Path plain = Files.writeString(dir.resolve("plain.txt"), "plain\n");
        Path sums = Sha256Sums.write(List.of(plain, odd), dir.resolve("SHA256SUMS"));

        Command reference = Command.utc(dir, "sha256sum", "a\\b.txt", "plain.txt");
        Command check = Command.utc(dir, "sha256sum", "-c", "SHA256SUMS");

        assertThat(Files.readString(sums)).isEqualTo(reference.stdout());
        assertThat(check.exitCode()).as(check.stdout() + check.stderr()).isZero();
    }

    @Test
    void sameNameTwiceIsRejected() throws Exception {
        Path one = Files.writeString(Files.createDirectories(dir.resolve("one")).resolve("x.zip"), "1");
        Path two = Files.writeString(Files.createDirectories(dir.resolve("two")).resolve("x.zip"), "2");

        assertThatThrownBy(() -> Sha256Sums.write(List.of(one, two), dir.resolve("SHA256SUMS")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("x.zip");
    }

    private List<Path> buildArchives() throws Exception {
        SampleTree tree = SampleTree.create(dir.resolve("project"));
        Path tarGz = dir.resolve("out/hello-1.0-linux-amd64.tar.gz");
        Path zip = dir.resolve("out/hello-1.0-windows-amd64.zip");
        ArchiveWriter.write(tree.entries, ROOT, ArchiveFormat.TAR_GZ, tarGz, TIMESTAMP);
        ArchiveWriter.write(tree.entries, ROOT, ArchiveFormat.ZIP, zip, TIMESTAMP);
        return List.of(tarGz, zip);
    }
}
