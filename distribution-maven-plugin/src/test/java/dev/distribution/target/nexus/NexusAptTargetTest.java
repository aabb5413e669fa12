package dev.distribution.target.nexus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.distribution.core.ConflictException;
import dev.distribution.core.Publication;
import dev.distribution.core.PublicationLog;
import dev.distribution.core.PublishOptions;
import dev.distribution.core.Publisher;
import dev.distribution.core.Redactor;
import dev.distribution.core.Reporter;
import dev.distribution.core.Repository;
import dev.distribution.core.RepositoryType;
import dev.distribution.core.Upload;
import dev.distribution.http.Credentials;
import dev.distribution.http.HttpTransport;
import dev.distribution.http.TransportSettings;
import dev.distribution.testing.RecordingServer;
import dev.distribution.testing.RecordingServer.Request;
import dev.distribution.testing.RecordingServer.Response;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Contract tests of the Nexus apt target against an in-process HTTP server that responds the way
 * Nexus Repository 3 is documented to: a POST of the package body to the repository URL, the
 * components API with {@code apt.asset}, and the 400/409 "already exists" responses. No Nexus server
 * runs in the test environment.
 */
class NexusAptTargetTest {
    private static final String POOL = "pool/h/hello/hello_1.0_all.deb";

    @TempDir
    Path work;

    private RecordingServer server;
    private HttpTransport http;

    @BeforeEach
    void start() throws Exception {
        server = RecordingServer.start();
        http = new HttpTransport(TransportSettings.builder().maxAttempts(1).build(), Reporter.SILENT, new Redactor());
    }

    @AfterEach
    void stop() throws Exception {
        http.close();
        server.close();
    }

    private NexusAptTarget target(boolean componentsApi) throws Exception {
        String url = server.url() + "/repository/apt-hosted/";
        return new NexusAptTarget(
                new Repository("nexus-apt", RepositoryType.NEXUS, url),
                NexusRepositoryUrl.parse(url, "<url>"),
                http,
                new Credentials.Basic("deployer", "apt-s3cret", "test server"),
                componentsApi);
    }

    private List<Publication> publish(NexusAptTarget target, Path deb) throws Exception {
        Publisher publisher = new Publisher(
                Reporter.SILENT, new PublicationLog(work.resolve("publication.json")), PublishOptions.DEFAULT);
        return publisher.publish(target, List.of(new Upload(deb, POOL)));
    }

    private Path deb(String content) throws Exception {
        Path file = work.resolve("hello_1.0_all.deb");
        Files.writeString(file, content);
        return file;
    }

    @Test
    void postsPackageBodyToRepositoryUrl() throws Exception {
        server.on("POST", "/repository/apt-hosted/", Response.of(201));

        publish(target(false), deb("debian package"));

        Request post = server.requests("POST").get(0);
        assertThat(post.bodyText()).isEqualTo("debian package");
        assertThat(post.header("Content-Type")).isEqualTo("application/vnd.debian.binary-package");
        assertThat(post.header("Authorization")).startsWith("Basic ");
    }

    @Test
    void componentsApiSendsAptAsset() throws Exception {
        server.on("POST", "/service/rest/v1/components", Response.of(204));

        publish(target(true), deb("debian package"));

        Request post = server.requests("POST").get(0);
        assertThat(post.rawQuery()).isEqualTo("repository=apt-hosted");
        assertThat(post.bodyText()).contains("name=\"apt.asset\"; filename=\"hello_1.0_all.deb\"");
        assertThat(post.bodyText()).contains("\r\n\r\ndebian package\r\n");
    }

    @Test
    void skipsPackageAlreadyInPool() throws Exception {
        server.store("/repository/apt-hosted/" + POOL, "debian package".getBytes(StandardCharsets.UTF_8));

        List<Publication> result = publish(target(false), deb("debian package"));

        assertThat(result.get(0).status()).isEqualTo(Publication.Status.ALREADY_PUBLISHED);
        assertThat(server.requests("POST")).isEmpty();
    }

    @Test
    void conflictAnswerWithOtherContentIsConflict() throws Exception {
        server.on("HEAD", "/repository/apt-hosted/" + POOL, Response.of(404));
        server.on("POST", "/repository/apt-hosted/", request -> {
            server.store("/repository/apt-hosted/" + POOL, "older build".getBytes(StandardCharsets.UTF_8));
            return Response.of(409, "apt-hosted/" + POOL + " -  cannot be updated as asset already exists");
        });

        assertThatThrownBy(() -> publish(target(false), deb("debian package")))
                .isInstanceOf(ConflictException.class)
                .hasMessageContaining(POOL);
    }
}
