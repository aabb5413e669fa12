package dev.distribution.target.staticrepo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.marcnuri.helm.Helm;
import com.marcnuri.helm.SearchResult;
import dev.distribution.core.ConflictException;
import dev.distribution.core.PublicationLog;
import dev.distribution.core.PublishOptions;
import dev.distribution.core.Redactor;
import dev.distribution.core.Reporter;
import dev.distribution.core.Repository;
import dev.distribution.core.RepositoryType;
import dev.distribution.format.helm.Chart;
import dev.distribution.format.helm.ChartIndex;
import dev.distribution.format.helm.ChartLinter;
import dev.distribution.format.helm.ChartPackager;
import dev.distribution.format.helm.SampleChart;
import dev.distribution.http.Credentials;
import dev.distribution.http.HttpTransport;
import dev.distribution.http.TransportSettings;
import dev.distribution.target.staticrepo.HelmRepositoryPublisher.PackagedChart;
import dev.distribution.target.webdav.HttpPutTarget;
import dev.distribution.testing.LoopbackProcess;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Publishes charts to a static chart repository on nginx (written with authenticated PUT, read
 * anonymously) and reads it back with Helm through helm-java: repo add, search and template.
 */
class HelmStaticRepositoryTest {
    private static final Instant TIME = Instant.parse("2026-12-04T10:00:00Z");
    private static final Credentials DEPLOYER = new Credentials.Basic("deployer", "s3cret", "test");

    @TempDir
    static Path work;

    private static LoopbackProcess nginx;
    private static String readUrl;
    private static String putUrl;
    private static HttpTransport http;

    @BeforeAll
    static void startNginx() throws Exception {
        Path root = work.resolve("nginx");
        for (String folder : List.of("logs", "tmp", "store/charts")) {
            Files.createDirectories(root.resolve(folder));
        }
        Command.run(work, "htpasswd", "-bc", root.resolve("htpasswd").toString(), "deployer", "s3cret");
        int readPort = LoopbackProcess.freePort();
        int putPort = LoopbackProcess.freePort();
        String tmp = root.resolve("tmp").toString();
        Files.writeString(
                root.resolve("nginx.conf"),
                """
                user root; worker_processes 1; daemon off; pid %1$s/nginx.pid;
                error_log %1$s/logs/error.log info;
                events { worker_connections 64; }
                http {
                  access_log %1$s/logs/access.log;
                  client_body_temp_path %2$s/body; proxy_temp_path %2$s/proxy; fastcgi_temp_path %2$s/fastcgi;
                  uwsgi_temp_path %2$s/uwsgi; scgi_temp_path %2$s/scgi;
                  default_type application/octet-stream;
                  server { listen 127.0.0.1:%3$d; location / { root %1$s/store; } }
                  server { listen 127.0.0.1:%4$d; client_max_body_size 0;
                    location / { root %1$s/store; dav_methods PUT DELETE MKCOL; create_full_put_path on;
                      auth_basic "charts"; auth_basic_user_file %1$s/htpasswd; } }
                }
                """
                        .formatted(root, tmp, readPort, putPort));
        readUrl = "http://127.0.0.1:" + readPort + "/charts/";
        putUrl = "http://127.0.0.1:" + putPort + "/charts/";
        nginx = LoopbackProcess.start(
                List.of("nginx", "-p", root.toString(), "-c", "nginx.conf"), root.resolve("logs/stdout.log"), readUrl);
        http = new HttpTransport(TransportSettings.builder().maxAttempts(1).build(), Reporter.SILENT, new Redactor());
    }

    @AfterAll
    static void stopNginx() {
        if (http != null) {
            http.close();
        }
        if (nginx != null) {
            nginx.close();
        }
    }

