package dev.distribution.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class TransportProxyTest {
    private static final String AUTHORIZATION =
            "Basic " + Base64.getEncoder().encodeToString("proxy-user:proxy-pw-1".getBytes());

    private ScriptedServer server;
    private TestProxy proxy;

    @BeforeEach
    void start() throws Exception {
        server = ScriptedServer.start();
        proxy = new TestProxy(AUTHORIZATION);
    }

    @AfterEach
    void stop() throws Exception {
        proxy.close();
        server.close();
    }

    private TransportFixture through(String nonProxyHosts) {
        ProxySettings settings =
                new ProxySettings("http", "127.0.0.1", proxy.port(), "proxy-user", "proxy-pw-1", nonProxyHosts);
        return new TransportFixture(builder -> builder.proxies(List.of(settings)));
    }

    @Test
    void requestGoesThroughProxy() throws Exception {
        try (TransportFixture fixture = through(null)) {
            HttpResponse response =
                    fixture.transport.execute(HttpRequest.get(server.url("/a")).build());
            assertThat(response.body()).isEqualTo("via proxy");
        }
    }

    @Test
    void proxySeesAbsoluteUrl() throws Exception {
        try (TransportFixture fixture = through(null)) {
            fixture.transport.execute(HttpRequest.get(server.url("/a")).build());
            assertThat(proxy.seen.get(0).requestLine()).isEqualTo("GET " + server.url("/a") + " HTTP/1.1");
        }
    }

    @Test
    void proxyAuthorizationPreemptive() throws Exception {
        try (TransportFixture fixture = through(null)) {
            fixture.transport.execute(HttpRequest.put(server.url("/a"), RequestBody.ofString("x", "text/plain"))
                    .build());
            assertThat(proxy.seen.get(0).proxyAuthorization()).isEqualTo(AUTHORIZATION);
        }
    }

    @Test
    void nonProxyHostGoesDirect() throws Exception {
        try (TransportFixture fixture = through("repo.example|127.*")) {
            fixture.transport.execute(HttpRequest.get(server.url("/a")).build());
            assertThat(server.received()).hasSize(1);
            assertThat(proxy.seen).isEmpty();
        }
    }

    @Test
    void wrongProxyPasswordGets407() throws Exception {
        ProxySettings wrong = new ProxySettings("http", "127.0.0.1", proxy.port(), "proxy-user", "bad-pw-2", null);
        try (TransportFixture fixture = new TransportFixture(builder -> builder.proxies(List.of(wrong)))) {
            HttpRequest request = HttpRequest.get(server.url("/a")).build();
            HttpResponse response = fixture.transport.execute(request);
            assertThat(response.status()).isEqualTo(407);
            assertThat(fixture.transport.failure(request, response).getMessage())
                    .contains("settings.xml <proxy>");
        }
    }

    @Test
    void proxyPasswordRedacted() throws Exception {
        try (TransportFixture fixture = through(null)) {
            fixture.transport.execute(HttpRequest.get(server.url("/a")).build());
            assertThat(fixture.redactor.redact("x proxy-pw-1 y")).isEqualTo("x **** y");
        }
    }
}
