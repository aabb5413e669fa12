package dev.distribution.format.oci;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * An OCI image layout directory (image-spec v1.1 "image layout"): {@code oci-layout},
 * {@code index.json} and content-addressed {@code blobs/sha256/}. Tags are index entries with the
 * {@code org.opencontainers.image.ref.name} annotation, which is how {@code skopeo copy oci:DIR:TAG}
 * finds them.
 *
 * <p>Blobs are written to a temporary file and moved into place, and {@code index.json} is
 * replaced atomically, so a reader never sees a half-written layout. Not safe for concurrent
 * writers to the same directory.
 */
public final class OciLayout {
    /** The annotation that names an index entry. */
    public static final String REF_NAME = "org.opencontainers.image.ref.name";

    static final ObjectMapper JSON = new ObjectMapper();

    private final Path directory;

    private OciLayout(Path directory) {
        this.directory = directory;
    }

    /**
     * Opens an existing layout.
     *
     * @throws IOException when {@code oci-layout} or {@code index.json} is missing or unreadable
     */
    public static OciLayout open(Path directory) throws IOException {
        if (!Files.isRegularFile(directory.resolve("oci-layout"))
                || !Files.isRegularFile(directory.resolve("index.json"))) {
            throw new IOException(directory + " is not an OCI image layout (oci-layout or index.json is missing)");
        }
        return new OciLayout(directory);
    }

    /** Opens a layout, creating an empty one when the directory has none. */
    public static OciLayout create(Path directory) throws IOException {
        Files.createDirectories(directory.resolve("blobs").resolve("sha256"));
        if (!Files.exists(directory.resolve("oci-layout"))) {
            writeAtomically(directory.resolve("oci-layout"), "{\"imageLayoutVersion\":\"1.0.0\"}".getBytes());
        }
        if (!Files.exists(directory.resolve("index.json"))) {
            ObjectNode index = JSON.createObjectNode();
            index.put("schemaVersion", 2);
            index.put("mediaType", Descriptor.OCI_INDEX);
            index.putArray("manifests");
            writeAtomically(directory.resolve("index.json"), JSON.writeValueAsBytes(index));
        }
        return new OciLayout(directory);
    }

    /** The layout directory. */
    public Path directory() {
        return directory;
    }

    /** The path of the blob with {@code digest}, which may not exist. */
    public Path blob(String digest) {
        return directory.resolve("blobs").resolve("sha256").resolve(hexOf(digest));
    }

    /** Returns true when the blob is present. */
    public boolean hasBlob(String digest) {
        return Files.isRegularFile(blob(digest));
    }

    /** Writes a small blob such as a manifest and returns its descriptor. */
    public Descriptor writeBlob(byte[] content, String mediaType) throws IOException {
        Descriptor descriptor = new Descriptor(mediaType, sha256(content), content.length);
        if (!hasBlob(descriptor.digest())) {
            writeAtomically(blob(descriptor.digest()), content);
        }
        return descriptor;
    }

    /** Serializes {@code json} compactly and writes it as a blob. */
    public Descriptor writeJson(JsonNode json, String mediaType) throws IOException {
        return writeBlob(JSON.writeValueAsBytes(json), mediaType);
    }

    /**
     * Streams a blob into the layout, checking its digest.
     *
     * @throws IOException when the content does not match {@code digest}
     */
    public void importBlob(InputStream in, String digest) throws IOException {
        if (hasBlob(digest)) {
            in.transferTo(OutputStream.nullOutputStream());
            return;
        }
        Path target = blob(digest);
        Path temporary = Files.createTempFile(target.getParent(), ".import-", ".tmp");
        try {
            MessageDigest sha256 = newSha256();
            try (OutputStream out = new DigestOutputStream(Files.newOutputStream(temporary), sha256)) {
                in.transferTo(out);
            }
            String actual = "sha256:" + HexFormat.of().formatHex(sha256.digest());
            if (!actual.equals(digest)) {
                throw new IOException("Blob content has digest " + actual + ", expected " + digest);
            }
            Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(temporary);
        }
    }

    /** Copies a blob from another layout unless it is already here. */
    public void copyBlobFrom(OciLayout source, String digest) throws IOException {
        if (!hasBlob(digest)) {
            try (InputStream in = Files.newInputStream(source.blob(digest))) {
                importBlob(in, digest);
            }
        }
    }

    /** Reads a JSON blob such as a manifest or configuration. */
    public ObjectNode readJson(String digest) throws IOException {
        return (ObjectNode) JSON.readTree(blob(digest).toFile());
    }

    /** The top-level {@code index.json}. */
    public ObjectNode index() throws IOException {
        return (ObjectNode) JSON.readTree(directory.resolve("index.json").toFile());
    }

    /** The entries of {@code index.json}, in file order. */
    public List<Entry> entries() throws IOException {
        List<Entry> entries = new ArrayList<>();
        for (JsonNode node : index().path("manifests")) {
            entries.add(new Entry(
                    descriptor(node), node.path("annotations").path(REF_NAME).asText(null)));
        }
        return entries;
    }

    /** Returns the entry tagged {@code refName}. */
    public Optional<Descriptor> find(String refName) throws IOException {
        return entries().stream()
                .filter(entry -> refName.equals(entry.refName()))
                .map(Entry::descriptor)
                .findFirst();
    }

    /**
     * Points {@code refName} at {@code descriptor}, replacing the entry that had the name before.
     * The index is replaced atomically.
     */
    public void tag(Descriptor descriptor, String refName) throws IOException {
        ObjectNode index = index();
        ArrayNode kept = JSON.createArrayNode();
        for (JsonNode node : index.path("manifests")) {
            if (!refName.equals(node.path("annotations").path(REF_NAME).asText(null))) {
                kept.add(node);
            }
        }
        ObjectNode entry = descriptorJson(descriptor);
        entry.putObject("annotations").put(REF_NAME, refName);
        kept.add(entry);
        index.set("manifests", kept);
        writeAtomically(directory.resolve("index.json"), JSON.writeValueAsBytes(index));
    }

    /** A {@code index.json} entry and its tag, which is null for an untagged entry. */
    public record Entry(Descriptor descriptor, String refName) {}

    /** Reads a descriptor object. */
    static Descriptor descriptor(JsonNode node) throws IOException {
        try {
            return new Descriptor(
                    node.path("mediaType").asText(),
                    node.path("digest").asText(),
                    node.path("size").asLong());
        } catch (IllegalArgumentException e) {
            throw new IOException("Invalid descriptor " + node + ": " + e.getMessage(), e);
        }
    }

    /** Writes a descriptor object. */
    static ObjectNode descriptorJson(Descriptor descriptor) {
        ObjectNode node = JSON.createObjectNode();
        node.put("mediaType", descriptor.mediaType());
        node.put("digest", descriptor.digest());
        node.put("size", descriptor.size());
        return node;
    }

    static String sha256(byte[] content) {
        return "sha256:" + HexFormat.of().formatHex(newSha256().digest(content));
    }

    static MessageDigest newSha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    private static String hexOf(String digest) {
        if (!digest.matches("sha256:[0-9a-f]{64}")) {
            throw new IllegalArgumentException("Not a sha256 digest: " + digest);
        }
        return digest.substring("sha256:".length());
    }

    private static void writeAtomically(Path target, byte[] content) throws IOException {
        Path temporary = Files.createTempFile(target.getParent(), ".write-", ".tmp");
        try {
            Files.write(temporary, content);
            Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(temporary);
        }
    }
}
