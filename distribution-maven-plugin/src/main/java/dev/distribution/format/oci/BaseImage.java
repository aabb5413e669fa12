package dev.distribution.format.oci;

import dev.distribution.core.InvalidConfigurationException;
import java.nio.file.Path;
import java.util.Objects;

/**
 * The image an image is built on. Written in the POM as {@code scratch}, a registry reference
 * ({@code eclipse-temurin:21-jre}, {@code docker://host:5000/base:1}), an OCI image layout
 * ({@code oci:path/to/layout[:tag]}) or a tar ({@code docker-archive:base.tar} as written by
 * {@code docker save}, or {@code oci-archive:base.tar}). The last three make offline builds
 * possible.
 */
public sealed interface BaseImage {

    /** The empty image. */
    record Scratch() implements BaseImage {
        @Override
        public String toString() {
            return "scratch";
        }
    }

    /**
     * An image in a registry. Multi-platform bases are resolved per platform.
     *
     * @param reference the image reference, for example {@code eclipse-temurin:21-jre}
     * @param username the user name, or null for anonymous pulls
     * @param password the password or token, or null
     */
    record Registry(String reference, String username, String password) implements BaseImage {
        public Registry {
            Objects.requireNonNull(reference, "reference");
        }

        /**
         * Returns the registry host of the reference, for example {@code registry-1.docker.io} for
         * {@code eclipse-temurin:17-jre}, or null when the reference cannot be parsed.
         */
        public String registryHost() {
            try {
                return com.google.cloud.tools.jib.api.ImageReference.parse(reference)
                        .getRegistry();
            } catch (com.google.cloud.tools.jib.api.InvalidImageReferenceException e) {
                return null;
            }
        }

        @Override
        public String toString() {
            return reference;
        }
    }

    /**
     * An OCI image layout on disk.
     *
     * @param directory the layout directory, holding {@code oci-layout} and {@code index.json}
     * @param reference the {@code org.opencontainers.image.ref.name} to use, or null when the
     *     layout holds exactly one image
     */
    record Layout(Path directory, String reference) implements BaseImage {
        public Layout {
            Objects.requireNonNull(directory, "directory");
        }

        @Override
        public String toString() {
            return "oci:" + directory + (reference == null ? "" : ":" + reference);
        }
    }

    /**
     * A tar file: either {@code docker save} output ({@code manifest.json}) or an OCI archive
     * (an OCI image layout in a tar).
     *
     * @param file the tar file
     */
    record Tar(Path file) implements BaseImage {
        public Tar {
            Objects.requireNonNull(file, "file");
        }

        @Override
        public String toString() {
            return "tar:" + file;
        }
    }

    /**
     * Parses the POM form of a base image.
     *
     * @param value the configured text; null or blank means {@code scratch}
     * @param baseDirectory the directory relative paths are resolved against
     * @throws InvalidConfigurationException when a layout or tar form names no path
     */
    static BaseImage parse(String value, Path baseDirectory, String element) throws InvalidConfigurationException {
        if (value == null || value.isBlank() || value.trim().equals("scratch")) {
            return new Scratch();
        }
        String text = value.trim();
        String accepted = "scratch, a registry reference such as eclipse-temurin:21-jre,"
                + " oci:<layout directory>[:<tag>], docker-archive:<file.tar> or oci-archive:<file.tar>";
        if (text.startsWith("oci:")) {
            String rest = text.substring("oci:".length());
            int colon = rest.indexOf(':');
            String directory = colon < 0 ? rest : rest.substring(0, colon);
            String reference = colon < 0 ? null : rest.substring(colon + 1);
            if (directory.isEmpty() || (reference != null && reference.isEmpty())) {
                throw new InvalidConfigurationException(
                        element, value, accepted, "Name the layout directory, for example oci:base-layout:1.0.");
            }
            return new Layout(baseDirectory.resolve(directory), reference);
        }
        for (String prefix : new String[] {"docker-archive:", "oci-archive:", "tar:"}) {
            if (text.startsWith(prefix)) {
                String file = text.substring(prefix.length());
                if (file.isEmpty()) {
                    throw new InvalidConfigurationException(
                            element, value, accepted, "Name the tar file, for example docker-archive:base.tar.");
                }
                return new Tar(baseDirectory.resolve(file));
            }
        }
        String reference = text.startsWith("docker://") ? text.substring("docker://".length()) : text;
        return new Registry(reference, null, null);
    }
}
