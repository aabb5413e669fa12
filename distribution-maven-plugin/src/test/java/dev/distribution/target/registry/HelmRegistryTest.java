package dev.distribution.target.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.marcnuri.helm.Helm;
import dev.distribution.core.ConflictException;
import dev.distribution.core.Publication;
import dev.distribution.core.PublicationLog;
import dev.distribution.core.PublishOptions;
import dev.distribution.core.Redactor;
import dev.distribution.core.Reporter;
import dev.distribution.format.helm.Chart;
import dev.distribution.format.helm.ChartLinter;
import dev.distribution.format.helm.ChartPackager;
import dev.distribution.format.helm.SampleChart;
import dev.distribution.http.Credentials;
import dev.distribution.http.HttpTransport;
import dev.distribution.http.TransportSettings;
import dev.distribution.testing.LoopbackProcess;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Pushes charts to Debian's docker-registry with basic auth and reads them back with Helm through
 * helm-java ({@code show} and {@code template} on {@code oci://}).
 */
class HelmRegistryTest {
    private static final Instant TIME = Instant.parse("2026-12-04T10:00:00Z");
    private static final Credentials PUSHER = new Credentials.Basic("testuser", "testpass", "test");

    @TempDir
    static Path work;

    private static LoopbackProcess registry;
    private static String host;
    private static HttpTransport http;

    @BeforeAll
    static void startRegistry() throws Exception {
        Path root = Files.createDirectories(work.resolve("reg"));
        Process htpasswd = new ProcessBuilder("htpasswd", "-Bbn", "testuser", "testpass")
                .redirectOutput(root.resolve("htpasswd").toFile())
                .start();
        if (!htpasswd.waitFor(30, TimeUnit.SECONDS) || htpasswd.exitValue() != 0) {
            throw new IOException("htpasswd failed");
        }
        int port = LoopbackProcess.freePort();
        host = "127.0.0.1:" + port;
        Files.writeString(
                root.resolve("config.yml"),
                """
                version: 0.1
                storage:
                  filesystem: {rootdirectory: %1$s/data}
                  delete: {enabled: true}
                http:
                  addr: %2$s
                  secret: test-only-secret
                auth:
                  htpasswd: {realm: basic-realm, path: %1$s/htpasswd}
                """
                        .formatted(root, host));
        registry = LoopbackProcess.start(
                List.of("docker-registry", "serve", root.resolve("config.yml").toString()),
                root.resolve("registry.log"),
                "http://" + host + "/v2/");
        http = new HttpTransport(TransportSettings.builder().maxAttempts(1).build(), Reporter.SILENT, new Redactor());
        Helm.registry()
                .login()
                .withHost(host)
                .withUsername("testuser")
                .withPassword("testpass")
                .plainHttp()
                .call();
    }

    @AfterAll
    static void stopRegistry() {
        if (http != null) {
            http.close();
        }
        if (registry != null) {
            registry.close();
        }
    }

    private static Publication push(
            String name, String version, String greeting, PublishOptions options, Credentials credentials)
            throws Exception {
        Path folder = SampleChart.create(work.resolve("src-" + name + version + greeting), name);
        Files.writeString(folder.resolve("values.yaml"), "greeting: " + greeting + "\n");
        Chart chart = ChartLinter.lint(folder, version, "1.0", "<helm>");
        Path tgz = ChartPackager.write(chart, work.resolve("out-" + name + version + greeting), TIME);
        RegistryEndpoint endpoint = RegistryEndpoint.parse("http://" + host + "/charts", true, "<url>");
        HelmChartPusher pusher = new HelmChartPusher(
                endpoint,
                credentials,
                http,
                "registry",
                Reporter.SILENT,
                new PublicationLog(work.resolve("publication.json")),
                options);
        return pusher.push(chart, tgz, TIME);
    }

    @Test
    void helmShowsPushedChart() throws Exception {
        push("alpha", "1.2.0", "hi", PublishOptions.DEFAULT, PUSHER);
        String chartYaml = Helm.show("oci://" + host + "/charts/alpha")
                .chart()
                .withVersion("1.2.0")
                .plainHttp()
                .call();
        assertThat(chartYaml).contains("name: alpha").contains("version: 1.2.0");
    }

    @Test
    void helmTemplatesTagWithBuildMetadata() throws Exception {
        push("beta", "1.2.0+build.5", "salut", PublishOptions.DEFAULT, PUSHER);
        String manifest = Helm.template("oci://" + host + "/charts/beta")
                .withVersion("1.2.0+build.5")
                .withName("rel")
                .plainHttp()
                .call();
        assertThat(manifest).contains("greeting: \"salut\"");
    }

    @Test
    void referenceUsesUnderscoreTag() throws Exception {
        Publication publication = push("gamma", "1.0.0+b.1", "x", PublishOptions.DEFAULT, PUSHER);
        assertThat(publication.url()).isEqualTo("oci://" + host + "/charts/gamma:1.0.0_b.1");
    }

    @Test
    void skipsIdenticalPush() throws Exception {
        push("delta", "1.0.0", "same", PublishOptions.DEFAULT, PUSHER);
        assertThat(push("delta", "1.0.0", "same", PublishOptions.DEFAULT, PUSHER)
                        .status())
                .isEqualTo(Publication.Status.ALREADY_PUBLISHED);
    }

    @Test
    void failsOnDifferentChartAtSameTag() throws Exception {
        push("epsilon", "1.0.0", "first", PublishOptions.DEFAULT, PUSHER);
        assertThatThrownBy(() -> push("epsilon", "1.0.0", "second", PublishOptions.DEFAULT, PUSHER))
                .isInstanceOf(ConflictException.class)
                .hasMessageContaining("/charts/epsilon:1.0.0");
    }

    @Test
    void replacesWhenRedeployAllowed() throws Exception {
        push("zeta", "1.0.0", "first", PublishOptions.DEFAULT, PUSHER);
        push("zeta", "1.0.0", "second", new PublishOptions(false, true), PUSHER);
        String manifest = Helm.template("oci://" + host + "/charts/zeta")
                .withVersion("1.0.0")
                .withName("rel")
                .plainHttp()
                .call();
        assertThat(manifest).contains("greeting: \"second\"");
    }

    @Test
    void rejectsMissingCredentials() {
        assertThatThrownBy(() -> push("eta", "1.0.0", "x", PublishOptions.DEFAULT, Credentials.none()))
                .isInstanceOf(RegistryClient.RegistryAuthenticationException.class)
                .hasMessageContaining("401");
    }
}
