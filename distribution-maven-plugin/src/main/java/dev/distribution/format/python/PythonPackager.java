package dev.distribution.format.python;

import dev.distribution.core.InvalidConfigurationException;
import dev.distribution.core.PackageFile;
import dev.distribution.core.Reporter;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Builds the wheel and, when asked, the sdist of one project. Stateless and thread-safe. */
public final class PythonPackager {
    private PythonPackager() {}

    /**
     * Builds the distributions.
     *
     * @param metadata the release's metadata
     * @param sources the packages and modules
     * @param outputDirectory where the files are written
     * @param timestamp the time stored in every entry
     * @param sdist true to build the source distribution too
     * @return the wheel, then the sdist
     */
    public static List<PackageFile> build(
            CoreMetadata metadata,
            PythonSources sources,
            Path outputDirectory,
            Instant timestamp,
            boolean sdist,
            Reporter reporter)
            throws IOException, InvalidConfigurationException {
        List<PackageFile> built = new ArrayList<>();
        Path wheel = new WheelBuilder(metadata, sources, timestamp).build(outputDirectory);
        reporter.info("Built " + wheel);
        built.add(new PackageFile("python", metadata.name(), metadata.version(), null, wheel));
        if (sdist) {
            Path source = new SdistBuilder(metadata, sources, timestamp).build(outputDirectory);
            reporter.info("Built " + source);
            built.add(new PackageFile("python", metadata.name(), metadata.version(), "sdist", source));
        }
        return built;
    }
}
