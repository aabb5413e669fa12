package dev.distribution.format.deb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.distribution.core.ConflictException;
import dev.distribution.core.Reporter;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AptRepositoryWriterTest {
    static final Instant DATE = Instant.parse("2026-12-02T08:09:10Z");

    @TempDir
    Path work;

    Path repository;

    @BeforeEach
    void setUp() {
        repository = work.resolve("repo");
    }

    /** Builds a small package; {@code content} changes the bytes without changing the version. */
    Path deb(String name, String version, String architecture, String content) throws Exception {
        Path file = Files.writeString(work.resolve(name + "-" + version + "-" + content + ".txt"), content);
        DebControl control = DebControl.builder()
                .packageName(name)
                .version(version)
                .architecture(architecture)
                .summary("Test package " + name)
                .description("Extended text.\n\nSecond paragraph.")
                .maintainer("Jane Doe <jane@example.com>")
                .relation(DebRelation.DEPENDS, List.of("libc6 (>= 2.36)"))
                .build();
        Path out = work.resolve("debs").resolve(name + version + architecture + content);
        return new DebPackager(Reporter.SILENT, key -> null)
                .build(
                        DebPackageSpec.of(
                                control, List.of(DebEntry.file(file, "/usr/share/" + name + "/data.txt")), DATE),
                        out)
                .file();
    }

    AptRepositoryWriter writer(ReleaseSigner signer) throws Exception {
        return new AptRepositoryWriter(repository, AptRepositoryLayout.defaults(), signer, Reporter.SILENT);
    }

    static Map<String, ControlStanza> packages(Path file) throws Exception {
        return ControlStanza.parseAll(new StringReader(Files.readString(file))).stream()
                .collect(Collectors.toMap(
                        stanza -> stanza.get("Package") + " " + stanza.get("Version"), stanza -> stanza));
    }

    Path index(String architecture) {
        return repository.resolve("dists/stable/main/binary-" + architecture + "/Packages");
    }

    @Test
    void layout() throws Exception {
        AptPublication publication = writer(null).publish(List.of(deb("hello", "1.0", "all", "a")), DATE);
        assertThat(repository.resolve("pool/main/h/hello/hello_1.0_all.deb")).isRegularFile();
        assertThat(index("amd64")).isRegularFile();
        assertThat(index("arm64")).isRegularFile();
        assertThat(repository.resolve("dists/stable/main/binary-amd64/Packages.gz"))
                .isRegularFile();
        assertThat(repository.resolve("dists/stable/main/binary-amd64/Packages.xz"))
                .isRegularFile();
        assertThat(publication.written()).contains("pool/main/h/hello/hello_1.0_all.deb", "dists/stable/Release");
    }

    @Test
    void libraryPoolPrefix() {
        assertThat(AptRepositoryWriter.poolPrefix("libfoo")).isEqualTo("libf");
    }

    @Test
    void writeOrder() throws Exception {
        List<String> written = writer(null)
                .publish(List.of(deb("hello", "1.0", "all", "a")), DATE)
                .written();
        int pool = written.indexOf("pool/main/h/hello/hello_1.0_all.deb");
        int packages = written.indexOf("dists/stable/main/binary-amd64/Packages");
        int byHash = written.stream()
                .filter(path -> path.contains("/binary-amd64/by-hash/"))
                .mapToInt(written::indexOf)
                .max()
                .orElseThrow();
        int release = written.indexOf("dists/stable/Release");
        assertThat(pool).isLessThan(byHash);
        assertThat(byHash).isLessThan(packages);
        assertThat(packages).isLessThan(release);
        assertThat(release).isEqualTo(written.size() - 1);
    }

    @Test
    void signedReleaseLast() throws Exception {
        GpgSigner signer = GpgSigner.create(work.resolve("gnupg"), "Repo <repo@example.invalid>");
        List<String> written = new AptRepositoryWriter(
                        repository, AptRepositoryLayout.defaults(), signer, Reporter.SILENT)
                .publish(List.of(deb("hello", "1.0", "all", "a")), DATE)
                .written();
        assertThat(written.subList(written.size() - 3, written.size()))
                .containsExactly("dists/stable/Release", "dists/stable/Release.gpg", "dists/stable/InRelease");
    }

    @Test
    void packagesMatchAptFtparchive() throws Exception {
        writer(null)
                .publish(List.of(deb("hello", "1:1.0-1", "all", "a"), deb("libtool-x", "2.0~rc1", "amd64", "b")), DATE);
        String reference =
                Tools.run(repository, "apt-ftparchive", "packages", "pool").output();
        Map<String, ControlStanza> expected = ControlStanza.parseAll(new StringReader(reference)).stream()
                .collect(Collectors.toMap(stanza -> stanza.get("Package"), stanza -> stanza));
        Map<String, ControlStanza> actual = new HashMap<>();
        packages(index("amd64")).values().forEach(stanza -> actual.put(stanza.get("Package"), stanza));
        assertThat(actual.keySet()).isEqualTo(expected.keySet());
        for (String name : expected.keySet()) {
            Map<String, String> expectedFields = lowerCaseKeys(expected.get(name));
            Map<String, String> actualFields = lowerCaseKeys(actual.get(name));
            for (Map.Entry<String, String> field : expectedFields.entrySet()) {
                assertThat(actualFields.get(field.getKey()))
                        .as(name + " " + field.getKey())
                        .isEqualTo(field.getValue());
            }
            assertThat(actualFields.keySet()).as(name).isEqualTo(expectedFields.keySet());
        }
    }

    static Map<String, String> lowerCaseKeys(ControlStanza stanza) {
        Map<String, String> fields = new HashMap<>();
        stanza.fields().forEach((field, value) -> fields.put(field.toLowerCase(Locale.ROOT), value));
        return fields;
    }

    @Test
    void releaseMatchesAptFtparchive() throws Exception {
        writer(null).publish(List.of(deb("hello", "1.0", "all", "a"), deb("tool", "2.0", "arm64", "b")), DATE);
        Path dist = repository.resolve("dists/stable");
        String reference = Tools.run(dist, "apt-ftparchive", "release", ".").output();
        ControlStanza expected = ControlStanza.parse(reference);
        ControlStanza actual = ControlStanza.parse(Files.readString(dist.resolve("Release")));
        for (String field : List.of("MD5Sum", "SHA1", "SHA256", "SHA512")) {
            Map<String, String> expectedLines = hashLines(expected.get(field), true);
            Map<String, String> actualLines = hashLines(actual.get(field), false);
            assertThat(actualLines).as(field).isEqualTo(expectedLines);
        }
    }

    /** Maps path to "hash size" for the index files, the ones both tools list. */
    static Map<String, String> hashLines(String value, boolean onlyIndexes) {
        Map<String, String> lines = new HashMap<>();
        for (String line : value.strip().split("\n")) {
            String[] parts = line.trim().split("\\s+");
            boolean index = parts[2].matches("main/binary-[a-z0-9]+/Packages(\\.gz|\\.xz)?");
            if (index || !onlyIndexes) {
                lines.put(parts[2], parts[0] + " " + parts[1]);
            }
        }
        return lines;
    }

    @Test
    void releaseFields() throws Exception {
        Locale previous = Locale.getDefault();
        Locale.setDefault(Locale.GERMANY);
        try {
            writer(null).publish(List.of(deb("hello", "1.0", "amd64", "a")), DATE);
        } finally {
            Locale.setDefault(previous);
        }
        ControlStanza release = ControlStanza.parse(Files.readString(repository.resolve("dists/stable/Release")));
        assertThat(release.get("Date")).isEqualTo("Wed, 02 Dec 2026 08:09:10 +0000");
        assertThat(release.get("Suite")).isEqualTo("stable");
        assertThat(release.get("Components")).isEqualTo("main");
        assertThat(release.get("Architectures")).isEqualTo("amd64 arm64");
        assertThat(release.get("Acquire-By-Hash")).isEqualTo("yes");
    }

    @Test
    void byHashCopiesMatchRelease() throws Exception {
        writer(null).publish(List.of(deb("hello", "1.0", "all", "a")), DATE);
        ControlStanza release = ControlStanza.parse(Files.readString(repository.resolve("dists/stable/Release")));
        Map<String, String> sha256 = hashLines(release.get("SHA256"), false);
        String packagesXz = sha256.get("main/binary-amd64/Packages.xz").split(" ")[0];
        Path copy = repository.resolve("dists/stable/main/binary-amd64/by-hash/SHA256/" + packagesXz);
        assertThat(Files.readAllBytes(copy))
                .isEqualTo(Files.readAllBytes(repository.resolve("dists/stable/main/binary-amd64/Packages.xz")));
    }

    @Test
    void architecturesSeparated() throws Exception {
        writer(null).publish(List.of(deb("hello", "1.0", "all", "a"), deb("tool", "1.0", "amd64", "b")), DATE);
        assertThat(packages(index("amd64"))).containsKeys("hello 1.0", "tool 1.0");
        assertThat(packages(index("arm64"))).containsOnlyKeys("hello 1.0");
    }

    @Test
    void mergesWithExistingIndex() throws Exception {
        writer(null).publish(List.of(deb("hello", "1.0", "all", "a")), DATE);
        writer(null).publish(List.of(deb("other", "3.0", "all", "c")), DATE);
        writer(null).publish(List.of(deb("hello", "1.1", "all", "b")), DATE.plusSeconds(5));
        assertThat(packages(index("amd64"))).containsOnlyKeys("hello 1.0", "hello 1.1", "other 3.0");
    }

    @Test
    void newArchitectureGetsAllPackages() throws Exception {
        writer(null).publish(List.of(deb("hello", "1.0", "all", "a")), DATE);
        writer(null).publish(List.of(deb("tool", "1.0", "riscv64", "b")), DATE);
        assertThat(packages(index("riscv64"))).containsOnlyKeys("hello 1.0", "tool 1.0");
    }

    @Test
    void samePackageAgainIsSkipped() throws Exception {
        Path deb = deb("hello", "1.0", "all", "a");
        writer(null).publish(List.of(deb), DATE);
        AptPublication again = writer(null).publish(List.of(deb), DATE);
        assertThat(again.written()).isEmpty();
        assertThat(again.alreadyPublished()).containsExactly("pool/main/h/hello/hello_1.0_all.deb");
    }

    @Test
    void otherContentConflicts() throws Exception {
        writer(null).publish(List.of(deb("hello", "1.0", "all", "a")), DATE);
        byte[] release = Files.readAllBytes(repository.resolve("dists/stable/Release"));
        byte[] packages = Files.readAllBytes(index("amd64"));
        Path different = deb("hello", "1.0", "all", "changed");
        assertThatThrownBy(() ->
                        writer(null).publish(List.of(deb("new", "1.0", "all", "n"), different), DATE.plusSeconds(1)))
                .isInstanceOf(ConflictException.class)
                .hasMessageContaining("pool/main/h/hello/hello_1.0_all.deb");
        assertThat(Files.readAllBytes(repository.resolve("dists/stable/Release")))
                .isEqualTo(release);
        assertThat(Files.readAllBytes(index("amd64"))).isEqualTo(packages);
        assertThat(repository.resolve("pool/main/n/new")).doesNotExist();
    }

    @Test
    void dateNeverGoesBack() throws Exception {
        writer(null).publish(List.of(deb("hello", "1.0", "all", "a")), DATE);
        writer(null).publish(List.of(deb("hello", "1.1", "all", "b")), DATE.minusSeconds(3600));
        ControlStanza release = ControlStanza.parse(Files.readString(repository.resolve("dists/stable/Release")));
        assertThat(release.get("Date")).isEqualTo("Wed, 02 Dec 2026 08:09:10 +0000");
    }

    @Test
    void versionsSortedByDpkgOrder() throws Exception {
        writer(null)
                .publish(
                        List.of(
                                deb("hello", "1.0", "all", "c"),
                                deb("hello", "1.0~~SNAPSHOT", "all", "a"),
                                deb("hello", "1.0~rc1", "all", "b")),
                        DATE);
        List<String> versions = new ArrayList<>();
        ControlStanza.parseAll(new StringReader(Files.readString(index("amd64"))))
                .forEach(stanza -> versions.add(stanza.get("Version")));
        assertThat(versions).containsExactly("1.0~~SNAPSHOT", "1.0~rc1", "1.0");
    }

    @Test
    void signaturesVerifyWithGpgv() throws Exception {
        GpgSigner signer = GpgSigner.create(work.resolve("gnupg"), "Repo <repo@example.invalid>");
        new AptRepositoryWriter(repository, AptRepositoryLayout.defaults(), signer, Reporter.SILENT)
                .publish(List.of(deb("hello", "1.0", "all", "a")), DATE);
        String keyring = repository.resolve(AptRepositoryWriter.KEY_BINARY).toString();
        Path dist = repository.resolve("dists/stable");
        assertThat(Tools.run(
                                null,
                                "gpgv",
                                "--keyring",
                                keyring,
                                dist.resolve("InRelease").toString())
                        .exitCode())
                .isZero();
        assertThat(Tools.run(
                                null,
                                "gpgv",
                                "--keyring",
                                keyring,
                                dist.resolve("Release.gpg").toString(),
                                dist.resolve("Release").toString())
                        .exitCode())
                .isZero();
        assertThat(Files.readString(repository.resolve(AptRepositoryWriter.KEY_ARMORED), StandardCharsets.US_ASCII))
                .startsWith("-----BEGIN PGP PUBLIC KEY BLOCK-----");
    }

    @Test
    void unsignedRemovesStaleSignatures() throws Exception {
        GpgSigner signer = GpgSigner.create(work.resolve("gnupg"), "Repo <repo@example.invalid>");
        new AptRepositoryWriter(repository, AptRepositoryLayout.defaults(), signer, Reporter.SILENT)
                .publish(List.of(deb("hello", "1.0", "all", "a")), DATE);
        writer(null).publish(List.of(deb("hello", "1.1", "all", "b")), DATE);
        assertThat(repository.resolve("dists/stable/InRelease")).doesNotExist();
    }
}
