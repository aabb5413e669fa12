package dev.distribution.format.deb;

import static org.assertj.core.api.Assertions.assertThat;

import dev.distribution.core.Reporter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Reads the written repository with the real apt-get through a {@code file:} URL. apt runs with its
 * own configuration, state and dpkg database under the test folder, so nothing of the machine's apt
 * state changes.
 */
class AptGetTest {
    static final Instant DATE = Instant.parse("2026-12-02T08:09:10Z");

    @TempDir
    Path work;

    Path repository;
    Path client;
    GpgSigner signer;

    @BeforeEach
    void setUp() throws Exception {
        repository = work.resolve("repo");
        client = work.resolve("client");
        signer = GpgSigner.create(work.resolve("gnupg"), "Repo <repo@example.invalid>");
        for (String folder : List.of(
                "etc/apt/sources.list.d",
                "etc/apt/preferences.d",
                "etc/apt/trusted.gpg.d",
                "var/lib/apt/lists/partial",
                "var/cache/apt/archives/partial",
                "var/lib/dpkg/info",
                "var/lib/dpkg/updates",
                "var/lib/dpkg/triggers",
                "root")) {
            Files.createDirectories(client.resolve(folder));
        }
        Files.createFile(client.resolve("var/lib/dpkg/status"));
    }

    Path deb(String version) throws Exception {
        Path script =
                Files.writeString(work.resolve("hello-" + version), "#!/bin/sh\necho \"hello " + version + "\"\n");
        DebControl control = DebControl.builder()
                .packageName("hello-apt")
                .mavenVersion(version)
                .summary("Greets")
                .maintainer("Jane Doe <jane@example.com>")
                .build();
        return new DebPackager(Reporter.SILENT, key -> null)
                .build(
                        DebPackageSpec.of(
                                control,
                                List.of(DebEntry.file(script, "/usr/bin/hello-apt")
                                        .withMode(0755)),
                                DATE),
                        work.resolve("debs-" + version))
                .file();
    }

    void publish(String... versions) throws Exception {
        List<Path> debs = new ArrayList<>();
        for (String version : versions) {
            debs.add(deb(version));
        }
        new AptRepositoryWriter(repository, AptRepositoryLayout.defaults(), signer, Reporter.SILENT)
                .publish(debs, DATE);
    }

    void sources(Path key) throws IOException {
        Files.writeString(
                client.resolve("etc/apt/sources.list"),
                "deb [signed-by=" + key + "] file:" + repository + " stable main\n");
    }

    Tools.Result apt(String tool, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(
                tool,
                "-o",
                "Dir::Etc::SourceList=" + client.resolve("etc/apt/sources.list"),
                "-o",
                "Dir::Etc::SourceParts=" + client.resolve("etc/apt/sources.list.d"),
                "-o",
                "Dir::Etc::Preferences=" + client.resolve("etc/apt/preferences"),
                "-o",
                "Dir::Etc::PreferencesParts=" + client.resolve("etc/apt/preferences.d"),
                "-o",
                "Dir::Etc::TrustedParts=" + client.resolve("etc/apt/trusted.gpg.d"),
                "-o",
                "Dir::Etc::Trusted=" + client.resolve("etc/apt/trusted.gpg"),
                "-o",
                "Dir::State=" + client.resolve("var/lib/apt"),
                "-o",
                "Dir::State::status=" + client.resolve("var/lib/dpkg/status"),
                "-o",
                "Dir::Cache=" + client.resolve("var/cache/apt"),
                "-o",
                "APT::Architecture=amd64",
                "-o",
                "Debug::NoLocking=1",
                "-o",
                "APT::Sandbox::User=root"));
        command.addAll(List.of(args));
        return Tools.run(null, command.toArray(String[]::new));
    }

    @Test
    void installsAndRuns() throws Exception {
        publish("1.0");
        sources(repository.resolve(AptRepositoryWriter.KEY_BINARY));
        Tools.Result update = apt("apt-get", "update");
        assertThat(update.exitCode()).as(update.output()).isZero();
        Tools.Result install = apt(
                "apt-get",
                "-o",
                "DPkg::Options::=--instdir=" + client.resolve("root"),
                "-o",
                "DPkg::Options::=--admindir=" + client.resolve("var/lib/dpkg"),
                "-o",
                "DPkg::Options::=--force-script-chrootless",
                "-o",
                "DPkg::Options::=--force-not-root",
                "install",
                "-y",
                "hello-apt");
        assertThat(install.exitCode()).as(install.output()).isZero();
        assertThat(Tools.output(client.resolve("root/usr/bin/hello-apt").toString()))
                .isEqualTo("hello 1.0\n");
    }

    @Test
    void armoredKeyWorks() throws Exception {
        publish("1.0");
        sources(repository.resolve(AptRepositoryWriter.KEY_ARMORED));
        Tools.Result update = apt("apt-get", "update");
        assertThat(update.exitCode()).as(update.output()).isZero();
    }

    @Test
    void wrongKeyFails() throws Exception {
        publish("1.0");
        GpgSigner other = GpgSigner.create(work.resolve("other-gnupg"), "Other <other@example.invalid>");
        Path otherKey = Files.write(work.resolve("other.gpg"), other.publicKeyBinary());
        sources(otherKey);
        Tools.Result update = apt("apt-get", "update");
        assertThat(update.exitCode()).as(update.output()).isEqualTo(100);
        assertThat(update.output()).contains("NO_PUBKEY");
    }

    @Test
    void tamperedIndexFails() throws Exception {
        publish("1.0");
        Path binary = repository.resolve("dists/stable/main/binary-amd64");
        String tampered = Files.readString(binary.resolve("Packages")).replace("Version: 1.0", "Version: 9.0");
        try (Stream<Path> files = Files.walk(binary)) {
            // Every copy changes, by-hash included, as a compromised mirror would serve them.
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                Files.writeString(file, tampered);
            }
        }
        sources(repository.resolve(AptRepositoryWriter.KEY_BINARY));
        Tools.Result update = apt("apt-get", "update");
        assertThat(update.exitCode()).as(update.output()).isEqualTo(100);
        assertThat(update.output()).containsAnyOf("Hash Sum mismatch", "unexpected size");
    }

    @Test
    void newerVersionWins() throws Exception {
        publish("1.0");
        publish("1.1");
        sources(repository.resolve(AptRepositoryWriter.KEY_BINARY));
        assertThat(apt("apt-get", "update").exitCode()).isZero();
        String policy = apt("apt-cache", "policy", "hello-apt").output();
        assertThat(policy).contains("Candidate: 1.1");
        assertThat(apt("apt-cache", "madison", "hello-apt").output()).contains(" 1.0 ");
    }

    @Test
    void releaseBeatsSnapshotAndCandidate() throws Exception {
        publish("2.0-SNAPSHOT", "2.0-rc1");
        publish("2.0");
        sources(repository.resolve(AptRepositoryWriter.KEY_BINARY));
        assertThat(apt("apt-get", "update").exitCode()).isZero();
        assertThat(apt("apt-cache", "policy", "hello-apt").output()).contains("Candidate: 2.0\n");
    }
}
