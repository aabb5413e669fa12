package dev.distribution.target.staticrepo;

import dev.distribution.core.Checksums;
import dev.distribution.core.ConflictException;
import dev.distribution.core.DistributionException;
import dev.distribution.core.Publication;
import dev.distribution.core.PublishException;
import dev.distribution.core.RemoteCheck;
import dev.distribution.core.RemoteState;
import dev.distribution.core.Reporter;
import dev.distribution.core.Upload;
import dev.distribution.format.deb.AptPublication;
import dev.distribution.format.deb.AptRepositoryLayout;
import dev.distribution.format.deb.AptRepositoryWriter;
import dev.distribution.format.deb.ControlStanza;
import dev.distribution.format.deb.ReleaseSigner;
import dev.distribution.http.HttpRequest;
import dev.distribution.http.HttpTransport;
import dev.distribution.http.TransportException;
import dev.distribution.target.webdav.HttpPutTarget;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * Publishes {@code .deb} files as a static, signed APT repository: into a folder (the embedded
 * default, or a folder a web server serves), or onto any server that accepts HTTP PUT.
 *
 * <p>For a server, the published {@code Release} and {@code Packages} indexes are downloaded into a
 * staging folder, the new packages are merged there, and the changed files are uploaded in the
 * writer's order: packages first, indexes next, {@code Release} and its signatures last. Every
 * package is checked on the server before anything is uploaded, so a different package at the same
 * path stops the publication with nothing changed.
 */
public final class StaticAptPublisher {
    private final AptRepositoryLayout layout;
    private final ReleaseSigner signer;
    private final Reporter reporter;

    /**
     * Creates the publisher.
     *
     * @param signer signs the {@code Release} file; null publishes an unsigned repository
     */
    public StaticAptPublisher(AptRepositoryLayout layout, ReleaseSigner signer, Reporter reporter) {
        this.layout = layout;
        this.signer = signer;
        this.reporter = reporter;
    }

    /**
     * Adds packages to the repository in {@code root}.
     *
     * @param dryRun true to only report what would be added
     */
    public List<Publication> publishToFolder(
            String repositoryId, Path root, List<Path> debs, Instant date, boolean dryRun)
            throws DistributionException {
        if (dryRun) {
            List<Publication> plan = new ArrayList<>();
            for (Path deb : debs) {
                plan.add(publication(
                        repositoryId, deb, root.resolve("pool").toString(), Publication.Status.PLANNED_UPLOAD));
            }
            return plan;
        }
        AptRepositoryWriter writer = new AptRepositoryWriter(root, layout, signer, reporter);
        AptPublication result = writer.publish(debs, date);
        List<Publication> publications = new ArrayList<>();
        for (String path : result.written()) {
            publications.add(publication(
                    repositoryId, root.resolve(path), root.resolve(path).toString(), Publication.Status.UPLOADED));
        }
        for (String path : result.alreadyPublished()) {
            publications.add(publication(
                    repositoryId,
                    root.resolve(path),
                    root.resolve(path).toString(),
                    Publication.Status.ALREADY_PUBLISHED));
        }
        return publications;
    }

