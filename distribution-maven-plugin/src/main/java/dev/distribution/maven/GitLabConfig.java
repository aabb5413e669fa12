package dev.distribution.maven;

import java.io.File;
import java.util.List;

/** The {@code <gitlab>} block of the {@code gitlab-release} goal. */
public class GitLabConfig {
    /**
     * The id of a declared repository of type {@code gitlab}, whose URL is the project's web URL
     * and whose settings.xml server contains the token. Omitted: the project GitLab CI names in
     * {@code CI_API_V4_URL} and {@code CI_PROJECT_ID}. User property: {@code distribution.gitlab.repository}.
     */
    String repository;

    /** The v4 API base URL, for instances under a path; default: {@code https://<host>/api/v4}. */
    String apiUrl;

    /** The numeric project id or full path; default: from the repository URL. */
    String project;

    /** The generic package name. Default: {@code ${project.artifactId}}. */
    String packageName;

    /** The generic package version. Default: {@code ${project.version}}. */
    String packageVersion;

    /** The tag of the release. Default: {@code v${project.version}}. User property: {@code distribution.gitlab.tag}. */
    String tag;

    /** The release title. Default: the tag. */
    String name;

    /** The release notes in Markdown. Unset: an existing release keeps its notes. */
    String description;

    /** A file holding the release notes in Markdown, instead of {@code description}. */
    File descriptionFile;

    /** The branch or commit the tag is created from when it does not exist. Default: {@code CI_COMMIT_SHA}. */
    String ref;

    /** The folder of each link's {@code direct_asset_path}, such as {@code /bin/}. Default: {@code /}. */
    String assetPath;

    /**
     * Uploads a file whose name exists in the package with different content and deletes the
     * older copies, instead of failing. Default: {@code false}. User property:
     * {@code distribution.gitlab.replaceExisting}.
     */
    Boolean replaceExisting;

    /** Replaces each character GitLab rejects in a file name with '_' instead of failing. Default: {@code false}. */
    Boolean mapFileNames;

    /** The environment variable holding the token when settings.xml has none. Default: {@code GITLAB_TOKEN}. */
    String tokenEnvironment;

    /** The kind of token in that variable: {@code private}, {@code job} or {@code deploy}. Default: {@code private}. */
    String tokenType;

    /** Publishes the files of the {@code archive} goal, {@code SHA256SUMS} included. Default: {@code true}. */
    Boolean archives;

    /** Publishes the {@code .deb}, {@code .rpm} and {@code .whl} files other goals attached to the project. Default: {@code true}. */
    Boolean packages;

    /** Further files to publish; a {@code <target>} is the file name in the package. */
    List<FileMappingConfig> files;
}
