package dev.distribution.target.github;

import java.util.Locale;

/** Media types of release assets and the names GitHub stores them under. */
public final class AssetFiles {
    private AssetFiles() {}

    /**
     * Returns the media type to upload a file with, from its name: archives, Debian and RPM
     * packages, wheels, signatures, checksum lists and text; {@code application/octet-stream}
     * for anything else.
     */
    public static String contentType(String fileName) {
        String name = fileName.toLowerCase(Locale.ROOT);
        if (name.endsWith(".tar.gz") || name.endsWith(".tgz") || name.endsWith(".gz")) {
            return "application/gzip";
        }
        if (name.endsWith(".zip") || name.endsWith(".whl") || name.endsWith(".jar")) {
            // A wheel and a jar are zip files (PEP 427, the JAR specification).
            return "application/zip";
        }
        if (name.endsWith(".deb")) {
            return "application/vnd.debian.binary-package";
        }
        if (name.endsWith(".rpm")) {
            return "application/x-rpm";
        }
        if (name.endsWith(".asc") || name.endsWith(".sig")) {
            return "application/pgp-signature";
        }
        if (name.endsWith(".json")) {
            return "application/json";
        }
        if (name.endsWith(".txt") || name.endsWith(".md") || name.equals("sha256sums") || name.endsWith(".sha256")) {
            return "text/plain";
        }
        return "application/octet-stream";
    }

    /**
     * Returns the name GitHub is expected to store for {@code fileName}: every run of characters
     * other than ASCII letters, digits, {@code . - _ +}, with the dots next to it, becomes one
     * {@code .}, and leading or
     * trailing dots are dropped. GitHub documents that it renames such names but not the exact
     * rule, so the name the API returns after an upload is what the build records.
     */
    public static String expectedName(String fileName) {
        // NOTE: the rule follows names GitHub has returned; it is not documented and may differ for
        // rare characters, in which case a re-run finds the asset through the 422 response instead.
        String mapped = fileName.replaceAll("\\.*[^A-Za-z0-9._+-]+\\.*", ".");
        return mapped.replaceAll("^\\.+|\\.+$", "");
    }
}
