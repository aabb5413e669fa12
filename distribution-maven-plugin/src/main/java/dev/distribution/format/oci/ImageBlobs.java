package dev.distribution.format.oci;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/** Lists the blobs of a built image in the order a push needs them: leaves before manifests. */
public final class ImageBlobs {
    private ImageBlobs() {}

    /**
     * Returns the configuration and layers of one manifest, in manifest order.
     *
     * @throws IOException when the manifest cannot be read from the layout
     */
    public static List<Descriptor> contentOf(OciLayout layout, Descriptor manifest) throws IOException {
        ObjectNode json = layout.readJson(manifest.digest());
        List<Descriptor> blobs = new ArrayList<>();
        blobs.add(OciLayout.descriptor(json.path("config")));
        for (JsonNode layer : json.path("layers")) {
            blobs.add(OciLayout.descriptor(layer));
        }
        return blobs;
    }

    /** Returns every blob of the image: each manifest's content, each manifest, then the index. */
    public static List<Descriptor> all(BuiltImage image) throws IOException {
        List<Descriptor> blobs = new ArrayList<>();
        for (BuiltImage.PlatformManifest manifest : image.manifests()) {
            blobs.addAll(contentOf(image.layout(), manifest.manifest()));
            blobs.add(manifest.manifest());
        }
        blobs.add(image.index());
        return blobs;
    }
}
