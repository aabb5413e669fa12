package dev.distribution.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class TransportConnectionTest {

    /** Announces 1 GiB, sends 2 MiB, then stays silent; draining the rest would hit the read timeout. */
    private static void hugeBody(Socket socket) throws IOException {
        InputStream in = socket.getInputStream();
        List<String> head = RawServer.readHead(in);
        if (head.isEmpty()) {
            return;
        }
        OutputStream out = socket.getOutputStream();
        out.write(("HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: " + (1L << 30) + "\r\n\r\n")
                .getBytes());
        out.write(new byte[2 * 1024 * 1024]);
        out.flush();
        while (in.read() >= 0) {
            // Waits for the client to close.
        }
    }

    @Test
    void bufferedBodyStopsAtLimit() throws Exception {
        try (RawServer raw = new RawServer(TransportConnectionTest::hugeBody);
                TransportFixture fixture =
                        new TransportFixture(settings -> settings.readTimeout(Duration.ofSeconds(3)))) {
            long start = System.nanoTime();
            HttpResponse response =
                    fixture.transport.execute(HttpRequest.get(raw.url("/huge")).build());
            assertThat(response.body()).hasSize(HttpTransport.MAX_BUFFERED_BODY);
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(3));
        }
    }

    @Test
    void handlerMayStopEarly() throws Exception {
        try (RawServer raw = new RawServer(TransportConnectionTest::hugeBody);
                TransportFixture fixture =
                        new TransportFixture(settings -> settings.readTimeout(Duration.ofSeconds(3)))) {
            long start = System.nanoTime();
            byte[] first = fixture.transport.execute(
                    HttpRequest.get(raw.url("/huge")).build(), (status, reason, headers, body) -> body.readNBytes(16));
            assertThat(first).hasSize(16);
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(3));
        }
    }

    @Test
    void connectionReusedAfterFullRead() throws Exception {
        try (RawServer raw = new RawServer(RawServer.answer("200 OK", "Content-Type: text/plain\r\n", "small"));
                TransportFixture fixture = new TransportFixture()) {
            fixture.transport.execute(HttpRequest.get(raw.url("/one")).build());
            fixture.transport.execute(HttpRequest.get(raw.url("/two")).build(), (s, r, h, body) -> body.readAllBytes());
            fixture.transport.execute(HttpRequest.get(raw.url("/three")).build());
            assertThat(raw.connections()).isEqualTo(1);
        }
    }
}
