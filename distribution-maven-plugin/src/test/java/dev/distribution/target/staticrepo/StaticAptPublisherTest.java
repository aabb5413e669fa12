package dev.distribution.target.staticrepo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import dev.distribution.core.ConflictException;
import dev.distribution.core.Redactor;
import dev.distribution.core.Reporter;
import dev.distribution.core.Repository;
import dev.distribution.core.RepositoryType;
import dev.distribution.format.deb.AptRepositoryLayout;
import dev.distribution.format.deb.ControlStanza;
import dev.distribution.format.deb.DebControl;
import dev.distribution.format.deb.DebEntry;
import dev.distribution.format.deb.DebPackageSpec;
import dev.distribution.format.deb.DebPackager;
import dev.distribution.http.Credentials;
import dev.distribution.http.HttpTransport;
import dev.distribution.http.TransportSettings;
import dev.distribution.target.webdav.HttpPutTarget;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.StringReader;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Publishes a static APT repository to an in-process HTTP server that stores PUT bodies on disk. */
class StaticAptPublisherTest {
    static final Instant DATE = Instant.parse("2026-12-02T08:09:10Z");

    @TempDir
    Path work;

    Path served;
    HttpServer server;
    List<String> requests = new ArrayList<>();

    @BeforeEach
    void start() throws Exception {
        served = Files.createDirectories(work.resolve("served"));
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            String path = exchange.getRequestURI().getPath().replaceFirst("^/apt/", "");
            Path file = served.resolve(path);
            requests.add(exchange.getRequestMethod() + " " + path);
            try (InputStream body = exchange.getRequestBody()) {
                switch (exchange.getRequestMethod()) {
                    case "PUT" -> {
                        Files.createDirectories(file.getParent());
                        Files.copy(body, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                        exchange.sendResponseHeaders(201, -1);
                    }
                    case "GET", "HEAD" -> {
                        if (!Files.isRegularFile(file)) {
                            exchange.sendResponseHeaders(404, -1);
                        } else if (exchange.getRequestMethod().equals("HEAD")) {
                            exchange.sendResponseHeaders(200, -1);
                        } else {
                            exchange.sendResponseHeaders(200, Files.size(file));
                            try (OutputStream out = exchange.getResponseBody()) {
                                Files.copy(file, out);
                            }
                        }
                    }
                    default -> exchange.sendResponseHeaders(405, -1);
                }
            }
            exchange.close();
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    Path deb(String version, String content) throws Exception {
        Path file = Files.writeString(work.resolve("data-" + version + content), content);
        DebControl control = DebControl.builder()
                .packageName("hello")
                .version(version)
                .summary("Greets")
                .maintainer("Jane Doe <jane@example.com>")
                .build();
        return new DebPackager(Reporter.SILENT)
                .build(
                        DebPackageSpec.of(control, List.of(DebEntry.file(file, "/usr/share/hello/data")), DATE),
                        work.resolve("debs-" + version + content))
                .file();
    }

    void publish(Path deb) throws Exception {
        Repository repository = new Repository(
                "web",
                RepositoryType.WEBDAV,
                "http://127.0.0.1:" + server.getAddress().getPort() + "/apt/");
        try (HttpTransport http = new HttpTransport(TransportSettings.defaults(), Reporter.SILENT, new Redactor())) {
            HttpPutTarget target = new HttpPutTarget(repository, http, new Credentials.None());
            new StaticAptPublisher(AptRepositoryLayout.defaults(), null, Reporter.SILENT)
                    .publishOverHttp(target, http, work.resolve("staging"), List.of(deb), DATE, false);
        }
    }

    @Test
    void secondVersionMergesRemoteIndex() throws Exception {
        publish(deb("1.0", "a"));
        publish(deb("1.1", "b"));
        List<String> versions = new ArrayList<>();
        ControlStanza.parseAll(
                        new StringReader(Files.readString(served.resolve("dists/stable/main/binary-amd64/Packages"))))
                .forEach(stanza -> versions.add(stanza.get("Version")));
        assertThat(versions).containsExactly("1.0", "1.1");
        assertThat(served.resolve("pool/main/h/hello/hello_1.0_all.deb")).isRegularFile();
    }

    @Test
    void releaseUploadedLast() throws Exception {
        publish(deb("1.0", "a"));
        List<String> puts =
                requests.stream().filter(request -> request.startsWith("PUT ")).toList();
        assertThat(puts.get(0)).isEqualTo("PUT pool/main/h/hello/hello_1.0_all.deb");
        assertThat(puts.get(puts.size() - 1)).isEqualTo("PUT dists/stable/Release");
    }

    @Test
    void differentContentConflictsBeforeUpload() throws Exception {
        publish(deb("1.0", "a"));
        byte[] release = Files.readAllBytes(served.resolve("dists/stable/Release"));
        requests.clear();
        assertThatThrownBy(() -> publish(deb("1.0", "other"))).isInstanceOf(ConflictException.class);
        assertThat(requests).noneMatch(request -> request.startsWith("PUT "));
        assertThat(Files.readAllBytes(served.resolve("dists/stable/Release"))).isEqualTo(release);
    }
}