    private static PackagedChart chart(String name, String version, String greeting) throws Exception {
        Path source = work.resolve("src-" + version + "-" + greeting);
        Path folder = SampleChart.create(source, name);
        Files.writeString(folder.resolve("values.yaml"), "replicaCount: 1\ngreeting: " + greeting + "\n");
        Chart chart = ChartLinter.lint(folder, version, version, "<helm>");
        Path tgz = ChartPackager.write(chart, work.resolve("out-" + version + "-" + greeting), TIME);
        return new PackagedChart(chart, tgz, null);
    }

    private static void publish(PackagedChart chart) throws Exception {
        HttpPutTarget target =
                new HttpPutTarget(new Repository("charts", RepositoryType.WEBDAV, putUrl), http, DEPLOYER);
        new HelmRepositoryPublisher(
                        target,
                        RemoteFiles.http(http, putUrl, DEPLOYER),
                        Reporter.SILENT,
                        new PublicationLog(work.resolve("publication.json")),
                        PublishOptions.DEFAULT)
                .publish(List.of(chart), TIME, work.resolve("index-" + UUID.randomUUID()));
    }

    private static Path addRepository(String name) throws Exception {
        Path config = work.resolve("repositories-" + name + ".yaml");
        Helm.repo()
                .add()
                .withRepositoryConfig(config)
                .withName(name)
                .withUrl(URI.create(readUrl))
                .call();
        return config;
    }

    @Test
    void helmFindsPublishedChart() throws Exception {
        publish(chart("alpha", "1.0.0", "hello"));
        Path config = addRepository("first");
        List<SearchResult> found = Helm.search()
                .repo()
                .withRepositoryConfig(config)
                .withKeyword("first/alpha")
                .call();
        assertThat(found).extracting(SearchResult::getChartVersion).containsExactly("1.0.0");
    }

    @Test
    void helmTemplatesPublishedChart() throws Exception {
        publish(chart("beta", "2.0.0", "bonjour"));
        Path config = addRepository("second");
        String manifest = Helm.template("second/beta")
                .withRepositoryConfig(config)
                .withName("rel")
                .withVersion("2.0.0")
                .call();
        assertThat(manifest).contains("greeting: \"bonjour\"");
    }

    @Test
    void laterVersionAppearsBesideFirst() throws Exception {
        publish(chart("gamma", "1.0.0", "one"));
        publish(chart("gamma", "1.1.0", "two"));
        Path config = addRepository("third");
        String older = Helm.template("third/gamma")
                .withRepositoryConfig(config)
                .withName("rel")
                .withVersion("1.0.0")
                .call();
        String newer = Helm.template("third/gamma")
                .withRepositoryConfig(config)
                .withName("rel")
                .call();
        assertThat(older + newer).contains("greeting: \"one\"").contains("greeting: \"two\"");
    }

    @Test
    void indexKeepsOtherCharts() throws Exception {
        publish(chart("delta", "1.0.0", "d"));
        publish(chart("epsilon", "1.0.0", "e"));
        Path downloaded = work.resolve("downloaded-index.yaml");
        RemoteFiles.http(http, readUrl, Credentials.none()).download(ChartIndex.FILE, downloaded);
        assertThat(ChartIndex.read(downloaded).charts()).contains("delta", "epsilon");
    }

    @Test
    void republishingIdenticalChartSucceeds() throws Exception {
        PackagedChart chart = chart("zeta", "1.0.0", "z");
        publish(chart);
        publish(chart);
        Path downloaded = work.resolve("zeta-index.yaml");
        RemoteFiles.http(http, readUrl, Credentials.none()).download(ChartIndex.FILE, downloaded);
        assertThat(ChartIndex.read(downloaded).versions("zeta")).containsExactly("1.0.0");
    }

    @Test
    void republishingDifferentChartFails() throws Exception {
        publish(chart("eta", "1.0.0", "first"));
        PackagedChart changed = chart("eta", "1.0.0", "changed");
        assertThatThrownBy(() -> publish(changed))
                .isInstanceOf(ConflictException.class)
                .hasMessageContaining("eta-1.0.0.tgz");
    }
}
