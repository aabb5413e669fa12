package dev.distribution.format.oci;

import java.util.List;
import java.util.Objects;

/**
 * An image built into an OCI layout: the index and one manifest per platform.
 *
 * @param name the repository name
 * @param layout the layout that holds every blob of the image
 * @param index the image index, tagged in the layout with every tag
 * @param manifests the manifest of each platform, in index order
 * @param tags the tags to publish under
 */
public record BuiltImage(
        String name, OciLayout layout, Descriptor index, List<PlatformManifest> manifests, List<ImageTag> tags) {
    public BuiltImage {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(layout, "layout");
        Objects.requireNonNull(index, "index");
        manifests = List.copyOf(manifests);
        tags = List.copyOf(tags);
    }

    /** The manifest of one platform. */
    public record PlatformManifest(Platform platform, Descriptor manifest) {}
}
