package dev.distribution.target.gitlab;

import java.util.List;

/**
 * A release as the GitLab API returns it.
 *
 * @param tagName the tag
 * @param name the title
 * @param description the notes in Markdown
 * @param links the asset links
 */
public record GitLabRelease(String tagName, String name, String description, List<Link> links) {

    /**
     * One asset link of a release.
     *
     * @param id the link id; 0 for a link not yet created
     * @param name the name shown on the release page
     * @param url the URL the link points to
     * @param directAssetPath the path after {@code /releases/<tag>/downloads}, starting with '/'; the
     *     API returns it only inside {@code direct_asset_url}, so it may be null
     * @param directAssetUrl the stable download URL GitLab built from the path; null when sent
     * @param linkType {@code other}, {@code runbook}, {@code image} or {@code package}
     */
    public record Link(
            long id, String name, String url, String directAssetPath, String directAssetUrl, String linkType) {

        /** Returns whether this link, as GitLab returned it, already says what {@code wanted} says. */
        public boolean matches(Link wanted) {
            boolean samePath = wanted.directAssetPath() == null
                    || wanted.directAssetPath().equals(directAssetPath)
                    || (directAssetUrl != null && directAssetUrl.endsWith("/downloads" + wanted.directAssetPath()));
            return wanted.name().equals(name)
                    && wanted.url().equals(url)
                    && wanted.linkType().equals(linkType)
                    && samePath;
        }
    }
}
