package dev.distribution.core;

/**
 * A repository that stores files by path: a Nexus hosted repository, an HTTP PUT server or a local
 * folder. {@link Publisher} drives it: it checks every file first, then uploads what is missing.
 *
 * <p>Implementations are used from one thread at a time but may be created per goal execution.
 */
public interface Target {

    /** The id of the repository, as declared in the POM; used in logs and the publication record. */
    String repositoryId();

    /** The URL or file path where {@code path} is published, for logs and the publication record. */
    String location(String path);

    /**
     * Compares the file at {@code upload.path()} with the local file.
     *
     * @param localSha256 the lower-case hex SHA-256 of the local file
     */
    RemoteCheck check(Upload upload, String localSha256) throws DistributionException;

    /**
     * Uploads one file, streaming it from disk.
     *
     * @param replace true when the target already holds a different file that the user allowed to
     *     replace
     * @throws AlreadyPublishedException when the target rejected the upload because the path is
     *     taken, so the publisher can compare again
     */
    void upload(Upload upload, boolean replace) throws DistributionException;

    /**
     * The target answered that the path already holds a file and may not be overwritten, as Nexus
     * does with HTTP 400 or 409 under its "disable redeploy" policy.
     */
    class AlreadyPublishedException extends PublishException {
        private static final long serialVersionUID = 1L;

        public AlreadyPublishedException(String message) {
            super(message);
        }
    }
}
