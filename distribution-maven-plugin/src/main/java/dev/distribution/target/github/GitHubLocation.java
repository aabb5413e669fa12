package dev.distribution.target.github;

import dev.distribution.core.InvalidConfigurationException;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Where the API of a repository is: the API base URL and {@code owner/name}.
 *
 * @param apiUrl {@code https://api.github.com}, or {@code https://<host>/api/v3} for GitHub
 *     Enterprise Server
 * @param repository {@code owner/name}
 */
public record GitHubLocation(String apiUrl, String repository) {
    private static final Pattern OWNER_NAME = Pattern.compile("[A-Za-z0-9_.-]+/[A-Za-z0-9_.-]+");
    private static final String ACCEPTED_URL =
            "https://github.com/<owner>/<name>, or https://<host>/<owner>/<name> for GitHub Enterprise Server";

    /**
     * Resolves the location from a declared repository URL, or, without one, from the variables
     * GitHub Actions sets ({@code GITHUB_REPOSITORY}, {@code GITHUB_API_URL}).
     *
     * @param repositoryUrl the URL of the {@code <repository>} of type github; null when none is declared
     * @param apiUrl an explicit API base URL; null to derive it
     * @param element the POM element of the URL, for error messages
     */
    public static GitHubLocation resolve(String repositoryUrl, String apiUrl, Map<String, String> env, String element)
            throws InvalidConfigurationException {
        if (repositoryUrl == null || repositoryUrl.isBlank()) {
            String repository = env.get("GITHUB_REPOSITORY");
            if (repository == null || !OWNER_NAME.matcher(repository).matches()) {
                throw new InvalidConfigurationException(
                        "<github><repository>",
                        null,
                        "the id of a <repositories><repository> of type github",
                        "Declare the GitHub repository, for example <url>https://github.com/acme/hello</url>;"
                                + " in GitHub Actions the GITHUB_REPOSITORY variable is used instead.");
            }
            String fromEnvironment = env.get("GITHUB_API_URL");
            String base = apiUrl != null
                    ? apiUrl
                    : (fromEnvironment == null || fromEnvironment.isBlank()
                            ? "https://api.github.com"
                            : fromEnvironment);
            return new GitHubLocation(checkApiUrl(base), repository);
        }
        URI uri;
        try {
            uri = new URI(repositoryUrl.trim());
        } catch (URISyntaxException e) {
            throw new InvalidConfigurationException(element, repositoryUrl, ACCEPTED_URL, "Fix the URL.");
        }
        String path = uri.getPath() == null
                ? ""
                : uri.getPath().replaceAll("^/+|/+$", "").replaceAll("\\.git$", "");
        if (uri.getHost() == null
                || !("https".equals(uri.getScheme()) || "http".equals(uri.getScheme()))
                || !OWNER_NAME.matcher(path).matches()) {
            throw new InvalidConfigurationException(
                    element, repositoryUrl, ACCEPTED_URL, "Use the repository's web URL.");
        }
        String derived;
        if (uri.getHost().equalsIgnoreCase("github.com") || uri.getHost().equalsIgnoreCase("www.github.com")) {
            derived = "https://api.github.com";
        } else {
            String port = uri.getPort() < 0 ? "" : ":" + uri.getPort();
            derived = uri.getScheme() + "://" + uri.getHost() + port + "/api/v3";
        }
        return new GitHubLocation(checkApiUrl(apiUrl != null ? apiUrl : derived), path);
    }

    private static String checkApiUrl(String url) throws InvalidConfigurationException {
        String trimmed = url.trim().replaceAll("/+$", "");
        if (!trimmed.matches("https?://[^\\s/?#]+(/[^\\s?#]*)?")) {
            throw new InvalidConfigurationException(
                    "<github><apiUrl>",
                    url,
                    "https://api.github.com or https://<host>/api/v3",
                    "Set the API base URL of the GitHub server.");
        }
        return trimmed;
    }
}
