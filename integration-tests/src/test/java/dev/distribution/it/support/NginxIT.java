package dev.distribution.it.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.Base64;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class NginxIT {
    private static final String USER = "deployer";
    private static final String PASSWORD = "s3cret-nginx";

    private static Nginx nginx;
    private static HttpClient http;

    @BeforeAll
    static void start() throws IOException {
        nginx = Nginx.start(ItEnvironment.freshFolder("NginxIT/nginx"), USER, PASSWORD);
        http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5))
                .build();
    }

    @AfterAll
    static void stop() {
        nginx.close();
    }

    @Test
    void putWithoutCredentialsIs401() throws Exception {
        HttpResponse<Void> response = send(put("anonymous/a.txt", "hello".getBytes(), null));

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(nginx.storeDir().resolve("anonymous/a.txt")).doesNotExist();
    }

    @Test
    void putWithWrongPasswordIs401() throws Exception {
        HttpResponse<Void> response = send(put("wrong/a.txt", "hello".getBytes(), basic(USER, "not-the-password")));

        assertThat(response.statusCode()).isEqualTo(401);
    }

    @Test
    void putThenGetIsByteIdentical() throws Exception {
        // Above nginx's default client_max_body_size of 1 MiB, which would give 413.
        byte[] content = new byte[3 * 1024 * 1024 + 17];
        new Random(42).nextBytes(content);

        HttpResponse<Void> created = send(put("raw/com/acme/app/1.0/app.bin", content, basic(USER, PASSWORD)));
        HttpResponse<byte[]> fetched = http.send(
                HttpRequest.newBuilder(URI.create(nginx.readUrl() + "raw/com/acme/app/1.0/app.bin"))
                        .build(),
                HttpResponse.BodyHandlers.ofByteArray());

        assertThat(created.statusCode()).isEqualTo(201);
        assertThat(fetched.statusCode()).isEqualTo(200);
        assertThat(fetched.body()).isEqualTo(content);
    }

    @Test
    void overwriteIs204() throws Exception {
        send(put("overwrite/a.txt", "one".getBytes(), basic(USER, PASSWORD)));

        HttpResponse<Void> second = send(put("overwrite/a.txt", "two".getBytes(), basic(USER, PASSWORD)));

        assertThat(second.statusCode()).isEqualTo(204);
        assertThat(nginx.storeDir().resolve("overwrite/a.txt")).hasContent("two");
    }

    @Test
    void accessLogRecordsPut() throws Exception {
        send(put("logged/b.txt", "logged".getBytes(), basic(USER, PASSWORD)));

        Nginx.Request logged = nginx.requests("PUT").stream()
                .filter(r -> r.uri().equals("/logged/b.txt"))
                .findFirst()
                .orElseThrow();
        assertThat(logged.status()).isEqualTo(201);
        assertThat(logged.user()).isEqualTo(USER);
        assertThat(logged.port()).isEqualTo(nginx.putPort());
        assertThat(logged.requestLength()).isGreaterThan("logged".length());
    }

    @Test
    void closeStopsProcess() throws Exception {
        Nginx second = Nginx.start(ItEnvironment.freshFolder("NginxIT/second"), USER, PASSWORD);
        long pid = second.pid();
        String url = second.readUrl();

        second.close();

        assertThat(ProcessHandle.of(pid).filter(ProcessHandle::isAlive)).isEmpty();
        assertThatThrownBy(() -> http.send(
                        HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.discarding()))
                .isInstanceOf(ConnectException.class);
    }

    @Test
    void readServerListsStore() throws Exception {
        Files.createDirectories(nginx.storeDir().resolve("listed"));
        Files.writeString(nginx.storeDir().resolve("listed/c.txt"), "c");

        HttpResponse<String> listing = http.send(
                HttpRequest.newBuilder(URI.create(nginx.readUrl() + "listed/")).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));

        assertThat(listing.body()).contains("c.txt");
    }

    private HttpRequest put(String path, byte[] body, String authorization) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(nginx.putUrl() + path))
                .PUT(HttpRequest.BodyPublishers.ofByteArray(body));
        if (authorization != null) {
            builder.header("Authorization", authorization);
        }
        return builder.build();
    }

    private HttpResponse<Void> send(HttpRequest request) throws IOException, InterruptedException {
        return http.send(request, HttpResponse.BodyHandlers.discarding());
    }

    static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }
}
