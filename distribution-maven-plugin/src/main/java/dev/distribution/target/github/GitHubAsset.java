package dev.distribution.target.github;

/**
 * A release asset as the GitHub REST API returns it.
 *
 * @param id the asset id
 * @param name the file name GitHub stored, which may differ from the name sent
 * @param label the display label; null when unset
 * @param state {@code uploaded}, or {@code starter} for an upload that never completed
 * @param size the size in bytes
 * @param contentType the media type given at upload
 * @param digest {@code sha256:<hex>} where the server computes it, otherwise null
 * @param browserDownloadUrl the public download URL
 */
public record GitHubAsset(
        long id,
        String name,
        String label,
        String state,
        long size,
        String contentType,
        String digest,
        String browserDownloadUrl) {

    /** Returns whether the upload of this asset completed. */
    public boolean isUploaded() {
        return "uploaded".equals(state);
    }

    /** Returns the lower-case hex SHA-256 the server reported, or null. */
    public String sha256() {
        if (digest != null && digest.regionMatches(true, 0, "sha256:", 0, 7)) {
            return digest.substring(7).toLowerCase(java.util.Locale.ROOT);
        }
        return null;
    }
}
