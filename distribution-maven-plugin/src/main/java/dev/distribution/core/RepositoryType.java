package dev.distribution.core;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** The kinds of repository a format can publish to, as written in {@code <repository><type>}. */
public enum RepositoryType {
    /** Sonatype Nexus Repository 3, addressed by the hosted repository URL. */
    NEXUS,
    /** A folder on disk, laid out as the format's static repository. */
    STATIC,
    /** Any HTTP server that accepts PUT, such as nginx or Apache WebDAV, or a Nexus raw repository. */
    WEBDAV,
    /** An OCI distribution registry. */
    REGISTRY,
    /** A server speaking the PyPI upload API. */
    PYPI,
    /** ChartMuseum's API. */
    CHARTMUSEUM,
    /** aptly's REST API. */
    APTLY,
    /** A git repository, for Homebrew taps. */
    GIT,
    /** The GitHub REST API. */
    GITHUB,
    /** The GitLab REST API. */
    GITLAB;

    /** The word used in the POM. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * Parses the POM word, case-insensitively.
     *
     * @param element the POM element path, for the error message
     * @throws InvalidConfigurationException when the word names no known type
     */
    public static RepositoryType parse(String value, String element) throws InvalidConfigurationException {
        if (value != null) {
            for (RepositoryType type : values()) {
                if (type.id().equalsIgnoreCase(value.trim())) {
                    return type;
                }
            }
        }
        throw new InvalidConfigurationException(
                element,
                value,
                Arrays.stream(values()).map(RepositoryType::id).collect(Collectors.joining(", ")),
                "Set the repository type to one of these words.");
    }
}
