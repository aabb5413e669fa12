package dev.distribution.target.github;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.distribution.core.Redactor;
import dev.distribution.core.Reporter;
import dev.distribution.http.HttpTransport;
import dev.distribution.http.TransportSettings;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Replays GitHub's recorded release-asset conversations with {@code @octokit/fixtures-server}
 * (installed from npm into a temporary folder and bound to 127.0.0.1), to show that {@link
 * GitHubApi} sends the requests the way octokit does: same paths, headers and bodies, in the
 * recorded order. No real GitHub server runs in the test environment; the replay has no recording
 * that creates a release, so the whole flow is covered by {@link GitHubReleasePublisherTest}.
 */
class OctokitFixturesTest {
    private static final String TOKEN = "0000000000000000000000000000000000000001";
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path work;

    private static Process server;
    private static int port;

    private HttpTransport http;

    @BeforeAll
    static void startServer() throws Exception {
        Path folder = work.resolve("gh");
        Files.createDirectories(folder);
        String failure = run(folder, List.of("npm", "init", "-y"), 60);
        if (failure == null) {
            failure = run(
                    folder, List.of("npm", "install", "--no-audit", "--no-fund", "@octokit/fixtures-server@8"), 300);
        }
        Assumptions.assumeTrue(failure == null, "npm could not install @octokit/fixtures-server: " + failure);
        // The package's own binary listens on every interface and lets unmatched requests reach the
        // network, so this launcher binds loopback and disables nock's network access.
        Files.writeString(
                folder.resolve("server-loopback.mjs"),
                String.join(
                        "\n",
                        "import express from \"express\";",
                        "import fixtures from \"@octokit/fixtures\";",
                        "import fixtureServerMiddleware from \"@octokit/fixtures-server\";",
                        "const port = Number(process.env.PORT);",
                        "fixtures.nock.disableNetConnect();",
                        "const app = express();",
                        "app.use(fixtureServerMiddleware({ port, fixturesUrl: `http://127.0.0.1:${port}`,"
                                + " logLevel: \"info\", ttl: 60000 }));",
                        "app.listen(port, \"127.0.0.1\");",
                        ""));
        port = freePort();
        ProcessBuilder builder = new ProcessBuilder("node", "server-loopback.mjs")
                .directory(folder.toFile())
                .redirectErrorStream(true)
                .redirectOutput(work.resolve("server.log").toFile());
        builder.environment().put("PORT", Integer.toString(port));
        server = builder.start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
        while (!accepts(port)) {
            if (!server.isAlive() || System.nanoTime() > deadline) {
                throw new IllegalStateException(
                        "The fixtures server did not start: " + Files.readString(work.resolve("server.log")));
            }
            Thread.sleep(50);
        }
    }

    @AfterAll
    static void stopServer() throws InterruptedException {
        if (server != null) {
            server.destroy();
            server.waitFor(10, TimeUnit.SECONDS);
        }
    }

    @BeforeEach
    void openTransport() {
        http = new HttpTransport(TransportSettings.builder().maxAttempts(1).build(), Reporter.SILENT, new Redactor());
    }

    @AfterEach
    void closeTransport() {
        http.close();
    }

    private static String run(Path folder, List<String> command, int seconds) {
        try {
            Process process = new ProcessBuilder(command)
                    .directory(folder.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(folder.resolve("npm.log").toFile())
                    .start();
            if (!process.waitFor(seconds, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                return String.join(" ", command) + " timed out after " + seconds + " s";
            }
            if (process.exitValue() != 0) {
                return String.join(" ", command) + " exited with " + process.exitValue() + ": "
                        + Files.readString(folder.resolve("npm.log"));
            }
            return null;
        } catch (IOException e) {
            return String.join(" ", command) + " failed: " + e.getMessage();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted";
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private static boolean accepts(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 200);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** Loads a scenario and returns the API base URL that replays it. */
    private static String scenario(String name) throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/fixtures"))
                                .header("Content-Type", "application/json")
                                .POST(HttpRequest.BodyPublishers.ofString("{\"scenario\":\"" + name + "\"}"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(201);
        return JSON.readTree(response.body()).path("url").asText();
    }

    private GitHubApi api(String apiUrl, String repository) {
        return new GitHubApi(
                http,
                apiUrl,
                repository,
                GitHubApi.token(TOKEN, "fixture token"),
                RateLimitPolicy.of(Duration.ZERO),
                Reporter.SILENT);
    }

    private static ReleaseAsset helloFile() throws IOException {
        Path file = work.resolve("test-upload.txt");
        Files.writeString(file, "Hello, world!\n", StandardCharsets.UTF_8);
        return new ReleaseAsset(file, "test-upload.txt", "test", AssetFiles.contentType("test-upload.txt"));
    }

    @Test
    void uploadReplays() throws Exception {
        GitHubApi api = api(scenario("release-assets"), "octokit-fixture-org/release-assets");

        GitHubRelease release = api.releaseByTag("v1.0.0").orElseThrow();
        GitHubAsset uploaded = api.uploadAsset(release, helloFile());
        List<GitHubAsset> listed = api.listAssets(release.id());

        assertThat(release.id()).isEqualTo(1000);
        assertThat(release.uploadUrl()).startsWith("http://127.0.0.1:" + port + "/uploads.github.com/");
        assertThat(uploaded.id()).isEqualTo(1000);
        assertThat(uploaded.name()).isEqualTo("test-upload.txt");
        assertThat(uploaded.isUploaded()).isTrue();
        assertThat(uploaded.size()).isEqualTo(14);
        assertThat(listed).extracting(GitHubAsset::name).containsExactly("test-upload.txt");
    }

    @Test
    void conflictReplays() throws Exception {
        GitHubApi api = api(scenario("release-assets-conflict"), "octokit-fixture-org/release-assets-conflict");
        ReleaseAsset file = helloFile();

        GitHubRelease release = api.releaseByTag("v1.0.0").orElseThrow();
        assertThatThrownBy(() -> api.uploadAsset(release, file)).isInstanceOf(AssetExistsException.class);
        List<GitHubAsset> listed = api.listAssets(release.id());
        api.deleteAsset(listed.get(0).id());
        GitHubAsset again = api.uploadAsset(release, file);

        assertThat(listed).extracting(GitHubAsset::id).containsExactly(1000L);
        assertThat(again.id()).isEqualTo(1001);
        assertThat(again.name()).isEqualTo("test-upload.txt");
    }

    @Test
    void outOfOrderCallFails() throws Exception {
        GitHubApi api = api(scenario("release-assets"), "octokit-fixture-org/release-assets");

        assertThatThrownBy(() -> api.listAssets(1000)).hasMessageContaining("404");
    }
}
