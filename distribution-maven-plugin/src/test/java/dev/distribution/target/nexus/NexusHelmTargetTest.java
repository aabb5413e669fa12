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
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Contract tests of the Nexus helm hosted target against an in-process server answering as Nexus
 * Repository 3 is documented to: uploads only at the repository root, the components API with
 * {@code helm.asset}, and 400 for a chart version that exists.
 */
class NexusHelmTargetTest {
    private static final Credentials DEPLOYER = new Credentials.Basic("deployer", "n3xus-s3cret", "test server");

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

    private List<Publication> publish(boolean componentsApi) throws Exception {
        String url = server.url() + "/repository/helm-hosted/";
        NexusHelmTarget target = new NexusHelmTarget(
                new Repository("nexus-helm", RepositoryType.NEXUS, url),
                NexusRepositoryUrl.parse(url, "<url>"),
                http,
                DEPLOYER,
                componentsApi);
        Publisher publisher = new Publisher(
                Reporter.SILENT, new PublicationLog(work.resolve("publication.json")), PublishOptions.DEFAULT);
        return publisher.publish(
                target,
                List.of(
                        new Upload(tgz, "hello-1.0.0.tgz", "application/gzip"),
                        new Upload(prov, "hello-1.0.0.tgz.prov")));
    }

    @Test
    void putsChartAtRoot() throws Exception {
        publish(false);
        assertThat(server.requests("PUT").stream().map(Request::rawPath))
                .containsExactly(
                        "/repository/helm-hosted/hello-1.0.0.tgz", "/repository/helm-hosted/hello-1.0.0.tgz.prov");
    }

    @Test
    void sendsBasicCredentials() throws Exception {
        publish(false);
        assertThat(server.requests("PUT").get(0).header("Authorization")).startsWith("Basic ");
    }

    @Test
    void postsHelmAssetToComponentsApi() throws Exception {
        server.on("POST", "/service/rest/v1/components", Response.of(204));
        publish(true);
        Request post = server.requests("POST").get(0);
        assertThat(post.rawQuery() + " " + post.bodyText())
                .startsWith("repository=helm-hosted ")
                .contains("name=\"helm.asset\"; filename=\"hello-1.0.0.tgz\"")
                .contains("chart bytes");
    }

    @Test
    void putsProvenanceBesideComponentsUpload() throws Exception {
        server.on("POST", "/service/rest/v1/components", Response.of(204));
        publish(true);
        assertThat(server.requests("PUT").stream().map(Request::rawPath))
                .containsExactly("/repository/helm-hosted/hello-1.0.0.tgz.prov");
    }

    @Test
    void skipsIdenticalChart() throws Exception {
        server.store("/repository/helm-hosted/hello-1.0.0.tgz", Files.readAllBytes(tgz));
        server.store("/repository/helm-hosted/hello-1.0.0.tgz.prov", Files.readAllBytes(prov));
        assertThat(publish(false).stream().map(Publication::status)).containsOnly(Publication.Status.ALREADY_PUBLISHED);
    }

    @Test
    void failsOnDifferentChartBeforeUpload() throws Exception {
        server.store("/repository/helm-hosted/hello-1.0.0.tgz", "other bytes".getBytes());
        assertThatThrownBy(() -> publish(false))
                .isInstanceOf(ConflictException.class)
                .hasMessageContaining("hello-1.0.0.tgz");
        assertThat(server.requests("PUT")).isEmpty();
    }

    @Test
    void comparesAgainWhenNexusRefusesRedeploy() throws Exception {
        server.on("PUT", "/repository/helm-hosted/hello-1.0.0.tgz", request -> {
            server.store("/repository/helm-hosted/hello-1.0.0.tgz", "raced".getBytes());
            return Response.of(400, "Repository does not allow updating assets: helm-hosted");
        });
        assertThatThrownBy(() -> publish(false)).isInstanceOf(ConflictException.class);
    }
}
