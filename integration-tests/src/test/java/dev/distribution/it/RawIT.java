package dev.distribution.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.distribution.it.support.FaultProxy;
import dev.distribution.it.support.ItEnvironment;
import dev.distribution.it.support.MavenRun;
import dev.distribution.it.support.MavenSettings;
import dev.distribution.it.support.Nginx;
import dev.distribution.it.support.Processes;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;

/**
 * The {@code archive} and {@code deploy-raw} goals on the {@code raw-app} sample, a picocli command
 * with its dependency in {@code lib/}, deployed by {@code mvn deploy} to nginx WebDAV and fetched
 * back anonymously.
 */
class RawIT {
    private static final String SERVER_ID = "it-raw";
    private static final String USER = "deployer";
    private static final String PASSWORD = "Raw-IT-s3cret-4471";
    private static final String FOLDER = "raw/raw-app/1.0.0/";
    private static final String TAR = "raw-app-1.0.0.tar.gz";
    private static final String ZIP = "raw-app-1.0.0.zip";
    private static final String SUMS = "SHA256SUMS";

    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();
    private Nginx nginx;
    private String testName;

    @BeforeEach
    void startServer(TestInfo info) throws IOException {
        testName = info.getTestMethod().orElseThrow().getName();
        nginx = Nginx.start(ItEnvironment.freshFolder("RawIT/" + testName + "/nginx"), USER, PASSWORD);
    }

    @AfterEach
    void stopServer() {
        nginx.close();
    }

    @Test
    void deployPublishesIdenticalFiles() throws Exception {
        MavenRun build = build(nginx.putUrl(), PASSWORD);

        MavenRun.BuildResult result = build.run("deploy");

        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(localFiles(build)).containsExactlyInAnyOrder(TAR, ZIP, SUMS);
        for (String name : localFiles(build)) {
            assertThat(fetch(name)).as(name).isEqualTo(Files.readAllBytes(local(build, name)));
        }
    }

    @Test
    void fetchedArchiveRuns() throws Exception {
        MavenRun build = build(nginx.putUrl(), PASSWORD);
        MavenRun.BuildResult result = build.run("deploy");
        assertThat(result.exitCode()).as(result.toString()).isZero();
        Path download = Files.createDirectories(build.workDirectory().resolve("download"));
        for (String name : List.of(TAR, ZIP, SUMS)) {
            Files.write(download.resolve(name), fetch(name));
        }

        Processes.Result check = Processes.run(List.of("sha256sum", "-c", SUMS), download, Duration.ofSeconds(30));
        Processes.Result untar = Processes.run(List.of("tar", "-xzf", TAR), download, Duration.ofSeconds(30));
        Path launcher = findLauncher(download);
        Processes.Result run = Processes.run(
                List.of(launcher.toString(), "--name", "integration test"), download, Duration.ofSeconds(60));

        assertThat(check.exitCode()).as(check.output()).isZero();
        assertThat(check.output()).contains(TAR + ": OK");
        assertThat(untar.exitCode()).as(untar.output()).isZero();
        assertThat(launcher.getParent().resolveSibling("lib").resolve("picocli-4.7.7.jar"))
                .isRegularFile();
        assertThat(run.output()).contains("Hello, integration test!");
    }

    @Test
    void rerunUploadsNothing() throws Exception {
        MavenRun build = build(nginx.putUrl(), PASSWORD);
        MavenRun.BuildResult first = build.run("deploy");
        int putsAfterFirst = nginx.requests("PUT").size();

        MavenRun.BuildResult second = build.run("deploy");

        assertThat(first.exitCode()).as(first.toString()).isZero();
        assertThat(putsAfterFirst).isEqualTo(3);
        assertThat(second.exitCode()).as(second.toString()).isZero();
        assertThat(nginx.requests("PUT")).hasSize(putsAfterFirst);
        assertThat(second.log()).contains("Already published, skipped");
    }

    @Test
    void differentContentFailsWithDigests() throws Exception {
        MavenRun build = build(nginx.putUrl(), PASSWORD);
        MavenRun.BuildResult first = build.run("deploy");
        assertThat(first.exitCode()).as(first.toString()).isZero();
        Path published = nginx.storeDir().resolve(FOLDER + TAR);
        String remoteSha256 = sha256(published);
        Path source = build.projectDirectory().resolve("src/main/java/com/example/rawapp/Greet.java");
        Files.writeString(source, Files.readString(source).replace("\"Hello, \"", "\"Hi, \""));
        int putsBefore = nginx.requests("PUT").size();

        MavenRun.BuildResult second = build.run("deploy");

        String localSha256 = sha256(local(build, TAR));
        assertThat(localSha256).isNotEqualTo(remoteSha256);
        assertThat(second.exitCode()).as(second.toString()).isNotZero();
        assertThat(second.log()).contains("raw-app/1.0.0/" + TAR);
        assertThat(second.log()).contains(remoteSha256);
        assertThat(second.log()).contains(localSha256);
        assertThat(nginx.requests("PUT")).hasSize(putsBefore);
        assertThat(sha256(published)).isEqualTo(remoteSha256);
    }

