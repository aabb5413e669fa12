package dev.distribution.maven;

import dev.distribution.core.DistributionException;
import dev.distribution.core.InvalidConfigurationException;
import dev.distribution.core.Platform;
import dev.distribution.format.brew.BottleBuilder;
import dev.distribution.format.brew.BottleTag;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Checks the {@code <brew>} block and builds one bottle per configured tag from the platform
 * archives of the {@code archive} goal. The formula itself is written by {@code deploy-brew},
 * because its URLs and digests are those of the published files.
 *
 * <pre>{@code
 * <brew>
 *   <binaries><binary><source>bin/hello</source></binary></binaries>
 *   <bottles>arm64_sonoma,x86_64_linux</bottles>
 * </brew>
 * }</pre>
 */
@Mojo(name = "brew", defaultPhase = LifecyclePhase.PACKAGE, threadSafe = true)
public class BrewMojo extends AbstractDistributionMojo {
    /** Manifest of the built bottles, one {@code tag<TAB>cellar<TAB>file} line each, read by {@code deploy-brew}. */
    static final String BOTTLE_MANIFEST = "brew-bottles.txt";

    /** The formula configuration; see {@link BrewConfig}. */
    @Parameter
    private BrewConfig brew;

    /**
     * Skips this goal.
     *
     * <p>User property: {@code distribution.brew.skip}. Default: {@code false}.
     */
    @Parameter(property = PropertyNames.BREW_SKIP, defaultValue = "false")
    private boolean skipBrew;

    @Override
    protected boolean isGoalSkipped() {
        return skipBrew;
    }

    @Override
    protected String goalSkipProperty() {
        return PropertyNames.BREW_SKIP;
    }

    @Override
    protected void run() throws DistributionException, IOException {
        BrewConfig config =
                BlockProperties.apply(brew, BrewConfig.class, "distribution.brew", session.getUserProperties());
        BrewFormulas formulas = new BrewFormulas(config, project, outputTimestamp());
        formulas.validate();
        List<BottleTag> tags = formulas.bottleTags();
        Path output = buildDirectory().resolve("distribution").resolve("brew");
        Path manifest = buildDirectory().resolve("distribution").resolve(BOTTLE_MANIFEST);
        Files.deleteIfExists(manifest);
        if (tags.isEmpty()) {
            reporter()
                    .info("Formula " + formulas.name() + " " + formulas.version()
                            + " checked; no bottles configured. deploy-brew writes the formula.");
            return;
        }
        List<Path> archives = ArchiveManifest.archives(buildDirectory());
        List<String> lines = new ArrayList<>();
        for (BottleTag tag : tags) {
            Path archive = ArchiveManifest.forPlatform(archives, tag.platform());
            if (archive == null) {
                throw new InvalidConfigurationException(
                        BrewFormulas.ELEMENT + "<bottles>",
                        tag.tag(),
                        "tags whose platform has an archive: " + ArchiveManifest.describe(archives),
                        "Add " + tag.platform() + " to <archive><platforms> and run the archive goal before this"
                                + " one, or remove " + tag + ".");
            }
            BottleBuilder.Built built = BottleBuilder.build(
                    formulas.name(),
                    formulas.version(),
                    formulas.installSteps(),
                    tag,
                    archive,
                    output.resolve("work").resolve(tag.tag()),
                    output.resolve("bottles"),
                    outputTimestamp());
            reporter().info("Built bottle " + built.file() + " (cellar :" + built.cellar() + ")");
            lines.add(tag.tag() + "\t" + built.cellar() + "\t" + built.file());
        }
        Files.write(manifest, lines);
    }

    /** Reads the archive goal's manifest. */
    static final class ArchiveManifest {
        private ArchiveManifest() {}

        static List<Path> archives(Path buildDirectory) throws IOException {
            Path manifest = buildDirectory.resolve("distribution").resolve(ArchiveMojo.MANIFEST);
            List<Path> archives = new ArrayList<>();
            if (!Files.isRegularFile(manifest)) {
                return archives;
            }
            for (String line : Files.readAllLines(manifest)) {
                if (line.endsWith(".tar.gz") || line.endsWith(".zip")) {
                    archives.add(Path.of(line));
                }
            }
            return archives;
        }

        /** Returns the platform's archive, {@code .tar.gz} before {@code .zip}; null when none. */
        static Path forPlatform(List<Path> archives, Platform platform) {
            for (String extension : List.of(".tar.gz", ".zip")) {
                for (Path archive : archives) {
                    if (archive.getFileName().toString().endsWith("-" + platform.classifier() + extension)) {
                        return archive;
                    }
                }
            }
            return null;
        }

        static String describe(List<Path> archives) {
            return archives.isEmpty()
                    ? "none (run the archive goal first)"
                    : String.join(
                            ", ",
                            archives.stream()
                                    .map(a -> a.getFileName().toString())
                                    .toList());
        }
    }
}
