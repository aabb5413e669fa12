package dev.distribution.target.pypi;

import dev.distribution.core.Checksums;
import dev.distribution.core.DistributionException;
import dev.distribution.core.PublishException;
import dev.distribution.core.RemoteCheck;
import dev.distribution.core.Reporter;
import dev.distribution.core.Target;
import dev.distribution.core.Upload;
import dev.distribution.format.python.DistributionFile;
import dev.distribution.format.python.PythonNames;
import dev.distribution.http.Credentials;
import dev.distribution.http.HttpRequest;
import dev.distribution.http.HttpResponse;
import dev.distribution.http.HttpTransport;
import dev.distribution.http.MultipartBuilder;
import dev.distribution.http.RequestBody;
import dev.distribution.http.UrlPaths;
import java.io.IOException;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A repository that takes files through the PyPI legacy upload API, as twine sends them: Nexus
 * pypi-hosted ({@code <base>/repository/<name>/}), pypiserver, devpi, PyPI itself. One
 * multipart {@code POST} per file with the metadata fields of {@link UploadForm}.
 *
 * <p>The upload API cannot tell what a repository holds, and servers answer a duplicate
 * differently (Nexus: 400 or 409 with varying text). So the state of a file is read from the
 * project's simple page: absent when the page or the link is missing, identical or different by
 * the {@code #sha256=} of the link (or the file's own digest when the link has none). After a 400
 * or 409 the page is read again, and only a file that is now listed counts as already published.
 *
 * <p>Used by one {@link dev.distribution.core.Publisher} call at a time.
 */
public final class PypiUploadTarget implements Target {
    private static final Pattern ANCHOR =
            Pattern.compile("<a\\s[^>]*?href\\s*=\\s*[\"']([^\"']*)[\"'][^>]*>", Pattern.CASE_INSENSITIVE);
    private static final Pattern SHA256 = Pattern.compile("(?:^|&)sha256=([0-9a-fA-F]{64})");

    private final HttpTransport transport;
    private final String repositoryId;
    private final String uploadUrl;
    private final String simpleUrl;
    private final Credentials credentials;
    private final Reporter reporter;
    private final Map<String, DistributionFile> files = new LinkedHashMap<>();
    private final Map<String, Map<String, String>> pages = new LinkedHashMap<>();

    /**
     * Creates the target.
     *
     * @param transport the build's HTTP transport
     * @param repositoryId the repository id from the POM, for messages and the publication record
     * @param uploadUrl the upload endpoint, such as {@code https://nexus.example.com/repository/pypi-internal/};
     *     a missing trailing '/' is added, because Nexus needs it
     * @param simpleUrl the repository's simple index, such as {@code .../repository/pypi-internal/simple/}
     * @param credentials the credentials sent with every request
     * @param files the distributions to publish
     */
    public PypiUploadTarget(
            HttpTransport transport,
            String repositoryId,
            String uploadUrl,
            String simpleUrl,
            Credentials credentials,
            Reporter reporter,
            List<DistributionFile> files) {
        this.transport = Objects.requireNonNull(transport, "transport");
        this.repositoryId = Objects.requireNonNull(repositoryId, "repositoryId");
        this.uploadUrl = withSlash(uploadUrl);
        this.simpleUrl = withSlash(simpleUrl);
        this.credentials = Objects.requireNonNull(credentials, "credentials");
        this.reporter = Objects.requireNonNull(reporter, "reporter");
        for (DistributionFile file : files) {
            this.files.put(file.fileName(), file);
        }
    }

    /**
     * The simple index of a repository whose upload URL is given: {@code <upload>simple/} for Nexus
     * and other servers that serve both under one base; {@code https://pypi.org/simple/} style URLs
     * must be given explicitly for servers with a separate upload host.
     */
    public static String defaultSimpleUrl(String uploadUrl) {
        return withSlash(uploadUrl) + "simple/";
    }

    /** One upload per distribution, with the file name as its path. */
    public List<Upload> uploads() {
        List<Upload> uploads = new ArrayList<>();
        files.values().forEach(file -> uploads.add(new Upload(file.path(), file.fileName())));
        return uploads;
    }

    @Override
    public String repositoryId() {
        return repositoryId;
    }

    @Override
    public String location(String path) {
        DistributionFile file = files.get(path);
        String project = file == null ? "" : PythonNames.normalize(file.name()) + "/";
        return simpleUrl + project + "#" + path;
    }

    @Override
    public RemoteCheck check(Upload upload, String localSha256) throws DistributionException {
        DistributionFile file = requireFile(upload);
        Map<String, String> links = links(PythonNames.normalize(file.name()), true);
        String href = links.get(file.fileName());
        if (href == null) {
            return RemoteCheck.absent();
        }
        String remote = sha256Of(href);
        return remote.equalsIgnoreCase(localSha256) ? RemoteCheck.identical(remote) : RemoteCheck.different(remote);
    }

    @Override
    public void upload(Upload upload, boolean replace) throws DistributionException {
        DistributionFile file = requireFile(upload);
        UploadDigests digests;
        try {
            digests = UploadDigests.of(file.path());
        } catch (IOException e) {
            throw new PublishException("Cannot read " + file.path() + ": " + e.getMessage(), e);
        }
        MultipartBuilder form = RequestBody.multipart();
        for (UploadForm.Field field : UploadForm.fields(file, digests)) {
            form.text(field.name(), field.value());
        }
        form.file("content", file.path(), file.fileName(), "application/octet-stream");
        HttpRequest request = HttpRequest.post(URI.create(uploadUrl), form.build())
                .credentials(credentials)
                .build();
        HttpResponse response = transport.execute(request);
        if (response.isSuccessful()) {
            pages.remove(PythonNames.normalize(file.name()));
            return;
        }
        if (response.status() == 400 || response.status() == 409) {
            // Nexus words the duplicate differently across versions, so the page decides.
            Map<String, String> links = links(PythonNames.normalize(file.name()), false);
            if (links.containsKey(file.fileName())) {
                throw new AlreadyPublishedException(
                        response.status() + " " + response.reason() + ": " + file.fileName() + " is already listed");
            }
        }
        throw transport.failure(request, response);
    }

    private DistributionFile requireFile(Upload upload) {
        DistributionFile file = files.get(upload.path());
        if (file == null) {
            throw new IllegalArgumentException("Not a distribution of this target: " + upload.path());
        }
        return file;
    }

    /** Reads a project's simple page: file name to absolute link; empty when the project is absent. */
    private Map<String, String> links(String project, boolean cached) throws DistributionException {
        if (cached && pages.containsKey(project)) {
            return pages.get(project);
        }
        URI page = URI.create(simpleUrl + UrlPaths.encodePath(project) + "/");
        HttpRequest request = HttpRequest.get(page)
                .header("Accept", "text/html")
                .credentials(credentials)
                .build();
        HttpResponse response = transport.execute(request);
        Map<String, String> links = new LinkedHashMap<>();
        if (response.status() == 404) {
            pages.put(project, links);
            return links;
        }
        if (!response.isSuccessful()) {
            throw transport.failure(request, response);
        }
        Matcher matcher = ANCHOR.matcher(response.body());
        while (matcher.find()) {
            String href = unescape(matcher.group(1));
            String absolute = page.resolve(href.replace(" ", "%20")).toString();
            String path = absolute.replaceAll("#.*$", "").replaceAll("\\?.*$", "");
            String fileName = URLDecoder.decode(path.substring(path.lastIndexOf('/') + 1), StandardCharsets.UTF_8);
            links.put(fileName, absolute);
        }
        reporter.debug("Read " + links.size() + " links from " + page);
        pages.put(project, links);
        return links;
    }

    /** The SHA-256 of a linked file: from the {@code #sha256=} fragment, else by downloading it. */
    private String sha256Of(String href) throws DistributionException {
        int hash = href.indexOf('#');
        if (hash >= 0) {
            Matcher matcher = SHA256.matcher(href.substring(hash + 1));
            if (matcher.find()) {
                return matcher.group(1).toLowerCase(Locale.ROOT);
            }
        }
        URI file = URI.create(hash >= 0 ? href.substring(0, hash) : href);
        HttpRequest request = HttpRequest.get(file).credentials(credentials).build();
        return transport.executeOrThrow(
                request, (status, reason, headers, body) -> Checksums.digests(body, List.of(Checksums.SHA256))
                        .get(Checksums.SHA256));
    }

    private static String unescape(String html) {
        return html.replace("&amp;", "&")
                .replace("&lt;", "<")
                .replace("&gt;", ">")
                .replace("&quot;", "\"")
                .replace("&#x27;", "'")
                .replace("&#39;", "'");
    }

    private static String withSlash(String url) {
        Objects.requireNonNull(url, "url");
        return url.endsWith("/") ? url : url + "/";
    }
}
