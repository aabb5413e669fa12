package dev.distribution.maven;

import dev.distribution.core.InvalidConfigurationException;
import dev.distribution.core.Repository;

/**
 * One {@code <repository>} of {@code <repositories>}: where packages go. Declared once, usually in
 * a company parent POM, and referenced by id from each format's block. The id is also the id of
 * the settings.xml {@code <server>} holding the credentials.
 */
public class RepositoryConfig {
    /** The repository id, also the settings.xml server id. Letters, digits, '.', '_' and '-'. */
    String id;

    /**
     * The kind of repository: {@code nexus}, {@code static}, {@code webdav}, {@code registry},
     * {@code pypi}, {@code chartmuseum}, {@code aptly}, {@code git}, {@code github} or
     * {@code gitlab}.
     */
    String type;

    /**
     * The base URL, for example {@code https://nexus.example.com/repository/raw-hosted/}; a folder
     * for type {@code static}; {@code host[:port]} for a registry.
     */
    String url;

    /**
     * For type {@code nexus}: how files are sent. {@code native} (default) uses the format's own
     * upload (PUT, or POST for apt and pypi); {@code components} uses the components REST API
     * ({@code /service/rest/v1/components}).
     */
    String upload;

    /** Creates the engine's repository, validating every value. */
    Repository toRepository(int index) throws InvalidConfigurationException {
        return Repository.of(id, type, url, "<repositories><repository>[" + index + "]");
    }

    String getId() {
        return id;
    }

    String getUpload() {
        return upload;
    }
}
