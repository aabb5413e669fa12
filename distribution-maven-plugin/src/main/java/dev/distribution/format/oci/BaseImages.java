package dev.distribution.format.oci;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.cloud.tools.jib.api.ImageReference;
import com.google.cloud.tools.jib.api.InvalidImageReferenceException;
import dev.distribution.core.InvalidConfigurationException;
import dev.distribution.core.Platform;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;

/**
 * Checks base images before a build and turns the local forms (OCI layout, OCI archive) into the
 * {@code docker save} tar that Jib core reads as a base, one per platform.
 */
final class BaseImages {
    private static final String ELEMENT = "<image><base>";

    private BaseImages() {}

    /**
     * Checks that the base can be read and has every platform, as far as that is possible without
     * the network: a registry reference is only parsed.
     */
    static void check(BaseImage base, List<Platform> platforms) throws InvalidConfigurationException {
        if (base instanceof BaseImage.Registry registry) {
            parseReference(registry.reference());
        } else if (base instanceof BaseImage.Layout layout) {
            for (Platform platform : platforms) {
                manifestFor(openLayout(layout), layout, platform);
            }
        } else if (base instanceof BaseImage.Tar tar) {
            checkTar(tar);
        }
    }

    /** Parses a registry reference with Jib's rules. */
    static ImageReference parseReference(String reference) throws InvalidConfigurationException {
        try {
            return ImageReference.parse(reference);
        } catch (InvalidImageReferenceException e) {
            throw new InvalidConfigurationException(
                    ELEMENT,
                    reference,
                    "scratch, [registry/]name[:tag][@digest], oci:<dir>[:tag], docker-archive:<file> or"
                            + " oci-archive:<file>",
                    "Fix the reference, for example eclipse-temurin:21-jre.");
        }
    }

    /** Returns true when the tar contains {@code docker save} output rather than an OCI layout. */
    static boolean isDockerArchive(Path tar) throws IOException {
        return tarEntryNames(tar).contains("manifest.json");
    }