    @Test
    void wrongPasswordIsClear401() throws Exception {
        String wrong = "Wr0ng-Pa55-8812";
        // A Basic Authorization header carries the password in base64, which is no less secret.
        String header = Base64.getEncoder().encodeToString((USER + ":" + wrong).getBytes(StandardCharsets.UTF_8));
        MavenRun build = build(nginx.putUrl(), wrong);

        MavenRun.BuildResult plain = build.run("deploy");
        MavenRun.BuildResult debug = build.arguments("-X").run("deploy");

        for (MavenRun.BuildResult result : List.of(plain, debug)) {
            assertThat(result.exitCode()).as(result.toString()).isNotZero();
            assertThat(result.log()).as(result.toString()).contains("401");
            assertThat(result.log()).as(result.toString()).contains("'" + SERVER_ID + "'");
            assertThat(result.log()).as(result.toString()).doesNotContain(wrong);
            assertThat(result.log()).as(result.toString()).doesNotContain(header);
        }
        assertThat(debug.log()).contains("[DEBUG]");
        assertThat(nginx.storeDir().resolve("raw")).doesNotExist();
    }

    @Test
    void unavailableTwiceThenSucceeds() throws Exception {
        try (FaultProxy proxy = FaultProxy.start(nginx.putPort(), FaultProxy.unavailable(2))) {
            MavenRun build = build(proxy.url(), PASSWORD);

            MavenRun.BuildResult result = build.run("deploy");

            assertThat(result.exitCode()).as(result.toString()).isZero();
            assertThat(proxy.faults()).isEqualTo(2);
            for (String name : List.of(TAR, ZIP, SUMS)) {
                assertThat(fetch(name)).as(name).isEqualTo(Files.readAllBytes(local(build, name)));
            }
        }
    }

    @Test
    void resetMidUploadCompletes() throws Exception {
        long cutAfter = 150_000;
        try (FaultProxy proxy = FaultProxy.start(nginx.putPort(), FaultProxy.resetAfter(cutAfter, 1))) {
            MavenRun build = build(proxy.url(), PASSWORD);

            MavenRun.BuildResult result = build.run("deploy");

            assertThat(result.exitCode()).as(result.toString()).isZero();
            assertThat(Files.size(local(build, TAR))).isGreaterThan(cutAfter);
            assertThat(proxy.faults()).isEqualTo(1);
            // The cut hit the upload itself, not one of the existence checks before it.
            assertThat(result.log()).contains("Retrying PUT " + proxy.url() + FOLDER + TAR);
            for (String name : List.of(TAR, ZIP, SUMS)) {
                assertThat(fetch(name)).as(name).isEqualTo(Files.readAllBytes(local(build, name)));
            }
        }
    }

    @Test
    void dryRunUploadsNothing() throws Exception {
        MavenRun build = build(nginx.putUrl(), PASSWORD).property("distribution.dryRun", "true");

        MavenRun.BuildResult result = build.run("deploy");

        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(result.log()).contains("Dry run");
        assertThat(result.log()).contains(nginx.putUrl() + FOLDER + TAR);
        assertThat(nginx.requests("PUT")).isEmpty();
        assertThat(nginx.storeDir().resolve("raw")).doesNotExist();
    }

    /** Copies the sample with its repository URL set to {@code baseUrl + "raw/"}. */
    private MavenRun build(String baseUrl, String password) throws IOException {
        return MavenRun.of("raw-app", "RawIT/" + testName + "/build", Map.of("RAW_URL", baseUrl + "raw/"))
                .settings(new MavenSettings().server(SERVER_ID, USER, password));
    }

    private byte[] fetch(String name) throws IOException, InterruptedException {
        HttpResponse<byte[]> response = http.send(
                HttpRequest.newBuilder(URI.create(nginx.readUrl() + FOLDER + name))
                        .timeout(Duration.ofSeconds(30))
                        .build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(response.statusCode()).as("GET " + name).isEqualTo(200);
        return response.body();
    }

    private static Path local(MavenRun build, String name) {
        return build.projectDirectory().resolve("target/distribution/raw").resolve(name);
    }

    private static List<String> localFiles(MavenRun build) throws IOException {
        try (Stream<Path> files = Files.list(build.projectDirectory().resolve("target/distribution/raw"))) {
            return files.map(file -> file.getFileName().toString()).sorted().toList();
        }
    }

    private static Path findLauncher(Path folder) throws IOException {
        try (Stream<Path> files = Files.walk(folder)) {
            return files.filter(file -> file.endsWith(Path.of("bin", "raw-app")))
                    .findFirst()
                    .orElseThrow(() -> new AssertionError("No bin/raw-app in the archive under " + folder));
        }
    }

    private static String sha256(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            byte[] buffer = new byte[64 * 1024];
            int read;
            while ((read = in.read(buffer)) != -1) {
                digest.update(buffer, 0, read);
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
