package dev.distribution.http;

import java.io.IOException;
import java.io.InputStream;

/**
 * Reads a streamed response. {@link HttpTransport} calls it once, with the final response after
 * retries and redirects, whatever its status; the transport closes the stream afterwards.
 *
 * @param <T> what the handler returns
 */
@FunctionalInterface
public interface ResponseHandler<T> {

    /**
     * Reads the response.
     *
     * @param status the status code
     * @param reason the reason phrase
     * @param headers the header fields
     * @param body the body, empty when there is none
     * @return the result that {@link HttpTransport#execute(HttpRequest, ResponseHandler)} returns
     * @throws IOException when reading fails; the transport reports it as a {@link TransportException}
     */
    T handle(int status, String reason, Headers headers, InputStream body) throws IOException;
}
