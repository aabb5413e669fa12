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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TarGzTest {
    @TempDir
    Path dir;

    private SampleTree tree;
    private Path archive;
    private final Map<String, TarArchiveEntry> entries = new LinkedHashMap<>();
    private final Map<String, byte[]> contents = new LinkedHashMap<>();

    @BeforeEach
    void writeArchive() throws Exception {
        tree = SampleTree.create(dir.resolve("project"));
        archive = dir.resolve("out/hello-1.0-linux-amd64.tar.gz");
        ArchiveWriter.write(tree.entries, ROOT, ArchiveFormat.TAR_GZ, archive, TIMESTAMP);
        try (InputStream in = Files.newInputStream(archive);
                TarArchiveInputStream tar =
                        new TarArchiveInputStream(new GzipCompressorInputStream(in), StandardCharsets.UTF_8.name())) {
            TarArchiveEntry entry;
            while ((entry = tar.getNextEntry()) != null) {
                entries.put(entry.getName(), entry);
                contents.put(entry.getName(), tar.readAllBytes());
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
    void typesAreKept() {
        assertThat(entries.get(ROOT + "/empty/").isDirectory()).isTrue();
        assertThat(entries.get(ROOT + "/bin/hello.sh").isFile()).isTrue();
        assertThat(entries.get(ROOT + "/bin/hi").isSymbolicLink()).isTrue();
        assertThat(entries.get(ROOT + "/lib/current.jar").isSymbolicLink()).isTrue();
    }

    @Test
    void modesAreKept() {
        assertThat(entries.get(ROOT + "/bin/hello.sh").getMode()).isEqualTo(0755);
        assertThat(entries.get(ROOT + "/lib/app.jar").getMode()).isEqualTo(0644);
        assertThat(entries.get(ROOT + "/etc/secret.conf").getMode()).isEqualTo(0640);
        assertThat(entries.get(ROOT + "/empty/").getMode()).isEqualTo(0755);
        assertThat(entries.get(ROOT + "/bin/hi").getMode()).isEqualTo(0777);
    }

    @Test
    void ownersAreNamesWithIdZero() {
        for (TarArchiveEntry entry : entries.values()) {
            assertThat(entry.getLongUserId()).as(entry.getName()).isZero();
            assertThat(entry.getLongGroupId()).as(entry.getName()).isZero();
        }
        assertThat(entries.get(ROOT + "/lib/app.jar").getUserName()).isEqualTo("root");
        assertThat(entries.get(ROOT + "/lib/app.jar").getGroupName()).isEqualTo("root");
        assertThat(entries.get(ROOT + "/etc/secret.conf").getUserName()).isEqualTo("daemon");
        assertThat(entries.get(ROOT + "/etc/secret.conf").getGroupName()).isEqualTo("adm");
    }

    @Test
    void timesAreTimestamp() {
        for (TarArchiveEntry entry : entries.values()) {
            assertThat(entry.getLastModifiedTime().toInstant())
                    .as(entry.getName())
                    .isEqualTo(TIMESTAMP);
        }
    }

    @Test
    void linkTargetsAreKept() {
        assertThat(entries.get(ROOT + "/bin/hi").getLinkName()).isEqualTo("hello.sh");
        assertThat(entries.get(ROOT + "/lib/current.jar").getLinkName()).isEqualTo("app.jar");
        assertThat(entries.get(ROOT + "/long-link").getLinkName()).isEqualTo(LONG_LINK_TARGET);
    }

    @Test
    void contentMatchesSource() throws Exception {
        assertThat(contents.get(ROOT + "/lib/app.jar"))
                .isEqualTo(Files.readAllBytes(tree.source.resolve("lib/app.jar")));
        assertThat(contents.get(ROOT + "/bin/hello.sh")).isEqualTo(SampleTree.SCRIPT.getBytes(StandardCharsets.UTF_8));
        assertThat(contents.get(ROOT + "/" + UMLAUT)).isEqualTo("über\n".getBytes(StandardCharsets.UTF_8));
        assertThat(contents.get(ROOT + "/" + LONG_PATH)).isEqualTo("deep\n".getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void gzipHeaderHasNoNameOrTime() throws Exception {
        byte[] header = new byte[10];
        try (InputStream in = Files.newInputStream(archive)) {
            assertThat(in.readNBytes(header, 0, 10)).isEqualTo(10);
        }

        assertThat(header[3]).as("flags: no FNAME, FCOMMENT or FEXTRA").isZero();
        assertThat(new byte[] {header[4], header[5], header[6], header[7]})
                .as("MTIME")
                .containsOnly(0);
        assertThat(header[9]).as("OS").isEqualTo((byte) 3);
    }

    @Test
    void gnuTarListsEntries() throws Exception {
        Command list = Command.utc(dir, "tar", "--quoting-style=literal", "-tvzf", archive.toString());

        assertThat(list.exitCode()).as(list.stderr()).isZero();
        assertThat(list.stderr()).isEmpty();
        List<String> lines =
                list.stdout().lines().map(line -> line.replaceAll(" +", " ")).toList();
        assertThat(lines).contains("-rwxr-xr-x root/root 21 2026-12-04 00:00 " + ROOT + "/bin/hello.sh");
        assertThat(lines).contains("lrwxrwxrwx root/root 0 2026-12-04 00:00 " + ROOT + "/bin/hi -> hello.sh");
        assertThat(lines).contains("drwxr-xr-x root/root 0 2026-12-04 00:00 " + ROOT + "/empty/");
        assertThat(lines).contains("-rw-r----- daemon/adm 11 2026-12-04 00:00 " + ROOT + "/etc/secret.conf");
        assertThat(lines).contains("-rw-r--r-- root/root 6 2026-12-04 00:00 " + ROOT + "/" + UMLAUT);
        assertThat(lines).contains("-rw-r--r-- root/root 5 2026-12-04 00:00 " + ROOT + "/" + LONG_PATH);
        assertThat(lines)
                .contains("lrwxrwxrwx root/root 0 2026-12-04 00:00 " + ROOT + "/long-link -> " + LONG_LINK_TARGET);
        assertThat(lines).hasSize(entries.size());
    }

    @Test
    void gnuTarExtractsAttributes() throws Exception {
        Path out = Files.createDirectories(dir.resolve("extracted"));
        Command extract = Command.utc(out, "tar", "-xzf", archive.toString());
        assertThat(extract.exitCode()).as(extract.stderr()).isZero();
        Path root = out.resolve(ROOT);

        assertThat(stat(root.resolve("bin/hello.sh"))).isEqualTo("regular file 755 1796342400");
        assertThat(stat(root.resolve("lib/app.jar"))).isEqualTo("regular file 644 1796342400");
        assertThat(stat(root.resolve("empty"))).isEqualTo("directory 755 1796342400");
        assertThat(stat(root.resolve(UMLAUT))).isEqualTo("regular file 644 1796342400");
        assertThat(stat(root.resolve(LONG_PATH))).isEqualTo("regular file 644 1796342400");
        assertThat(Files.size(root.resolve(UMLAUT))).isEqualTo(6);
        assertThat(Files.readSymbolicLink(root.resolve("bin/hi"))).isEqualTo(Path.of("hello.sh"));
        assertThat(Files.readSymbolicLink(root.resolve("long-link"))).isEqualTo(Path.of(LONG_LINK_TARGET));
        assertThat(Files.readAllBytes(root.resolve("lib/app.jar")))
                .isEqualTo(Files.readAllBytes(tree.source.resolve("lib/app.jar")));
    }

    @Test
    void gnuTarRestoresOwnerAsRoot() throws Exception {
        Path out = Files.createDirectories(dir.resolve("owned"));
        Command extract = Command.utc(out, "tar", "--same-owner", "-xzf", archive.toString());
        assertThat(extract.exitCode()).as(extract.stderr()).isZero();
        // Only root may give files away; as another user tar keeps the extracting user's ids.
        Assumptions.assumeTrue("root".equals(System.getProperty("user.name")));

        Command stat = Command.utc(out, "stat", "-c", "%U:%G", ROOT + "/etc/secret.conf");

        assertThat(stat.stdout().strip()).isEqualTo("daemon:adm");
    }

    @Test
    void emptyRootFolderPutsEntriesAtTop() throws Exception {
        Path flat = dir.resolve("flat.tar.gz");
        ArchiveWriter.write(tree.entries, "", ArchiveFormat.TAR_GZ, flat, TIMESTAMP);

        Command list = Command.utc(dir, "tar", "-tzf", flat.toString());

        assertThat(list.stdout().lines().findFirst()).hasValue("bin/");
    }

    private String stat(Path path) throws Exception {
        Command stat = Command.utc(dir, "stat", "-c", "%F %a %Y", path.toString());
        assertThat(stat.exitCode()).as(stat.stderr()).isZero();
        return stat.stdout().strip();
    }
}
