package dev.distribution.target.pypi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.distribution.core.Checksums;
import dev.distribution.core.ConflictException;
import dev.distribution.core.Publication;
import dev.distribution.core.PublicationLog;
import dev.distribution.core.PublishException;
import dev.distribution.core.PublishOptions;
import dev.distribution.core.Publisher;
import dev.distribution.core.Redactor;
import dev.distribution.core.Reporter;
import dev.distribution.format.python.CoreMetadata;
import dev.distribution.format.python.DistributionFile;
import dev.distribution.format.python.PythonSources;
import dev.distribution.format.python.SdistBuilder;
import dev.distribution.format.python.WheelBuilder;
import dev.distribution.http.Credentials;
import dev.distribution.http.HttpTransport;
import dev.distribution.http.TransportSettings;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PypiUploadTargetTest {
    private static final Instant TIME = Instant.parse("2026-12-04T10:15:30Z");

    @TempDir
    Path dir;

    private CapturingServer server;
    private HttpTransport transport;

    @BeforeEach
    void start() throws Exception {
        server = new CapturingServer();
        transport = new HttpTransport(TransportSettings.defaults(), Reporter.SILENT, new Redactor());
    }

    @AfterEach
    void stop() {
        transport.close();
        server.close();
    }

    /** A wheel and an sdist of a small project, with the metadata twine 4.0.2 can read (2.1). */
    private List<DistributionFile> distributions(String value) throws Exception {
        Path sources = dir.resolve("src-" + value + "/hello_pkg");
        Files.createDirectories(sources);
        Files.writeString(sources.resolve("__init__.py"), "VALUE = " + value + "\n");
        Files.writeString(dir.resolve("README.md"), "# Hello\n\nText.\n");
        CoreMetadata metadata = CoreMetadata.builder()
                .name("Hello.Pkg")
                .version("1.0.0")
                .summary("Small")
                .readme(dir.resolve("README.md"))
                .author("Ann", "ann@example.com")
                .keyword("a")
                .keyword("b")
                .classifier("Programming Language :: Python :: 3")
                .projectUrl("Homepage", "https://example.com")
                .requiresPython(">=3.8")
                .dependency("requests>=2")
                .optionalDependency("test", "pytest")
                .build();
        PythonSources tree = PythonSources.scan("<python><sources>", sources.getParent());
        Path out = dir.resolve("dist-" + value);
        return List.of(
                DistributionFile.read("<file>", new WheelBuilder(metadata, tree, TIME).build(out)),
                DistributionFile.read("<file>", new SdistBuilder(metadata, tree, TIME).build(out)));
    }

    private List<Publication> publish(String uploadPath, List<DistributionFile> files) throws Exception {
        PypiUploadTarget target = new PypiUploadTarget(
                transport,
                "pypi-internal",
                server.url() + uploadPath,
                server.url() + "repository/simple/",
                new Credentials.Basic("u", "p", "test"),
                Reporter.SILENT,
                files);
        Publisher publisher = new Publisher(
                Reporter.SILENT, new PublicationLog(dir.resolve("publication.json")), PublishOptions.DEFAULT);
        return publisher.publish(target, target.uploads());
    }

    private void twineUpload(String uploadPath, List<DistributionFile> files) throws Exception {
        List<String> command = new ArrayList<>(List.of(
                "/usr/bin/python3",
                "-m",
                "twine",
                "upload",
                "--non-interactive",
                "--disable-progress-bar",
                "--repository-url",
                server.url() + uploadPath,
                "-u",
                "u",
                "-p",
                "p"));
        files.forEach(file -> command.add(file.path().toString()));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        process.getInputStream().readAllBytes();
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
    }

    private String page(DistributionFile file, String sha256) {
        return "<html><body><a href=\"../../packages/hello-pkg/1.0.0/" + file.fileName() + "#sha256=" + sha256 + "\">"
                + file.fileName() + "</a></body></html>";
    }

    @Test
    void sameFieldsAsTwine() throws Exception {
        List<DistributionFile> files = distributions("1");
        twineUpload("twine/", files);
        publish("plugin/", files);
        List<CapturingServer.Request> twine = server.uploads().stream()
                .filter(r -> r.path().equals("/twine/"))
                .toList();
        List<CapturingServer.Request> plugin = server.uploads().stream()
                .filter(r -> r.path().equals("/plugin/"))
                .toList();
        assertThat(plugin.stream().map(CapturingServer.Request::parts).toList())
                .isEqualTo(twine.stream().map(CapturingServer.Request::parts).toList());
    }

    @Test
    void sameAuthorizationAsTwine() throws Exception {
        List<DistributionFile> files = distributions("1");
        twineUpload("twine/", files);
        publish("plugin/", files);
        assertThat(server.uploads().stream().map(r -> r.header("Authorization")).distinct())
                .containsExactly("Basic dTpw");
    }

    @Test
    void oneMultipartPostPerFile() throws Exception {
        publish("plugin/", distributions("1"));
        assertThat(server.uploads().stream().map(r -> r.header("Content-Type").split(";")[0]))
                .containsExactly("multipart/form-data", "multipart/form-data");
    }

    @Test
    void blake2Matches() throws Exception {
        List<DistributionFile> files = distributions("1");
        publish("plugin/", files);
        Process process = new ProcessBuilder(
                        "/usr/bin/python3",
                        "-c",
                        "import hashlib,sys; print(hashlib.blake2b(open(sys.argv[1],'rb').read(), digest_size=32).hexdigest())",
                        files.get(0).path().toString())
                .start();
        String expected = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        assertThat(server.uploads().get(0).parts()).contains(new CapturingServer.Part("blake2_256_digest", expected));
    }

    @Test
    void identicalDuplicateSkipped() throws Exception {
        List<DistributionFile> files = distributions("1");
        DistributionFile wheel = files.get(0);
        server.serve(
                "/repository/simple/hello-pkg/",
                page(wheel, Checksums.sha256(wheel.path())).getBytes(StandardCharsets.UTF_8));
        List<Publication> result = publish("plugin/", List.of(wheel));
        assertThat(result.get(0).status()).isEqualTo(Publication.Status.ALREADY_PUBLISHED);
    }

    @Test
    void identicalDuplicateNotPosted() throws Exception {
        List<DistributionFile> files = distributions("1");
        DistributionFile wheel = files.get(0);
        server.serve(
                "/repository/simple/hello-pkg/",
                page(wheel, Checksums.sha256(wheel.path())).getBytes(StandardCharsets.UTF_8));
        publish("plugin/", List.of(wheel));
        assertThat(server.uploads()).isEmpty();
    }

    @Test
    void differentDuplicateFails() throws Exception {
        DistributionFile wheel = distributions("1").get(0);
        server.serve(
                "/repository/simple/hello-pkg/", page(wheel, "ab".repeat(32)).getBytes(StandardCharsets.UTF_8));
        assertThatThrownBy(() -> publish("plugin/", List.of(wheel)))
                .isInstanceOf(ConflictException.class)
                .hasMessageContaining(wheel.fileName())
                .hasMessageContaining("ab".repeat(32));
    }

    /** Another build uploaded the same file between the check and the upload: Nexus answers 400. */
    @Test
    void nexus400ThenIdenticalSkipped() throws Exception {
        DistributionFile wheel = distributions("1").get(0);
        server.reply("/status-400/", "pypi-internal/packages/hello-pkg/1.0.0/x cannot be updated");
        server.serveAfterUpload(
                "/repository/simple/hello-pkg/",
                page(wheel, Checksums.sha256(wheel.path())).getBytes(StandardCharsets.UTF_8));
        List<Publication> result = publish("status-400/", List.of(wheel));
        assertThat(result.get(0).status()).isEqualTo(Publication.Status.ALREADY_PUBLISHED);
    }

    @Test
    void nexus409ThenDifferentFails() throws Exception {
        DistributionFile wheel = distributions("1").get(0);
        server.serveAfterUpload(
                "/repository/simple/hello-pkg/", page(wheel, "cd".repeat(32)).getBytes(StandardCharsets.UTF_8));
        assertThatThrownBy(() -> publish("status-409/", List.of(wheel))).isInstanceOf(ConflictException.class);
    }

    @Test
    void badRequestNotListedFails() throws Exception {
        DistributionFile wheel = distributions("1").get(0);
        assertThatThrownBy(() -> publish("status-400/", List.of(wheel)))
                .isInstanceOf(PublishException.class)
                .isNotInstanceOf(ConflictException.class)
                .hasMessageContaining("400");
    }

    @Test
    void trailingSlashAdded() throws Exception {
        publish("plugin", distributions("1"));
        assertThat(server.uploads().stream().map(CapturingServer.Request::path).distinct())
                .containsExactly("/plugin/");
    }
}
