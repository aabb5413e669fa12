package dev.distribution.target.github;

import java.nio.file.Path;
import java.util.Objects;

/**
 * One local file to attach to a release.
 *
 * @param file the file on disk
 * @param name the asset name to request
 * @param label the display label; null for none
 * @param contentType the media type sent with the upload
 */
public record ReleaseAsset(Path file, String name, String label, String contentType) {
    public ReleaseAsset {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(contentType, "contentType");
    }
}
