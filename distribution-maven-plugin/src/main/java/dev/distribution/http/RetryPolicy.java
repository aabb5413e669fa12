package dev.distribution.http;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.security.cert.CertificateException;
import java.time.Clock;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import javax.net.ssl.SSLPeerUnverifiedException;
import org.apache.hc.client5.http.ClientProtocolException;
import org.apache.hc.client5.http.ConnectTimeoutException;

/**
 * Decides whether a failed attempt is sent again and how long to wait first.
 *
 * <p>Idempotent requests are retried on I/O errors and on 408, 429 and 5xx. Other 4xx are final.
 * A non-idempotent request (POST, PATCH) is retried only when the connection could not be opened,
 * because then the server cannot have seen it. Errors that a retry cannot fix (an unknown host, a
 * certificate that fails verification) are never retried.
 */
final class RetryPolicy {
    private static final double JITTER = 0.2;

    private final TransportSettings settings;

    RetryPolicy(TransportSettings settings) {
        this.settings = settings;
    }

    boolean retriesStatus(HttpRequest request, int status) {
        return request.idempotent() && (status == 408 || status == 429 || (status >= 500 && status <= 599));
    }

    boolean retriesIoError(HttpRequest request, IOException error) {
        if (isPermanent(error)) {
            return false;
        }
        return request.idempotent() || failedBeforeSending(error);
    }

    /** Returns whether the error happened while connecting, before any byte of the request was written. */
    static boolean failedBeforeSending(IOException error) {
        return error instanceof ConnectException
                || error instanceof ConnectTimeoutException
                || error instanceof NoRouteToHostException;
    }

    private static boolean isPermanent(IOException error) {
        if (error instanceof UnknownHostException
                || error instanceof ClientProtocolException
                || error instanceof SSLPeerUnverifiedException
                || error instanceof RequestBodyException) {
            return true;
        }
        // An InterruptedIOException other than a timeout means the thread was interrupted.
        if (error instanceof InterruptedIOException
                && !(error instanceof SocketTimeoutException)
                && !(error instanceof ConnectTimeoutException)) {
            return true;
        }
        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
            if (cause instanceof CertificateException) {
                return true;
            }
        }
        return false;
    }

    /** Returns the exponential backoff after the failed attempt {@code attempt} (1-based), less up to 20% jitter. */
    Duration backoff(int attempt) {
        long initial = settings.initialBackoff().toMillis();
        long max = settings.maxBackoff().toMillis();
        long base = initial;
        for (int i = 1; i < attempt && base < max; i++) {
            base *= 2;
        }
        base = Math.min(base, max);
        // Spread the retries of parallel uploads, so they do not hit a recovering server together.
        long jitter = (long) (base * JITTER * ThreadLocalRandom.current().nextDouble());
        return Duration.ofMillis(base - jitter);
    }

    /**
     * Returns the wait that a {@code Retry-After} value requests (RFC 9110 section 10.2.3: delay
     * seconds or an HTTP-date), limited to {@link TransportSettings#maxRetryAfter()}; empty when
     * the value is absent or unreadable.
     */
    Optional<Duration> retryAfter(Optional<String> header) {
        if (header.isEmpty()) {
            return Optional.empty();
        }
        String value = header.get().trim();
        Duration wait;
        if (value.matches("\\d{1,10}")) {
            wait = Duration.ofSeconds(Long.parseLong(value));
        } else {
            try {
                ZonedDateTime date = ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME);
                Clock clock = settings.clock();
                wait = Duration.between(clock.instant(), date.toInstant());
            } catch (DateTimeParseException e) {
                return Optional.empty();
            }
            if (wait.isNegative()) {
                wait = Duration.ZERO;
            }
        }
        Duration max = settings.maxRetryAfter();
        return Optional.of(wait.compareTo(max) > 0 ? max : wait);
    }
}
