package dev.distribution.format.helm;

import dev.distribution.core.Checksums;
import dev.distribution.signing.OpenPgpSigner;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Helm's provenance file, {@code <name>-<version>.tgz.prov}, which {@code helm verify} and
 * {@code helm install --verify} check: a clearsigned document holding the chart's metadata as YAML,
 * the YAML end-of-document marker {@code ...}, and a {@code files:} mapping of the package file name
 * to {@code sha256:<hex>}.
 */
public final class Provenance {
    /** The suffix Helm appends to the package file name. */
    public static final String SUFFIX = ".prov";

    private Provenance() {}

    /**
     * Signs a package and writes its provenance file next to it.
     *
     * @param chart the chart in the package
     * @param tgz the package
     * @param signer the unlocked signing key
     * @return the provenance file
     */
    public static Path write(Chart chart, Path tgz, OpenPgpSigner signer) throws IOException {
        Path file = tgz.resolveSibling(tgz.getFileName() + SUFFIX);
        Files.writeString(
                file,
                signer.clearSign(
                        message(chart, Checksums.sha256(tgz), tgz.getFileName().toString())),
                StandardCharsets.UTF_8);
        return file;
    }

    /** Builds the signed text: the metadata, the {@code ...} marker and the file digest. */
    static String message(Chart chart, String sha256, String fileName) {
        // Helm writes the metadata with keys sorted, as its JSON-based YAML library does. The YAML
        // separator "---" is not used because clearsigning escapes lines that start with "-".
        // NOTE: helm-java has no verify command, so only gpg checks these files in the tests.
        String metadata = YamlWriter.toString(sorted(chart.metadata()));
        Map<String, Object> files = new LinkedHashMap<>();
        files.put("files", Map.of(fileName, "sha256:" + sha256));
        return metadata + "\n...\n" + YamlWriter.toString(files);
    }

    private static Map<String, Object> sorted(Map<?, ?> map) {
        Map<String, Object> result = new TreeMap<>();
        map.forEach((key, value) -> result.put(String.valueOf(key), sortedValue(value)));
        return result;
    }

    private static Object sortedValue(Object value) {
        if (value instanceof Map<?, ?> map) {
            return sorted(map);
        }
        if (value instanceof List<?> list) {
            return list.stream().map(Provenance::sortedValue).toList();
        }
        return value;
    }
}
