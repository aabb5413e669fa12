package dev.distribution.target.nexus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.distribution.core.Checksums;
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
import dev.distribution.http.TransportException;
import dev.distribution.http.TransportSettings;
import dev.distribution.testing.RecordingServer;
import dev.distribution.testing.RecordingServer.Request;
import dev.distribution.testing.RecordingServer.Response;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Contract tests of the Nexus raw target against an in-process HTTP server that answers the way
 * Nexus Repository 3 is documented to (content PUT, components API, the 400/409 "already exists"
 * texts). No Nexus server runs in the test environment.
 */
class NexusRawTargetTest {
    private static final Credentials DEPLOYER = new Credentials.Basic("deployer", "n3xus-s3cret", "test server");

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

    private NexusRawTarget target(String context, boolean componentsApi) throws Exception {
        String url = server.url() + context + "/repository/raw-hosted/";
        Repository repository = new Repository("nexus-raw", RepositoryType.NEXUS, url);
        return new NexusRawTarget(repository, NexusRepositoryUrl.parse(url, "<url>"), http, DEPLOYER, componentsApi);
    }

    private Path file(String name, String content) throws Exception {
        Path file = work.resolve(name);
        Files.writeString(file, content);
        return file;
    }

    private List<Publication> publish(NexusRawTarget target, Upload upload) throws Exception {
        Publisher publisher = new Publisher(
                Reporter.SILENT, new PublicationLog(work.resolve("publication.json")), PublishOptions.DEFAULT);
        return publisher.publish(target, List.of(upload));
    }

    @Test
    void putsToEncodedContentPath() throws Exception {
        Path a = file("a.txt", "alpha");

        publish(target("", false), new Upload(a, "hello/1.0 beta/a#b[c]-ü.txt"));

        Request put = server.requests("PUT").get(0);
        assertThat(put.rawPath()).isEqualTo("/repository/raw-hosted/hello/1.0%20beta/a%23b%5Bc%5D-%C3%BC.txt");
        assertThat(put.bodyText()).isEqualTo("alpha");
    }

    @Test
    void sendsBasicAuthentication() throws Exception {
        Path a = file("a.txt", "alpha");

        publish(target("", false), new Upload(a, "a.txt"));

        String expected =
                "Basic " + Base64.getEncoder().encodeToString("deployer:n3xus-s3cret".getBytes(StandardCharsets.UTF_8));
        assertThat(server.requests("PUT").get(0).header("Authorization")).isEqualTo(expected);
    }

    @Test
    void keepsContextPath() throws Exception {
        Path a = file("a.txt", "alpha");

        publish(target("/nexus", false), new Upload(a, "x/a.txt"));

        assertThat(server.requests("PUT").get(0).rawPath()).isEqualTo("/nexus/repository/raw-hosted/x/a.txt");
    }

    @Test
    void componentsApiSendsDocumentedFields() throws Exception {
        Path a = file("a.txt", "alpha");
        server.on("POST", "/service/rest/v1/components", Response.of(204));

        publish(target("", true), new Upload(a, "hello/1.0/a.txt"));

        Request post = server.requests("POST").get(0);
        assertThat(post.rawQuery()).isEqualTo("repository=raw-hosted");
        assertThat(post.header("Content-Type")).startsWith("multipart/form-data; boundary=");
        String body = post.bodyText();
        assertThat(body).contains("name=\"raw.directory\"\r\n\r\n/hello/1.0\r\n");
        assertThat(body).contains("name=\"raw.asset1\"; filename=\"a.txt\"");
        assertThat(body).contains("name=\"raw.asset1.filename\"\r\n\r\na.txt\r\n");
        assertThat(body).contains("\r\n\r\nalpha\r\n");
    }

    @Test
    void conflictAnswerWithSameContentCountsAsPublished() throws Exception {
        Path a = file("a.txt", "alpha");
        server.on("HEAD", "/repository/raw-hosted/a.txt", Response.of(404));
        server.on("PUT", "/repository/raw-hosted/a.txt", request -> {
            server.store("/repository/raw-hosted/a.txt", "alpha".getBytes(StandardCharsets.UTF_8));
            return Response.of(
                    409, "raw-hosted/a.txt -  cannot be updated as asset already exists and redeploy is not allowed");
        });

        List<Publication> result = publish(target("", false), new Upload(a, "a.txt"));

        assertThat(result.get(0).status()).isEqualTo(Publication.Status.ALREADY_PUBLISHED);
    }

    @Test
    void oldNexus400WithOtherContentIsConflict() throws Exception {
        Path a = file("a.txt", "alpha");
        server.on("HEAD", "/repository/raw-hosted/a.txt", Response.of(404));
        server.on("PUT", "/repository/raw-hosted/a.txt", request -> {
            server.store("/repository/raw-hosted/a.txt", "omega".getBytes(StandardCharsets.UTF_8));
            return Response.of(400, "Repository does not allow updating assets: raw-hosted");
        });

        assertThatThrownBy(() -> publish(target("", false), new Upload(a, "a.txt")))
                .isInstanceOf(ConflictException.class)
                .hasMessageContaining("/repository/raw-hosted/a.txt")
                .hasMessageContaining(Checksums.sha256("omega".getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void componentsApiValidationErrorIsAlreadyPublished() throws Exception {
        Path a = file("a.txt", "alpha");
        server.on("HEAD", "/repository/raw-hosted/a.txt", Response.of(404));
        server.on("POST", "/service/rest/v1/components", request -> {
            server.store("/repository/raw-hosted/a.txt", "alpha".getBytes(StandardCharsets.UTF_8));
            return Response.of(
                    400,
                    "[{\"id\":\"*\",\"message\":\"raw-hosted/a.txt -  cannot be updated as asset already exists and redeploy is not allowed\"}]");
        });

        List<Publication> result = publish(target("", true), new Upload(a, "a.txt"));

        assertThat(result.get(0).status()).isEqualTo(Publication.Status.ALREADY_PUBLISHED);
    }

    @Test
    void sha1EtagAvoidsDownload() throws Exception {
        Path a = file("a.txt", "alpha");
        String sha1 = HexFormat.of()
                .formatHex(Checksums.newDigest(Checksums.SHA1).digest("alpha".getBytes(StandardCharsets.UTF_8)));
        server.on("HEAD", "/repository/raw-hosted/a.txt", Response.of(200).withHeader("ETag", "\"" + sha1 + "\""));

        List<Publication> result = publish(target("", false), new Upload(a, "a.txt"));

        assertThat(result.get(0).status()).isEqualTo(Publication.Status.ALREADY_PUBLISHED);
        assertThat(server.requests("GET")).isEmpty();
        assertThat(server.requests("PUT")).isEmpty();
    }

    @Test
    void unauthorizedNamesTheServerEntryNotThePassword() throws Exception {
        Path a = file("a.txt", "alpha");
        server.on("HEAD", "/repository/raw-hosted/a.txt", Response.of(404));
        server.on("PUT", "/repository/raw-hosted/a.txt", Response.of(401));

        assertThatThrownBy(() -> publish(target("", false), new Upload(a, "a.txt")))
                .isInstanceOf(TransportException.class)
                .hasMessageContaining("401")
                .hasMessageContaining("nexus-raw")
                .hasMessageNotContaining("n3xus-s3cret");
    }

    @Test
    void rejectsUrlWithoutRepositorySegment() {
        assertThatThrownBy(() -> NexusRepositoryUrl.parse("https://nexus.example.com/raw-hosted/", "<url>"))
                .hasMessageContaining("https://nexus.example.com/raw-hosted/")
                .hasMessageContaining("/repository/<repository-name>/");
    }
}
