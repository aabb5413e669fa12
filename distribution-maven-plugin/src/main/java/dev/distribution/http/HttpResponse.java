package dev.distribution.http;

import java.util.Objects;
import java.util.Optional;

/**
 * A response whose body was buffered as text by {@link HttpTransport#execute(HttpRequest)}. Bodies
 * longer than 1 MiB are cut at 1 MiB; use {@link HttpTransport#execute(HttpRequest,
 * ResponseHandler)} to read large bodies.
 *
 * @param status the status code
 * @param reason the reason phrase the server sent, or the standard one when it sent none
 * @param headers the header fields
 * @param body the body decoded with the charset of {@code Content-Type} (UTF-8 when absent); empty
 *     when there is none
 */
public record HttpResponse(int status, String reason, Headers headers, String body) {

    public HttpResponse {
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(headers, "headers");
        Objects.requireNonNull(body, "body");
    }

    /** Returns whether the status is 2xx. */
    public boolean isSuccessful() {
        return status >= 200 && status < 300;
    }

    /** Returns the first value of the header field {@code name}, compared without regard to case. */
    public Optional<String> header(String name) {
        return headers.first(name);
    }
}
