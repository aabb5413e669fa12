package dev.distribution.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.distribution.it.support.ItEnvironment;
import dev.distribution.it.support.MavenRun;
import dev.distribution.it.support.MavenSettings;
import dev.distribution.it.support.Nginx;
import dev.distribution.it.support.Processes;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.Timeout;

/**
 * The {@code rpm} and {@code deploy-rpm} goals on the {@code rpm-app} sample: {@code mvn deploy}
 * signs the package and the repository metadata with a key from the environment, whose passphrase
 * comes from the settings.xml server {@code signing}, and publishes both to nginx WebDAV; the real
 * rpm and dnf then check and install what nginx serves anonymously.
 */
class RpmIT {
    private static final String USER = "deployer";
    private static final String PASSWORD = "Yum-IT-s3cret-5521";
    private static final String PASSPHRASE = "rpm it pass phrase";
    private static final Duration COMMAND_TIMEOUT = Duration.ofMinutes(2);

    private Nginx nginx;
    private String testName;
    private Path work;
    private String secretKey;

    @BeforeEach
    void start(TestInfo info) throws IOException {
        testName = info.getTestMethod().orElseThrow().getName();
        work = ItEnvironment.freshFolder("RpmIT/" + testName);
        nginx = Nginx.start(work.resolve("nginx"), USER, PASSWORD);
        Path home = Files.createDirectories(work.resolve("gnupg"));
        Files.setPosixFilePermissions(home, PosixFilePermissions.fromString("rwx------"));
        String gpg = "--homedir=" + home;
        ok(List.of(
                "gpg",
                gpg,
                "--batch",
                "--pinentry-mode",
                "loopback",
                "--passphrase",
                PASSPHRASE,
                "--quick-gen-key",
                "Rpm IT <rpm-it@example.invalid>",
                "rsa3072",
                "sign",
                "never"));
        secretKey = ok(List.of(
                "gpg",
                gpg,
                "--batch",
                "--pinentry-mode",
                "loopback",
                "--passphrase",
                PASSPHRASE,
                "--armor",
                "--export-secret-keys"));
    }

    @AfterEach
    void stop() {
        nginx.close();
    }

    @Test
    @Timeout(value = 12, unit = TimeUnit.MINUTES)
    void dnfInstallsNewestSignedVersion() throws Exception {
        for (String version : List.of("1.0.0-SNAPSHOT", "1.0.0-rc1", "1.0.0")) {
            MavenRun.BuildResult result = build(version).run("deploy");
            assertThat(result.exitCode()).as(result.toString()).isZero();
        }
        Path repo = nginx.storeDir().resolve("yum");
        String db = work.resolve("rpmdb").toString();
        ok(List.of("rpm", "--dbpath", db, "--initdb"));
        ok(List.of(
                "rpm",
                "--dbpath",
                db,
                "--import",
                repo.resolve("repodata/repomd.xml.key").toString()));
        String check = ok(List.of(
                "rpm",
                "--dbpath",
                db,
                "-K",
                repo.resolve("rpm-app-1.0.0-1.noarch.rpm").toString()));

        Dnf dnf = new Dnf(nginx.readUrl() + "yum/");
        String versions = dnf.run("repoquery", "--qf=%{version}", "rpm-app");
        String latest = dnf.run("repoquery", "--latest-limit=1", "--qf=%{version}", "rpm-app");
        String install = dnf.run("install", "rpm-app");
        String output = ok(List.of(work.resolve("dnf/root/usr/bin/rpm-app").toString()));

        assertThat(check).contains("digests signatures OK");
        assertThat(versions).contains("1.0.0~~", "1.0.0~rc1", "\n1.0.0\n");
        assertThat(latest.strip()).endsWith("\n1.0.0");
        assertThat(install).contains("rpm-app-1.0.0-1.noarch");
        assertThat(output).isEqualTo("Hello from rpm-app!\n");
        assertThat(work.resolve("dnf/root/etc/rpm-app/rpm-app.conf")).hasContent("greeting=hello");
    }

