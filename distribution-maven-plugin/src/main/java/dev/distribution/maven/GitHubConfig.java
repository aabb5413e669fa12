package dev.distribution.maven;

import java.io.File;
import java.util.List;

/** The {@code <github>} block of the {@code github-release} goal. */
public class GitHubConfig {
    /**
     * The id of a declared repository of type {@code github}, whose URL is the repository's web
     * URL and whose settings.xml server contains the token as password. Omitted: the repository GitHub
     * Actions names in {@code GITHUB_REPOSITORY}. User property: {@code distribution.github.repository}.
     */
    String repository;

    /** The API base URL; default {@code https://api.github.com}, or {@code https://<host>/api/v3} for a repository on GitHub Enterprise Server. */
    String apiUrl;

    /** The tag of the release. Default: {@code v${project.version}}. User property: {@code distribution.github.tag}. */
    String tag;

    /** The release title. Default: the tag. */
    String name;

    /** The release notes in Markdown. Unset: an existing release keeps its notes. */
    String body;

    /** A file holding the release notes in Markdown, instead of {@code body}. */
    File bodyFile;

    /** Keeps the release a draft. Default: {@code false}. User property: {@code distribution.github.draft}. */
    Boolean draft;

    /**
     * Marks the release as a pre-release. Default: {@code true} for snapshots and pre-release
     * versions (alpha, beta, milestone, rc). User property: {@code distribution.github.prerelease}.
     */
    Boolean prerelease;

    /** Whether the release becomes the latest: {@code true}, {@code false} or {@code legacy}. Default: GitHub's. */
    String makeLatest;

    /** The branch or commit the tag is created from when it does not exist. Default: the default branch. */
    String targetCommitish;

    /**
     * Deletes and uploads again an asset of the same name with different content, instead of
     * failing. Default: {@code false}. User property: {@code distribution.github.replaceExisting}.
     */
    Boolean replaceExisting;

    /** The environment variable holding the token when settings.xml has none. Default: {@code GITHUB_TOKEN}, then {@code GH_TOKEN}. */
    String tokenEnvironment;

    /** The maximum total wait, in seconds, for GitHub's rate limits to reset. Default: {@code 900}. */
    Integer maxRateLimitWait;

    /** Attaches the files of the {@code archive} goal, {@code SHA256SUMS} included. Default: {@code true}. */
    Boolean archives;

    /** Attaches the {@code .deb}, {@code .rpm} and {@code .whl} files other goals attached to the project. Default: {@code true}. */
    Boolean packages;

    /** Further files to attach; a {@code <target>} is the asset name. */
    List<FileMappingConfig> files;
}
