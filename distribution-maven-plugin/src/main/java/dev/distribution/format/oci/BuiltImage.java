package dev.distribution.format.oci;

import com.fasterxml.jackson.databind.JsonNode;
import dev.distribution.core.Platform;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * An image built into an OCI layout: the index and one manifest per platform.
 *
 * @param name the repository name
 * @param layout the layout that contains every blob of the image
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

    /**
     * Reads an image that {@link ImageBuilder} built earlier, for example in the {@code package}
     * phase of the same build.
     *
     * @param layoutDirectory the layout the builder wrote, {@code <workDirectory>/layout/<name>}
     * @param tags the tags, the first of which must be in the layout
     * @throws IOException when the layout, the tag or a manifest is missing
     */
    public static BuiltImage read(Path layoutDirectory, String name, List<ImageTag> tags) throws IOException {
        OciLayout layout = OciLayout.open(layoutDirectory);
        String first = tags.get(0).name();
        Descriptor index = layout.find(first)
                .orElseThrow(() -> new IOException("The layout " + layoutDirectory + " has no tag " + first));
        List<PlatformManifest> manifests = new ArrayList<>();
        for (JsonNode entry : layout.readJson(index.digest()).path("manifests")) {
            JsonNode platform = entry.path("platform");
            manifests.add(new PlatformManifest(
                    new Platform(
                            platform.path("os").asText(),
                            platform.path("architecture").asText(),
                            platform.path("variant").asText(null)),
                    OciLayout.descriptor(entry)));
        }
        return new BuiltImage(name, layout, index, manifests, tags);
    }

    /** The manifest of one platform. */
    public record PlatformManifest(Platform platform, Descriptor manifest) {}
}
