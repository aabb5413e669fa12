package dev.distribution.format.oci;

import dev.distribution.core.Platform;
import java.util.List;
import java.util.Objects;

/**
 * A file or directory to copy into the image.
 *
 * @param source the path on disk, relative to the project directory or absolute; it may contain
 *     {@code {os}}, {@code {arch}} and {@code {variant}}, replaced per platform, so that
 *     {@code target/bin/{os}-{arch}/app} names each platform's binary
 * @param target the absolute path in the image; for a directory source, the directory its
 *     content goes to
 * @param mode the octal permissions such as {@code 755}, or null for 644 (files) and 755
 *     (directories)
 * @param platforms the platforms that get the file, or an empty list for all
 */
public record ImageFile(String source, String target, String mode, List<Platform> platforms) {
    public ImageFile {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(target, "target");
        platforms = platforms == null ? List.of() : List.copyOf(platforms);
    }

    /** Returns true when {@code platform} gets this file. */
    public boolean appliesTo(Platform platform) {
        return platforms.isEmpty() || platforms.contains(platform);
    }

    /** Returns the source with the platform placeholders replaced. */
    public String sourceFor(Platform platform) {
        return source.replace("{os}", platform.os())
                .replace("{arch}", platform.arch())
                .replace("{variant}", platform.variant() == null ? "" : platform.variant());
    }
}
