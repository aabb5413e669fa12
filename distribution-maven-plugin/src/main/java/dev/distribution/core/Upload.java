package dev.distribution.core;

import java.nio.file.Path;
import java.util.Objects;

/**
 * One file to publish to a path-addressed target.
 *
 * @param file the local file
 * @param path the target path relative to the repository root, with '/' separators and no leading
 *     '/', not yet percent-encoded
 * @param contentType the media type to send, or null for {@code application/octet-stream}
 */
public record Upload(Path file, String path, String contentType) {
    public Upload {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(path, "path");
        if (path.startsWith("/") || path.isEmpty()) {
            throw new IllegalArgumentException("Upload path must be relative and not empty: " + path);
        }
    }

    /** An upload sent as {@code application/octet-stream}. */
    public Upload(Path file, String path) {
        this(file, path, null);
    }
}
