package dev.distribution.core;

/**
 * The environment failed while building or publishing: an unreachable server, an unexpected HTTP
 * answer, a full disk. Re-running after the cause is fixed resumes the publication.
 */
public class PublishException extends DistributionException {
    private static final long serialVersionUID = 1L;

    public PublishException(String message) {
        super(message);
    }

    public PublishException(String message, Throwable cause) {
        super(message, cause);
    }
}
