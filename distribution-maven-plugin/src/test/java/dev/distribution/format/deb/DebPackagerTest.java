package dev.distribution.format.deb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.distribution.core.InvalidConfigurationException;
import dev.distribution.core.PublishException;
import dev.distribution.core.Reporter;
import dev.distribution.core.payload.Mapping;
import dev.distribution.core.payload.Payload;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DebPackagerTest {
    static final Instant TIMESTAMP = Instant.parse("2026-12-01T10:15:30Z");

    @TempDir
    Path work;

    Path jar;
    Path script;
    Path config;

    @BeforeEach
    void files() throws Exception {
        jar = Files.write(work.resolve("hello.jar"), "not really a jar".getBytes(StandardCharsets.UTF_8));
        script = Files.writeString(work.resolve("hello"), "#!/bin/sh\necho hello\n");
        config = Files.writeString(work.resolve("hello.conf"), "greeting=hello\n");
    }

    DebControl control() throws Exception {
        return DebControlTest.hello()
                .mavenVersion("1.0-rc1")
                .description("A longer text.\n\nSecond paragraph.")
                .homepage("https://example.com/hello")
                .relation(DebRelation.DEPENDS, List.of("default-jre-headless | java17-runtime-headless"))
                .build();
    }

    List<DebEntry> entries() {
        return List.of(
                DebEntry.file(jar, "/usr/share/hello/hello.jar"),
                DebEntry.file(script, "/usr/share/hello/bin/hello").withMode(0755),
                DebEntry.symlink("/usr/bin/hello", "/usr/share/hello/bin/hello"),
                DebEntry.file(config, "/etc/hello/hello.conf").asConfig(),
                DebEntry.directory("/var/lib/hello").withMode(0750).withOwner("daemon", 1, "adm", 4));
    }

    DebPackage build(DebPackageSpec spec, Path out) throws Exception {
        return new DebPackager(Reporter.SILENT, name -> null).build(spec, out);
    }

    DebPackage buildHello() throws Exception {
        return build(DebPackageSpec.of(control(), entries(), TIMESTAMP), work.resolve("out"));
    }

    @Test
    void fileNameUsesMappedVersion() throws Exception {
        assertThat(buildHello().file().getFileName().toString()).isEqualTo("hello_1.0~rc1_all.deb");
    }

    @Test
    void controlReadBack() throws Exception {
        ControlStanza control = DebFile.control(buildHello().file());
        assertThat(control.get("Package")).isEqualTo("hello");
        assertThat(control.get("Version")).isEqualTo("1.0~rc1");
        assertThat(control.get("Architecture")).isEqualTo("all");
        assertThat(control.get("Maintainer")).isEqualTo("Jane Doe <jane@example.com>");
        assertThat(control.get("Depends")).isEqualTo("default-jre-headless | java17-runtime-headless");
        assertThat(control.get("Homepage")).isEqualTo("https://example.com/hello");
        assertThat(control.get("Description")).isEqualTo("Says hello\n A longer text.\n .\n Second paragraph.");
        assertThat(control.get("Installed-Size")).isNotNull();
    }

    @Test
    void dpkgDebReadsFields() throws Exception {
        Path deb = buildHello().file();
        assertThat(Tools.output("dpkg-deb", "-f", deb.toString(), "Package")).isEqualTo("hello\n");
        assertThat(Tools.output("dpkg-deb", "-f", deb.toString(), "Version")).isEqualTo("1.0~rc1\n");
        assertThat(Tools.output("dpkg-deb", "-f", deb.toString(), "Description"))
                .isEqualTo("Says hello\n A longer text.\n .\n Second paragraph.\n");
    }

    @Test
    void dpkgDebInfoListsControlMembers() throws Exception {
        String info = Tools.output("dpkg-deb", "-I", buildHello().file().toString());
        assertThat(info).contains(" conffiles");
        assertThat(info).contains(" md5sums");
        assertThat(info).contains(" Package: hello");
    }

    @Test
    void dpkgDebContentsShowModesAndOwners() throws Exception {
        String contents = Tools.output("dpkg-deb", "-c", buildHello().file().toString());
        assertThat(contents)
                .containsPattern("-rwxr-xr-x root/root +\\d+ 2026-12-01 10:15 \\./usr/share/hello/bin/hello\\n");
        assertThat(contents)
                .containsPattern(
                        "lrwxrwxrwx root/root +0 2026-12-01 10:15 \\./usr/bin/hello -> /usr/share/hello/bin/hello\\n");
        assertThat(contents).containsPattern("drwxr-x--- daemon/adm +0 2026-12-01 10:15 \\./var/lib/hello/\\n");
        assertThat(contents).containsPattern("-rw-r--r-- root/root +\\d+ 2026-12-01 10:15 \\./etc/hello/hello.conf\\n");
    }

    @Test
    void entriesReadBack() throws Exception {
        DebArchiveReader deb = DebArchiveReader.read(buildHello().file());
        TarArchiveEntry script = deb.data.get("./usr/share/hello/bin/hello").entry();
        assertThat(script.getMode() & 07777).isEqualTo(0755);
        assertThat(script.getUserName()).isEqualTo("root");
        assertThat(script.getLongUserId()).isZero();
        assertThat(script.getModTime().toInstant()).isEqualTo(TIMESTAMP);
        assertThat(deb.data.get("./usr/share/hello/hello.jar").text()).isEqualTo("not really a jar");
        TarArchiveEntry state = deb.data.get("./var/lib/hello/").entry();
        assertThat(state.getLongGroupId()).isEqualTo(4);
        assertThat(deb.data.get("./usr/bin/hello").entry().getLinkName()).isEqualTo("/usr/share/hello/bin/hello");
    }

    @Test
    void parentsComeFirstAndAreOwnedByRoot() throws Exception {
        DebArchiveReader deb = DebArchiveReader.read(buildHello().file());
        List<String> names = new ArrayList<>(deb.data.keySet());
        assertThat(names.get(0)).isEqualTo("./");
        assertThat(names.indexOf("./var/lib/")).isLessThan(names.indexOf("./var/lib/hello/"));
        assertThat(deb.data.get("./var/lib/").entry().getUserName()).isEqualTo("root");
        assertThat(deb.data.get("./var/lib/").entry().getMode() & 07777).isEqualTo(0755);
    }

    @Test
    void conffilesAndMd5sums() throws Exception {
        DebArchiveReader deb = DebArchiveReader.read(buildHello().file());
        assertThat(deb.control.get("./conffiles").text()).isEqualTo("/etc/hello/hello.conf\n");
        assertThat(deb.control.get("./md5sums").text())
                .contains(dev.distribution.core.Checksums.digests(jar, List.of("MD5"))
                                .get("MD5") + "  usr/share/hello/hello.jar\n");
    }

    @Test
    void arMembersInDpkgOrder() throws Exception {
        DebArchiveReader deb = DebArchiveReader.read(buildHello().file());
        assertThat(deb.members.keySet()).containsExactly("debian-binary", "control.tar.gz", "data.tar.gz");
        assertThat(deb.debianBinary).isEqualTo("2.0\n");
    }

    @Test
    void reproducible() throws Exception {
        DebPackageSpec spec = DebPackageSpec.of(control(), entries(), TIMESTAMP);
        DebPackage first = build(spec, work.resolve("one"));
        List<DebEntry> reversed = new ArrayList<>(entries());
        java.util.Collections.reverse(reversed);
        DebPackage second = build(DebPackageSpec.of(control(), reversed, TIMESTAMP), work.resolve("two"));
        assertThat(Files.readAllBytes(second.file())).isEqualTo(Files.readAllBytes(first.file()));
    }

    @Test
    void reproducibleWithXz() throws Exception {
        DebPackageSpec spec = new DebPackageSpec(control(), entries(), List.of(), Map.of(), null, TIMESTAMP, "xz");
        DebPackage first = build(spec, work.resolve("one"));
        DebPackage second = build(spec, work.resolve("two"));
        assertThat(second.sha256()).isEqualTo(first.sha256());
    }

    @Test
    void timestampChangesBytes() throws Exception {
        DebPackage first = build(DebPackageSpec.of(control(), entries(), TIMESTAMP), work.resolve("one"));
        DebPackage second =
                build(DebPackageSpec.of(control(), entries(), TIMESTAMP.plusSeconds(60)), work.resolve("two"));
        assertThat(second.sha256()).isNotEqualTo(first.sha256());
    }

    @Test
    void longAndNonAsciiNames() throws Exception {
        String longDirectory = "/usr/share/hello/" + "d".repeat(60) + "/" + "e".repeat(60);
        String longFile = longDirectory + "/" + "f".repeat(40) + ".txt";
        String unicode = "/usr/share/hello/grüße-日本.txt";
        String longTarget = "../" + "x".repeat(120);
        List<DebEntry> entries = List.of(
                DebEntry.file(jar, longFile),
                DebEntry.file(jar, unicode),
                DebEntry.symlink("/usr/share/hello/long-link", longTarget));
        Path deb = build(DebPackageSpec.of(control(), entries, TIMESTAMP), work.resolve("out"))
                .file();
        String contents = Tools.output("dpkg-deb", "-c", deb.toString());
        assertThat(contents).contains("." + longFile + "\n");
        assertThat(contents).contains("." + unicode + "\n");
        assertThat(contents).contains("./usr/share/hello/long-link -> " + longTarget + "\n");
    }

    @Test
    void extractsWithDpkgDeb() throws Exception {
        Path deb = buildHello().file();
        Path root = work.resolve("root");
        Tools.output("dpkg-deb", "-x", deb.toString(), root.toString());
        assertThat(Files.readString(root.resolve("usr/share/hello/bin/hello"))).isEqualTo("#!/bin/sh\necho hello\n");
        assertThat(Files.readSymbolicLink(root.resolve("usr/bin/hello")).toString())
                .isEqualTo("/usr/share/hello/bin/hello");
    }

    @Test
    void scriptsInControlArchive() throws Exception {
        Path postinst = Files.writeString(work.resolve("postinst"), "#!/bin/sh\nset -e\necho installed\n");
        DebPackageSpec spec = new DebPackageSpec(
                control(), entries(), List.of(), Map.of(MaintainerScript.POSTINST, postinst), null, TIMESTAMP, "gzip");
        DebArchiveReader deb =
                DebArchiveReader.read(build(spec, work.resolve("out")).file());
        assertThat(deb.control.get("./postinst").text()).isEqualTo("#!/bin/sh\nset -e\necho installed\n");
        assertThat(deb.control.get("./postinst").entry().getMode() & 07777).isEqualTo(0755);
    }

    @Test
    void systemdUnitInstalledWithScripts() throws Exception {
        Path unit = Files.writeString(
                work.resolve("hello.service"),
                "[Unit]\nDescription=Hello\n\n[Service]\nExecStart=/usr/bin/hello\n\n[Install]\nWantedBy=multi-user.target\n");
        DebPackageSpec spec = new DebPackageSpec(control(), entries(), List.of(), Map.of(), unit, TIMESTAMP, "gzip");
        DebArchiveReader deb =
                DebArchiveReader.read(build(spec, work.resolve("out")).file());
        assertThat(deb.data).containsKey("./lib/systemd/system/hello.service");
        assertThat(deb.control.get("./postinst").text()).contains("enable 'hello.service'");
        assertThat(deb.control.get("./prerm").text()).contains("stop 'hello.service'");
    }

    @Test
    void systemdUnitNeedsPlaceholderInUserScript() throws Exception {
        Path unit = Files.writeString(work.resolve("hello.service"), "[Service]\nExecStart=/usr/bin/hello\n");
        Path postinst = Files.writeString(work.resolve("postinst"), "#!/bin/sh\necho installed\n");
        DebPackageSpec spec = new DebPackageSpec(
                control(), entries(), List.of(), Map.of(MaintainerScript.POSTINST, postinst), unit, TIMESTAMP, "gzip");
        assertThatThrownBy(() -> build(spec, work.resolve("out")))
                .isInstanceOf(InvalidConfigurationException.class)
                .hasMessageContaining("<deb><scripts><postinst>")
                .hasMessageContaining("#DEBHELPER#");
    }

    @Test
    void environmentOverrideRejected() throws Exception {
        DebPackageSpec spec = DebPackageSpec.of(control(), entries(), TIMESTAMP);
        DebPackager packager = new DebPackager(Reporter.SILENT, name -> name.equals("DEBVERSION") ? "9.9" : null);
        assertThatThrownBy(() -> packager.build(spec, work.resolve("out")))
                .isInstanceOf(PublishException.class)
                .hasMessageContaining("DEBVERSION");
    }

    /** One bad entry each; the error names the element and the value, and nothing is written. */
    @Test
    void badEntries() throws Exception {
        Map<String, List<DebEntry>> cases = Map.of(
                "missing.jar", List.of(DebEntry.file(work.resolve("missing.jar"), "/usr/share/hello/missing.jar")),
                "usr/bin/relative", List.of(DebEntry.file(jar, "usr/bin/relative")),
                "/usr/../etc/x", List.of(DebEntry.file(jar, "/usr/../etc/x")),
                "/usr/share/hello/hello.jar",
                        List.of(
                                DebEntry.file(jar, "/usr/share/hello/hello.jar"),
                                DebEntry.file(config, "/usr/share/hello/hello.jar")),
                "/usr/share/hello/hello.jar/x",
                        List.of(
                                DebEntry.file(jar, "/usr/share/hello/hello.jar"),
                                DebEntry.file(jar, "/usr/share/hello/hello.jar/x")),
                "bad user", List.of(DebEntry.file(jar, "/usr/x").withOwner("bad user", 0, "root", 0)),
                "10000", List.of(DebEntry.file(jar, "/usr/x").withMode(010000)));
        for (Map.Entry<String, List<DebEntry>> bad : cases.entrySet()) {
            Path out = work.resolve("bad");
            assertThatThrownBy(() -> build(DebPackageSpec.of(control(), bad.getValue(), TIMESTAMP), out))
                    .as(bad.getKey())
                    .isInstanceOf(InvalidConfigurationException.class)
                    .hasMessageContaining(bad.getKey())
                    .hasMessageContaining("<deb><files>");
            assertThat(out).as(bad.getKey()).doesNotExist();
        }
    }

    @Test
    void conffileOutsidePackage() throws Exception {
        DebPackageSpec spec =
                new DebPackageSpec(control(), entries(), List.of("/etc/other.conf"), Map.of(), null, TIMESTAMP, "gzip");
        assertThatThrownBy(() -> build(spec, work.resolve("out")))
                .isInstanceOf(InvalidConfigurationException.class)
                .hasMessageContaining("<deb><conffiles>")
                .hasMessageContaining("/etc/other.conf");
    }

    @Test
    void conffileOnDirectory() throws Exception {
        DebPackageSpec spec =
                new DebPackageSpec(control(), entries(), List.of("/var/lib/hello"), Map.of(), null, TIMESTAMP, "gzip");
        assertThatThrownBy(() -> build(spec, work.resolve("out"))).isInstanceOf(InvalidConfigurationException.class);
    }

    @Test
    void scriptWithoutInterpreter() throws Exception {
        Path prerm = Files.writeString(work.resolve("prerm"), "echo no shebang\n");
        DebPackageSpec spec = new DebPackageSpec(
                control(), entries(), List.of(), Map.of(MaintainerScript.PRERM, prerm), null, TIMESTAMP, "gzip");
        assertThatThrownBy(() -> build(spec, work.resolve("out")))
                .isInstanceOf(InvalidConfigurationException.class)
                .hasMessageContaining("<deb><scripts><prerm>");
    }

    @Test
    void unknownCompression() throws Exception {
        DebPackageSpec spec = new DebPackageSpec(control(), entries(), List.of(), Map.of(), null, TIMESTAMP, "zstd");
        assertThatThrownBy(() -> build(spec, work.resolve("out")))
                .isInstanceOf(InvalidConfigurationException.class)
                .hasMessageContaining("<deb><compression>");
    }

    @Test
    void payloadEntriesConverted() throws Exception {
        Files.createDirectories(work.resolve("dist/bin"));
        Files.writeString(work.resolve("dist/bin/run"), "#!/bin/sh\n");
        List<Mapping> mappings = List.of(new Mapping(
                Mapping.Kind.DIRECTORY,
                work.resolve("dist"),
                "/opt/hello",
                0755,
                null,
                null,
                null,
                List.of(),
                List.of(),
                null,
                false));
        List<DebEntry> entries = Payload.resolve(mappings, work, "<deb><files>").stream()
                .map(DebEntry::of)
                .toList();
        Path deb = build(DebPackageSpec.of(control(), entries, TIMESTAMP), work.resolve("out"))
                .file();
        assertThat(Tools.output("dpkg-deb", "-c", deb.toString()))
                .containsPattern("-rwxr-xr-x root/root .* \\./opt/hello/bin/run\\n");
    }
}
