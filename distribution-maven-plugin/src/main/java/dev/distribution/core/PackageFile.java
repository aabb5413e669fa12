package dev.distribution.core;

import java.nio.file.Path;
import java.util.Objects;

/**
 * A file a packaging goal produced: which format it belongs to, the coordinates clients see and
 * where it lies on disk.
 *
 * @param format the format id, for example {@code raw}, {@code deb}, {@code python}
 * @param name the package name in the format's own rules
 * @param version the version mapped to the format's grammar
 * @param classifier a platform or variant, for example {@code linux-amd64}; null when none
 * @param path the file on disk
 */
public record PackageFile(String format, String name, String version, String classifier, Path path) {
    public PackageFile {
        Objects.requireNonNull(format, "format");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(path, "path");
    }

    /** The file name on disk. */
    public String fileName() {
        return path.getFileName().toString();
    }
}
