package dev.distribution.target.gitlab;

import dev.distribution.core.InvalidConfigurationException;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Map;

/**
 * Where a GitLab project's API is: the v4 API base URL and the project id or full path.
 *
 * @param apiUrl such as {@code https://gitlab.example.com/api/v4}
 * @param project a numeric id, or a full path such as {@code group/sub/project}
 */
public record GitLabLocation(String apiUrl, String project) {
    private static final String ACCEPTED_URL =
            "https://<host>/<group>/<project> (the project's web URL), or https://<host>/api/v4/projects/<id>";

    /**
     * Resolves the location from a declared repository URL, or, without one, from the variables
     * GitLab CI sets ({@code CI_API_V4_URL}, {@code CI_PROJECT_ID}). Explicit values win.
     *
     * @param repositoryUrl the URL of the {@code <repository>} of type gitlab; null when none is declared
     * @param apiUrl an explicit API base URL, needed when GitLab runs under a path such as
     *     {@code https://example.com/gitlab}; null to derive it
     * @param project an explicit project id or path; null to derive it
     * @param element the POM element of the URL, for error messages
     */
    public static GitLabLocation resolve(
            String repositoryUrl, String apiUrl, String project, Map<String, String> env, String element)
            throws InvalidConfigurationException {
        String derivedApi = null;
        String derivedProject = null;
        if (repositoryUrl != null && !repositoryUrl.isBlank()) {
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
                    || path.isEmpty()) {
                throw new InvalidConfigurationException(
                        element, repositoryUrl, ACCEPTED_URL, "Use the project's web URL.");
            }
            String origin = uri.getScheme() + "://" + uri.getHost() + (uri.getPort() < 0 ? "" : ":" + uri.getPort());
            int api = path.indexOf("api/v4/projects/");
            if (api >= 0) {
                derivedApi = origin + "/" + path.substring(0, api) + "api/v4";
                derivedProject = java.net.URLDecoder.decode(
                        path.substring(api + "api/v4/projects/".length()), java.nio.charset.StandardCharsets.UTF_8);
            } else {
                derivedApi = origin + "/api/v4";
                derivedProject = path;
            }
        } else {
            derivedApi = blankToNull(env.get("CI_API_V4_URL"));
            derivedProject = blankToNull(env.get("CI_PROJECT_ID"));
        }
        String resolvedApi = apiUrl != null && !apiUrl.isBlank() ? apiUrl.trim() : derivedApi;
        String resolvedProject = project != null && !project.isBlank() ? project.trim() : derivedProject;
        if (resolvedApi == null || resolvedProject == null || resolvedProject.isBlank()) {
            throw new InvalidConfigurationException(
                    "<gitlab><repository>",
                    null,
                    "the id of a <repositories><repository> of type gitlab",
                    "Declare the GitLab project, for example <url>https://gitlab.example.com/group/project</url>;"
                            + " in GitLab CI the CI_API_V4_URL and CI_PROJECT_ID variables are used instead.");
        }
        resolvedApi = resolvedApi.replaceAll("/+$", "");
        if (!resolvedApi.matches("https?://[^\\s/?#]+(/[^\\s?#]*)?")) {
            throw new InvalidConfigurationException(
                    "<gitlab><apiUrl>",
                    resolvedApi,
                    "https://<host>/api/v4",
                    "Set the v4 API base URL of the GitLab server.");
        }
        if (resolvedProject.startsWith("/") || resolvedProject.endsWith("/") || resolvedProject.contains("//")) {
            throw new InvalidConfigurationException(
                    "<gitlab><project>",
                    resolvedProject,
                    "a numeric id or a path like group/project",
                    "Fix the project path.");
        }
        return new GitLabLocation(resolvedApi, resolvedProject);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
