package dev.distribution.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class TransportTimeoutTest {

    @Test
    void readTimeoutFails() throws Exception {
        try (RawServer raw = new RawServer(RawServer.silent());
                TransportFixture fixture = new TransportFixture(
                        settings -> settings.readTimeout(Duration.ofMillis(300)).maxAttempts(1))) {
            long start = System.nanoTime();
            assertThatThrownBy(() -> fixture.transport.execute(
                            HttpRequest.get(raw.url("/slow")).build()))
                    .hasMessage("GET " + raw.url("/slow")
                            + " failed: read timed out after 300 ms without data from the server");
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
        }
    }

    @Test
    void readTimeoutRetriedForGet() throws Exception {
        try (RawServer raw = new RawServer(RawServer.silent());
                TransportFixture fixture = new TransportFixture(
                        settings -> settings.readTimeout(Duration.ofMillis(200)).maxAttempts(2))) {
            assertThatThrownBy(() -> fixture.transport.execute(
                            HttpRequest.get(raw.url("/slow")).build()))
                    .isInstanceOf(TransportException.class);
            assertThat(raw.connections()).isEqualTo(2);
        }
    }

    @Test
    void connectTimeoutFails() throws Exception {
        // A listening socket whose accept queue is full drops new SYNs on Linux, so connect hangs
        // until the client's timeout without leaving 127.0.0.1.
        List<Socket> fillers = new ArrayList<>();
        try (ServerSocket full = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
                TransportFixture fixture = new TransportFixture(settings ->
                        settings.connectTimeout(Duration.ofMillis(300)).maxAttempts(1))) {
            for (int i = 0; i < 4; i++) {
                Socket filler = new Socket();
                try {
                    filler.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), full.getLocalPort()), 200);
                } catch (java.io.IOException e) {
                    // The queue is already full.
                }
                fillers.add(filler);
            }
            URI url = URI.create("http://127.0.0.1:" + full.getLocalPort() + "/x");
            long start = System.nanoTime();
            assertThatThrownBy(
                            () -> fixture.transport.execute(HttpRequest.get(url).build()))
                    .hasMessageContaining("timed out after 300 ms");
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
        } finally {
            for (Socket filler : fillers) {
                filler.close();
            }
        }
    }
}
