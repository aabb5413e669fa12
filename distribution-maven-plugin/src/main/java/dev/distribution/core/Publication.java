package dev.distribution.core;

import java.util.Objects;

/**
 * One line of the publication record: a file, where it went and what happened.
 *
 * @param repositoryId the repository id from the POM
 * @param file the local file path
 * @param url the URL or folder path the file was published to
 * @param sha256 the lower-case hex SHA-256 of the file
 * @param size the file size in bytes
 * @param status what the publisher did
 */
public record Publication(String repositoryId, String file, String url, String sha256, long size, Status status) {

    /** What happened to one file. */
    public enum Status {
        /** Uploaded because the target did not have it. */
        UPLOADED,
        /** Already at the target with the same content; nothing sent. */
        ALREADY_PUBLISHED,
        /** Replaced a different file because the user allowed redeploy. */
        REPLACED,
        /** Dry run: the target does not have it, so it would be uploaded. */
        PLANNED_UPLOAD,
        /** Dry run: the target has a different file, so the publication would fail or replace it. */
        PLANNED_CONFLICT;

        /** The word printed in the summary table. */
        public String label() {
            return name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ');
        }
    }

    public Publication {
        Objects.requireNonNull(repositoryId, "repositoryId");
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(sha256, "sha256");
        Objects.requireNonNull(status, "status");
    }
}
