package dev.distribution.format.deb;

import java.nio.file.Path;

/**
 * A built binary package.
 *
 * @param file the {@code .deb} file, named {@code <Package>_<Version>_<Architecture>.deb}
 * @param control the control fields it was built with
 * @param sha256 the lower-case hex SHA-256 of the file
 * @param size the file size in bytes
 */
public record DebPackage(Path file, DebControl control, String sha256, long size) {}
