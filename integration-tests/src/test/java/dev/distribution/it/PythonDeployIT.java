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
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The {@code python} and {@code deploy-python} goals on the {@code hello-python} sample: {@code mvn
 * deploy} of a snapshot, a release candidate and a release into the embedded static index, and of
 * the release to nginx WebDAV. Real pip (Debian's, in a venv made by {@code /usr/bin/python3 -m
 * venv}, with the machine's pip configuration switched off) then installs from the embedded index
 * over {@code file://} and from nginx over HTTP, and the console script runs.
 */
class PythonDeployIT {
    private static final String PYTHON = "/usr/bin/python3";
    private static final String SERVER_ID = "web-pypi";
    private static final String USER = "deployer";
    private static final String PASSWORD = "Py-IT-s3cret-5821";

    private static Nginx nginx;
    private static MavenRun build;
    private static final List<MavenRun.BuildResult> results = new ArrayList<>();

    @BeforeAll
    static void deploy() throws Exception {
        nginx = Nginx.start(ItEnvironment.freshFolder("PythonDeployIT/nginx"), USER, PASSWORD);
        build = MavenRun.of("hello-python", "PythonDeployIT/build")
                .settings(new MavenSettings().server(SERVER_ID, USER, PASSWORD));
        for (String revision : List.of("1.0.0-SNAPSHOT", "1.0.0-rc1", "1.0.0")) {
            results.add(build.property("revision", revision).run("deploy"));
        }
        build.property("distribution.python.repository", SERVER_ID).property("web.pypi.url", nginx.putUrl());
        results.add(build.run("deploy"));
        results.add(build.run("deploy"));
    }

    @AfterAll
    static void stop() {
        if (nginx != null) {
            nginx.close();
        }
    }

    private static Processes.Result pip(Path venv, String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(
                "env",
                "-u",
                "PIP_FIND_LINKS",
                "PIP_CONFIG_FILE=/dev/null",
                "PIP_DISABLE_PIP_VERSION_CHECK=1",
                venv.resolve("bin/pip").toString()));
        command.addAll(List.of(args));
        return Processes.run(command, venv.getParent(), Duration.ofSeconds(120));
    }

    private static Path venv(String name) throws IOException {
        Path venv = ItEnvironment.freshFolder("PythonDeployIT/" + name).resolve("venv");
        Processes.Result made = Processes.run(
                List.of(PYTHON, "-m", "venv", venv.toString()), venv.getParent(), Duration.ofSeconds(120));
        assertThat(made.exitCode()).as(made.output()).isZero();
        return venv;
    }

    private static String script(Path venv, String... args) throws IOException {
        List<String> command =
                new ArrayList<>(List.of(venv.resolve("bin/hello-py").toString()));
        command.addAll(List.of(args));
        return Processes.run(command, venv.getParent(), Duration.ofSeconds(60)).output();
    }

    private static String embeddedIndex() {
        return build.projectDirectory()
                .resolve("target/distribution-repository/pypi/simple/")
                .toUri()
                .toString();
    }

    @Test
    void everyDeploySucceeds() {
        assertThat(results)
                .allSatisfy(result ->
                        assertThat(result.exitCode()).as(result.toString()).isZero());
    }

    @Test
    void embeddedIndexHoldsThreeWheels() throws IOException {
        try (Stream<Path> files =
                Files.list(build.projectDirectory().resolve("target/distribution-repository/pypi/packages/hello-py"))) {
            assertThat(files.map(Path::getFileName).map(Path::toString).filter(name -> name.endsWith(".whl")))
                    .hasSize(3);
        }
    }

    @Test
    void pipOrdersVersions() throws IOException {
        Processes.Result versions =
                pip(venv("order"), "index", "versions", "--pre", "--index-url", embeddedIndex(), "hello-py");
        assertThat(versions.output())
                .containsPattern("Available versions: 1\\.0\\.0, 1\\.0\\.0rc1, 1\\.0\\.0\\.dev\\d{14}\\n");
    }

    @Test
    void pipInstallsOverFile() throws IOException {
        Path venv = venv("file");
        Processes.Result install = pip(venv, "install", "--index-url", embeddedIndex(), "hello-py");
        assertThat(install.exitCode()).as(install.output()).isZero();
        assertThat(script(venv, "Ada")).isEqualTo("Hello, Ada! (hello-py 1.0.0)\n");
    }

    @Test
    void pipInstallsPreReleaseOverFile() throws IOException {
        Path venv = venv("pre");
        Processes.Result install = pip(venv, "install", "--index-url", embeddedIndex(), "hello-py==1.0.0rc1");
        assertThat(install.exitCode()).as(install.output()).isZero();
        assertThat(script(venv)).isEqualTo("Hello, world! (hello-py 1.0.0rc1)\n");
    }

    @Test
    void pipInstallsOverHttp() throws IOException {
        Path venv = venv("http");
        Processes.Result install = pip(venv, "install", "--index-url", nginx.readUrl() + "simple/", "Hello_Py");
        assertThat(install.exitCode()).as(install.output()).isZero();
        assertThat(script(venv)).isEqualTo("Hello, world! (hello-py 1.0.0)\n");
    }

    @Test
    void rerunUploadsNothing() {
        assertThat(results.get(4).log()).contains("Already published, skipped").doesNotContain("Uploaded http");
    }

    @Test
    void passwordNeverLogged() {
        assertThat(results).allSatisfy(result -> assertThat(result.log()).doesNotContain(PASSWORD));
    }
}
