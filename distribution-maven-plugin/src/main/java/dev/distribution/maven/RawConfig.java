package dev.distribution.maven;

import java.util.List;

/** The {@code <raw>} block of the {@code deploy-raw} goal. */
public class RawConfig {
    /**
     * The id of a declared repository of type {@code nexus}, {@code webdav} or {@code static}.
     * Omitted: the embedded static repository. User property: {@code distribution.raw.repository}.
     */
    String repository;

    /**
     * The folder under the repository where files are published; Maven expressions are resolved.
     * Default: {@code ${project.artifactId}/${project.version}}. User property:
     * {@code distribution.raw.path}.
     */
    String path;

    /**
     * Files to publish besides the archives of the {@code archive} goal. A {@code <target>} is
     * the path below {@code path}; default: the file name.
     */
    List<FileMappingConfig> files;

    /** Publishes the files the {@code archive} goal built in this project. Default: {@code true}. */
    Boolean archives;
}
