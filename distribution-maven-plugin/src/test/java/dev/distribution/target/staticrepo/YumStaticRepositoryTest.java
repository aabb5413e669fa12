package dev.distribution.target.staticrepo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.distribution.core.PublicationLog;
import dev.distribution.core.PublishOptions;
import dev.distribution.core.Publisher;
import dev.distribution.core.Redactor;
import dev.distribution.core.Reporter;
import dev.distribution.core.Repository;
import dev.distribution.core.RepositoryType;
import dev.distribution.core.payload.Mapping;
import dev.distribution.core.payload.Payload;
import dev.distribution.format.rpm.RpmPackager;
import dev.distribution.format.rpm.RpmRequest;
import dev.distribution.format.rpm.YumIndex;
import dev.distribution.format.rpm.YumPackage;
import dev.distribution.http.Credentials;
import dev.distribution.http.HttpTransport;
import dev.distribution.http.TransportSettings;
import dev.distribution.signing.OpenPgpSigner;
import dev.distribution.signing.SigningKeys;
import dev.distribution.target.webdav.HttpPutTarget;
import dev.distribution.testing.RecordingServer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Publishes signed packages to a static YUM repository, over HTTP PUT and into a folder, and installs
 * them with the real dnf with gpgcheck and repo_gpgcheck.
 */
class YumStaticRepositoryTest {
    private static final Instant TIME = Instant.parse("2026-12-04T10:00:00Z");

    @TempDir
    Path temp;

    private Path secretKey;
    private Path publicKey;
    private OpenPgpSigner signer;

    @BeforeEach
    void generateKey() throws Exception {
        Path home = Files.createDirectories(temp.resolve("gnupg"));
        Files.setPosixFilePermissions(home, PosixFilePermissions.fromString("rwx------"));
        String gpg = "--homedir=" + home;
        run(
                "gpg",
                gpg,
                "--batch",
                "--passphrase",
                "",
                "--quick-gen-key",
                "Yum Test <yum@example.invalid>",
                "rsa3072",
                "sign",
                "never");
        secretKey = temp.resolve("secret.asc");
        publicKey = temp.resolve("public.asc");
        run(
                "gpg",
                gpg,
                "--batch",
                "--pinentry-mode",
                "loopback",
                "--passphrase",
                "",
                "--armor",
                "--output",
                secretKey.toString(),
                "--export-secret-keys");
        run("gpg", gpg, "--batch", "--armor", "--output", publicKey.toString(), "--export");
        signer = new OpenPgpSigner(SigningKeys.resolve(secretKey, null, null, null, Map.of(), new Redactor()));
    }

