package dev.distribution.format.deb;

import java.util.List;

/**
 * The result of adding packages to a static APT repository.
 *
 * @param written the files written, relative to the repository root, in the order they were written:
 *     pool files, then indexes, then the {@code Release} files; an uploader sends them in this order
 * @param alreadyPublished the pool paths of packages that were already in the repository with the
 *     same content
 */
public record AptPublication(List<String> written, List<String> alreadyPublished) {
    public AptPublication {
        written = List.copyOf(written);
        alreadyPublished = List.copyOf(alreadyPublished);
    }
}
