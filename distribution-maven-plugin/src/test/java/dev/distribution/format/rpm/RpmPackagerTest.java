package dev.distribution.format.rpm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.distribution.core.InvalidConfigurationException;
import dev.distribution.core.payload.Mapping;
import dev.distribution.core.payload.Payload;
import dev.distribution.core.payload.PayloadEntry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.eclipse.packager.rpm.RpmSignatureTag;
import org.eclipse.packager.rpm.RpmTag;
import org.eclipse.packager.rpm.parse.RpmInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RpmPackagerTest {
    private static final Instant TIME = Instant.parse("2026-12-04T10:00:00Z");

    @TempDir
    Path temp;

    /** Builds a tree with an executable, a config file, docs, a non-ASCII name, a link and an empty directory. */
    private RpmRequest sampleRequest() throws Exception {
        Path src = Files.createDirectories(temp.resolve("src"));
        Path bin = Files.writeString(src.resolve("hello"), "#!/bin/sh\necho hello from rpm\n");
        Files.setPosixFilePermissions(bin, java.nio.file.attribute.PosixFilePermissions.fromString("rwxr-xr-x"));
        Path conf = Files.writeString(src.resolve("hello.conf"), "greeting=hello\n");
        Path docs = Files.createDirectories(src.resolve("doc"));
        Files.writeString(docs.resolve("README.md"), "Read me\n");
        Files.writeString(docs.resolve("Grüße.txt"), "Umlauts\n");
        Files.createDirectories(src.resolve("empty"));
        List<PayloadEntry> entries = Payload.resolve(
                List.of(
                        Mapping.file(bin, "/usr/share/hello/bin/hello"),
                        Mapping.file(conf, "/etc/hello/hello.conf").withConfig(true),
                        Mapping.directory(docs, "/usr/share/doc/hello"),
                        Mapping.directory(src.resolve("empty"), "/var/lib/hello")
                                .withOwner("daemon", "daemon"),
                        Mapping.link("/usr/bin/hello", "../share/hello/bin/hello")),
                temp,
                "<rpm><files>");
        return new RpmRequest()
                .name("hello-cli")
                .version("1.2.0")
                .release("1")
                .summary("Says hello")
                .description("A small command that says hello.")
                .license("MIT")
                .url("https://example.invalid/hello")
                .vendor("Example")
                .arch("noarch")
                .relation("requires", RpmRelation.parse("bash >= 4.0", "<rpm><requires>"))
                .relation("recommends", RpmRelation.parse("less", "<rpm><recommends>"))
                .entries(entries)
                .docPaths(List.of("/usr/share/doc/hello"))
                .ghosts(List.of(new RpmRequest.Ghost("/var/log/hello.log", 0640, "root", "root")))
                .scriptlet(RpmRequest.Scriptlet.POST, "echo installed > /dev/null")
                .scriptlet(RpmRequest.Scriptlet.PREUN, "true")
                .timestamp(TIME)
                .outputDirectory(temp.resolve("out"));
    }

    @Test
    void fileNameFollowsNvra() throws Exception {
        Path rpm = RpmPackager.build(sampleRequest(), null);

        assertThat(rpm.getFileName().toString()).isEqualTo("hello-cli-1.2.0-1.noarch.rpm");
    }

    @Test
    void headerFieldsReadBack() throws Exception {
        Path rpm = RpmPackager.build(sampleRequest(), null);

        String fields =
                RpmTools.query(rpm, "%{NAME}|%{VERSION}|%{RELEASE}|%{ARCH}|%{SUMMARY}|%{LICENSE}|%{URL}|%{VENDOR}");

        assertThat(fields).isEqualTo("hello-cli|1.2.0|1|noarch|Says hello|MIT|https://example.invalid/hello|Example");
    }

    @Test
    void buildTimeIsOutputTimestamp() throws Exception {
        Path rpm = RpmPackager.build(sampleRequest(), null);

        assertThat(RpmTools.query(rpm, "%{BUILDTIME}")).isEqualTo(Long.toString(TIME.getEpochSecond()));
    }

    @Test
    void fileDigestsAreSha256() throws Exception {
        Path rpm = RpmPackager.build(sampleRequest(), null);

        assertThat(RpmTools.query(rpm, "%{FILEDIGESTALGO}")).isEqualTo("8");
    }

    @Test
    void fileDigestMatchesContent() throws Exception {
        RpmRequest request = sampleRequest();
        Path rpm = RpmPackager.build(request, null);
        String expected = dev.distribution.core.Checksums.sha256(temp.resolve("src/hello"));

        String digests = RpmTools.query(rpm, "[%{FILENAMES} %{FILEDIGESTS}\n]");

        assertThat(digests).contains("/usr/share/hello/bin/hello " + expected);
    }

    @Test
    void filesListedWithModesAndOwners() throws Exception {
        Path rpm = RpmPackager.build(sampleRequest(), null);

        String files = RpmTools.query(rpm, "[%{FILEMODES:perms} %{FILEUSERNAME} %{FILENAMES}\n]");

        assertThat(RpmTools.lines(files))
                .containsExactly(
                        "drwxr-xr-x root /etc/hello",
                        "-rw-r--r-- root /etc/hello/hello.conf",
                        "lrwxrwxrwx root /usr/bin/hello",
                        "drwxr-xr-x root /usr/share/doc/hello",
                        "-rw-r--r-- root /usr/share/doc/hello/Grüße.txt",
                        "-rw-r--r-- root /usr/share/doc/hello/README.md",
                        "drwxr-xr-x root /usr/share/hello",
                        "drwxr-xr-x root /usr/share/hello/bin",
                        "-rwxr-xr-x root /usr/share/hello/bin/hello",
                        "drwxr-xr-x daemon /var/lib/hello",
                        "-rw-r----- root /var/log/hello.log");
    }

    @Test
    void fileFlagsMarkConfigDocGhost() throws Exception {
        Path rpm = RpmPackager.build(sampleRequest(), null);

        String flags = RpmTools.query(rpm, "[%{FILEFLAGS:fflags} %{FILENAMES}\n]");

        assertThat(RpmTools.lines(flags))
                .contains("cn /etc/hello/hello.conf", "d /usr/share/doc/hello/README.md", "g /var/log/hello.log");
    }

    @Test
    void symlinkTargetKept() throws Exception {
        Path rpm = RpmPackager.build(sampleRequest(), null);

        String links = RpmTools.query(rpm, "[%{FILENAMES} -> %{FILELINKTOS}\n]");

        assertThat(links).contains("/usr/bin/hello -> ../share/hello/bin/hello");
    }

    @Test
    void scriptletsAndRelationsWritten() throws Exception {
        Path rpm = RpmPackager.build(sampleRequest(), null);

        String scripts = RpmTools.ok(temp, "rpm", "-qp", "--nosignature", "--scripts", rpm.toString());
        String requires = RpmTools.ok(temp, "rpm", "-qp", "--nosignature", "--requires", rpm.toString());
        String recommends = RpmTools.ok(temp, "rpm", "-qp", "--nosignature", "--recommends", rpm.toString());

        assertThat(scripts).contains("postinstall scriptlet (using /bin/sh):\necho installed > /dev/null");
        assertThat(scripts).contains("preuninstall scriptlet (using /bin/sh):\ntrue");
        assertThat(requires).contains("bash >= 4.0");
        assertThat(recommends).contains("less");
    }

    @Test
    void twoBuildsAreIdentical() throws Exception {
        RpmRequest request = sampleRequest();
        byte[] first = Files.readAllBytes(RpmPackager.build(request, null));
        byte[] second = Files.readAllBytes(RpmPackager.build(request.outputDirectory(temp.resolve("again")), null));

        assertThat(second).isEqualTo(first);
    }

    @Test
    void headerDigestIsSha256Only() throws Exception {
        Path rpm = RpmPackager.build(sampleRequest(), null);

        try (RpmInputStream rpmIn = new RpmInputStream(Files.newInputStream(rpm))) {
            assertThat(rpmIn.getSignatureHeader().getEntry(RpmSignatureTag.SHA256HEADER))
                    .isPresent();
            assertThat(rpmIn.getSignatureHeader().getEntry(RpmSignatureTag.SHA1HEADER))
                    .isEmpty();
            assertThat(rpmIn.getSignatureHeader().getEntry(RpmSignatureTag.MD5)).isEmpty();
            assertThat(rpmIn.getPayloadHeader().getEntry(RpmTag.PAYLOAD_DIGEST)).isPresent();
        }
    }

    @Test
    void unsignedChecksDigestsOnly() throws Exception {
        Path rpm = RpmPackager.build(sampleRequest(), null);

        RpmTools.Result result = RpmTools.run(temp, "rpm", "-K", rpm.toString());

        assertThat(result.exitCode()).isZero();
        assertThat(result.output()).contains("digests OK");
        assertThat(result.output()).doesNotContain("signatures");
    }

    @Test
    void signedVerifiesWithImportedKey() throws Exception {
        RpmTools.Key key = RpmTools.generateKey(temp);
        Path rpm = RpmPackager.build(sampleRequest(), key.signer());
        String db = temp.resolve("rpmdb").toString();
        RpmTools.ok(temp, "rpm", "--dbpath", db, "--initdb");
        RpmTools.ok(temp, "rpm", "--dbpath", db, "--import", key.publicKey().toString());

        RpmTools.Result result = RpmTools.run(temp, "rpm", "--dbpath", db, "-Kv", rpm.toString());

        assertThat(result.exitCode()).isZero();
        assertThat(result.output()).contains("Header V4 RSA/SHA256 Signature, key ID");
        assertThat(result.output()).doesNotContain("NOT OK");
        assertThat(RpmTools.run(temp, "rpm", "--dbpath", db, "-K", rpm.toString())
                        .output())
                .contains("digests signatures OK");
    }

    @Test
    void signedFailsWithoutKey() throws Exception {
        RpmTools.Key key = RpmTools.generateKey(temp);
        Path rpm = RpmPackager.build(sampleRequest(), key.signer());
        String db = temp.resolve("emptydb").toString();
        RpmTools.ok(temp, "rpm", "--dbpath", db, "--initdb");

        RpmTools.Result result = RpmTools.run(temp, "rpm", "--dbpath", db, "-K", rpm.toString());

        assertThat(result.output()).contains("SIGNATURES NOT OK");
    }

    @Test
    void installsIntoRoot() throws Exception {
        Path rpm = RpmPackager.build(sampleRequest(), null);
        Path root = temp.resolve("root");
        RpmTools.ok(temp, "rpm", "--root", root.toString(), "--initdb");

        RpmTools.ok(temp, "rpm", "--root", root.toString(), "-i", "--nodeps", "--noscripts", rpm.toString());

        assertThat(root.resolve("usr/share/hello/bin/hello")).hasContent("#!/bin/sh\necho hello from rpm");
        assertThat(Files.readSymbolicLink(root.resolve("usr/bin/hello")))
                .isEqualTo(Path.of("../share/hello/bin/hello"));
        assertThat(root.resolve("usr/share/doc/hello/Grüße.txt")).exists();
        assertThat(root.resolve("var/lib/hello")).isEmptyDirectory();
        assertThat(root.resolve("var/log/hello.log")).doesNotExist();
    }

    @Test
    void packageWithoutFiles() throws Exception {
        RpmRequest request = new RpmRequest()
                .name("meta")
                .version("1.0")
                .summary("Pulls in dependencies")
                .license("MIT")
                .relation("requires", RpmRelation.parse("bash", "<rpm><requires>"))
                .timestamp(TIME)
                .outputDirectory(temp);
        RpmPackager.validate(request, "<rpm>");
        Path rpm = RpmPackager.build(request, null);

        assertThat(RpmTools.query(rpm, "[%{FILENAMES}\n]")).isEmpty();
        assertThat(RpmTools.run(temp, "rpm", "-K", rpm.toString()).exitCode()).isZero();
    }

    @Test
    void xzPayloadReadable() throws Exception {
        Path rpm = RpmPackager.build(
                sampleRequest().compression(RpmRequest.Compression.XZ).compressionLevel(6), null);

        assertThat(RpmTools.query(rpm, "%{PAYLOADCOMPRESSOR}")).isEqualTo("xz");
        assertThat(RpmTools.run(temp, "rpm", "-K", rpm.toString()).exitCode()).isZero();
    }

    @Test
    void invalidNameRejected() throws Exception {
        RpmRequest request = sampleRequest().name("hello world");

        assertThatThrownBy(() -> RpmPackager.validate(request, "<rpm>"))
                .isInstanceOf(InvalidConfigurationException.class)
                .hasMessageContaining("<rpm><name>")
                .hasMessageContaining("hello world");
    }

    @Test
    void dashInVersionRejected() throws Exception {
        RpmRequest request = sampleRequest().version("1.0-rc1");

        assertThatThrownBy(() -> RpmPackager.validate(request, "<rpm>"))
                .isInstanceOf(InvalidConfigurationException.class)
                .hasMessageContaining("<rpm><version>")
                .hasMessageContaining("1.0-rc1");
    }

    @Test
    void unknownArchRejected() throws Exception {
        RpmRequest request = sampleRequest().arch("amd64");

        assertThatThrownBy(() -> RpmPackager.validate(request, "<rpm>"))
                .isInstanceOf(InvalidConfigurationException.class)
                .hasMessageContaining("<rpm><arch>");
    }

    @Test
    void ghostClashingWithFileRejected() throws Exception {
        RpmRequest request =
                sampleRequest().ghosts(List.of(new RpmRequest.Ghost("/etc/hello/hello.conf", 0644, "root", "root")));

        assertThatThrownBy(() -> RpmPackager.validate(request, "<rpm>"))
                .isInstanceOf(InvalidConfigurationException.class)
                .hasMessageContaining("<rpm><ghosts>");
    }

    @Test
    void badRelationRejected() {
        assertThatThrownBy(() -> RpmRelation.parse("bash >= ", "<rpm><requires>"))
                .isInstanceOf(InvalidConfigurationException.class)
                .hasMessageContaining("<rpm><requires>");
    }

    @Test
    void missingMappedFileRejected() {
        List<Mapping> mappings = List.of(Mapping.file(temp.resolve("absent.jar"), "/usr/share/hello/"));

        assertThatThrownBy(() -> Payload.resolve(mappings, temp, "<rpm><files>"))
                .isInstanceOf(InvalidConfigurationException.class)
                .hasMessageContaining("<rpm><files><file>[1]<source>")
                .hasMessageContaining("absent.jar");
    }

    @Test
    void wrongPassphraseRejected() throws Exception {
        Path home = Files.createDirectories(temp.resolve("gnupg"));
        Files.setPosixFilePermissions(home, java.nio.file.attribute.PosixFilePermissions.fromString("rwx------"));
        String gpg = "--homedir=" + home;
        RpmTools.ok(
                temp,
                "gpg",
                gpg,
                "--batch",
                "--pinentry-mode",
                "loopback",
                "--passphrase",
                "right one",
                "--quick-gen-key",
                "Protected <p@example.invalid>",
                "rsa3072",
                "sign",
                "never");
        Path key = temp.resolve("protected.asc");
        RpmTools.ok(
                temp,
                "gpg",
                gpg,
                "--batch",
                "--pinentry-mode",
                "loopback",
                "--passphrase",
                "right one",
                "--armor",
                "--output",
                key.toString(),
                "--export-secret-keys");

        assertThatThrownBy(() -> dev.distribution.signing.SigningKeys.resolve(
                        key,
                        null,
                        null,
                        "wrong one".toCharArray(),
                        java.util.Map.of(),
                        new dev.distribution.core.Redactor()))
                .isInstanceOf(InvalidConfigurationException.class)
                .hasMessageContaining("passphrase")
                .hasMessageNotContaining("wrong one");
    }

    @Test
    void unreadableKeyRejected() {
        Path key = temp.resolve("missing-key.asc");

        assertThatThrownBy(() -> dev.distribution.signing.SigningKeys.resolve(
                        key, null, null, null, java.util.Map.of(), new dev.distribution.core.Redactor()))
                .isInstanceOf(InvalidConfigurationException.class)
                .hasMessageContaining("<signing><keyFile>")
                .hasMessageContaining("missing-key.asc");
    }
}
