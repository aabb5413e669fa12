package dev.distribution.it.deb;

import static org.assertj.core.api.Assertions.assertThat;

import dev.distribution.it.support.MavenRun;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs {@code mvn deploy} on the sample project {@code src/it/hello-deb} and installs the result
 * with the real apt-get. apt-get runs with its own configuration, lists, cache and dpkg database
 * under the test folder and installs into a folder, so the machine's apt state is not touched.
 * The build runs through {@link MavenRun} with the plugin under test.
 */
class DebDeployIT {
    static final String PASSPHRASE = "correct horse";

    @TempDir
    Path work;

    Path project;
    Path repository;
    Path gnupg;
    String fingerprint;
    Path secretKey;

    MavenRun maven;

    @BeforeEach
    void setUp(TestInfo test) throws Exception {
        maven = MavenRun.of(
                "hello-deb", "DebDeployIT/" + test.getTestMethod().orElseThrow().getName());
        project = maven.projectDirectory();
        repository = work.resolve("embedded").resolve("apt");
        gnupg = work.resolve("gnupg");
        Files.createDirectories(
                gnupg, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        gpg(
                "--passphrase",
                PASSPHRASE,
                "--quick-gen-key",
                "Hello Repo <repo@example.invalid>",
                "ed25519",
                "sign",
                "never");
        fingerprint = gpg("--list-secret-keys", "--with-colons")
                .lines()
                .filter(line -> line.startsWith("fpr:"))
                .findFirst()
                .orElseThrow()
                .split(":")[9];
        secretKey = work.resolve("secret.asc");
        Files.writeString(secretKey, gpg("--passphrase", PASSPHRASE, "--armor", "--export-secret-keys", fingerprint));
    }

    @Test
    void deployThenAptGetInstallsAndRuns() throws Exception {
        Result deploy = deploy("1.0.0", Map.of());
        assertThat(deploy.exitCode()).as(deploy.output()).isZero();
        assertThat(deploy.output()).doesNotContain(PASSPHRASE);
        AptClient apt = new AptClient(work.resolve("client"), repository, repository.resolve("repository-key.gpg"));
        Result update = apt.run("apt-get", "update");
        assertThat(update.exitCode()).as(update.output()).isZero();
        Result install = apt.install("hello-deb");
        assertThat(install.exitCode()).as(install.output()).isZero();
        Path command = apt.root().resolve("usr/share/hello-deb/bin/hello-deb");
        assertThat(run(null, Map.of(), command.toString(), "apt").output()).isEqualTo("Hello, apt!\n");
        assertThat(Files.readString(apt.root().resolve("etc/hello-deb/hello-deb.conf")))
                .isEqualTo("greeting=Hello\n");
        assertThat(run(null, Map.of(), "dpkg-query", "-W", "hello-deb").exitCode())
                .isNotZero();
    }

    @Test
    void tamperedIndexRejected() throws Exception {
        assertThat(deploy("1.0.0", Map.of()).exitCode()).isZero();
        Path binary = repository.resolve("dists/stable/main/binary-amd64");
        String tampered = Files.readString(binary.resolve("Packages")).replace("Version: 1.0.0", "Version: 6.6.6");
        try (Stream<Path> files = Files.walk(binary)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                Files.writeString(file, tampered);
            }
        }
        AptClient apt = new AptClient(work.resolve("client"), repository, repository.resolve("repository-key.gpg"));
        Result update = apt.run("apt-get", "update");
        assertThat(update.exitCode()).as(update.output()).isEqualTo(100);
    }

    @Test
    void wrongKeyRejected() throws Exception {
        assertThat(deploy("1.0.0", Map.of()).exitCode()).isZero();
        Path otherKey = work.resolve("other.gpg");
        Files.write(otherKey, exportBinary(newKeyHome(work.resolve("other-gnupg"), "Other <other@example.invalid>")));
        AptClient apt = new AptClient(work.resolve("client"), repository, otherKey);
        assertThat(apt.run("apt-get", "update").exitCode()).isEqualTo(100);
    }

