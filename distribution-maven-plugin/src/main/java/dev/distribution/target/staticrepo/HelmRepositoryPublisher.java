package dev.distribution.target.staticrepo;

import dev.distribution.core.Checksums;
import dev.distribution.core.DistributionException;
import dev.distribution.core.InvalidConfigurationException;
import dev.distribution.core.Publication;
import dev.distribution.core.PublicationLog;
import dev.distribution.core.PublishException;
import dev.distribution.core.PublishOptions;
import dev.distribution.core.Publisher;
import dev.distribution.core.Reporter;
import dev.distribution.core.Target;
import dev.distribution.core.Upload;
import dev.distribution.format.helm.Chart;
import dev.distribution.format.helm.ChartIndex;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Publishes charts to a static chart repository: a folder (the embedded default, or one a web
 * server serves) or any HTTP PUT server. The packages go first; then the repository's current
 * {@code index.yaml} is read, the new versions merged in, and the index written last, so a client
 * never finds an index entry whose package is missing, and charts published by others stay listed.
 *
 * <p>The packages follow the publisher's rules (identical is skipped, different fails unless
 * redeploy is allowed). The index is a shared document and is always replaced by the merged one.
 */
public final class HelmRepositoryPublisher {
    private static final Map<Path, Object> MONITORS = new ConcurrentHashMap<>();

    private final Target target;
    private final RemoteFiles remote;
    private final Reporter reporter;
    private final PublicationLog log;
    private final PublishOptions options;
    private Path lockFile;

    /**
     * Creates the publisher.
     *
     * @param target where files go; paths are relative to the repository root
     * @param remote reads the repository's current index from the same place
     */
    public HelmRepositoryPublisher(
            Target target, RemoteFiles remote, Reporter reporter, PublicationLog log, PublishOptions options) {
        this.target = target;
        this.remote = remote;
        this.reporter = reporter;
        this.log = log;
        this.options = options;
    }

    /**
     * Holds an exclusive lock on {@code file} while the index is read, merged and written, so
     * publishers on one machine that share a folder do not lose each other's versions.
     *
     * @return this publisher
     */
    public HelmRepositoryPublisher lockWith(Path file) {
        this.lockFile = file;
        return this;
    }

    /**
     * Publishes charts and updates the index.
     *
     * @param charts the packaged charts, each with its package and optional provenance file
     * @param created the time written into the new index entries and as {@code generated}
     * @param workDirectory a folder for the downloaded and merged index
     * @return the publications of the packages and of the index
     */
    public List<Publication> publish(List<PackagedChart> charts, Instant created, Path workDirectory)
            throws DistributionException {
        List<Upload> uploads = new ArrayList<>();
        for (PackagedChart chart : charts) {
            uploads.add(new Upload(chart.tgz(), chart.tgz().getFileName().toString(), "application/gzip"));
            if (chart.provenance() != null) {
                uploads.add(new Upload(
                        chart.provenance(), chart.provenance().getFileName().toString(), "application/pgp-signature"));
            }
        }
        List<Publication> result = new ArrayList<>(new Publisher(reporter, log, options).publish(target, uploads));
        if (options.dryRun()) {
            reporter.info("Dry run: " + target.location(ChartIndex.FILE) + " would list "
                    + charts.stream()
                            .map(c -> c.chart().name() + " " + c.chart().version())
                            .toList() + ".");
            return result;
        }
        try {
            Files.createDirectories(workDirectory);
            if (lockFile == null) {
                result.addAll(updateIndex(charts, created, workDirectory));
            } else {
                Path absolute = lockFile.toAbsolutePath().normalize();
                Files.createDirectories(absolute.getParent());
                // A file lock excludes other processes only; threads of one build (mvn -T) that
                // tried to lock the same file would get OverlappingFileLockException, so they
                // queue on a monitor first.
                synchronized (MONITORS.computeIfAbsent(absolute, path -> new Object())) {
                    try (FileChannel channel =
                                    FileChannel.open(absolute, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                            FileLock ignored = channel.lock()) {
                        result.addAll(updateIndex(charts, created, workDirectory));
                    }
                }
            }
        } catch (IOException e) {
            throw new PublishException("Cannot write the chart index in " + workDirectory + ": " + e.getMessage(), e);
        }
        return result;
    }

    private List<Publication> updateIndex(List<PackagedChart> charts, Instant created, Path workDirectory)
            throws IOException, DistributionException {
        Path current = workDirectory.resolve("index.current.yaml");
        Files.deleteIfExists(current);
        ChartIndex index;
        try {
            index = remote.download(ChartIndex.FILE, current)
                    ? ChartIndex.parse(
                            Files.readString(current, StandardCharsets.UTF_8), target.location(ChartIndex.FILE))
                    : ChartIndex.empty();
        } catch (InvalidConfigurationException e) {
            throw new PublishException(
                    "The repository's " + ChartIndex.FILE + " cannot be read, so it is left as it is: "
                            + e.getMessage(),
                    e);
        }
        for (PackagedChart chart : charts) {
            index.add(
                    chart.chart(),
                    Checksums.sha256(chart.tgz()),
                    chart.tgz().getFileName().toString(),
                    created);
        }
        Path merged = workDirectory.resolve(ChartIndex.FILE);
        index.write(merged, created);
        PublishOptions replace = new PublishOptions(false, true);
        return new Publisher(reporter, log, replace)
                .publish(target, List.of(new Upload(merged, ChartIndex.FILE, "application/x-yaml")));
    }

    /**
     * A chart and its files.
     *
     * @param provenance the {@code .tgz.prov} file, or null when the chart is not signed
     */
    public record PackagedChart(Chart chart, Path tgz, Path provenance) {}
}
