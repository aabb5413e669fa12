package dev.distribution.http;

import java.io.IOException;

/** Reading the local request body failed, or it changed size; sending the request again cannot help. */
final class RequestBodyException extends IOException {
    private static final long serialVersionUID = 1L;

    RequestBodyException(String message, Throwable cause) {
        super(message, cause);
    }
}