    private Path build(String version) throws Exception {
        Path script = temp.resolve("hello-" + version);
        Files.writeString(script, "#!/bin/sh\necho hello " + version + "\n");
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));
        RpmRequest request = new RpmRequest()
                .name("hello")
                .version(version)
                .summary("Says hello")
                .license("MIT")
                .entries(Payload.resolve(List.of(Mapping.file(script, "/usr/bin/hello")), temp, "<rpm><files>"))
                .timestamp(TIME)
                .outputDirectory(temp.resolve("build"));
        RpmPackager.validate(request, "<rpm>");
        return RpmPackager.build(request, signer);
    }

    private Publisher publisher(boolean replace) {
        return new Publisher(
                Reporter.SILENT,
                new PublicationLog(temp.resolve("publication.json")),
                new PublishOptions(false, replace));
    }

    @Test
    void httpRepositoryInstallsWithDnf() throws Exception {
        try (RecordingServer server = RecordingServer.start();
                HttpTransport http = new HttpTransport(
                        TransportSettings.builder().maxAttempts(1).build(), Reporter.SILENT, new Redactor())) {
            Repository repository = new Repository("yum", RepositoryType.WEBDAV, server.url() + "/yum/");
            HttpPutTarget target = new HttpPutTarget(repository, http, new Credentials.None());
            for (List<String> versions : List.of(List.of("1.0~~20261204100000", "1.0~rc1"), List.of("1.0"))) {
                List<Path> rpms = new ArrayList<>();
                for (String version : versions) {
                    rpms.add(build(version));
                }
                new YumStaticRepository(
                                target,
                                YumStaticRepository.http(http, repository, new Credentials.None()),
                                publisher(false),
                                publisher(true),
                                temp.resolve("staging"),
                                Reporter.SILENT)
                        .publish(rpms, "Packages/", signer, TIME.plusSeconds(versions.size()));
            }
            List<RecordingServer.Request> puts = server.requests("PUT");
            String dnfOutput;
            Dnf dnf = new Dnf(temp, server.url() + "/yum/");
            String latest = dnf.run("repoquery", "--latest-limit=1", "--qf=%{version}", "hello");
            dnfOutput = dnf.run("install", "hello");

            assertThat(puts.get(puts.size() - 1).rawPath()).isEqualTo("/yum/repodata/repomd.xml");
            assertThat(latest.strip()).endsWith("\n1.0");
            assertThat(dnfOutput).contains("Complete!");
        }
        Path installed = temp.resolve("dnf/root/usr/bin/hello");
        assertThat(run("sh", installed.toString())).isEqualTo("hello 1.0\n");
    }

    @Test
    void directoryRepositoryKeepsPackages() throws Exception {
        Path root = temp.resolve("repo");
        DirectoryTarget target = new DirectoryTarget("embedded", root);
        for (String version : List.of("1.0", "1.1")) {
            new YumStaticRepository(
                            target,
                            YumStaticRepository.directory(root),
                            publisher(false),
                            publisher(true),
                            temp.resolve("staging"),
                            Reporter.SILENT)
                    .publish(List.of(build(version)), "", signer, TIME);
        }

        List<YumPackage> listed = YumIndex.read(root);

        assertThat(listed).extracting(YumPackage::version).containsExactly("1.0", "1.1");
    }

    @Test
    void repomdSignatureVerifiesWithGpg() throws Exception {
        Path root = temp.resolve("repo");
        new YumStaticRepository(
                        new DirectoryTarget("embedded", root),
                        YumStaticRepository.directory(root),
                        publisher(false),
                        publisher(true),
                        temp.resolve("staging"),
                        Reporter.SILENT)
                .publish(List.of(build("1.0")), "", signer, TIME);
        Path home = Files.createDirectories(temp.resolve("verify"));
        Files.setPosixFilePermissions(home, PosixFilePermissions.fromString("rwx------"));
        run(
                "gpg",
                "--homedir=" + home,
                "--batch",
                "--import",
                root.resolve(YumIndex.PUBLIC_KEY).toString());

        String output = run(
                "gpg",
                "--homedir=" + home,
                "--batch",
                "--verify",
                root.resolve(YumIndex.SIGNATURE).toString(),
                root.resolve(YumIndex.REPOMD).toString());

        assertThat(output).contains("Good signature from \"Yum Test <yum@example.invalid>\"");
    }

    @Test
    void rpmSignatureVerifiesWithPublishedKey() throws Exception {
        Path root = temp.resolve("repo");
        new YumStaticRepository(
                        new DirectoryTarget("embedded", root),
                        YumStaticRepository.directory(root),
                        publisher(false),
                        publisher(true),
                        temp.resolve("staging"),
                        Reporter.SILENT)
                .publish(List.of(build("1.0")), "", signer, TIME);
        String db = temp.resolve("rpmdb").toString();
        run("rpm", "--dbpath", db, "--initdb");
        run("rpm", "--dbpath", db, "--import", root.resolve(YumIndex.PUBLIC_KEY).toString());

        String output = run(
                "rpm",
                "--dbpath",
                db,
                "-K",
                root.resolve("hello-1.0-1.noarch.rpm").toString());

        assertThat(output).contains("digests signatures OK");
    }

    private String run(String... command) throws IOException, InterruptedException {
        ProcessBuilder builder =
                new ProcessBuilder(command).directory(temp.toFile()).redirectErrorStream(true);
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(300, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new IOException(String.join(" ", command) + " failed:\n" + output);
        }
        return output;
    }

    /** dnf with gpgcheck and repo_gpgcheck, one repository and a private install root. */
    private final class Dnf {
        private final Path work;
        private final String url;

        Dnf(Path temp, String url) throws IOException {
            this.work = Files.createDirectories(temp.resolve("dnf"));
            this.url = url;
            Files.createDirectories(work.resolve("root/var/log"));
            Files.createDirectories(work.resolve("reposdir-empty"));
            Files.writeString(work.resolve("dnf.conf"), "[main]\ngpgcheck=1\nmetadata_expire=0\n");
        }

        String run(String... args) throws IOException, InterruptedException {
            List<String> command = new ArrayList<>(List.of(
                    "dnf",
                    "-y",
                    "--config=" + work.resolve("dnf.conf"),
                    "--installroot=" + work.resolve("root"),
                    "--releasever=1",
                    "--setopt=reposdir=" + work.resolve("reposdir-empty"),
                    "--setopt=cachedir=" + work.resolve("cache"),
                    "--setopt=logdir=" + work.resolve("root/var/log"),
                    "--repofrompath=test," + url,
                    "--repo=test",
                    "--setopt=test.gpgcheck=1",
                    "--setopt=test.repo_gpgcheck=1",
                    "--setopt=test.gpgkey=" + url + YumIndex.PUBLIC_KEY));
            command.addAll(List.of(args));
            return YumStaticRepositoryTest.this.run(command.toArray(String[]::new));
        }
    }
}
