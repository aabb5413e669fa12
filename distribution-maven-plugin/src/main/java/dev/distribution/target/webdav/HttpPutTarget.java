package dev.distribution.target.webdav;

import dev.distribution.core.Checksums;
import dev.distribution.core.DistributionException;
import dev.distribution.core.RemoteCheck;
import dev.distribution.core.Repository;
import dev.distribution.core.Target;
import dev.distribution.core.Upload;
import dev.distribution.http.Credentials;
import dev.distribution.http.HttpRequest;
import dev.distribution.http.HttpResponse;
import dev.distribution.http.HttpTransport;
import dev.distribution.http.RequestBody;
import dev.distribution.http.TransportException;
import dev.distribution.http.UrlPaths;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Publishes files with HTTP PUT: nginx or Apache WebDAV, a Nexus raw repository, any server that
 * stores a PUT body at its path. Checks what the server holds with HEAD, then compares content by
 * streaming a GET through SHA-256, so a re-run sends no file twice and memory stays constant.
 *
 * <p>Apache's mod_dav answers 409 to a PUT whose parent folder is missing; the target then creates
 * the folders with MKCOL and sends the file again.
 */
public class HttpPutTarget implements Target {
    private static final Pattern SHA1_ETAG = Pattern.compile("\"?(?:W/)?\"?([0-9a-fA-F]{40})\"?");

    private final Repository repository;
    private final HttpTransport http;
    private final Credentials credentials;

    public HttpPutTarget(Repository repository, HttpTransport http, Credentials credentials) {
        this.repository = repository;
        this.http = http;
        this.credentials = credentials;
    }

    @Override
    public String repositoryId() {
        return repository.id();
    }

    @Override
    public String location(String path) {
        return uri(path).toString();
    }

    /** The URL of a repository path; {@code path} is raw text, percent-encoded here. */
    protected URI uri(String path) {
        return UrlPaths.resolve(repository.url(), path);
    }

    /** The repository this target publishes to. */
    protected Repository repository() {
        return repository;
    }

    /** The transport this target sends requests with. */
    protected HttpTransport http() {
        return http;
    }

    /** The credentials sent with every request. */
    protected Credentials credentials() {
        return credentials;
    }

    @Override
    public RemoteCheck check(Upload upload, String localSha256) throws DistributionException {
        URI uri = uri(upload.path());
        HttpResponse head =
                http.execute(HttpRequest.head(uri).credentials(credentials).build());
        if (head.status() == 404 || head.status() == 410) {
            return RemoteCheck.absent();
        }
        if (!head.isSuccessful()) {
            throw failure("HEAD", uri, head);
        }
        Optional<String> etagSha1 = head.header("ETag")
                .map(SHA1_ETAG::matcher)
                .filter(m -> m.matches())
                .map(m -> m.group(1));
        if (etagSha1.isPresent()) {
            try {
                String localSha1 = Checksums.digests(upload.file(), List.of(Checksums.SHA1))
                        .get(Checksums.SHA1);
                if (localSha1.equalsIgnoreCase(etagSha1.get())) {
                    return RemoteCheck.identical(localSha256);
                }
            } catch (java.io.IOException e) {
                throw new dev.distribution.core.PublishException(
                        "Cannot read " + upload.file() + ": " + e.getMessage(), e);
            }
        }
        String remoteSha256 =
                http.execute(HttpRequest.get(uri).credentials(credentials).build(), (status, reason, headers, body) -> {
                    if (status == 404) {
                        return null;
                    }
                    if (status < 200 || status >= 300) {
                        return "status:" + status + " " + reason;
                    }
                    return Checksums.digests(body, List.of(Checksums.SHA256)).get(Checksums.SHA256);
                });
        if (remoteSha256 == null) {
            return RemoteCheck.absent();
        }
        if (remoteSha256.startsWith("status:")) {
            throw new TransportException(
                    "GET " + uri + " failed: HTTP " + remoteSha256.substring("status:".length()) + ".",
                    -1,
                    uri.toString(),
                    null);
        }
        return remoteSha256.equalsIgnoreCase(localSha256)
                ? RemoteCheck.identical(remoteSha256)
                : RemoteCheck.different(remoteSha256);
    }

    @Override
    public void upload(Upload upload, boolean replace) throws DistributionException {
        URI uri = uri(upload.path());
        HttpResponse response = put(uri, upload);
        if (response.status() == 409 && !isAlreadyPublished(response)) {
            createFolders(upload.path());
            response = put(uri, upload);
        }
        if (response.isSuccessful()) {
            return;
        }
        if (isAlreadyPublished(response)) {
            throw new AlreadyPublishedException(describe(response));
        }
        throw failure("PUT", uri, response);
    }

    private HttpResponse put(URI uri, Upload upload) throws TransportException {
        String contentType = upload.contentType() == null ? "application/octet-stream" : upload.contentType();
        return http.execute(HttpRequest.put(uri, RequestBody.ofFile(upload.file(), contentType))
                .credentials(credentials)
                .build());
    }

    /** Creates every parent folder of {@code path} with MKCOL; existing folders answer 405, which is fine. */
    private void createFolders(String path) throws TransportException {
        String[] segments = path.split("/");
        StringBuilder folder = new StringBuilder();
        for (int i = 0; i < segments.length - 1; i++) {
            folder.append(segments[i]).append('/');
            URI uri = uri(folder.toString());
            HttpResponse response = http.execute(HttpRequest.method("MKCOL", uri, null)
                    .credentials(credentials)
                    .idempotent(true)
                    .build());
            if (!response.isSuccessful() && response.status() != 405) {
                throw failure("MKCOL", uri, response);
            }
        }
    }

    /**
     * Whether the server rejected an upload because the path is taken and may not be replaced.
     * A plain WebDAV server overwrites, so this default answers false; Nexus overrides it.
     */
    protected boolean isAlreadyPublished(HttpResponse response) {
        return false;
    }

    /** Builds the exception for an unexpected answer, keeping the reason phrase. */
    protected TransportException failure(String method, URI uri, HttpResponse response) {
        return new TransportException(
                method + " " + uri + " failed: " + describe(response) + hint(response.status()),
                response.status(),
                uri.toString(),
                null);
    }

    private String hint(int status) {
        return switch (status) {
            case 401, 403 ->
                " Check the credentials of settings.xml <server> '" + repository.id()
                        + "' and its permission to write to " + repository.url() + ".";
            case 404 -> " Check the URL of repository '" + repository.id() + "': " + repository.url() + ".";
            case 413 -> " The server limits the request size; raise it (nginx: client_max_body_size 0).";
            default -> "";
        };
    }

    /** The status, reason phrase and the start of the body, for messages. */
    protected static String describe(HttpResponse response) {
        StringBuilder text = new StringBuilder("HTTP ").append(response.status());
        if (response.reason() != null && !response.reason().isBlank()) {
            text.append(' ').append(response.reason());
        }
        String body = response.body() == null ? "" : response.body().strip();
        if (!body.isEmpty() && !body.toLowerCase(Locale.ROOT).startsWith("<")) {
            text.append(": ").append(body.length() > 300 ? body.substring(0, 300) + "..." : body);
        }
        return text.append('.').toString();
    }
}
