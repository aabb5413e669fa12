package dev.distribution.maven;

import java.util.List;

/** The {@code <archive>} block of the {@code archive} goal. */
public class ArchiveConfig {
    /**
     * The base name of the archives; the platform classifier and extension are appended. Default:
     * {@code ${project.artifactId}-${project.version}}.
     */
    String name;

    /**
     * The folder every entry is placed under inside the archive; an empty value puts entries at
     * the top. Default: the archive base name.
     */
    String rootFolder;

    /**
     * Comma-separated archive formats: {@code tar.gz}, {@code zip}. Default: {@code tar.gz,zip}.
     * User property: {@code distribution.archive.formats}.
     */
    String formats;

    /** The files of every archive. */
    List<FileMappingConfig> files;

    /**
     * Platforms that get an archive of their own, each with its extra files. Without platforms,
     * one archive per format is built with no classifier.
     */
    List<PlatformConfig> platforms;

    /**
     * A folder inside the archive that receives the project's runtime dependencies, for example
     * {@code lib}. Default: none.
     */
    String dependencies;

    /** Writes a {@code SHA256SUMS} file beside the archives. Default: {@code true}. */
    Boolean checksums;
}
