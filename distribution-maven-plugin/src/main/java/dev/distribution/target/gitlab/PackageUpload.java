package dev.distribution.target.gitlab;

import java.nio.file.Path;
import java.util.Objects;

/**
 * One local file to publish to the generic package registry and link from the release.
 *
 * @param file the file on disk
 * @param fileName the file name in the package, already checked with {@link GitLabNames}
 */
public record PackageUpload(Path file, String fileName) {
    public PackageUpload {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(fileName, "fileName");
    }
}
