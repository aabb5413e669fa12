package dev.distribution.target.staticrepo;

import dev.distribution.core.DistributionException;
import dev.distribution.core.Publication;
import dev.distribution.core.PublishException;
import dev.distribution.core.Publisher;
import dev.distribution.core.Reporter;
import dev.distribution.core.Repository;
import dev.distribution.core.Target;
import dev.distribution.core.Upload;
import dev.distribution.format.rpm.RpmMetadataReader;
import dev.distribution.format.rpm.YumIndex;
import dev.distribution.format.rpm.YumPackage;
import dev.distribution.http.Credentials;
import dev.distribution.http.HttpRequest;
import dev.distribution.http.HttpTransport;
import dev.distribution.http.UrlPaths;
import dev.distribution.signing.OpenPgpSigner;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Publishes RPM packages to a static YUM repository, a folder or any HTTP PUT server, and updates
 * its {@code repodata/}. The existing {@code repomd.xml}, {@code primary} and {@code filelists} are
 * read back first, so the other packages stay listed without their RPM files being read again.
 *
 * <p>Order of the uploads, so a client never reads an index that names a missing file: the packages,
 * then the new metadata files (their names carry their SHA-256, so old clients keep theirs), the
 * public key and {@code repomd.xml.asc}, and {@code repomd.xml} last. Between the last two uploads a
 * client can see a signature that does not match; it fails and succeeds on retry.
 */
public final class YumStaticRepository {
    /** Copies a repository file to a local path, or returns false when the repository has none. */
    @FunctionalInterface
    public interface MetadataSource {
        /**
         * Fetches one file.
         *
         * @param path the path relative to the repository root, such as {@code repodata/repomd.xml}
         * @param destination where to write it
         * @return false when the file does not exist
         */
        boolean fetch(String path, Path destination) throws DistributionException, IOException;
    }

    private final Target target;
    private final MetadataSource source;
    private final Publisher packagePublisher;
    private final Publisher indexPublisher;
    private final Path staging;
    private final Reporter reporter;

    /**
     * Creates the publisher.
     *
     * @param target where files go
     * @param source reads the repository's current metadata
     * @param packagePublisher publishes packages and metadata files, which must not replace different
     *     files unless the user allows redeploy
     * @param indexPublisher publishes {@code repomd.xml}, its signature and the key, which change with
     *     every publication and so must be allowed to replace
     * @param staging an empty work folder for the new and the old metadata
     * @param reporter receives progress messages
     */
    public YumStaticRepository(
            Target target,
            MetadataSource source,
            Publisher packagePublisher,
            Publisher indexPublisher,
            Path staging,
            Reporter reporter) {
        this.target = target;
        this.source = source;
        this.packagePublisher = packagePublisher;
        this.indexPublisher = indexPublisher;
        this.staging = staging;
        this.reporter = reporter;
    }

    /** Returns a source that reads a repository folder. */
    public static MetadataSource directory(Path root) {
        return (path, destination) -> {
            Path file = root.resolve(path);
            if (!Files.isRegularFile(file)) {
                return false;
            }
            Files.createDirectories(destination.getParent());
            Files.copy(file, destination, StandardCopyOption.REPLACE_EXISTING);
            return true;
        };
    }

    /** Returns a source that reads a repository over HTTP GET; a 404 means the file does not exist. */
    public static MetadataSource http(HttpTransport http, Repository repository, Credentials credentials) {
        return (path, destination) -> {
            Files.createDirectories(destination.getParent());
            HttpRequest request = HttpRequest.get(UrlPaths.resolve(repository.url(), path))
                    .credentials(credentials)
                    .build();
            Integer status = http.execute(request, (code, reason, headers, body) -> {
                if (code == 200) {
                    try (OutputStream out = Files.newOutputStream(destination)) {
                        body.transferTo(out);
                    }
                }
                return code;
            });
            if (status == 404) {
                return false;
            }
            if (status != 200) {
                throw new PublishException("Reading " + UrlPaths.resolve(repository.url(), path) + " failed with HTTP "
                        + status + "; check the repository URL and the credentials of server '" + repository.id()
                        + "'.");
            }
            return true;
        };
    }

    /**
     * Publishes packages and the updated metadata.
     *
     * @param rpms the package files
     * @param folder the folder under the repository root for the packages, empty or ending in '/'
     * @param signer signs {@code repomd.xml}; null leaves it unsigned, which {@code repo_gpgcheck=1}
     *     clients reject
     * @param revision the repository revision written into {@code repomd.xml}
     * @return the publications, packages first
     */
    public List<Publication> publish(List<Path> rpms, String folder, OpenPgpSigner signer, Instant revision)
            throws DistributionException, IOException {
        clean(staging);
        List<YumPackage> added = new ArrayList<>();
        List<Upload> packageUploads = new ArrayList<>();
        for (Path rpm : rpms) {
            String location = folder + rpm.getFileName();
            added.add(RpmMetadataReader.read(rpm, location));
            packageUploads.add(new Upload(rpm, location, "application/x-rpm"));
        }
        List<YumPackage> existing = readExisting(staging.resolve("current"));
        reporter.info("YUM repository '" + target.repositoryId() + "': " + existing.size() + " package(s) listed, "
                + added.size() + " added or replaced.");
        Path next = staging.resolve("next");
        List<String> written = YumIndex.write(next, YumIndex.merge(existing, added), revision, signer);

        List<Upload> dataUploads = new ArrayList<>(packageUploads);
        List<Upload> indexUploads = new ArrayList<>();
        for (String path : written) {
            Upload upload = new Upload(next.resolve(path), path, contentType(path));
            if (path.equals(YumIndex.REPOMD) || path.equals(YumIndex.SIGNATURE) || path.equals(YumIndex.PUBLIC_KEY)) {
                indexUploads.add(upload);
            } else {
                dataUploads.add(upload);
            }
        }
        List<Publication> publications = new ArrayList<>(packagePublisher.publish(target, dataUploads));
        publications.addAll(indexPublisher.publish(target, indexUploads));
        return publications;
    }

    private List<YumPackage> readExisting(Path current) throws DistributionException, IOException {
        if (!source.fetch(YumIndex.REPOMD, current.resolve(YumIndex.REPOMD))) {
            return List.of();
        }
        Map<String, String> locations = YumIndex.locations(current.resolve(YumIndex.REPOMD));
        for (String type : List.of("primary", "filelists")) {
            String path = locations.get(type);
            if (path == null || path.contains("..") || !source.fetch(path, current.resolve(path))) {
                throw new PublishException("The repository's repodata/repomd.xml names " + type + " data at '" + path
                        + "', which cannot be read. Repair the repository (for example with createrepo_c) and"
                        + " publish again.");
            }
        }
        return YumIndex.read(current);
    }

    private static String contentType(String path) {
        if (path.endsWith(".gz")) {
            return "application/gzip";
        }
        if (path.endsWith(".xml")) {
            return "application/xml";
        }
        return "text/plain";
    }

    private static void clean(Path folder) throws IOException {
        if (Files.exists(folder)) {
            try (Stream<Path> walk = Files.walk(folder)) {
                for (Path path : walk.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(path);
                }
            }
        }
        Files.createDirectories(folder);
    }
}
