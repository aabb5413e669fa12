package dev.distribution.target.gitlab;

/**
 * A file of a generic package as the GitLab API lists it.
 *
 * @param id the package file id
 * @param fileName the file name
 * @param size the size in bytes
 * @param sha256 the lower-case hex SHA-256, or null when the API does not return it
 */
public record PackageFile(long id, String fileName, long size, String sha256) {}
