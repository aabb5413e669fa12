package dev.distribution.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs {@code mvn deploy} on the sample project {@code src/it/hello-python} for a snapshot, a
 * release candidate and a release, then installs the result with real pip (Debian's, in a venv,
 * with the machine's pip configuration switched off): from the embedded static index over {@code
 * file://} and over HTTP (nginx), and from a static index that the plugin uploaded to nginx WebDAV.
 *
 * <p>Needs nginx, apache2-utils and python3-venv. The plugin is installed into a private local
 * repository first, which reads everything else from {@code ~/.m2/repository}.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PythonDeployIT {
    private static final String PYTHON = "/usr/bin/python3";

    @TempDir
    static Path work;

    private static Path root;
    private static Path localRepository;
    private static Path project;
    private static Process nginx;
    private static int port;

    @BeforeAll
    static void setUp() throws Exception {
        root = Path.of(System.getProperty("user.dir")).getParent();
        localRepository = work.resolve("m2");
        run(
                root,
                "Installing the plugin",
                mvn("install", "-DskipTests", "-Dspotless.check.skip=true", "-pl", ".,distribution-maven-plugin"));
        project = work.resolve("hello-python");
        copy(root.resolve("integration-tests/src/it/hello-python"), project);
        port = freePort();
        startNginx();
    }

    @AfterAll
    static void tearDown() throws Exception {
        if (nginx != null) {
            nginx.destroy();
            nginx.waitFor(10, TimeUnit.SECONDS);
        }
    }

    private static List<String> mvn(String... args) {
        List<String> command = new ArrayList<>(List.of(
                root.resolve("mvnw").toString(),
                "-B",
                "-Dmaven.repo.local=" + localRepository,
                "-Dmaven.repo.local.tail=" + Path.of(System.getProperty("user.home"), ".m2", "repository")));
        command.addAll(List.of(args));
        return command;
    }

    private static String run(Path dir, String label, List<String> command) throws Exception {
        ProcessBuilder builder =
                new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true);
        Map<String, String> env = builder.environment();
        env.remove("PIP_FIND_LINKS");
        env.put("PIP_CONFIG_FILE", "/dev/null");
        env.put("PIP_DISABLE_PIP_VERSION_CHECK", "1");
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(600, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(label + ":\n" + output).isZero();
        return output;
    }

    private static void deploy(String revision, String... extra) throws Exception {
        List<String> args = new ArrayList<>(
                List.of("-s", work.resolve("settings.xml").toString(), "deploy", "-Drevision=" + revision));
        args.addAll(List.of(extra));
        run(project, "mvn deploy " + revision, mvn(args.toArray(String[]::new)));
    }

    private static Path venv(String name) throws Exception {
        Path venv = work.resolve(name);
        run(work, "venv", List.of(PYTHON, "-m", "venv", venv.toString()));
        return venv;
    }

    private static String pip(Path venv, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(venv.resolve("bin/pip").toString()));
        command.addAll(List.of(args));
        return run(work, "pip " + String.join(" ", args), command);
    }

    private static String embeddedIndex() {
        return project.resolve("target/distribution-repository/pypi/simple/")
                .toUri()
                .toString();
    }

    @Test
    @Order(1)
    void deploysThreeVersions() throws Exception {
        Files.writeString(
                work.resolve("settings.xml"),
                "<settings><servers><server><id>web-pypi</id>"
                        + "<username>deployer</username><password>deploy-secret</password></server></servers></settings>");
        deploy("1.0.0-SNAPSHOT");
        deploy("1.0.0-rc1");
        deploy("1.0.0");
        try (Stream<Path> files =
                Files.list(project.resolve("target/distribution-repository/pypi/packages/hello-py"))) {
            assertThat(files.filter(f -> f.toString().endsWith(".whl")).count()).isEqualTo(3);
        }
    }

    @Test
    @Order(2)
    void pipOrdersVersions() throws Exception {
        Path venv = venv("order");
        String versions = pip(venv, "index", "versions", "--pre", "--index-url", embeddedIndex(), "hello-py");
        assertThat(versions).containsPattern("Available versions: 1\\.0\\.0, 1\\.0\\.0rc1, 1\\.0\\.0\\.dev\\d{14}\\n");
    }

    @Test
    @Order(3)
    void pipInstallsOverFile() throws Exception {
        Path venv = venv("file");
        pip(venv, "install", "--index-url", embeddedIndex(), "hello-py");
        String output =
                run(work, "hello-py", List.of(venv.resolve("bin/hello-py").toString(), "Ada"));
        assertThat(output).isEqualTo("Hello, Ada! (hello-py 1.0.0)\n");
    }

    @Test
    @Order(4)
    void pipInstallsPreReleaseOverHttp() throws Exception {
        Path venv = venv("http");
        pip(venv, "install", "--index-url", "http://127.0.0.1:" + port + "/read/simple/", "hello-py==1.0.0rc1");
        String output =
                run(work, "hello-py", List.of(venv.resolve("bin/hello-py").toString()));
        assertThat(output).isEqualTo("Hello, world! (hello-py 1.0.0rc1)\n");
    }

    @Test
    @Order(5)
    void deployedToWebdavInstalls() throws Exception {
        deploy(
                "1.0.0",
                "-Ddistribution.python.repository=web-pypi",
                "-Dweb.pypi.url=http://127.0.0.1:" + port + "/dav/");
        Path venv = venv("dav");
        pip(venv, "install", "--index-url", "http://127.0.0.1:" + port + "/dav/simple/", "Hello_Py");
        String output =
                run(work, "hello-py", List.of(venv.resolve("bin/hello-py").toString()));
        assertThat(output).isEqualTo("Hello, world! (hello-py 1.0.0)\n");
    }

    @Test
    @Order(6)
    void secondDeployUploadsNothing() throws Exception {
        Files.deleteIfExists(project.resolve("target/distribution/publication.json"));
        deploy(
                "1.0.0",
                "-Ddistribution.python.repository=web-pypi",
                "-Dweb.pypi.url=http://127.0.0.1:" + port + "/dav/");
        String record = Files.readString(project.resolve("target/distribution/publication.json"));
        assertThat(record).doesNotContain("\"UPLOADED\"").contains("\"ALREADY_PUBLISHED\"");
    }

    private static void startNginx() throws Exception {
        Path conf = work.resolve("nginx");
        Files.createDirectories(conf.resolve("logs"));
        Files.createDirectories(conf.resolve("tmp"));
        Files.createDirectories(conf.resolve("dav"));
        run(
                work,
                "htpasswd",
                List.of("htpasswd", "-bc", conf.resolve("htpasswd").toString(), "deployer", "deploy-secret"));
        Path embedded = project.resolve("target/distribution-repository/pypi");
        Files.createDirectories(embedded);
        Files.writeString(
                conf.resolve("nginx.conf"),
                """
                user root; worker_processes 1; daemon off; pid %1$s/nginx.pid;
                error_log %1$s/logs/error.log warn;
                events { worker_connections 64; }
                http {
                  access_log off;
                  client_body_temp_path %1$s/tmp/body; proxy_temp_path %1$s/tmp/proxy;
                  fastcgi_temp_path %1$s/tmp/fastcgi; uwsgi_temp_path %1$s/tmp/uwsgi; scgi_temp_path %1$s/tmp/scgi;
                  server {
                    listen 127.0.0.1:%2$d; client_max_body_size 0;
                    location /read/ { alias %3$s/; autoindex on; }
                    location /dav/ {
                      alias %1$s/dav/; autoindex on;
                      dav_methods PUT DELETE MKCOL; create_full_put_path on;
                      limit_except GET HEAD { auth_basic "pypi"; auth_basic_user_file %1$s/htpasswd; }
                    }
                  }
                }
                """
                        .formatted(conf, port, embedded));
        nginx = new ProcessBuilder("nginx", "-p", conf.toString(), "-c", "nginx.conf")
                .redirectErrorStream(true)
                .redirectOutput(conf.resolve("logs/stdout.log").toFile())
                .start();
        HttpClient client = HttpClient.newHttpClient();
        for (int i = 0; i < 100; i++) {
            try {
                client.send(
                        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/read/"))
                                .build(),
                        HttpResponse.BodyHandlers.discarding());
                return;
            } catch (IOException e) {
                Thread.sleep(50);
            }
        }
        throw new IOException("nginx did not start: " + Files.readString(conf.resolve("logs/stdout.log")));
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private static void copy(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path file :
                    files.filter(f -> !f.toString().contains("/target/")).toList()) {
                Path target = to.resolve(from.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(file, target);
                }
            }
        }
    }
}
