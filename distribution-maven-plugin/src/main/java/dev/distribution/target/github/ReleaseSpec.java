package dev.distribution.target.github;

import java.util.Objects;
import java.util.Set;

/**
 * The release the user asked for.
 *
 * @param tag the tag, already validated
 * @param name the title
 * @param body the notes in Markdown; null keeps what an existing release has
 * @param draft whether the release stays a draft
 * @param prerelease whether it is marked as a pre-release
 * @param makeLatest {@code true}, {@code false} or {@code legacy}; null leaves GitHub's default
 * @param targetCommitish the branch or commit to tag when the tag does not exist; null for the
 *     default branch
 */
public record ReleaseSpec(
        String tag,
        String name,
        String body,
        boolean draft,
        boolean prerelease,
        String makeLatest,
        String targetCommitish) {
    /** The values GitHub accepts for {@code make_latest}. */
    public static final Set<String> MAKE_LATEST_VALUES = Set.of("true", "false", "legacy");

    public ReleaseSpec {
        Objects.requireNonNull(tag, "tag");
        Objects.requireNonNull(name, "name");
        if (makeLatest != null && !MAKE_LATEST_VALUES.contains(makeLatest)) {
            throw new IllegalArgumentException("make_latest must be true, false or legacy: " + makeLatest);
        }
    }
}