    /**
     * Adds packages to the repository on an HTTP PUT server.
     *
     * @param staging an empty folder for the downloaded indexes and the files to upload
     */
    public List<Publication> publishOverHttp(
            HttpPutTarget target, HttpTransport http, Path staging, List<Path> debs, Instant date, boolean dryRun)
            throws DistributionException {
        try {
            resetFolder(staging);
            String dist = "dists/" + layout.distribution() + "/";
            boolean found = download(target, http, dist + "Release", staging);
            Set<String> architectures = new TreeSet<>(layout.architectures());
            if (found) {
                ControlStanza release = ControlStanza.parse(Files.readString(staging.resolve(dist + "Release")));
                if (release.get("Architectures") != null) {
                    architectures.addAll(
                            List.of(release.get("Architectures").trim().split("\\s+")));
                }
            }
            architectures.remove("all");
            for (String architecture : architectures) {
                download(target, http, dist + layout.component() + "/binary-" + architecture + "/Packages", staging);
            }
            AptPublication result = new AptRepositoryWriter(staging, layout, signer, reporter).publish(debs, date);

            List<ConflictException.Conflict> conflicts = new ArrayList<>();
            List<String> poolFiles = result.written().stream()
                    .filter(path -> path.startsWith("pool/"))
                    .toList();
            List<String> present = new ArrayList<>();
            for (String path : poolFiles) {
                Path file = staging.resolve(path);
                String sha256 = Checksums.sha256(file);
                RemoteCheck check = target.check(new Upload(file, path), sha256);
                if (check.state() == RemoteState.DIFFERENT) {
                    conflicts.add(new ConflictException.Conflict(target.location(path), sha256, check.remoteSha256()));
                } else if (check.state() == RemoteState.IDENTICAL) {
                    present.add(path);
                }
            }
            if (!conflicts.isEmpty()) {
                throw new ConflictException(
                        conflicts,
                        "The server holds other packages at these paths but its index does not list them. Raise the"
                                + " version, or remove the files from the server first.");
            }
            List<Publication> publications = new ArrayList<>();
            for (String path : result.written()) {
                Path file = staging.resolve(path);
                if (present.contains(path)) {
                    publications.add(publication(
                            target.repositoryId(), file, target.location(path), Publication.Status.ALREADY_PUBLISHED));
                    continue;
                }
                if (!dryRun) {
                    target.upload(new Upload(file, path, contentType(path)), true);
                    reporter.debug("Uploaded " + target.location(path));
                }
                if (path.contains("/by-hash/")) {
                    continue;
                }
                publications.add(publication(
                        target.repositoryId(),
                        file,
                        target.location(path),
                        dryRun ? Publication.Status.PLANNED_UPLOAD : Publication.Status.UPLOADED));
            }
            for (String path : result.alreadyPublished()) {
                publications.add(new Publication(
                        target.repositoryId(),
                        path,
                        target.location(path),
                        "-",
                        0,
                        Publication.Status.ALREADY_PUBLISHED));
            }
            return publications;
        } catch (IOException e) {
            throw new PublishException("Could not stage the APT repository in " + staging + ": " + e.getMessage(), e);
        }
    }

    /** Leaves out the by-hash copies, which only repeat the indexes, from what the summary lists. */
    private static List<String> reported(List<String> written) {
        return written.stream().filter(path -> !path.contains("/by-hash/")).toList();
    }

    private static boolean download(HttpPutTarget target, HttpTransport http, String path, Path staging)
            throws TransportException, IOException {
        URI uri = URI.create(target.location(path));
        Path file = staging.resolve(path);
        Files.createDirectories(file.getParent());
        Integer status = http.execute(HttpRequest.get(uri).build(), (code, reason, headers, body) -> {
            if (code >= 200 && code < 300) {
                Files.copy(body, file, StandardCopyOption.REPLACE_EXISTING);
            }
            return code;
        });
        if (status == 404 || status == 410) {
            return false;
        }
        if (status < 200 || status >= 300) {
            throw new TransportException("GET " + uri + " failed: HTTP " + status + ".", status, uri.toString(), null);
        }
        return true;
    }

    private static void resetFolder(Path folder) throws IOException {
        if (Files.exists(folder)) {
            try (Stream<Path> walk = Files.walk(folder)) {
                walk.sorted(Comparator.reverseOrder()).forEach(path -> {
                    try {
                        Files.delete(path);
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                });
            } catch (UncheckedIOException e) {
                throw e.getCause();
            }
        }
        Files.createDirectories(folder);
    }

    private static String contentType(String path) {
        if (path.endsWith(".deb")) {
            return "application/vnd.debian.binary-package";
        }
        if (path.endsWith(".gz")) {
            return "application/gzip";
        }
        if (path.endsWith(".xz")) {
            return "application/x-xz";
        }
        if (path.endsWith(".gpg") && !path.endsWith("Release.gpg")) {
            return "application/pgp-keys";
        }
        return "text/plain";
    }

    private static Publication publication(String repositoryId, Path file, String url, Publication.Status status)
            throws PublishException {
        try {
            long size = Files.isRegularFile(file) ? Files.size(file) : 0;
            String sha256 = Files.isRegularFile(file) ? Checksums.sha256(file) : "-";
            return new Publication(repositoryId, file.toString(), url, sha256, size, status);
        } catch (IOException e) {
            throw new PublishException("Could not read " + file + ": " + e.getMessage(), e);
        }
    }
}
