package dev.distribution.target.pypi;

import dev.distribution.core.Checksums;
import dev.distribution.core.DistributionException;
import dev.distribution.core.Publication;
import dev.distribution.core.PublicationLog;
import dev.distribution.core.PublishException;
import dev.distribution.core.PublishOptions;
import dev.distribution.core.Publisher;
import dev.distribution.core.Reporter;
import dev.distribution.core.Target;
import dev.distribution.core.Upload;
import dev.distribution.format.python.DistributionFile;
import dev.distribution.format.python.PythonNames;
import dev.distribution.format.python.SimpleIndex;
import dev.distribution.http.Credentials;
import dev.distribution.http.HttpRequest;
import dev.distribution.http.HttpResponse;
import dev.distribution.http.HttpTransport;
import dev.distribution.http.UrlPaths;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * Publishes a static simple repository (the layout of {@link SimpleIndex}) to an HTTP server that
 * accepts PUT, such as nginx WebDAV or a Nexus raw repository, so pip can install from it.
 *
 * <p>Order, so that a client never follows a link to a missing file: the distribution and {@code
 * .metadata} files first (through the given {@link Target}, which skips identical files and
 * rejects different ones), then each project page, then the root page. Existing pages are read
 * back through their JSON form and merged. Two builds publishing to the same server at the same
 * moment may each write a page without the other's files; a later publish of either repairs it.
 */
public final class StaticIndexHttpPublisher {
    private final HttpTransport transport;
    private final String baseUrl;
    private final Credentials credentials;
    private final Target files;
    private final Path workDirectory;
    private final Reporter reporter;

    /**
     * Creates the publisher.
     *
     * @param transport the build's HTTP transport, for reading the existing pages
     * @param baseUrl the repository root; pip's index URL is {@code <baseUrl>simple/}
     * @param credentials sent when reading pages
     * @param files the PUT target that stores files under {@code baseUrl}
     * @param workDirectory a folder for the {@code .metadata} files and pages before they are sent
     */
    public StaticIndexHttpPublisher(
            HttpTransport transport,
            String baseUrl,
            Credentials credentials,
            Target files,
            Path workDirectory,
            Reporter reporter) {
        this.transport = Objects.requireNonNull(transport, "transport");
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl : baseUrl + "/";
        this.credentials = Objects.requireNonNull(credentials, "credentials");
        this.files = Objects.requireNonNull(files, "files");
        this.workDirectory = Objects.requireNonNull(workDirectory, "workDirectory");
        this.reporter = Objects.requireNonNull(reporter, "reporter");
    }

    /** pip's index URL for this repository. */
    public String indexUrl() {
        return baseUrl + "simple/";
    }

    /**
     * Publishes the distributions, then the pages, unless the publisher only plans (dry run).
     *
     * @return the publications of the distribution and metadata files
     */
    public List<Publication> publish(Publisher publisher, List<DistributionFile> distributions, boolean dryRun)
            throws DistributionException, IOException {
        Map<String, SimpleIndex.ProjectPage> pages = new LinkedHashMap<>();
        for (DistributionFile file : distributions) {
            String project = PythonNames.normalize(file.name());
            if (!pages.containsKey(project)) {
                byte[] json = read(SimpleIndex.projectJsonPath(project));
                pages.put(
                        project,
                        json == null
                                ? new SimpleIndex.ProjectPage(project)
                                : SimpleIndex.ProjectPage.parse(project, json));
            }
        }
        List<Upload> uploads = new ArrayList<>();
        Map<DistributionFile, String> metadataDigests = new LinkedHashMap<>();
        for (DistributionFile file : distributions) {
            String project = PythonNames.normalize(file.name());
            uploads.add(new Upload(file.path(), SimpleIndex.filePath(project, file.fileName())));
            if (file.isWheel()) {
                Path metadata = workDirectory.resolve("metadata").resolve(file.fileName() + ".metadata");
                Files.createDirectories(metadata.getParent());
                Files.write(metadata, file.metadataBytes());
                uploads.add(new Upload(
                        metadata, SimpleIndex.filePath(project, file.fileName() + ".metadata"), "text/plain"));
                metadataDigests.put(file, Checksums.sha256(file.metadataBytes()));
            }
        }
        List<Publication> publications = publisher.publish(files, uploads);
        if (dryRun) {
            return publications;
        }
        for (DistributionFile file : distributions) {
            String project = PythonNames.normalize(file.name());
            pages.get(project)
                    .put(
                            new SimpleIndex.FileEntry(
                                    file.fileName(),
                                    SimpleIndex.fileUrl(project, file.fileName()),
                                    Checksums.sha256(file.path()),
                                    file.metadata().first("Requires-Python"),
                                    metadataDigests.get(file),
                                    Files.size(file.path()),
                                    null),
                            file.version());
        }
        Publisher pagePublisher = new Publisher(
                Reporter.SILENT,
                new PublicationLog(workDirectory.resolve("pages.json")),
                new PublishOptions(false, true));
        List<Upload> pageUploads = new ArrayList<>();
        for (SimpleIndex.ProjectPage page : pages.values()) {
            pageUploads.add(page(SimpleIndex.projectJsonPath(page.name()), page.toJson(), SimpleIndex.JSON_TYPE));
            pageUploads.add(page(SimpleIndex.projectHtmlPath(page.name()), page.toHtml(), "text/html"));
        }
        SortedSet<String> projects = new TreeSet<>(pages.keySet());
        byte[] root = read(SimpleIndex.ROOT_JSON);
        if (root != null) {
            projects.addAll(SimpleIndex.parseRoot(root));
        }
        pageUploads.add(page(SimpleIndex.ROOT_JSON, SimpleIndex.rootJson(projects), SimpleIndex.JSON_TYPE));
        pageUploads.add(page(SimpleIndex.ROOT_HTML, SimpleIndex.rootHtml(projects), "text/html"));
        // Pages always change, so they are replaced; the root page goes last.
        pagePublisher.publish(files, pageUploads);
        reporter.info("Updated the index " + indexUrl());
        return publications;
    }

    private Upload page(String path, byte[] content, String contentType) throws IOException {
        Path file = workDirectory.resolve("pages").resolve(path);
        Files.createDirectories(file.getParent());
        Files.write(file, content);
        return new Upload(file, path, contentType);
    }

    /** Reads a page; null when the server has none yet. */
    private byte[] read(String path) throws DistributionException {
        HttpRequest request = HttpRequest.get(UrlPaths.resolve(baseUrl, path))
                .credentials(credentials)
                .build();
        HttpResponse response = transport.execute(request);
        if (response.status() == 404) {
            return null;
        }
        if (!response.isSuccessful()) {
            throw transport.failure(request, response);
        }
        if (response.body().length() >= HttpTransport.MAX_BUFFERED_BODY) {
            throw new PublishException("The index page " + request.uri() + " is larger than "
                    + HttpTransport.MAX_BUFFERED_BODY + " bytes and cannot be merged.");
        }
        return response.body().getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }
}
