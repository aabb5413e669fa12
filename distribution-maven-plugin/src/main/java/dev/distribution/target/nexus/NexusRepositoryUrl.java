package dev.distribution.target.nexus;

import dev.distribution.core.InvalidConfigurationException;
import java.net.URI;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Nexus Repository 3 hosted repository URL split into the server base (with any context path,
 * such as {@code /nexus}) and the repository name: {@code https://host/nexus/repository/raw-hosted/}
 * gives {@code https://host/nexus} and {@code raw-hosted}.
 *
 * @param base the server base URL without trailing slash
 * @param name the repository name
 */
public record NexusRepositoryUrl(String base, String name) {
    private static final Pattern URL = Pattern.compile("(https?://.+?)/repository/([a-zA-Z0-9\\-][a-zA-Z0-9_\\-.]*)/?");

    /**
     * Parses a repository URL.
     *
     * @param element the POM element of the URL, for the error message
     */
    public static NexusRepositoryUrl parse(String url, String element) throws InvalidConfigurationException {
        Matcher matcher = URL.matcher(url.trim());
        if (!matcher.matches()) {
            throw new InvalidConfigurationException(
                    element,
                    url,
                    "https://<nexus-host>[/<context>]/repository/<repository-name>/",
                    "Use the URL Nexus shows for the hosted repository (Browse > the repository > URL).");
        }
        return new NexusRepositoryUrl(matcher.group(1), matcher.group(2));
    }

    /** The content URL of the repository, with a trailing slash. */
    public String contentUrl() {
        return base + "/repository/" + name + "/";
    }

    /** The components REST endpoint for this repository. */
    public URI componentsApi() {
        return URI.create(base + "/service/rest/v1/components?repository=" + name);
    }
}
