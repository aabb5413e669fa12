package dev.distribution.format.rpm;

import dev.distribution.core.Checksums;
import dev.distribution.signing.OpenPgpSigner;
import java.io.BufferedInputStream;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;

/**
 * Writes and updates the {@code repodata/} of a static YUM repository: {@code primary}, {@code
 * filelists} and {@code other} as gzip files named by their SHA-256, {@code repomd.xml} with the
 * SHA-256 of both the compressed and the open data, and with a signer {@code repomd.xml.asc} (an
 * armored detached signature) and {@code repomd.xml.key} (the armored public key), which {@code
 * repo_gpgcheck=1} needs.
 *
 * <p>Updating reads the existing {@code primary.xml.gz} and {@code filelists.xml.gz} instead of the
 * RPM files, so adding one package to a repository of thousands costs one RPM read.
 */
public final class YumIndex {
    /** Path of the index, which clients read first. */
    public static final String REPOMD = "repodata/repomd.xml";
    /** Path of the index's detached signature. */
    public static final String SIGNATURE = "repodata/repomd.xml.asc";
    /** Path of the armored public key that verifies the signature and the packages. */
    public static final String PUBLIC_KEY = "repodata/repomd.xml.key";

    private static final List<String> TYPES = List.of("primary", "filelists", "other");

    private YumIndex() {}

    /**
     * Reads the packages of the repository under {@code root}.
     *
     * @param root the repository root, the folder that contains {@code repodata/}
     * @return the packages, or an empty list when there is no {@code repodata/repomd.xml}
     * @throws IOException when the metadata exists but cannot be read
     */
    public static List<YumPackage> read(Path root) throws IOException {
        Path repomd = root.resolve(REPOMD);
        if (!Files.isRegularFile(repomd)) {
            return List.of();
        }
        Map<String, String> locations = locations(repomd);
        for (String type : List.of("primary", "filelists")) {
            if (!locations.containsKey(type)) {
                throw new IOException(repomd + " lists no " + type + " data");
            }
        }
        try (InputStream primary = open(root.resolve(locations.get("primary")));
                InputStream filelists = open(root.resolve(locations.get("filelists")))) {
            return YumMetadataParser.parse(primary, filelists);
        }
    }

    /**
     * Returns the metadata file paths that {@code repomd.xml} lists, by type, relative to the root.
     *
     * @throws IOException when the file is not repository metadata
     */
    public static Map<String, String> locations(Path repomd) throws IOException {
        Map<String, String> result = new LinkedHashMap<>();
        try (InputStream in = Files.newInputStream(repomd)) {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            NodeList data =
                    factory.newDocumentBuilder().parse(in).getElementsByTagNameNS(YumMetadataWriter.REPO_NS, "data");
            for (int i = 0; i < data.getLength(); i++) {
                Element element = (Element) data.item(i);
                NodeList location = element.getElementsByTagNameNS(YumMetadataWriter.REPO_NS, "location");
                if (location.getLength() > 0) {
                    result.put(element.getAttribute("type"), ((Element) location.item(0)).getAttribute("href"));
                }
            }
        } catch (ParserConfigurationException | SAXException e) {
            throw new IOException(repomd + " is not valid repository metadata: " + e.getMessage(), e);
        }
        return result;
    }

    private static InputStream open(Path file) throws IOException {
        if (!file.getFileName().toString().endsWith(".gz")) {
            throw new IOException(file + " is not gzip-compressed; only gzip metadata can be updated."
                    + " Rebuild the repository with 'createrepo_c --general-compress-type=gz'.");
        }
        try {
            return new GZIPInputStream(new BufferedInputStream(Files.newInputStream(file)));
        } catch (NoSuchFileException e) {
            throw new IOException("The metadata file " + file + " listed in repomd.xml is missing", e);
        }
    }

    /**
     * Returns {@code existing} with {@code added} in place of packages at the same location, sorted by
     * location.
     */
    public static List<YumPackage> merge(List<YumPackage> existing, List<YumPackage> added) {
        Map<String, YumPackage> byLocation = new LinkedHashMap<>();
        existing.forEach(p -> byLocation.put(p.location(), p));
        added.forEach(p -> byLocation.put(p.location(), p));
        List<YumPackage> result = new ArrayList<>(byLocation.values());
        result.sort(Comparator.comparing(YumPackage::location));
        return result;
    }

