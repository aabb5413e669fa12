package dev.distribution.format.oci;

import java.util.Objects;

/**
 * A tag to publish an image under.
 *
 * @param name the tag, valid under {@link ImageNames#checkTag}
 * @param mutable true when a later build may move the tag to another image ({@code latest}, a
 *     snapshot version); false for a release tag, which is written once
 */
public record ImageTag(String name, boolean mutable) {
    public ImageTag {
        Objects.requireNonNull(name, "name");
        if (!ImageNames.isValidTag(name)) {
            throw new IllegalArgumentException("Invalid tag: " + name);
        }
    }

    /**
     * Returns the tag with the default write policy: {@code latest} and tags ending in
     * {@code SNAPSHOT} move, every other tag is written once.
     */
    public static ImageTag of(String name) {
        return new ImageTag(name, name.equals("latest") || name.endsWith("SNAPSHOT"));
    }
}
