package dev.distribution.target.chartmuseum;

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
import dev.distribution.http.TransportException;
import dev.distribution.http.TransportSettings;
import dev.distribution.testing.RecordingServer;
import dev.distribution.testing.RecordingServer.Request;
import dev.distribution.testing.RecordingServer.Response;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Contract tests of the ChartMuseum target against an in-process server answering as ChartMuseum's
 * API documents: {@code POST /api/charts} and {@code /api/prov} with the file as body, 201 on
 * success, 409 when the version exists, charts served under {@code /charts/}.
 */
class ChartMuseumTargetTest {
    @TempDir
    Path work;

    private RecordingServer server;
    private HttpTransport http;
    private Path tgz;
    private Path prov;

    @BeforeEach
    void start() throws Exception {
        server = RecordingServer.start();
        http = new HttpTransport(TransportSettings.builder().maxAttempts(1).build(), Reporter.SILENT, new Redactor());
        tgz = Files.writeString(work.resolve("hello-1.0.0.tgz"), "chart bytes");
        prov = Files.writeString(work.resolve("hello-1.0.0.tgz.prov"), "signature");
    }

    @AfterEach
    void stop() {
        http.close();
        server.close();
    }

    private List<Publication> publish(String path, PublishOptions options) throws Exception {
        ChartMuseumTarget target = new ChartMuseumTarget(
                new Repository("museum", RepositoryType.CHARTMUSEUM, server.url() + path),
                http,
                new Credentials.Basic("ci", "museum-s3cret", "test server"));
        Publisher publisher =
                new Publisher(Reporter.SILENT, new PublicationLog(work.resolve("publication.json")), options);
        return publisher.publish(
                target, List.of(new Upload(tgz, "hello-1.0.0.tgz"), new Upload(prov, "hello-1.0.0.tgz.prov")));
    }

    private void accept() {
        server.on("POST", "/api/charts", Response.of(201, "{\"saved\":true}"));
        server.on("POST", "/api/prov", Response.of(201, "{\"saved\":true}"));
    }

    @Test
    void postsChartThenProvenance() throws Exception {
        accept();
        publish("/", PublishOptions.DEFAULT);
        assertThat(server.requests("POST").stream().map(Request::rawPath)).containsExactly("/api/charts", "/api/prov");
    }

    @Test
    void sendsChartAsBody() throws Exception {
        accept();
        publish("/", PublishOptions.DEFAULT);
        assertThat(server.requests("POST").get(0).bodyText()).isEqualTo("chart bytes");
    }

    @Test
    void checksServedChartFirst() throws Exception {
        accept();
        publish("/", PublishOptions.DEFAULT);
        assertThat(server.requests().get(0).method() + " "
                        + server.requests().get(0).rawPath())
                .isEqualTo("HEAD /charts/hello-1.0.0.tgz");
    }

    @Test
    void putsTenantPathAfterApi() throws Exception {
        server.on("POST", "/api/org/team/charts", Response.of(201));
        server.on("POST", "/api/org/team/prov", Response.of(201));
        publish("/org/team/", PublishOptions.DEFAULT);
        assertThat(server.requests("POST").stream().map(Request::rawPath))
                .containsExactly("/api/org/team/charts", "/api/org/team/prov");
    }

    @Test
    void forcesAllowedReplacement() throws Exception {
        server.store("/charts/hello-1.0.0.tgz", "older".getBytes());
        accept();
        publish("/", new PublishOptions(false, true));
        assertThat(server.requests("POST").get(0).rawQuery()).isEqualTo("force");
    }

    @Test
    void skipsIdenticalChart() throws Exception {
        server.store("/charts/hello-1.0.0.tgz", Files.readAllBytes(tgz));
        server.store("/charts/hello-1.0.0.tgz.prov", Files.readAllBytes(prov));
        assertThat(publish("/", PublishOptions.DEFAULT).stream().map(Publication::status))
                .containsOnly(Publication.Status.ALREADY_PUBLISHED);
    }

    @Test
    void failsOnDifferentChart() throws Exception {
        server.store("/charts/hello-1.0.0.tgz", "older".getBytes());
        assertThatThrownBy(() -> publish("/", PublishOptions.DEFAULT))
                .isInstanceOf(ConflictException.class)
                .hasMessageContaining("/charts/hello-1.0.0.tgz");
    }

    @Test
    void reportsRejectedCredentials() throws Exception {
        server.on("POST", "/api/charts", Response.of(401, "{\"error\":\"unauthorized\"}"));
        assertThatThrownBy(() -> publish("/", PublishOptions.DEFAULT))
                .isInstanceOf(TransportException.class)
                .hasMessageContaining("HTTP 401")
                .hasMessageNotContaining("museum-s3cret");
    }
}
