package dev.distribution.format.python;

import java.nio.file.Path;

/**
 * A license file shipped with a distribution.
 *
 * @param name the path relative to the project directory, with '/' separators, as written in the
 *     {@code License-File} field and under {@code .dist-info/licenses/}
 * @param file the file on disk
 */
public record LicenseFile(String name, Path file) {}
