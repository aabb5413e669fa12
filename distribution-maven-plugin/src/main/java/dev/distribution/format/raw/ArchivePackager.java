package dev.distribution.format.raw;

import dev.distribution.core.InvalidConfigurationException;
import dev.distribution.core.PackageFile;
import dev.distribution.core.Platform;
import dev.distribution.core.Reporter;
import dev.distribution.core.payload.Mapping;
import dev.distribution.core.payload.Payload;
import dev.distribution.core.payload.PayloadEntry;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Builds the archives of the generic-files format: one per format, or one per platform and
 * format, plus a {@code SHA256SUMS} file. Every input is validated before the first archive is
 * written.
 */
public final class ArchivePackager {
    /** File name of the checksum list, as {@code sha256sum -c} reads it. */
    public static final String CHECKSUMS_FILE = "SHA256SUMS";

    private static final Pattern SAFE_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._+-]*");

    private ArchivePackager() {}

    /**
     * Builds the archives.
     *
     * @return the archives in build order, followed by the checksum file when requested
     */
    public static List<PackageFile> build(ArchiveRequest request, Reporter reporter)
            throws InvalidConfigurationException, IOException {
        if (!SAFE_NAME.matcher(request.name()).matches()) {
            throw new InvalidConfigurationException(
                    "<archive><name>",
                    request.name(),
                    "letters, digits, '.', '_', '+' and '-', starting with a letter or digit",
                    "Choose a file name without spaces or slashes.");
        }
        if (request.formats().isEmpty()) {
            throw new InvalidConfigurationException(
                    "<archive><formats>", "", "tar.gz, zip", "List at least one archive format.");
        }
        List<Variant> variants = resolve(request);
        Files.createDirectories(request.outputDirectory());
        List<PackageFile> built = new ArrayList<>();
        for (Variant variant : variants) {
            for (ArchiveFormat format : request.formats()) {
                String fileName = request.name()
                        + (variant.classifier == null ? "" : "-" + variant.classifier)
                        + "."
                        + format.extension();
                Path output = request.outputDirectory().resolve(fileName);
                ArchiveWriter.write(variant.entries, request.rootFolder(), format, output, request.timestamp());
                reporter.info("Built " + output + " (" + variant.entries.size() + " entries)");
                built.add(new PackageFile("raw", request.name(), request.version(), variant.classifier, output));
            }
        }
        if (request.checksums()) {
            Path sums = Sha256Sums.write(
                    built.stream().map(PackageFile::path).toList(),
                    request.outputDirectory().resolve(CHECKSUMS_FILE));
            reporter.info("Built " + sums);
            built.add(new PackageFile("raw", request.name(), request.version(), null, sums));
        }
        return built;
    }

    private static List<Variant> resolve(ArchiveRequest request) throws InvalidConfigurationException {
        List<Variant> variants = new ArrayList<>();
        if (request.platformFiles().isEmpty()) {
            List<PayloadEntry> entries = Payload.resolve(request.files(), request.basedir(), "<archive><files>");
            variants.add(new Variant(null, entries));
            return variants;
        }
        int index = 1;
        for (Map.Entry<Platform, List<Mapping>> platform :
                request.platformFiles().entrySet()) {
            List<Mapping> mappings = new ArrayList<>(request.files());
            mappings.addAll(platform.getValue());
            String element = "<archive><platforms><platform>[" + index++ + "] (" + platform.getKey() + ")<files>";
            variants.add(
                    new Variant(platform.getKey().classifier(), Payload.resolve(mappings, request.basedir(), element)));
        }
        return variants;
    }

    private record Variant(String classifier, List<PayloadEntry> entries) {}
}
