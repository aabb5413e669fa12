package dev.distribution.it.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.Socket;
import java.net.SocketException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class FaultProxyIT {
    private static final String USER = "deployer";
    private static final String PASSWORD = "s3cret-proxy";
    private static final int FILE_SIZE = 2 * 1024 * 1024;

    private static Nginx nginx;
    private static HttpClient http;
    private static byte[] content;

    @BeforeAll
    static void start() throws IOException {
        nginx = Nginx.start(ItEnvironment.freshFolder("FaultProxyIT/nginx"), USER, PASSWORD);
        content = new byte[FILE_SIZE];
        new Random(7).nextBytes(content);
        Files.write(nginx.storeDir().resolve("big.bin"), content);
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
    void passForwardsUnchanged() throws Exception {
        try (FaultProxy proxy = FaultProxy.start(nginx.readPort(), FaultProxy.pass())) {
            HttpResponse<byte[]> response = get(proxy, "big.bin");

            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.body()).isEqualTo(content);
        }
    }

    @Test
    void resetAfterCutsDownload() throws Exception {
        try (FaultProxy proxy = FaultProxy.start(nginx.readPort(), FaultProxy.resetAfter(100_000))) {
            long received = 0;
            IOException failure = null;
            try (InputStream body = http.send(request(proxy, "big.bin"), HttpResponse.BodyHandlers.ofInputStream())
                    .body()) {
                byte[] buffer = new byte[8192];
                int read;
                while ((read = body.read(buffer)) != -1) {
                    received += read;
                }
            } catch (IOException e) {
                failure = e;
            }

            assertThat(failure).isNotNull();
            assertThat(received).isLessThan(100_000);
            assertThat(proxy.faults()).isEqualTo(1);
        }
    }

    @Test
    void resetOnceThenPass() throws Exception {
        try (FaultProxy proxy = FaultProxy.start(nginx.readPort(), FaultProxy.resetAfter(100_000, 1))) {
            assertThatThrownBy(() -> get(proxy, "big.bin")).isInstanceOf(IOException.class);

            HttpResponse<byte[]> second = get(proxy, "big.bin");

            assertThat(second.body()).isEqualTo(content);
            assertThat(proxy.faults()).isEqualTo(1);
        }
    }

    @Test
    void firstConnectionsFailThenPass() throws Exception {
        // A raw socket, because java.net.http retries a GET whose connection closed by itself.
        try (FaultProxy proxy =
                FaultProxy.start(nginx.readPort(), FaultProxy.firstConnections(1, FaultProxy.closeAtOnce()))) {
            String first = rawGet(proxy, "big.bin");
            String second = rawGet(proxy, "big.bin");

            assertThat(first).isEmpty();
            assertThat(second).startsWith("HTTP/1.1 200 OK");
            assertThat(proxy.faults()).isEqualTo(1);
        }
    }

    @Test
    void unavailableThenOk() throws Exception {
        try (FaultProxy proxy = FaultProxy.start(nginx.readPort(), FaultProxy.unavailable(2))) {
            HttpResponse<byte[]> first = get(proxy, "big.bin");
            HttpResponse<byte[]> second = get(proxy, "big.bin");
            HttpResponse<byte[]> third = get(proxy, "big.bin");

            assertThat(first.statusCode()).isEqualTo(503);
            assertThat(first.headers().firstValue("Retry-After")).hasValue("1");
            assertThat(second.statusCode()).isEqualTo(503);
            assertThat(third.statusCode()).isEqualTo(200);
            assertThat(third.body()).isEqualTo(content);
            assertThat(proxy.faults()).isEqualTo(2);
        }
    }

    @Test
    void unavailablePutThenStored() throws Exception {
        try (FaultProxy proxy = FaultProxy.start(nginx.putPort(), FaultProxy.unavailable(1))) {
            HttpRequest put = HttpRequest.newBuilder(URI.create(proxy.url() + "retried/big.bin"))
                    .header("Authorization", NginxIT.basic(USER, PASSWORD))
                    .PUT(HttpRequest.BodyPublishers.ofByteArray(content))
                    .build();

            int first = http.send(put, HttpResponse.BodyHandlers.discarding()).statusCode();
            int second = http.send(put, HttpResponse.BodyHandlers.discarding()).statusCode();

            assertThat(first).isEqualTo(503);
            assertThat(second).isEqualTo(201);
            assertThat(Files.readAllBytes(nginx.storeDir().resolve("retried/big.bin")))
                    .isEqualTo(content);
        }
    }

    @Test
    void resetAfterCutsUpload() throws Exception {
        try (FaultProxy proxy = FaultProxy.start(nginx.putPort(), FaultProxy.resetAfter(300_000))) {
            HttpRequest put = HttpRequest.newBuilder(URI.create(proxy.url() + "cut/big.bin"))
                    .header("Authorization", NginxIT.basic(USER, PASSWORD))
                    .PUT(HttpRequest.BodyPublishers.ofByteArray(content))
                    .build();

            assertThatThrownBy(() -> http.send(put, HttpResponse.BodyHandlers.discarding()))
                    .isInstanceOf(IOException.class);
            assertThat(nginx.storeDir().resolve("cut/big.bin")).doesNotExist();
        }
    }

    @Test
    void blackholeTimesOut() throws Exception {
        try (FaultProxy proxy = FaultProxy.start(nginx.readPort(), FaultProxy.blackhole())) {
            HttpRequest request = HttpRequest.newBuilder(URI.create(proxy.url() + "big.bin"))
                    .timeout(Duration.ofMillis(500))
                    .build();

            assertThatThrownBy(() -> http.send(request, HttpResponse.BodyHandlers.discarding()))
                    .isInstanceOf(HttpTimeoutException.class);
        }
    }

    @Test
    void latencyDelaysResponse() throws Exception {
        try (FaultProxy proxy = FaultProxy.start(nginx.readPort(), FaultProxy.latency(Duration.ofMillis(300)))) {
            long start = System.nanoTime();
            HttpResponse<byte[]> response = get(proxy, "missing.txt");
            Duration elapsed = Duration.ofNanos(System.nanoTime() - start);

            assertThat(response.statusCode()).isEqualTo(404);
            // One delay for the request and one for the response.
            assertThat(elapsed).isGreaterThanOrEqualTo(Duration.ofMillis(600));
        }
    }

    @Test
    void slowThrottlesTransfer() throws Exception {
        byte[] small = new byte[100_000];
        new Random(3).nextBytes(small);
        Files.write(nginx.storeDir().resolve("small.bin"), small);
        try (FaultProxy proxy = FaultProxy.start(nginx.readPort(), FaultProxy.slow(100_000))) {
            long start = System.nanoTime();
            HttpResponse<byte[]> response = get(proxy, "small.bin");
            Duration elapsed = Duration.ofNanos(System.nanoTime() - start);

            assertThat(response.body()).isEqualTo(small);
            assertThat(elapsed).isGreaterThanOrEqualTo(Duration.ofMillis(900));
        }
    }

    @Test
    void closeAtOnceFailsRequest() throws Exception {
        try (FaultProxy proxy = FaultProxy.start(nginx.readPort(), FaultProxy.closeAtOnce())) {
            assertThatThrownBy(() -> get(proxy, "big.bin")).isInstanceOf(IOException.class);
            assertThat(proxy.faults()).isGreaterThanOrEqualTo(1);
        }
    }

    private static HttpRequest request(FaultProxy proxy, String path) {
        return HttpRequest.newBuilder(URI.create(proxy.url() + path))
                .timeout(Duration.ofSeconds(20))
                .build();
    }

    /**
     * Sends a GET on a new connection and returns the status line, or "" when the connection was
     * closed or reset before it.
     */
    private static String rawGet(FaultProxy proxy, String path) throws IOException {
        try (Socket socket = new Socket(Ports.loopback(), proxy.port())) {
            socket.setSoTimeout(5000);
            socket.getOutputStream()
                    .write(("GET /" + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n")
                            .getBytes(StandardCharsets.US_ASCII));
            BufferedReader reader =
                    new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.ISO_8859_1));
            String statusLine = reader.readLine();
            return statusLine == null ? "" : statusLine;
        } catch (SocketException e) {
            return "";
        }
    }

    private static HttpResponse<byte[]> get(FaultProxy proxy, String path) throws Exception {
        return http.send(request(proxy, path), HttpResponse.BodyHandlers.ofByteArray());
    }
}
