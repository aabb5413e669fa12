package dev.distribution.format.raw;

import dev.distribution.core.InvalidConfigurationException;
import java.util.Locale;

/** The archive formats the generic-files format builds, named by their file extension. */
public enum ArchiveFormat {
    /** A POSIX (pax) tar archive compressed with gzip; the usual choice for Linux and macOS. */
    TAR_GZ("tar.gz"),
    /** A zip archive with Unix modes; the usual choice for Windows. */
    ZIP("zip");

    private static final String ACCEPTED = "tar.gz (or tgz), zip";

    private final String extension;

    ArchiveFormat(String extension) {
        this.extension = extension;
    }

    /**
     * Parses a format name as written in a POM: {@code tar.gz}, {@code tgz} or {@code zip}, in any
     * case.
     *
     * @param element the POM element path, for the error message
     * @throws InvalidConfigurationException when the name is missing or unknown
     */
    public static ArchiveFormat parse(String value, String element) throws InvalidConfigurationException {
        String name = value == null ? "" : value.trim().toLowerCase(Locale.ROOT);
        return switch (name) {
            case "tar.gz", "tgz" -> TAR_GZ;
            case "zip" -> ZIP;
            default ->
                throw new InvalidConfigurationException(
                        element, value, ACCEPTED, "Use tar.gz for Linux and macOS, zip for Windows.");
        };
    }

    /** Returns the file extension without the leading dot, such as {@code tar.gz}. */
    public String extension() {
        return extension;
    }
}
