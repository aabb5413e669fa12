package dev.distribution.format.helm;

import dev.distribution.core.InvalidConfigurationException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream;

/** Reads the metadata of a packaged chart, so the publishing goal works from the {@code .tgz} alone. */
public final class ChartArchive {
    private ChartArchive() {}

    /**
     * Reads {@code <name>/Chart.yaml} from a chart package.
     *
     * @return the chart; its {@link Chart#directory()} is null
     * @throws InvalidConfigurationException when the file is not a chart package
     */
    public static Chart read(Path tgz) throws IOException, InvalidConfigurationException {
        try (InputStream in = Files.newInputStream(tgz);
                TarArchiveInputStream tar = new TarArchiveInputStream(new GzipCompressorInputStream(in))) {
            for (TarArchiveEntry entry = tar.getNextEntry(); entry != null; entry = tar.getNextEntry()) {
                String name = entry.getName();
                int slash = name.indexOf('/');
                if (slash > 0 && name.substring(slash + 1).equals("Chart.yaml")) {
                    String text = new String(tar.readAllBytes(), StandardCharsets.UTF_8);
                    Map<String, Object> metadata = ChartYaml.parseMapping(text, tgz + "!" + name, tgz.toString());
                    String chartName = ChartYaml.string(metadata, "name");
                    String version = ChartYaml.string(metadata, "version");
                    if (chartName == null || version == null) {
                        break;
                    }
                    return new Chart(null, chartName, version, text, metadata, Map.of());
                }
            }
        } catch (IOException e) {
            throw new InvalidConfigurationException(
                    "chart package",
                    tgz.toString(),
                    "a gzip-compressed tar file written by the helm goal",
                    "Run the helm goal again ('mvn package'): " + e.getMessage());
        }
        throw new InvalidConfigurationException(
                "chart package",
                tgz.toString(),
                "a package with <name>/Chart.yaml holding name and version",
                "Run the helm goal again ('mvn package').");
    }
}
