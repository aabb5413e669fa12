package dev.distribution.target.gitlab;

import java.util.Objects;

/**
 * The package and release the user asked for.
 *
 * @param packageName the generic package name, already checked
 * @param packageVersion the generic package version, already checked
 * @param tag the release tag, already checked
 * @param name the release title
 * @param description the notes in Markdown; null keeps what an existing release has
 * @param ref the branch or commit to create the tag from when it does not exist; null when the tag
 *     must exist
 * @param assetPathPrefix the folder of {@code direct_asset_path}, such as {@code /} or {@code /bin/}
 */
public record GitLabReleaseSpec(
        String packageName,
        String packageVersion,
        String tag,
        String name,
        String description,
        String ref,
        String assetPathPrefix) {
    public GitLabReleaseSpec {
        Objects.requireNonNull(packageName, "packageName");
        Objects.requireNonNull(packageVersion, "packageVersion");
        Objects.requireNonNull(tag, "tag");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(assetPathPrefix, "assetPathPrefix");
    }
}