    @Test
    void versionsInTurnNewestWins() throws Exception {
        assertThat(deploy("1.0.0", Map.of()).exitCode()).isZero();
        assertThat(deploy("1.1.0-SNAPSHOT", Map.of()).exitCode()).isZero();
        AptClient apt = new AptClient(work.resolve("client"), repository, repository.resolve("repository-key.gpg"));
        assertThat(apt.run("apt-get", "update").exitCode()).isZero();
        assertThat(apt.run("apt-cache", "policy", "hello-deb").output()).contains("Candidate: 1.1.0~~");
        assertThat(deploy("1.1.0-rc1", Map.of()).exitCode()).isZero();
        assertThat(deploy("1.1.0", Map.of()).exitCode()).isZero();
        assertThat(apt.run("apt-get", "update").exitCode()).isZero();
        String madison = apt.run("apt-cache", "madison", "hello-deb").output();
        assertThat(madison).contains(" 1.0.0 ").contains(" 1.1.0~rc1 ").contains(" 1.1.0~~");
        assertThat(apt.run("apt-cache", "policy", "hello-deb").output()).contains("Candidate: 1.1.0\n");
    }

    @Test
    void wrongPassphraseStopsBeforePublishing() throws Exception {
        Result deploy = deploy("1.0.0", Map.of("DISTRIBUTION_SIGNING_PASSPHRASE", "wrong"));
        assertThat(deploy.exitCode()).isNotZero();
        assertThat(deploy.output()).contains("passphrase");
        assertThat(repository.resolve("pool")).doesNotExist();
    }

    @Test
    void republishDifferentContentConflicts() throws Exception {
        assertThat(deploy("1.0.0", Map.of()).exitCode()).isZero();
        Files.writeString(project.resolve("src/main/deb/hello-deb.conf"), "greeting=Changed\n");
        Result again = deploy("1.0.0", Map.of());
        assertThat(again.exitCode()).isNotZero();
        assertThat(again.output()).contains("hello-deb_1.0.0_all.deb");
    }

    @Test
    void aptlyPublishesWhatAptGetInstalls() throws Exception {
        Path aptlyRoot = work.resolve("aptly-root");
        Path config = work.resolve("aptly.conf");
        Files.writeString(
                config,
                "{\"rootDir\":\"" + aptlyRoot + "\",\"architectures\":[\"amd64\",\"all\"],\"gpgProvider\":\"gpg\"}");
        // aptly signs with gpg from GNUPGHOME and cannot enter a passphrase, so it gets a key without one.
        Path aptlyHome = newKeyHome(work.resolve("aptly-gnupg"), "Aptly Repo <aptly@example.invalid>");
        Files.write(work.resolve("aptly-key.gpg"), exportBinary(aptlyHome));
        String aptlyFingerprint = fingerprintOf(aptlyHome);
        int port = freePort();
        ProcessBuilder builder = new ProcessBuilder(
                        "aptly", "-config=" + config, "api", "serve", "-listen=127.0.0.1:" + port, "-no-lock")
                .redirectErrorStream(true)
                .redirectOutput(work.resolve("aptly.log").toFile());
        builder.environment().put("GNUPGHOME", aptlyHome.toString());
        Process aptly = builder.start();
        try {
            waitForPort(port);
            String pom = Files.readString(project.resolve("pom.xml"));
            pom = pom.replace(
                    "<deb>",
                    "<repositories><repository><id>aptly</id><type>aptly</type><url>http://127.0.0.1:"
                            + port + "/</url></repository></repositories>\n<deb><repository>aptly</repository>"
                            + "<signing><keyId>" + aptlyFingerprint + "</keyId></signing>");
            Files.writeString(project.resolve("pom.xml"), pom);
            Result deploy = deploy("2.0.0", Map.of());
            assertThat(deploy.exitCode()).as(deploy.output()).isZero();
            Path published = aptlyRoot.resolve("public");
            AptClient apt = new AptClient(work.resolve("client"), published, work.resolve("aptly-key.gpg"));
            Result update = apt.run("apt-get", "update");
            assertThat(update.exitCode()).as(update.output()).isZero();
            Result install = apt.install("hello-deb");
            assertThat(install.exitCode()).as(install.output()).isZero();
            Files.writeString(project.resolve("src/main/deb/hello-deb.conf"), "greeting=Changed\n");
            Result conflict = deploy("2.0.0", Map.of());
            assertThat(conflict.exitCode()).isNotZero();
            assertThat(conflict.output()).contains("aptly already holds");
        } finally {
            aptly.destroy();
            aptly.waitFor(10, TimeUnit.SECONDS);
        }
    }

