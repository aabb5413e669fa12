package dev.distribution.target.github;

/**
 * A release as the GitHub REST API returns it.
 *
 * @param id the release id
 * @param tagName the tag
 * @param name the title; null when unset
 * @param body the notes in Markdown; null when unset
 * @param draft whether it is a draft, visible only to users with push access
 * @param prerelease whether it is marked as a pre-release
 * @param targetCommitish the branch or commit the tag is created from when it does not exist
 * @param uploadUrl the URL template assets are uploaded to, such as {@code https://uploads.github.com/repos/o/r/releases/1/assets{?name,label}}
 * @param htmlUrl the release page
 */
public record GitHubRelease(
        long id,
        String tagName,
        String name,
        String body,
        boolean draft,
        boolean prerelease,
        String targetCommitish,
        String uploadUrl,
        String htmlUrl) {}
