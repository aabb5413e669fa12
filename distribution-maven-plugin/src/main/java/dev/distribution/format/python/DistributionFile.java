package dev.distribution.format.python;

import dev.distribution.core.InvalidConfigurationException;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;

/**
 * A built distribution file (a wheel or an sdist) with the metadata read from inside it, so files
 * built by this plugin and prebuilt files from {@code dist/} are published the same way.
 *
 * @param path the file on disk
 * @param type {@code bdist_wheel} or {@code sdist}, the upload API's {@code filetype}
 * @param pythonVersion the upload API's {@code pyversion}: the wheel's Python tag, empty for an sdist
 * @param metadataBytes the core metadata file exactly as stored in the distribution
 * @param metadata the parsed metadata
 */
public record DistributionFile(
        Path path, String type, String pythonVersion, byte[] metadataBytes, MetadataFields metadata) {

    /** The upload API's {@code filetype} for wheels. */
    public static final String WHEEL = "bdist_wheel";

    /** The upload API's {@code filetype} for sdists. */
    public static final String SDIST = "sdist";

    /** The file name. */
    public String fileName() {
        return path.getFileName().toString();
    }

    /** The project name from the metadata. */
    public String name() {
        return metadata.first("Name");
    }

    /** The version from the metadata. */
    public String version() {
        return metadata.first("Version");
    }

    /** True for a wheel. */
    public boolean isWheel() {
        return WHEEL.equals(type);
    }

    /**
     * Reads a {@code .whl} or {@code .tar.gz} distribution.
     *
     * @param element the POM element that named the file, for error messages
     * @throws InvalidConfigurationException when the file is neither, or holds no valid metadata
     */
    public static DistributionFile read(String element, Path path) throws InvalidConfigurationException, IOException {
        String fileName = path.getFileName().toString();
        DistributionFile file;
        if (fileName.endsWith(".whl")) {
            file = readWheel(element, path, fileName);
        } else if (fileName.endsWith(".tar.gz")) {
            file = readSdist(path, fileName);
        } else {
            throw invalid(element, fileName, "Publish only the .whl and .tar.gz files a Python build writes.");
        }
        if (file == null || !PythonNames.isValid(file.name()) || !Pep440Version.isValid(file.version())) {
            throw invalid(element, fileName, "Rebuild the distribution; its metadata lacks a valid Name or Version.");
        }
        return file;
    }

    private static DistributionFile readWheel(String element, Path path, String fileName)
            throws IOException, InvalidConfigurationException {
        String[] parts = fileName.substring(0, fileName.length() - 4).split("-");
        if (parts.length != 5 && parts.length != 6) {
            throw invalid(
                    element, fileName, "Use the file name the build wrote: name-version-python-abi-platform.whl.");
        }
        String distInfo = parts[0] + "-" + parts[1] + ".dist-info/";
        try (ZipFile zip = new ZipFile(path.toFile(), StandardCharsets.UTF_8)) {
            ZipEntry metadata = null;
            for (Enumeration<? extends ZipEntry> entries = zip.entries(); entries.hasMoreElements(); ) {
                ZipEntry entry = entries.nextElement();
                String name = entry.getName();
                // Older tools keep the unnormalised name in the .dist-info directory.
                if (name.endsWith(".dist-info/METADATA")
                        && name.indexOf('/') == name.length() - "/METADATA".length()
                        && (name.equals(distInfo + "METADATA") || metadata == null)) {
                    metadata = entry;
                }
            }
            if (metadata == null) {
                return null;
            }
            byte[] bytes;
            try (InputStream in = zip.getInputStream(metadata)) {
                bytes = in.readAllBytes();
            }
            return new DistributionFile(
                    path,
                    WHEEL,
                    parts[parts.length - 3],
                    bytes,
                    MetadataFields.parse(new String(bytes, StandardCharsets.UTF_8)));
        }
    }

    private static DistributionFile readSdist(Path path, String fileName) throws IOException {
        try (TarArchiveInputStream tar =
                new TarArchiveInputStream(new GZIPInputStream(new BufferedInputStream(Files.newInputStream(path))))) {
            TarArchiveEntry entry;
            while ((entry = tar.getNextEntry()) != null) {
                String name = entry.getName();
                int slash = name.indexOf('/');
                if (slash > 0 && name.substring(slash + 1).equals("PKG-INFO")) {
                    byte[] bytes = tar.readAllBytes();
                    return new DistributionFile(
                            path, SDIST, "", bytes, MetadataFields.parse(new String(bytes, StandardCharsets.UTF_8)));
                }
            }
        }
        return null;
    }

    private static InvalidConfigurationException invalid(String element, String fileName, String fix) {
        return new InvalidConfigurationException(
                element, fileName, "a wheel (.whl) or an sdist (.tar.gz) with core metadata inside", fix);
    }
}
