package dev.distribution.format.oci;

import java.util.Objects;

/**
 * An OCI content descriptor: what a blob is, its digest and its size.
 *
 * @param mediaType the media type, for example {@code application/vnd.oci.image.manifest.v1+json}
 * @param digest the digest, {@code sha256:<64 hex digits>}
 * @param size the size in bytes
 */
public record Descriptor(String mediaType, String digest, long size) {
    /** OCI image manifest. */
    public static final String OCI_MANIFEST = "application/vnd.oci.image.manifest.v1+json";
    /** OCI image index. */
    public static final String OCI_INDEX = "application/vnd.oci.image.index.v1+json";
    /** OCI image configuration. */
    public static final String OCI_CONFIG = "application/vnd.oci.image.config.v1+json";
    /** Docker image manifest, schema 2. */
    public static final String DOCKER_MANIFEST = "application/vnd.docker.distribution.manifest.v2+json";
    /** Docker manifest list. */
    public static final String DOCKER_MANIFEST_LIST = "application/vnd.docker.distribution.manifest.list.v2+json";

    public Descriptor {
        Objects.requireNonNull(mediaType, "mediaType");
        Objects.requireNonNull(digest, "digest");
        if (!digest.matches("sha256:[0-9a-f]{64}")) {
            throw new IllegalArgumentException("Not a sha256 digest: " + digest);
        }
    }

    /** The 64 hex digits of the digest. */
    public String hex() {
        return digest.substring("sha256:".length());
    }

    /** Returns true for an image index or a Docker manifest list. */
    public boolean isIndex() {
        return mediaType.equals(OCI_INDEX) || mediaType.equals(DOCKER_MANIFEST_LIST);
    }
}