    /** Creates a gpg home with one signing key without passphrase. */
    private static Path newKeyHome(Path home, String userId) throws Exception {
        Files.createDirectories(
                home, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        Result created = run(
                null,
                Map.of(),
                "gpg",
                "--homedir",
                home.toString(),
                "--batch",
                "--passphrase",
                "",
                "--quick-gen-key",
                userId,
                "ed25519",
                "sign",
                "never");
        if (created.exitCode() != 0) {
            throw new IOException(created.output());
        }
        return home;
    }

    private static String fingerprintOf(Path home) throws Exception {
        return run(
                        null,
                        Map.of(),
                        "gpg",
                        "--homedir",
                        home.toString(),
                        "--batch",
                        "--list-secret-keys",
                        "--with-colons")
                .output()
                .lines()
                .filter(line -> line.startsWith("fpr:"))
                .findFirst()
                .orElseThrow()
                .split(":")[9];
    }

    private static byte[] exportBinary(Path home) throws Exception {
        Process process = new ProcessBuilder("gpg", "--homedir", home.toString(), "--batch", "--export")
                .redirectError(ProcessBuilder.Redirect.DISCARD)
                .start();
        byte[] key = process.getInputStream().readAllBytes();
        process.waitFor();
        return key;
    }

    Result deploy(String version, Map<String, String> extraEnvironment) throws Exception {
        String pom = Files.readString(project.resolve("pom.xml"))
                .replaceFirst("<version>[^<]+</version>", "<version>" + version + "</version>");
        Files.writeString(project.resolve("pom.xml"), pom);
        maven.environment("DISTRIBUTION_SIGNING_KEY", Files.readString(secretKey));
        maven.environment("DISTRIBUTION_SIGNING_PASSPHRASE", PASSPHRASE);
        extraEnvironment.forEach(maven::environment);
        maven.property("distribution.localRepository", repository.getParent().toString());
        MavenRun.BuildResult result = maven.run("deploy");
        return new Result(result.exitCode(), result.log());
    }

    private String gpg(String... args) throws Exception {
        List<String> command = new ArrayList<>(
                List.of("gpg", "--homedir", gnupg.toString(), "--batch", "--pinentry-mode", "loopback"));
        command.addAll(List.of(args));
        Result result = run(null, Map.of(), command.toArray(String[]::new));
        if (result.exitCode() != 0) {
            throw new IOException(result.output());
        }
        return result.output();
    }

    record Result(int exitCode, String output) {}

    static Result run(Path directory, Map<String, String> environment, String... command) throws Exception {
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        if (directory != null) {
            builder.directory(directory.toFile());
        }
        builder.environment().putAll(environment);
        builder.environment().put("LC_ALL", "C.UTF-8");
        Process process = builder.start();
        byte[] output = process.getInputStream().readAllBytes();
        if (!process.waitFor(600, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IOException("Timed out: " + String.join(" ", command));
        }
        return new Result(process.exitValue(), new String(output, StandardCharsets.ISO_8859_1));
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    static void waitForPort(int port) throws Exception {
        for (int i = 0; i < 100; i++) {
            try (Socket socket = new Socket("127.0.0.1", port)) {
                return;
            } catch (IOException e) {
                Thread.sleep(50);
            }
        }
        throw new IOException("aptly did not listen on port " + port);
    }
}
