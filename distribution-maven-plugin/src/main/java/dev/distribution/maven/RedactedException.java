package dev.distribution.maven;

import dev.distribution.core.Redactor;

/**
 * A copy of an exception chain with every message redacted, used as the cause of the exceptions a
 * goal throws. Maven prints causes with {@code -e} and {@code -X}; a library's message (an HTTP
 * client echoing a URL with credentials, say) must not reach the console.
 */
final class RedactedException extends Exception {
    private static final long serialVersionUID = 1L;

    private RedactedException(String message, Throwable cause) {
        super(message, cause);
    }

    /** Returns a redacted copy of {@code original} and its causes, or null for null. */
    static Throwable of(Throwable original, Redactor redactor) {
        if (original == null) {
            return null;
        }
        Throwable cause = original.getCause() == original ? null : of(original.getCause(), redactor);
        String message = original.getClass().getName();
        if (original.getMessage() != null) {
            message += ": " + redactor.redact(original.getMessage());
        }
        RedactedException copy = new RedactedException(message, cause);
        copy.setStackTrace(original.getStackTrace());
        return copy;
    }
}
