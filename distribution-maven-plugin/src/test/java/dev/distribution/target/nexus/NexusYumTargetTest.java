package dev.distribution.target.nexus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.distribution.core.InvalidConfigurationException;
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

/** Contract tests of the Nexus yum target against an in-process server answering as Nexus documents. */
class NexusYumTargetTest {
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
    void stop() {
        http.close();
        server.close();
    }

    private void publish(boolean componentsApi, String path) throws Exception {
        String url = server.url() + "/repository/yum-hosted/";
        Repository repository = new Repository("nexus-yum", RepositoryType.NEXUS, url);
        NexusYumTarget target = new NexusYumTarget(
                repository, NexusRepositoryUrl.parse(url, "<url>"), http, new Credentials.None(), componentsApi);
        Path rpm = Files.writeString(work.resolve("hello-1.0-1.noarch.rpm"), "rpm bytes");
        new Publisher(Reporter.SILENT, new PublicationLog(work.resolve("publication.json")), PublishOptions.DEFAULT)
                .publish(target, List.of(new Upload(rpm, path, "application/x-rpm")));
    }

    @Test
    void putsUnderRepositoryPath() throws Exception {
        publish(false, "el9/x86_64/hello-1.0-1.noarch.rpm");

        assertThat(server.requests("PUT").get(0).rawPath())
                .isEqualTo("/repository/yum-hosted/el9/x86_64/hello-1.0-1.noarch.rpm");
    }

    @Test
    void componentsApiSendsYumFields() throws Exception {
        server.on("POST", "/service/rest/v1/components", Response.of(204));

        publish(true, "el9/x86_64/hello-1.0-1.noarch.rpm");

        Request post = server.requests("POST").get(0);
        assertThat(post.rawQuery()).isEqualTo("repository=yum-hosted");
        assertThat(post.bodyText()).contains("name=\"yum.directory\"\r\n\r\n/el9/x86_64\r\n");
        assertThat(post.bodyText()).contains("name=\"yum.asset\"; filename=\"hello-1.0-1.noarch.rpm\"");
        assertThat(post.bodyText()).contains("name=\"yum.asset.filename\"\r\n\r\nhello-1.0-1.noarch.rpm\r\n");
    }

    @Test
    void shallowPathRejected() {
        assertThatThrownBy(() -> NexusYumTarget.checkDepth("el9/", 2, "<rpm><path>", "<rpm><repodataDepth>"))
                .isInstanceOf(InvalidConfigurationException.class)
                .hasMessageContaining("<rpm><path>")
                .hasMessageContaining("el9/")
                .hasMessageContaining("at least 2 folders");
    }

    @Test
    void deepEnoughPathAccepted() throws Exception {
        NexusYumTarget.checkDepth("el9/x86_64/", 2, "<rpm><path>", "<rpm><repodataDepth>");

        assertThat(server.requests()).isEmpty();
    }

    @Test
    void depthOutOfRangeRejected() {
        assertThatThrownBy(() -> NexusYumTarget.checkDepth("", 6, "<rpm><path>", "<rpm><repodataDepth>"))
                .isInstanceOf(InvalidConfigurationException.class)
                .hasMessageContaining("<rpm><repodataDepth>");
    }
}
