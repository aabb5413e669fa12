package dev.distribution.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ConnectException;
import java.net.SocketException;
import java.net.URI;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RetryPolicyTest {
    private static final URI URL = URI.create("http://127.0.0.1/x");
    private static final Instant NOW = Instant.parse("2026-12-04T10:00:00Z");

    private final RetryPolicy policy = new RetryPolicy(TransportSettings.builder()
            .clock(Clock.fixed(NOW, ZoneOffset.UTC))
            .maxRetryAfter(Duration.ofSeconds(120))
            .build());

    @ParameterizedTest
    @CsvSource({
        "408,true",
        "429,true",
        "500,true",
        "502,true",
        "503,true",
        "504,true",
        "400,false",
        "401,false",
        "403,false",
        "404,false",
        "409,false",
        "200,false"
    })
    void retriesStatusOfPut(int status, boolean retried) {
        HttpRequest put =
                HttpRequest.put(URL, RequestBody.ofString("x", "text/plain")).build();
        assertThat(policy.retriesStatus(put, status)).isEqualTo(retried);
    }

    @Test
    void postNotRetriedOn503() {
        HttpRequest post =
                HttpRequest.post(URL, RequestBody.ofString("x", "text/plain")).build();
        assertThat(policy.retriesStatus(post, 503)).isFalse();
    }

    @Test
    void postRetriedWhenConnectFails() {
        HttpRequest post =
                HttpRequest.post(URL, RequestBody.ofString("x", "text/plain")).build();
        assertThat(policy.retriesIoError(post, new ConnectException("Connection refused")))
                .isTrue();
    }

    @Test
    void postNotRetriedAfterReset() {
        HttpRequest post =
                HttpRequest.post(URL, RequestBody.ofString("x", "text/plain")).build();
        assertThat(policy.retriesIoError(post, new SocketException("Connection reset")))
                .isFalse();
    }

    @Test
    void getRetriedAfterReset() {
        assertThat(policy.retriesIoError(HttpRequest.get(URL).build(), new SocketException("Connection reset")))
                .isTrue();
    }

    @Test
    void unknownHostNotRetried() {
        assertThat(policy.retriesIoError(HttpRequest.get(URL).build(), new UnknownHostException("nexus.invalid")))
                .isFalse();
    }

    @Test
    void changedBodyNotRetried() {
        IOException error = new RequestBodyException("changed size", null);
        assertThat(policy.retriesIoError(HttpRequest.get(URL).build(), error)).isFalse();
    }

    @Test
    void idempotentOverride() {
        HttpRequest post = HttpRequest.post(URL, RequestBody.ofString("x", "text/plain"))
                .idempotent(true)
                .build();
        assertThat(policy.retriesStatus(post, 503)).isTrue();
    }

    @Test
    void retryAfterSeconds() {
        assertThat(policy.retryAfter(Optional.of("7"))).contains(Duration.ofSeconds(7));
    }

    @Test
    void retryAfterHttpDate() {
        assertThat(policy.retryAfter(Optional.of("Fri, 04 Dec 2026 10:00:30 GMT")))
                .contains(Duration.ofSeconds(30));
    }

    @Test
    void retryAfterPastDateIsZero() {
        assertThat(policy.retryAfter(Optional.of("Fri, 04 Dec 2026 09:00:00 GMT")))
                .contains(Duration.ZERO);
    }

    @Test
    void retryAfterCapped() {
        assertThat(policy.retryAfter(Optional.of("3600"))).contains(Duration.ofSeconds(120));
    }

    @Test
    void retryAfterDateCapped() {
        assertThat(policy.retryAfter(Optional.of("Fri, 04 Dec 2026 11:00:00 GMT")))
                .contains(Duration.ofSeconds(120));
    }

    @Test
    void retryAfterUnreadable() {
        assertThat(policy.retryAfter(Optional.of("soon"))).isEmpty();
    }

    @ParameterizedTest
    @CsvSource({"1,1000", "2,2000", "3,4000", "4,8000", "6,30000", "10,30000"})
    void backoffDoublesUpToMax(int attempt, long fullMillis) {
        long millis = policy.backoff(attempt).toMillis();
        assertThat(millis).isBetween((long) (fullMillis * 0.8), fullMillis);
    }
}
