package dev.distribution.format.raw;

import static dev.distribution.format.raw.SampleTree.LONG_LINK_TARGET;
import static dev.distribution.format.raw.SampleTree.LONG_PATH;
import static dev.distribution.format.raw.SampleTree.ROOT;
import static dev.distribution.format.raw.SampleTree.TIMESTAMP;
import static dev.distribution.format.raw.SampleTree.UMLAUT;
import static org.assertj.core.api.Assertions.assertThat;

import dev.distribution.core.payload.PayloadEntry;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.compress.archivers.zip.UnixStat;
import org.apache.commons.compress.archivers.zip.X5455_ExtendedTimestamp;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipFile;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ZipTest {
    @TempDir
    Path dir;

    private SampleTree tree;
    private Path archive;
    private final Map<String, ZipArchiveEntry> entries = new LinkedHashMap<>();
    private final Map<String, byte[]> contents = new LinkedHashMap<>();

    @BeforeEach
    void writeArchive() throws Exception {
        tree = SampleTree.create(dir.resolve("project"));
        archive = dir.resolve("out/hello-1.0-windows-amd64.zip");
        ArchiveWriter.write(tree.entries, ROOT, ArchiveFormat.ZIP, archive, TIMESTAMP);
        try (ZipFile zip = ZipFile.builder().setPath(archive).get()) {
            for (ZipArchiveEntry entry : Collections.list(zip.getEntriesInPhysicalOrder())) {
                entries.put(entry.getName(), entry);
                try (InputStream in = zip.getInputStream(entry)) {
                    contents.put(entry.getName(), in.readAllBytes());
                }
            }
        }
    }

    @Test
    void namesAreSortedUnderRoot() {
        List<String> expected = new ArrayList<>(List.of(ROOT + "/"));
        for (PayloadEntry entry : tree.entries) {
            expected.add(ROOT + "/" + entry.path() + (entry.type() == PayloadEntry.Type.DIRECTORY ? "/" : ""));
        }

        assertThat(entries.keySet()).containsExactlyElementsOf(expected);
    }

    @Test
    void unixModesAreKept() {
        assertThat(entries.get(ROOT + "/bin/hello.sh").getUnixMode()).isEqualTo(UnixStat.FILE_FLAG | 0755);
        assertThat(entries.get(ROOT + "/lib/app.jar").getUnixMode()).isEqualTo(UnixStat.FILE_FLAG | 0644);
        assertThat(entries.get(ROOT + "/etc/secret.conf").getUnixMode()).isEqualTo(UnixStat.FILE_FLAG | 0640);
        assertThat(entries.get(ROOT + "/empty/").getUnixMode()).isEqualTo(UnixStat.DIR_FLAG | 0755);
        assertThat(entries.get(ROOT + "/bin/hi").getUnixMode()).isEqualTo(UnixStat.LINK_FLAG | 0777);
        for (ZipArchiveEntry entry : entries.values()) {
            assertThat(entry.getPlatform()).as(entry.getName()).isEqualTo(ZipArchiveEntry.PLATFORM_UNIX);
        }
    }

    @Test
    void symlinksAreUnixLinks() {
        assertThat(entries.get(ROOT + "/bin/hi").isUnixSymlink()).isTrue();
        assertThat(contents.get(ROOT + "/bin/hi")).isEqualTo("hello.sh".getBytes(StandardCharsets.UTF_8));
        assertThat(contents.get(ROOT + "/long-link")).isEqualTo(LONG_LINK_TARGET.getBytes(StandardCharsets.UTF_8));
        assertThat(entries.get(ROOT + "/lib/app.jar").isUnixSymlink()).isFalse();
    }

    @Test
    void namesAreFlaggedUtf8() {
        for (ZipArchiveEntry entry : entries.values()) {
            assertThat(entry.getGeneralPurposeBit().usesUTF8ForNames())
                    .as(entry.getName())
                    .isTrue();
        }
        assertThat(entries).containsKey(ROOT + "/" + UMLAUT);
        assertThat(entries).containsKey(ROOT + "/" + LONG_PATH);
    }

    @Test
    void extendedTimestampIsTimestamp() {
        for (ZipArchiveEntry entry : entries.values()) {
            X5455_ExtendedTimestamp field =
                    (X5455_ExtendedTimestamp) entry.getExtraField(X5455_ExtendedTimestamp.HEADER_ID);
            assertThat(field.getModifyFileTime().toInstant())
                    .as(entry.getName())
                    .isEqualTo(TIMESTAMP);
        }
    }

    @Test
    void contentMatchesSource() throws Exception {
        assertThat(contents.get(ROOT + "/lib/app.jar"))
                .isEqualTo(Files.readAllBytes(tree.source.resolve("lib/app.jar")));
        assertThat(entries.get(ROOT + "/lib/app.jar").getMethod()).isEqualTo(ZipArchiveEntry.DEFLATED);
        assertThat(contents.get(ROOT + "/" + UMLAUT)).isEqualTo("über\n".getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void zipinfoShowsUnixEntries() throws Exception {
        Command info = Command.utc(dir, "zipinfo", archive.toString());

        assertThat(info.exitCode()).as(info.stderr()).isZero();
        List<String> lines =
                info.stdout().lines().map(line -> line.replaceAll(" +", " ")).toList();
        assertThat(lines).contains("-rwxr-xr-x 2.0 unx 21 bx defN 26-Dec-04 00:00 " + ROOT + "/bin/hello.sh");
        assertThat(lines).contains("lrwxrwxrwx 2.0 unx 8 bx stor 26-Dec-04 00:00 " + ROOT + "/bin/hi");
        assertThat(lines).contains("drwxr-xr-x 2.0 unx 0 bx stor 26-Dec-04 00:00 " + ROOT + "/empty/");
        assertThat(lines).contains("-rw-r----- 2.0 unx 11 bx defN 26-Dec-04 00:00 " + ROOT + "/etc/secret.conf");
        assertThat(lines).anyMatch(line -> line.endsWith(" " + ROOT + "/" + UMLAUT));
    }

    @Test
    void dosTimeIsUtcFields() throws Exception {
        Command info = Command.utc(dir, "zipinfo", "-v", archive.toString(), ROOT + "/bin/hello.sh");

        String output = info.stdout().replaceAll(" +", " ");
        assertThat(output).contains("file last modified on (DOS date/time): 2026 Dec 4 00:00:00\n");
        assertThat(output).contains("file last modified on (UT extra field modtime): 2026 Dec 4 00:00:00 UTC\n");
    }

    @Test
    void unzipTestsClean() throws Exception {
        Command test = Command.utc(dir, "unzip", "-t", archive.toString());

        assertThat(test.exitCode()).as(test.stdout() + test.stderr()).isZero();
        assertThat(test.stdout()).contains("No errors detected");
    }

    @Test
    void unzipRestoresModesLinksAndTimes() throws Exception {
        Path out = dir.resolve("extracted");
        Command extract = Command.utc(dir, "unzip", "-q", archive.toString(), "-d", out.toString());
        assertThat(extract.exitCode()).as(extract.stderr()).isZero();
        Path root = out.resolve(ROOT);

        assertThat(stat(root.resolve("bin/hello.sh"))).isEqualTo("regular file 755 1796342400");
        assertThat(stat(root.resolve("lib/app.jar"))).isEqualTo("regular file 644 1796342400");
        assertThat(stat(root.resolve("etc/secret.conf"))).isEqualTo("regular file 640 1796342400");
        assertThat(stat(root.resolve(UMLAUT))).isEqualTo("regular file 644 1796342400");
        assertThat(stat(root.resolve(LONG_PATH))).isEqualTo("regular file 644 1796342400");
        assertThat(stat(root.resolve("empty"))).startsWith("directory 755");
        assertThat(Files.readSymbolicLink(root.resolve("bin/hi"))).isEqualTo(Path.of("hello.sh"));
        assertThat(Files.readSymbolicLink(root.resolve("long-link"))).isEqualTo(Path.of(LONG_LINK_TARGET));
        assertThat(Files.readAllBytes(root.resolve("lib/app.jar")))
                .isEqualTo(Files.readAllBytes(tree.source.resolve("lib/app.jar")));
    }

    private String stat(Path path) throws Exception {
        Command stat = Command.utc(dir, "stat", "-c", "%F %a %Y", path.toString());
        assertThat(stat.exitCode()).as(stat.stderr()).isZero();
        return stat.stdout().strip();
    }
}
