package dev.distribution.http;

import dev.distribution.core.PublishException;

/**
 * A request failed: the server returned an error status, or the connection failed. The message
 * names the method and URL (credentials masked), the status with its reason phrase, and what to
 * check next.
 */
public class TransportException extends PublishException {
    private static final long serialVersionUID = 1L;

    private final int status;
    private final String url;

    /**
     * Creates the exception.
     *
     * @param message the complete message, already redacted
     * @param status the HTTP status, or -1 when no response was received
     * @param url the request URL with any user-info masked
     * @param cause the I/O error, or null
     */
    public TransportException(String message, int status, String url, Throwable cause) {
        super(message, cause);
        this.status = status;
        this.url = url;
    }

    /** Returns the HTTP status of the response, or -1 when the request failed without a response. */
    public int status() {
        return status;
    }

    /** Returns the request URL, with any password in it masked. */
    public String url() {
        return url;
    }
}