    @Test
    void dashInVersionFailsBeforeUpload() throws Exception {
        MavenRun.BuildResult result =
                build("1.0.0").property("distribution.rpm.version", "1.0-1").run("deploy");

        assertThat(result.exitCode()).isNotZero();
        assertThat(result.log()).contains("<rpm><version>");
        assertThat(result.log()).contains("1.0-1");
        assertThat(nginx.requests("PUT")).isEmpty();
    }

    @Test
    void shallowNexusPathFailsBeforeUpload() throws Exception {
        MavenRun.BuildResult result = build("1.0.0")
                .property("distribution.rpm.repository", "it-nexus")
                .property("distribution.rpm.path", "el9")
                .property("distribution.rpm.repodataDepth", "2")
                .run("deploy");

        assertThat(result.exitCode()).isNotZero();
        assertThat(result.log()).contains("<rpm><path>");
        assertThat(result.log()).contains("at least 2 folders");
        assertThat(nginx.requests("PUT")).isEmpty();
    }

    @Test
    void wrongPassphraseFailsBeforeUpload() throws Exception {
        MavenRun.BuildResult result = MavenRun.of("rpm-app", "RpmIT/" + testName + "/wrong", tokens("1.0.0"))
                .settings(new MavenSettings()
                        .server("it-yum", USER, PASSWORD)
                        .server("signing", "signing", "not the passphrase"))
                .environment("DISTRIBUTION_SIGNING_KEY", secretKey)
                .run("deploy");

        assertThat(result.exitCode()).isNotZero();
        assertThat(result.log()).contains("passphrase");
        assertThat(result.log()).doesNotContain("not the passphrase");
        assertThat(nginx.requests("PUT")).isEmpty();
    }

    private Map<String, String> tokens(String version) {
        String nexus = nginx.putUrl().replaceFirst("/?$", "/") + "repository/yum-hosted/";
        return Map.of("VERSION", version, "YUM_URL", nginx.putUrl() + "yum/", "NEXUS_URL", nexus);
    }

    private MavenRun build(String version) throws IOException {
        return MavenRun.of("rpm-app", "RpmIT/" + testName + "/" + version, tokens(version))
                .settings(new MavenSettings().server("it-yum", USER, PASSWORD).server("signing", "signing", PASSPHRASE))
                .environment("DISTRIBUTION_SIGNING_KEY", secretKey);
    }

    private String ok(List<String> command) throws IOException {
        Processes.Result result = Processes.run(command, work, COMMAND_TIMEOUT);
        assertThat(result.exitCode())
                .as(String.join(" ", command) + "\n" + result.output())
                .isZero();
        return result.output();
    }

    /** dnf with gpgcheck and repo_gpgcheck, one repository and a private install root. */
    private final class Dnf {
        private final String url;
        private final Path dnfWork;

        Dnf(String url) throws IOException {
            this.url = url;
            this.dnfWork = Files.createDirectories(work.resolve("dnf"));
            Files.createDirectories(dnfWork.resolve("root/var/log"));
            Files.createDirectories(dnfWork.resolve("reposdir-empty"));
            Files.writeString(dnfWork.resolve("dnf.conf"), "[main]\ngpgcheck=1\nmetadata_expire=0\n");
        }

        String run(String... args) throws IOException {
            List<String> command = new ArrayList<>(List.of(
                    "dnf",
                    "-y",
                    "--config=" + dnfWork.resolve("dnf.conf"),
                    "--installroot=" + dnfWork.resolve("root"),
                    "--releasever=1",
                    "--setopt=reposdir=" + dnfWork.resolve("reposdir-empty"),
                    "--setopt=cachedir=" + dnfWork.resolve("cache"),
                    "--setopt=logdir=" + dnfWork.resolve("root/var/log"),
                    "--repofrompath=it," + url,
                    "--repo=it",
                    "--setopt=it.gpgcheck=1",
                    "--setopt=it.repo_gpgcheck=1",
                    "--setopt=it.gpgkey=" + url + "repodata/repomd.xml.key"));
            command.addAll(List.of(args));
            return ok(command);
        }
    }
}
