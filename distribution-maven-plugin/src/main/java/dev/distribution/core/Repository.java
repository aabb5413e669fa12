package dev.distribution.core;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A place packages go, declared once in the POM and referenced by id. The id is also the id of
 * the settings.xml {@code <server>} that holds its credentials.
 *
 * @param id the repository id; letters, digits, '.', '_' and '-'
 * @param type the kind of repository
 * @param url the base URL, a folder path for {@link RepositoryType#STATIC}, or {@code host[:port]}
 *     for a {@link RepositoryType#REGISTRY}
 */
public record Repository(String id, RepositoryType type, String url) {
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*");

    public Repository {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(url, "url");
    }

    /**
     * Validates the three values of a {@code <repository>} element and creates the repository.
     *
     * @param element the POM element path, for example {@code <repositories><repository>[2]}
     * @throws InvalidConfigurationException when a value is missing or malformed
     */
    public static Repository of(String id, String type, String url, String element)
            throws InvalidConfigurationException {
        if (id == null || id.isBlank()) {
            throw new InvalidConfigurationException(
                    element + "<id>", null, "letters, digits, '.', '_' and '-'", "Give the repository an id.");
        }
        if (!ID.matcher(id).matches()) {
            throw new InvalidConfigurationException(
                    element + "<id>",
                    id,
                    "letters, digits, '.', '_' and '-', starting with a letter or digit",
                    "Rename the repository and its settings.xml <server> id.");
        }
        RepositoryType parsedType = RepositoryType.parse(type, element + "<type>");
        if (url == null || url.isBlank()) {
            throw new InvalidConfigurationException(
                    element + "<url>",
                    null,
                    "an http:// or https:// URL, or a folder for type 'static'",
                    "Set the URL of repository '" + id + "'.");
        }
        return new Repository(id, parsedType, url.trim());
    }
}
