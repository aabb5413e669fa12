package dev.distribution.target.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.distribution.core.PublishException;
import dev.distribution.core.Redactor;
import dev.distribution.core.Reporter;
import dev.distribution.http.Credentials;
import dev.distribution.http.HttpTransport;
import dev.distribution.http.TransportSettings;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Contract tests against an in-process registry that uses Docker's token protocol, as Nexus does
 * with its Docker Bearer Token realm.
 */
class RegistryClientTest {
    static final String DIGEST = "sha256:" + "a".repeat(64);
    static final String TOKEN = "token-123";

    HttpServer server;
    final List<String> requests = Collections.synchronizedList(new ArrayList<>());
    final List<String> scopes = Collections.synchronizedList(new ArrayList<>());
    int failuresBeforeSuccess;

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/token", this::token);
        server.createContext("/v2/", this::registry);
        server.start();
    }

    HttpTransport transport;

    @AfterEach
    void stop() {
        if (transport != null) {
            transport.close();
        }
        server.stop(0);
    }

    String base() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    private void token(HttpExchange exchange) throws IOException {
        scopes.add(exchange.getRequestURI().getQuery());
        String expected =
                "Basic " + Base64.getEncoder().encodeToString("deployer:right".getBytes(StandardCharsets.UTF_8));
        if (!expected.equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
            send(exchange, 401, "{\"errors\":[{\"code\":\"UNAUTHORIZED\",\"message\":\"bad credentials\"}]}");
            return;
        }
        send(exchange, 200, "{\"token\":\"" + TOKEN + "\"}");
    }

    private void registry(HttpExchange exchange) throws IOException {
        requests.add(
                exchange.getRequestMethod() + " " + exchange.getRequestURI().getPath());
        if (!("Bearer " + TOKEN).equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
            exchange.getResponseHeaders()
                    .add("WWW-Authenticate", "Bearer realm=\"" + base() + "/token\",service=\"test\"");
            send(exchange, 401, "{\"errors\":[{\"code\":\"UNAUTHORIZED\",\"message\":\"authentication required\"}]}");
            return;
        }
        if (failuresBeforeSuccess > 0) {
            failuresBeforeSuccess--;
            send(exchange, 503, "{\"errors\":[{\"code\":\"UNAVAILABLE\",\"message\":\"busy\"}]}");
            return;
        }
        exchange.getResponseHeaders().add("Docker-Content-Digest", DIGEST);
        exchange.sendResponseHeaders(200, -1);
        exchange.close();
    }

    private static void send(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    RegistryClient client(String password) throws Exception {
        transport = new HttpTransport(
                TransportSettings.builder()
                        .maxAttempts(3)
                        .initialBackoff(Duration.ofMillis(10))
                        .build(),
                Reporter.SILENT,
                new Redactor());
        return new RegistryClient(
                RegistryEndpoint.parse(base(), true, "<url>"),
                "team/hello",
                new Credentials.Basic("deployer", password, "settings.xml server 'nexus-docker'"),
                transport,
                Reporter.SILENT);
    }

    @Test
    void bearerTokenIsFetched() throws Exception {
        assertThat(client("right").manifestDigest("1.0")).contains(DIGEST);
    }

    @Test
    void tokenScopeNamesRepository() throws Exception {
        client("right").manifestDigest("1.0");
        assertThat(scopes.get(0)).contains("scope=repository:team/hello:pull,push");
    }

    @Test
    void tokenIsReused() throws Exception {
        RegistryClient client = client("right");
        client.manifestDigest("1.0");
        client.hasBlob(DIGEST);
        assertThat(scopes).hasSize(1);
    }

    @Test
    void wrongPasswordNamesServer() throws Exception {
        assertThatThrownBy(() -> client("wrong-pass-77").manifestDigest("1.0"))
                .isInstanceOf(PublishException.class)
                .hasMessageContaining("settings.xml server 'nexus-docker'")
                .hasMessageNotContaining("wrong-pass-77");
    }

    @Test
    void serviceUnavailableIsRetried() throws Exception {
        failuresBeforeSuccess = 2;
        assertThat(client("right").hasBlob(DIGEST)).isTrue();
    }

    @Test
    void retriesEndWithError() throws Exception {
        failuresBeforeSuccess = 5;
        assertThatThrownBy(() -> client("right").hasBlob(DIGEST))
                .isInstanceOf(PublishException.class)
                .hasMessageContaining("HTTP 503");
    }
}
