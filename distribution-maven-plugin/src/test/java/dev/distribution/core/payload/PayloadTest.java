package dev.distribution.core.payload;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.distribution.core.InvalidConfigurationException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.text.Normalizer;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PayloadTest {
    private static final String FILES = "<archive><files>";

    @TempDir
    Path basedir;

    @BeforeEach
    void createTree() throws IOException {
        write("dist/bin/run.sh", "#!/bin/sh\necho run\n");
        Files.setPosixFilePermissions(basedir.resolve("dist/bin/run.sh"), PosixFilePermissions.fromString("rwxr-xr-x"));
        write("dist/lib/app.jar", "jar");
        write("dist/lib/tmp/cache.bin", "cache");
        write("dist/conf/app.conf", "key=value\n");
        Files.createDirectories(basedir.resolve("dist/empty"));
        Files.createSymbolicLink(basedir.resolve("dist/lib/current.jar"), Path.of("app.jar"));
        write("README.md", "# readme\n");
        Files.createDirectories(basedir.resolve("nothing"));
    }

    @Test
    void directoryGivesSortedEntriesWithParents() throws Exception {
        List<PayloadEntry> entries =
                Payload.resolve(List.of(Mapping.directory(Path.of("dist"), "/opt/app/")), basedir, FILES);

        assertThat(entries)
                .extracting(PayloadEntry::path)
                .containsExactly(
                        "opt",
                        "opt/app",
                        "opt/app/bin",
                        "opt/app/bin/run.sh",
                        "opt/app/conf",
                        "opt/app/conf/app.conf",
                        "opt/app/empty",
                        "opt/app/lib",
                        "opt/app/lib/app.jar",
                        "opt/app/lib/current.jar",
                        "opt/app/lib/tmp",
                        "opt/app/lib/tmp/cache.bin");
    }

    @Test
    void defaultsFollowSource() throws Exception {
        Map<String, PayloadEntry> entries =
                byPath(Payload.resolve(List.of(Mapping.directory(Path.of("dist"), "app")), basedir, FILES));

        assertThat(entries.get("app/bin/run.sh").mode()).isEqualTo(0755);
        assertThat(entries.get("app/lib/app.jar").mode()).isEqualTo(0644);
        assertThat(entries.get("app/empty").type()).isEqualTo(PayloadEntry.Type.DIRECTORY);
        assertThat(entries.get("app/empty").mode()).isEqualTo(0755);
        assertThat(entries.get("app/lib/app.jar").owner()).isEqualTo("root");
        assertThat(entries.get("app/lib/app.jar").group()).isEqualTo("root");
        assertThat(entries.get("app/lib/app.jar").size()).isEqualTo(3);
        assertThat(entries.get("app/lib/app.jar").source()).isEqualTo(basedir.resolve("dist/lib/app.jar"));
    }

    @Test
    void symlinkUnderSourceStaysLink() throws Exception {
        Map<String, PayloadEntry> entries =
                byPath(Payload.resolve(List.of(Mapping.directory(Path.of("dist"), "")), basedir, FILES));

        assertThat(entries.get("lib/current.jar").type()).isEqualTo(PayloadEntry.Type.SYMLINK);
        assertThat(entries.get("lib/current.jar").linkTarget()).isEqualTo("app.jar");
        assertThat(entries.get("lib/current.jar").mode()).isEqualTo(0777);
    }

    @Test
    void modesOwnersAndConfigApply() throws Exception {
        Mapping mapping = Mapping.directory(Path.of("dist"), "app")
                .withMode(0640)
                .withDirectoryMode(0750)
                .withOwner("daemon", "adm")
                .withConfig(true);

        Map<String, PayloadEntry> entries = byPath(Payload.resolve(List.of(mapping), basedir, FILES));

        assertThat(entries.get("app/bin/run.sh").mode()).isEqualTo(0640);
        assertThat(entries.get("app/bin").mode()).isEqualTo(0750);
        assertThat(entries.get("app").mode()).isEqualTo(0750);
        assertThat(entries.get("app/bin/run.sh").owner()).isEqualTo("daemon");
        assertThat(entries.get("app/bin/run.sh").group()).isEqualTo("adm");
        assertThat(entries.get("app/conf/app.conf").config()).isTrue();
    }

    @Test
    void implicitParentsBelongToRoot() throws Exception {
        Mapping mapping =
                Mapping.file(Path.of("README.md"), "usr/share/doc/app/").withOwner("daemon", "daemon");

        Map<String, PayloadEntry> entries = byPath(Payload.resolve(List.of(mapping), basedir, FILES));

        assertThat(entries.get("usr/share/doc").owner()).isEqualTo("root");
        assertThat(entries.get("usr/share/doc").mode()).isEqualTo(0755);
        assertThat(entries.get("usr/share/doc/app/README.md").owner()).isEqualTo("daemon");
    }

    @Test
    void includesAndExcludesFilter() throws Exception {
        Mapping mapping = Mapping.directory(Path.of("dist"), "")
                .withPatterns(List.of("**/*.sh", "**/*.jar", "**/*.bin"), List.of("**/tmp/**"));

        List<PayloadEntry> entries = Payload.resolve(List.of(mapping), basedir, FILES);

        assertThat(entries)
                .extracting(PayloadEntry::path)
                .containsExactly("bin", "bin/run.sh", "lib", "lib/app.jar", "lib/current.jar");
    }

    @Test
    void emptySourceGivesDirectory() throws Exception {
        List<PayloadEntry> entries =
                Payload.resolve(List.of(Mapping.directory(Path.of("nothing"), "var/lib/app")), basedir, FILES);

        assertThat(entries).extracting(PayloadEntry::path).containsExactly("var", "var/lib", "var/lib/app");
    }

    @Test
    void fileTargetEndingInSlashKeepsName() throws Exception {
        List<PayloadEntry> entries = Payload.resolve(
                List.of(
                        Mapping.file(Path.of("README.md"), "doc/"),
                        Mapping.file(Path.of("README.md"), "/x/readme.txt")),
                basedir,
                FILES);

        assertThat(entries).extracting(PayloadEntry::path).containsExactly("doc", "doc/README.md", "x", "x/readme.txt");
    }

    @Test
    void linkMappingGivesSymlink() throws Exception {
        List<PayloadEntry> entries =
                Payload.resolve(List.of(Mapping.link("/usr/bin/app", "../lib/app/run.sh")), basedir, FILES);

        assertThat(entries.get(2).type()).isEqualTo(PayloadEntry.Type.SYMLINK);
        assertThat(entries.get(2).path()).isEqualTo("usr/bin/app");
        assertThat(entries.get(2).linkTarget()).isEqualTo("../lib/app/run.sh");
    }

    @Test
    void sortsByUtf8Bytes() throws Exception {
        write("s/a-b", "1");
        write("s/a/b", "2");
        write("s/B", "3");
        write("s/é", "4");
        write("s/z", "5");

        List<PayloadEntry> entries = Payload.resolve(List.of(Mapping.directory(Path.of("s"), "")), basedir, FILES);

        assertThat(entries).extracting(PayloadEntry::path).containsExactly("B", "a", "a-b", "a/b", "z", "é");
    }

    @Test
    void decomposedNamesBecomeNfc() throws Exception {
        String decomposed = Normalizer.normalize("über.txt", Normalizer.Form.NFD);
        write("nfd/" + decomposed, "u");

        List<PayloadEntry> entries =
                Payload.resolve(List.of(Mapping.directory(Path.of("nfd"), "données")), basedir, FILES);

        assertThat(entries).extracting(PayloadEntry::path).containsExactly("données", "données/über.txt");
    }

    @Test
    void missingSourceNamesElement() {
        List<Mapping> mappings =
                List.of(Mapping.file(Path.of("README.md"), "a/"), Mapping.file(Path.of("target/missing.jar"), "lib/"));

        assertThatThrownBy(() -> Payload.resolve(mappings, basedir, FILES))
                .isInstanceOf(InvalidConfigurationException.class)
                .hasMessageStartingWith("Invalid value 'target/missing.jar' for <archive><files><file>[2]<source>.")
                .hasMessageContaining("correct the path");
    }

    @Test
    void directoryAsFileIsRejected() {
        assertThatThrownBy(() -> Payload.resolve(List.of(Mapping.file(Path.of("dist"), "x")), basedir, FILES))
                .isInstanceOf(InvalidConfigurationException.class)
                .hasMessageContaining("<file>[1]<source>")
                .hasMessageContaining("use a <directory> element");
    }

    @Test
    void fileAsDirectoryIsRejected() {
        assertThatThrownBy(() -> Payload.resolve(List.of(Mapping.directory(Path.of("README.md"), "x")), basedir, FILES))
                .isInstanceOf(InvalidConfigurationException.class)
                .hasMessageContaining("<directory>[1]<source>")
                .hasMessageContaining("use a <file> element");
    }

    @Test
    void duplicateTargetIsRejected() {
        List<Mapping> mappings = List.of(
                Mapping.directory(Path.of("dist"), "app"), Mapping.file(Path.of("README.md"), "app/lib/app.jar"));

        assertThatThrownBy(() -> Payload.resolve(mappings, basedir, FILES))
                .isInstanceOf(InvalidConfigurationException.class)
                .hasMessageStartingWith("Invalid value '/app/lib/app.jar' for <archive><files><file>[1]<target>.")
                .hasMessageContaining("also created by <archive><files><directory>[1]");
    }

    @Test
    void differentDirectoryModesConflict() {
        List<Mapping> mappings = List.of(
                Mapping.directory(Path.of("nothing"), "data"),
                Mapping.directory(Path.of("nothing"), "data").withDirectoryMode(0700));

        assertThatThrownBy(() -> Payload.resolve(mappings, basedir, FILES))
                .isInstanceOf(InvalidConfigurationException.class)
                .hasMessageContaining("<directory>[2]<target>")
                .hasMessageContaining("make them agree");
    }

    @Test
    void equalDirectoriesMerge() throws Exception {
        List<Mapping> mappings =
                List.of(Mapping.directory(Path.of("dist/bin"), "bin"), Mapping.directory(Path.of("dist/conf"), "bin"));

        List<PayloadEntry> entries = Payload.resolve(mappings, basedir, FILES);

        assertThat(entries).extracting(PayloadEntry::path).containsExactly("bin", "bin/app.conf", "bin/run.sh");
    }

    @Test
    void fileAsParentIsRejected() {
        List<Mapping> mappings = List.of(Mapping.file(Path.of("README.md"), "bin"), Mapping.link("bin/run", "x"));

        assertThatThrownBy(() -> Payload.resolve(mappings, basedir, FILES))
                .isInstanceOf(InvalidConfigurationException.class)
                .hasMessageContaining("<link>[1]<target>")
                .hasMessageContaining("/bin is a file created by <archive><files><file>[1]");
    }

    @Test
    void dotDotTargetIsRejected() {
        assertThatThrownBy(() -> Payload.resolve(
                        List.of(Mapping.file(Path.of("README.md"), "doc/../../etc/passwd")), basedir, FILES))
                .isInstanceOf(InvalidConfigurationException.class)
                .hasMessageStartingWith("Invalid value 'doc/../../etc/passwd' for <archive><files><file>[1]<target>.")
                .hasMessageContaining("may not leave the package root");
    }

    @Test
    void backslashTargetIsRejected() {
        assertThatThrownBy(() -> Payload.resolve(List.of(Mapping.file(Path.of("README.md"), "doc\\x")), basedir, FILES))
                .isInstanceOf(InvalidConfigurationException.class)
                .hasMessageContaining("<file>[1]<target>");
    }

    @Test
    void linkWithoutLinkToIsRejected() {
        assertThatThrownBy(() -> Payload.resolve(List.of(Mapping.link("bin/x", " ")), basedir, FILES))
                .isInstanceOf(InvalidConfigurationException.class)
                .hasMessageContaining("<link>[1]<linkTo>");
    }

    @Test
    void linkWithoutTargetIsRejected() {
        assertThatThrownBy(() -> Payload.resolve(List.of(Mapping.link("/", "x")), basedir, FILES))
                .isInstanceOf(InvalidConfigurationException.class)
                .hasMessageContaining("<link>[1]<target>");
    }

    @Test
    void invalidOwnerIsRejected() {
        Mapping mapping = Mapping.file(Path.of("README.md"), "a/").withOwner("bad name", null);

        assertThatThrownBy(() -> Payload.resolve(List.of(mapping), basedir, FILES))
                .isInstanceOf(InvalidConfigurationException.class)
                .hasMessageContaining("<file>[1]<owner>");
    }

    @Test
    void missingSourceElementIsRejected() {
        Mapping mapping = Mapping.file(null, "a/");

        assertThatThrownBy(() -> Payload.resolve(List.of(mapping), basedir, FILES))
                .isInstanceOf(InvalidConfigurationException.class)
                .hasMessageStartingWith("Missing value for <archive><files><file>[1]<source>.");
    }

    @Test
    void parsesOctalMode() throws Exception {
        assertThat(Mapping.parseMode("0755", "<mode>")).isEqualTo(0755);
        assertThat(Mapping.parseMode("644", "<mode>")).isEqualTo(0644);
        assertThat(Mapping.parseMode(" ", "<mode>")).isNull();
    }

    @Test
    void rejectsNonOctalMode() {
        assertThatThrownBy(() -> Mapping.parseMode("0855", "<file>[1]<mode>"))
                .isInstanceOf(InvalidConfigurationException.class)
                .hasMessageContaining("<file>[1]<mode>");
        assertThatThrownBy(() -> Mapping.parseMode("17777", "<file>[1]<mode>"))
                .isInstanceOf(InvalidConfigurationException.class);
    }

    @Test
    void entryRejectsUnsafePaths() {
        for (String path : List.of("/etc", "a/../b", "a//b", "a/", "./a", "", "a\\b")) {
            assertThatThrownBy(() -> PayloadEntry.directory(path, 0755, "root", "root"))
                    .as(path)
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }

    private void write(String relative, String content) throws IOException {
        Path file = basedir.resolve(relative);
        Files.createDirectories(file.getParent());
        Files.writeString(file, content);
    }

    private static Map<String, PayloadEntry> byPath(List<PayloadEntry> entries) {
        return entries.stream().collect(Collectors.toMap(PayloadEntry::path, Function.identity()));
    }
}
