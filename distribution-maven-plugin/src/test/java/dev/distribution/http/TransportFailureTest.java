package dev.distribution.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.distribution.http.ScriptedServer.Reply;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class TransportFailureTest {
    private ScriptedServer server;
    private TransportFixture fixture;

    @BeforeEach
    void start() throws Exception {
        server = ScriptedServer.start();
        fixture = new TransportFixture(settings -> settings.maxAttempts(1));
    }

    @AfterEach
    void stop() {
        fixture.close();
        server.close();
    }

    private static RequestBody text() {
        return RequestBody.ofString("hello", "text/plain");
    }

    private TransportException putFailure(Credentials credentials) {
        HttpRequest request = HttpRequest.put(server.url("/raw/a.txt"), text())
                .credentials(credentials)
                .build();
        try {
            fixture.transport.executeOrThrow(request);
        } catch (TransportException e) {
            return e;
        }
        throw new AssertionError("expected a TransportException");
    }

    @Test
    void unauthorizedNamesSource() {
        server.reply(Reply.of(401));
        TransportException e = putFailure(new Credentials.Basic("deployer", "pw-123456", "settings.xml <server> 'x'"));
        assertThat(e.getMessage())
                .isEqualTo("PUT " + server.url("/raw/a.txt")
                        + " failed: HTTP 401 Unauthorized. Check the credentials of settings.xml <server> 'x'.");
    }

    @Test
    void unauthorizedWithoutCredentials() {
        server.reply(Reply.of(401));
        assertThat(putFailure(Credentials.none()).getMessage()).contains("No credentials were sent");
    }

    @Test
    void forbiddenNamesSource() {
        server.reply(Reply.of(403));
        assertThat(putFailure(new Credentials.Bearer("tok-456789", "env NEXUS_TOKEN"))
                        .getMessage())
                .contains("HTTP 403 Forbidden. Check the credentials of env NEXUS_TOKEN");
    }

    @Test
    void notFoundSuggestsUrl() {
        server.reply(Reply.of(404));
        assertThat(putFailure(Credentials.none()).getMessage()).contains("repository URL may be wrong");
    }

    @Test
    void statusAndUrlKept() {
        server.reply(Reply.of(404));
        TransportException e = putFailure(Credentials.none());
        assertThat(e.status()).isEqualTo(404);
        assertThat(e.url()).isEqualTo(server.url("/raw/a.txt").toString());
    }

    @Test
    void bodyExcerptCut() {
        String body = "x".repeat(500) + "TAIL-NOT-SHOWN";
        server.reply(Reply.of(400, body));
        TransportException e = putFailure(Credentials.none());
        assertThat(e.getMessage()).contains("Response body: " + "x".repeat(500) + "...");
        assertThat(e.getMessage()).doesNotContain("TAIL");
    }

    @Test
    void binaryBodyOmitted() {
        server.reply(new Reply(
                500, java.util.Map.of("Content-Type", "application/octet-stream"), new byte[] {1, 2, 3, 'z'}));
        assertThat(putFailure(Credentials.none()).getMessage()).doesNotContain("Response body");
    }

    @Test
    void customReasonPhraseKept() throws IOException {
        String reason = "Repository does not allow updating assets: raw-hosted";
        try (RawServer raw = new RawServer(RawServer.answer("400 " + reason, "", ""))) {
            HttpRequest request = HttpRequest.put(raw.url("/raw/a.txt"), text()).build();
            assertThatThrownBy(() -> fixture.transport.executeOrThrow(request))
                    .hasMessage("PUT " + raw.url("/raw/a.txt") + " failed: HTTP 400 " + reason + ".");
        }
    }

    @Test
    void executeReturnsErrorStatus() throws Exception {
        server.reply(Reply.of(409, "conflict"));
        HttpResponse response =
                fixture.transport.execute(HttpRequest.get(server.url("/a")).build());
        assertThat(response.status()).isEqualTo(409);
    }

    @Test
    void failureOfAcceptedResponse() throws Exception {
        server.reply(Reply.of(409, "exists"));
        HttpRequest request = HttpRequest.get(server.url("/a")).build();
        HttpResponse response = fixture.transport.execute(request);
        assertThat(fixture.transport.failure(request, response).getMessage())
                .isEqualTo("GET " + server.url("/a") + " failed: HTTP 409 Conflict. Response body: exists");
    }

    @Test
    void connectionRefusedStatusMinusOne() throws IOException {
        URI url = closedPortUrl();
        assertThatThrownBy(() -> fixture.transport.execute(HttpRequest.get(url).build()))
                .isInstanceOfSatisfying(
                        TransportException.class, e -> assertThat(e.status()).isEqualTo(-1));
    }

    @Test
    void connectionRefusedMessage() throws IOException {
        URI url = closedPortUrl();
        assertThatThrownBy(() -> fixture.transport.execute(HttpRequest.get(url).build()))
                .hasMessage("GET " + url + " failed: cannot connect to 127.0.0.1:" + url.getPort()
                        + " (Connection refused)");
    }

    @Test
    void refusedProxyNamed() throws IOException {
        URI proxyUrl = closedPortUrl();
        ProxySettings proxy = new ProxySettings("http", "127.0.0.1", proxyUrl.getPort(), null, null, null);
        try (TransportFixture viaProxy =
                new TransportFixture(settings -> settings.maxAttempts(1).proxies(java.util.List.of(proxy)))) {
            assertThatThrownBy(() -> viaProxy.transport.execute(
                            HttpRequest.get(server.url("/a")).build()))
                    .hasMessageContaining("cannot connect to proxy 127.0.0.1:" + proxyUrl.getPort())
                    .hasMessageEndingWith("check the settings.xml <proxy>");
        }
    }

    /** Returns a URL on 127.0.0.1 at a port that was just free, so connecting is refused. */
    static URI closedPortUrl() throws IOException {
        int port;
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            port = socket.getLocalPort();
        }
        return URI.create("http://127.0.0.1:" + port + "/x");
    }
}