    /** Extracts an OCI archive into {@code directory} and returns the layout. */
    static OciLayout extractOciArchive(Path tar, Path directory) throws IOException {
        Files.createDirectories(directory);
        try (TarArchiveInputStream in = new TarArchiveInputStream(Files.newInputStream(tar))) {
            TarArchiveEntry entry;
            while ((entry = in.getNextEntry()) != null) {
                Path target = directory.resolve(entry.getName()).normalize();
                if (!target.startsWith(directory)) {
                    throw new IOException("Tar entry leaves the directory: " + entry.getName());
                }
                if (entry.isDirectory()) {
                    Files.createDirectories(target);
                } else if (entry.isFile()) {
                    Files.createDirectories(target.getParent());
                    Files.copy(in, target, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
        return OciLayout.open(directory);
    }

    /**
     * Writes the image for {@code platform} from a layout as a {@code docker save} tar that Jib
     * can use as a base. Layers stay compressed, so their digests stay the same.
     */
    static void writeDockerArchive(OciLayout layout, BaseImage.Layout base, Platform platform, Path tar)
            throws IOException, InvalidConfigurationException {
        ObjectNode manifest =
                layout.readJson(manifestFor(layout, base, platform).digest());
        ObjectNode loadManifest = OciLayout.JSON.createObjectNode();
        loadManifest.put("Config", "config.json");
        loadManifest.putArray("RepoTags");
        ArrayNode layerNames = loadManifest.putArray("Layers");
        List<String> layerDigests = new ArrayList<>();
        for (JsonNode layer : manifest.path("layers")) {
            String mediaType = layer.path("mediaType").asText();
            if (mediaType.contains("zstd")) {
                throw new InvalidConfigurationException(
                        ELEMENT, base.toString(), "gzip or uncompressed layers", "Use a base image with gzip layers.");
            }
            String digest = layer.path("digest").asText();
            layerDigests.add(digest);
            layerNames.add(digest.substring("sha256:".length()) + ".tar");
        }
        Files.createDirectories(tar.getParent());
        try (TarArchiveOutputStream out = new TarArchiveOutputStream(Files.newOutputStream(tar))) {
            out.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
            byte[] manifestBytes = OciLayout.JSON.writeValueAsBytes(
                    OciLayout.JSON.createArrayNode().add(loadManifest));
            putEntry(out, "manifest.json", manifestBytes.length, new java.io.ByteArrayInputStream(manifestBytes));
            Path config = layout.blob(manifest.path("config").path("digest").asText());
            try (InputStream in = Files.newInputStream(config)) {
                putEntry(out, "config.json", Files.size(config), in);
            }
            for (String digest : layerDigests) {
                Path blob = layout.blob(digest);
                try (InputStream in = Files.newInputStream(blob)) {
                    putEntry(out, digest.substring("sha256:".length()) + ".tar", Files.size(blob), in);
                }
            }
        }
    }

    private static void putEntry(TarArchiveOutputStream out, String name, long size, InputStream content)
            throws IOException {
        TarArchiveEntry entry = new TarArchiveEntry(name);
        entry.setSize(size);
        out.putArchiveEntry(entry);
        content.transferTo(out);
        out.closeArchiveEntry();
    }

    private static OciLayout openLayout(BaseImage.Layout layout) throws InvalidConfigurationException {
        try {
            return OciLayout.open(layout.directory());
        } catch (IOException e) {
            throw unreadable(layout.toString(), e.getMessage());
        }
    }

    /** Finds the manifest of {@code platform} in a layout base; fails with the platforms it has. */
    static Descriptor manifestFor(OciLayout layout, BaseImage.Layout base, Platform platform)
            throws InvalidConfigurationException {
        try {
            Descriptor top = topDescriptor(layout, base);
            if (!top.isIndex()) {
                requireBlob(layout, base, top);
                ObjectNode manifest = layout.readJson(top.digest());
                ObjectNode config =
                        layout.readJson(manifest.path("config").path("digest").asText());
                Platform own = new Platform(
                        config.path("os").asText(), config.path("architecture").asText(), null);
                if (!own.os().equals(platform.os()) || !own.arch().equals(platform.arch())) {
                    throw missingPlatform(base, platform, List.of(own.toString()));
                }
                requireLayers(layout, base, manifest);
                return top;
            }
            requireBlob(layout, base, top);
            List<String> available = new ArrayList<>();
            for (JsonNode entry : layout.readJson(top.digest()).path("manifests")) {
                JsonNode p = entry.path("platform");
                String variant = p.path("variant").asText(null);
                available.add(p.path("os").asText() + "/"
                        + p.path("architecture").asText() + (variant == null ? "" : "/" + variant));
                if (p.path("os").asText().equals(platform.os())
                        && p.path("architecture").asText().equals(platform.arch())
                        && (platform.variant() == null || platform.variant().equals(variant))) {
                    Descriptor manifest = OciLayout.descriptor(entry);
                    requireBlob(layout, base, manifest);
                    requireLayers(layout, base, layout.readJson(manifest.digest()));
                    return manifest;
                }
            }
            throw missingPlatform(base, platform, available);
        } catch (IOException e) {
            throw unreadable(base.toString(), e.getMessage());
        }
    }

    private static Descriptor topDescriptor(OciLayout layout, BaseImage.Layout base)
            throws IOException, InvalidConfigurationException {
        List<OciLayout.Entry> entries = layout.entries();
        if (base.reference() == null) {
            if (entries.size() != 1) {
                throw new InvalidConfigurationException(
                        ELEMENT,
                        base.toString(),
                        "a layout with one image, or oci:<dir>:<tag> naming one of " + refNames(entries),
                        "Add the tag after the directory, for example oci:base:1.0.");
            }
            return entries.get(0).descriptor();
        }
        return layout.find(base.reference())
                .orElseThrow(() -> new InvalidConfigurationException(
                        ELEMENT,
                        base.toString(),
                        "a tag the layout has: " + refNames(entries),
                        "Use one of those tags, or copy the base image into the layout first (skopeo copy)."));
    }

    private static void requireLayers(OciLayout layout, BaseImage.Layout base, ObjectNode manifest)
            throws InvalidConfigurationException {
        requireBlob(layout, base, manifest.path("config").path("digest").asText());
        for (JsonNode layer : manifest.path("layers")) {
            requireBlob(layout, base, layer.path("digest").asText());
        }
    }

    private static void requireBlob(OciLayout layout, BaseImage.Layout base, Descriptor descriptor)
            throws InvalidConfigurationException {
        requireBlob(layout, base, descriptor.digest());
    }

    private static void requireBlob(OciLayout layout, BaseImage.Layout base, String digest)
            throws InvalidConfigurationException {
        if (!digest.matches("sha256:[0-9a-f]{64}") || !layout.hasBlob(digest)) {
            throw unreadable(base.toString(), "blob " + digest + " is missing from the layout");
        }
    }

    private static void checkTar(BaseImage.Tar tar) throws InvalidConfigurationException {
        if (!Files.isReadable(tar.file())) {
            throw unreadable(tar.toString(), "the file does not exist or cannot be read");
        }
        Set<String> names;
        try {
            names = tarEntryNames(tar.file());
        } catch (IOException e) {
            throw unreadable(tar.toString(), "not a tar file (" + e.getMessage() + ")");
        }
        if (!names.contains("manifest.json") && !names.contains("index.json")) {
            throw unreadable(tar.toString(), "the tar has neither manifest.json (docker save) nor index.json (OCI)");
        }
    }

    private static Set<String> tarEntryNames(Path tar) throws IOException {
        Set<String> names = new HashSet<>();
        try (TarArchiveInputStream in = new TarArchiveInputStream(Files.newInputStream(tar))) {
            TarArchiveEntry entry;
            while ((entry = in.getNextEntry()) != null) {
                names.add(entry.getName().startsWith("./") ? entry.getName().substring(2) : entry.getName());
            }
        }
        if (names.isEmpty()) {
            throw new IOException("no entries");
        }
        return names;
    }

    private static List<String> refNames(List<OciLayout.Entry> entries) {
        return entries.stream()
                .map(entry -> entry.refName() == null ? "(untagged)" : entry.refName())
                .toList();
    }

    private static InvalidConfigurationException missingPlatform(
            BaseImage base, Platform platform, List<String> available) {
        return new InvalidConfigurationException(
                ELEMENT,
                base.toString(),
                "a base image with every platform in <image><platforms>; this one has " + available,
                "Use a base image that has " + platform + ", or remove " + platform + " from <image><platforms>.");
    }

    private static InvalidConfigurationException unreadable(String value, String reason) {
        return new InvalidConfigurationException(
                ELEMENT,
                value,
                "a readable OCI layout, docker-archive or oci-archive tar, or registry reference",
                "The base image cannot be read: " + reason + ". Fix the path or recreate the base image"
                        + " (for example with skopeo copy).");
    }
}
