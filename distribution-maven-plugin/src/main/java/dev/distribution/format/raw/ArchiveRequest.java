package dev.distribution.format.raw;

import dev.distribution.core.Platform;
import dev.distribution.core.payload.Mapping;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * What the {@code archive} goal asks for.
 *
 * @param name the archive base name, such as {@code hello-1.0}
 * @param rootFolder the folder entries are placed under inside each archive; empty for none
 * @param formats the formats to write, each archive once per format
 * @param version the project version, recorded in the package files
 * @param files the entries of every archive
 * @param platformFiles extra entries per platform, in the order configured; empty for one archive
 *     without classifier
 * @param basedir the folder relative sources are resolved against
 * @param outputDirectory where archives and {@code SHA256SUMS} are written
 * @param timestamp the modification time written for every entry
 * @param checksums whether to write {@code SHA256SUMS}
 */
public record ArchiveRequest(
        String name,
        String rootFolder,
        List<ArchiveFormat> formats,
        String version,
        List<Mapping> files,
        Map<Platform, List<Mapping>> platformFiles,
        Path basedir,
        Path outputDirectory,
        Instant timestamp,
        boolean checksums) {}
