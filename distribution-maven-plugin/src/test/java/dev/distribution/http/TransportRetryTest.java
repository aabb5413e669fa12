package dev.distribution.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.distribution.http.ScriptedServer.Reply;
import java.io.IOException;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TransportRetryTest {
    private ScriptedServer server;
    private TransportFixture fixture;

    @BeforeEach
    void start() throws Exception {
        server = ScriptedServer.start();
        fixture = new TransportFixture(
                settings -> settings.clock(Clock.fixed(Instant.parse("2026-12-04T10:00:00Z"), ZoneOffset.UTC)));
    }

    @AfterEach
    void stop() {
        fixture.close();
        server.close();
    }

    private HttpRequest put() {
        return HttpRequest.put(server.url("/raw/a.txt"), RequestBody.ofString("hello", "text/plain"))
                .build();
    }

    @Test
    void retriesUntilSuccess() throws Exception {
        server.reply(Reply.of(503), Reply.of(502), Reply.of(201));
        assertThat(fixture.transport.execute(put()).status()).isEqualTo(201);
    }

    @Test
    void resendsBodyOnRetry() throws Exception {
        server.reply(Reply.of(503), Reply.of(201));
        fixture.transport.execute(put());
        assertThat(server.received().get(1).body()).asString().isEqualTo("hello");
    }

    @Test
    void logsRetryLine() throws Exception {
        server.reply(Reply.withHeader(503, "Retry-After", "2"), Reply.of(201));
        fixture.transport.execute(put());
        assertThat(fixture.reporter.info)
                .containsExactly("Retrying PUT " + server.url("/raw/a.txt")
                        + " in 2 s (attempt 2 of 4): 503 Service Unavailable");
    }

    @Test
    void backoffDoubles() throws Exception {
        server.reply(Reply.of(500), Reply.of(500), Reply.of(500), Reply.of(201));
        fixture.transport.execute(put());
        assertThat(fixture.sleeps).hasSize(3);
        assertThat(fixture.sleeps.get(0).toMillis()).isBetween(800L, 1000L);
        assertThat(fixture.sleeps.get(1).toMillis()).isBetween(1600L, 2000L);
        assertThat(fixture.sleeps.get(2).toMillis()).isBetween(3200L, 4000L);
    }

    @Test
    void retryAfterDateHonoured() throws Exception {
        server.reply(Reply.withHeader(429, "Retry-After", "Fri, 04 Dec 2026 10:00:05 GMT"), Reply.of(201));
        fixture.transport.execute(put());
        assertThat(fixture.sleeps).containsExactly(Duration.ofSeconds(5));
    }

    @Test
    void retryAfterCapped() throws Exception {
        server.reply(Reply.withHeader(503, "Retry-After", "86400"), Reply.of(201));
        fixture.transport.execute(put());
        assertThat(fixture.sleeps).containsExactly(Duration.ofMinutes(2));
    }

    @ParameterizedTest
    @ValueSource(ints = {408, 429, 500, 503, 504})
    void retriedStatus(int status) throws Exception {
        server.reply(Reply.of(status), Reply.of(201));
        fixture.transport.execute(put());
        assertThat(server.received()).hasSize(2);
    }

    @ParameterizedTest
    @ValueSource(ints = {400, 401, 403, 404, 409, 422})
    void otherClientErrorNotRetried(int status) throws Exception {
        server.reply(Reply.of(status), Reply.of(201));
        fixture.transport.execute(put());
        assertThat(server.received()).hasSize(1);
    }

    @Test
    void postNotRetriedOnServerError() throws Exception {
        server.reply(Reply.of(503), Reply.of(201));
        HttpResponse response = fixture.transport.execute(
                HttpRequest.post(server.url("/upload"), RequestBody.ofString("x", "text/plain"))
                        .build());
        assertThat(response.status()).isEqualTo(503);
    }

    @Test
    void exhaustedAttemptsReturnLast() throws Exception {
        server.reply(Reply.of(503), Reply.of(503), Reply.of(503), Reply.of(503), Reply.of(201));
        assertThat(fixture.transport.execute(put()).status()).isEqualTo(503);
    }

    @Test
    void exhaustedAttemptsMessage() {
        server.reply(Reply.of(503), Reply.of(503), Reply.of(503), Reply.of(503));
        assertThatThrownBy(() -> fixture.transport.executeOrThrow(put()))
                .hasMessageStartingWith(
                        "PUT " + server.url("/raw/a.txt") + " failed after 4 attempts: HTTP 503 Service Unavailable.");
    }

    @Test
    void refusedConnectionRetried() throws IOException {
        URI url = TransportFailureTest.closedPortUrl();
        assertThatThrownBy(() -> fixture.transport.execute(HttpRequest.get(url).build()))
                .hasMessageContaining("failed after 4 attempts");
    }

    @Test
    void postRetriedWhenRefused() throws IOException {
        URI url = TransportFailureTest.closedPortUrl();
        HttpRequest post =
                HttpRequest.post(url, RequestBody.ofString("x", "text/plain")).build();
        assertThatThrownBy(() -> fixture.transport.execute(post)).isInstanceOf(TransportException.class);
        assertThat(fixture.reporter.info).hasSize(3);
    }

    @Test
    void getRetriedAfterReset() throws Exception {
        try (RawServer raw = new RawServer(RawServer.answer("200 OK", "", "fine"))) {
            raw.then(RawServer.reset());
            HttpResponse response =
                    fixture.transport.execute(HttpRequest.get(raw.url("/a")).build());
            assertThat(response.body()).isEqualTo("fine");
        }
    }

    @Test
    void postNotRetriedAfterReset() throws Exception {
        try (RawServer raw = new RawServer(RawServer.answer("200 OK", "", "fine"))) {
            raw.then(RawServer.reset());
            HttpRequest post = HttpRequest.post(raw.url("/a"), RequestBody.ofString("x", "text/plain"))
                    .build();
            assertThatThrownBy(() -> fixture.transport.execute(post)).isInstanceOf(TransportException.class);
            assertThat(raw.connections()).isEqualTo(1);
        }
    }

    @Test
    void resetRetryLogged() throws Exception {
        try (RawServer raw = new RawServer(RawServer.answer("200 OK", "", "fine"))) {
            raw.then(RawServer.reset());
            fixture.transport.execute(HttpRequest.get(raw.url("/a")).build());
            assertThat(fixture.reporter.info)
                    .singleElement()
                    .asString()
                    .startsWith("Retrying GET " + raw.url("/a") + " in ");
        }
    }

    @Test
    void interruptedSleepStops() throws Exception {
        server.reply(Reply.of(503), Reply.of(201));
        try (TransportFixture interrupted = new TransportFixture(settings -> settings.sleeper(delay -> {
            throw new InterruptedException();
        }))) {
            assertThatThrownBy(() -> interrupted.transport.execute(put())).hasMessageContaining("interrupted");
        } finally {
            Thread.interrupted();
        }
    }
}