    /**
     * Writes the metadata of {@code packages} into {@code root/repodata/}.
     *
     * @param root the repository root
     * @param packages the packages, in the order to list them
     * @param revision the repository revision, written as seconds since the epoch
     * @param signer signs {@code repomd.xml}, or null to write it unsigned
     * @return the written paths relative to {@code root}, in the order to publish them: the data files,
     *     then the key and the signature, and {@code repodata/repomd.xml} last
     * @throws IOException when a file cannot be written
     */
    public static List<String> write(Path root, List<YumPackage> packages, Instant revision, OpenPgpSigner signer)
            throws IOException {
        Path repodata = Files.createDirectories(root.resolve("repodata"));
        long seconds = revision.getEpochSecond();
        List<String> written = new ArrayList<>();
        StringBuilder repomd = new StringBuilder();
        repomd.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        repomd.append("<repomd xmlns=\"" + YumMetadataWriter.REPO_NS + "\" xmlns:rpm=\"" + YumMetadataWriter.RPM_NS
                + "\">\n");
        repomd.append("  <revision>").append(seconds).append("</revision>\n");
        for (String type : TYPES) {
            Data data = writeData(repodata, type, packages);
            String location = "repodata/" + data.fileName;
            written.add(location);
            repomd.append("  <data type=\"").append(type).append("\">\n");
            repomd.append("    <checksum type=\"sha256\">").append(data.sha256).append("</checksum>\n");
            repomd.append("    <open-checksum type=\"sha256\">")
                    .append(data.openSha256)
                    .append("</open-checksum>\n");
            repomd.append("    <location href=\"").append(location).append("\"/>\n");
            repomd.append("    <timestamp>").append(seconds).append("</timestamp>\n");
            repomd.append("    <size>").append(data.size).append("</size>\n");
            repomd.append("    <open-size>").append(data.openSize).append("</open-size>\n");
            repomd.append("  </data>\n");
        }
        repomd.append("</repomd>\n");
        byte[] index = repomd.toString().getBytes(StandardCharsets.UTF_8);
        if (signer != null) {
            Files.writeString(root.resolve(PUBLIC_KEY), signer.key().publicKeyArmored(), StandardCharsets.US_ASCII);
            written.add(PUBLIC_KEY);
            try (OutputStream out = Files.newOutputStream(root.resolve(SIGNATURE))) {
                signer.detachedSignature(new java.io.ByteArrayInputStream(index), out, true);
            }
            written.add(SIGNATURE);
        } else {
            Files.deleteIfExists(root.resolve(SIGNATURE));
        }
        Files.write(root.resolve(REPOMD), index);
        written.add(REPOMD);
        return written;
    }

    private record Data(String fileName, String sha256, String openSha256, long size, long openSize) {}

    private static Data writeData(Path repodata, String type, List<YumPackage> packages) throws IOException {
        Path partial = Files.createTempFile(repodata, type, ".xml.gz.part");
        MessageDigest open = sha256();
        CountingOutputStream counter;
        try {
            try (OutputStream file = Files.newOutputStream(partial);
                    GZIPOutputStream gzip = new GZIPOutputStream(file, 64 * 1024);
                    DigestOutputStream digest = new DigestOutputStream(gzip, open);
                    CountingOutputStream counting = new CountingOutputStream(digest);
                    Writer writer = new BufferedWriter(new OutputStreamWriter(counting, StandardCharsets.UTF_8))) {
                counter = counting;
                switch (type) {
                    case "primary" -> YumMetadataWriter.primary(packages, writer);
                    case "filelists" -> YumMetadataWriter.filelists(packages, writer);
                    case "other" -> YumMetadataWriter.other(packages, writer);
                    default -> throw new IllegalArgumentException(type);
                }
            }
            String sha256 = Checksums.sha256(partial);
            String fileName = sha256 + "-" + type + ".xml.gz";
            long size = Files.size(partial);
            Files.move(partial, repodata.resolve(fileName), StandardCopyOption.REPLACE_EXISTING);
            return new Data(fileName, sha256, HexFormat.of().formatHex(open.digest()), size, counter.count);
        } finally {
            Files.deleteIfExists(partial);
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("The JVM has no SHA-256", e);
        }
    }

    /** Counts the bytes written through it: the open size of a metadata file. */
    private static final class CountingOutputStream extends java.io.FilterOutputStream {
        private long count;

        CountingOutputStream(OutputStream out) {
            super(out);
        }

        @Override
        public void write(int b) throws IOException {
            out.write(b);
            count++;
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
            count += len;
        }
    }
}
