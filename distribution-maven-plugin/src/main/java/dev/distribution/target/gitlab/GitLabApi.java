package dev.distribution.target.gitlab;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.distribution.core.Checksums;
import dev.distribution.core.PublishException;
import dev.distribution.http.Credentials;
import dev.distribution.http.Headers;
import dev.distribution.http.HttpRequest;
import dev.distribution.http.HttpResponse;
import dev.distribution.http.HttpTransport;
import dev.distribution.http.RequestBody;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The GitLab REST API (v4) calls of a release with generic packages, one method per call, on the
 * build's {@link HttpTransport}. Every path value (project path, package name, version, file name,
 * tag) is percent-encoded except for RFC 3986 unreserved characters, so {@code group/project}
 * becomes {@code group%2Fproject} and {@code 1.0+build} becomes {@code 1.0%2Bbuild}.
 */
public final class GitLabApi {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern NEXT_LINK = Pattern.compile("<([^>]+)>\\s*;\\s*rel=\"?next\"?");
    private static final int MAX_PAGES = 1000;

    private final HttpTransport http;
    private final String apiUrl;
    private final String project;
    private final String projectPath;
    private final Credentials credentials;

    /**
     * Creates the client.
     *
     * @param apiUrl the API base URL, such as {@code https://gitlab.example.com/api/v4}
     * @param project the numeric project id or the project's full path, such as {@code group/project}
     * @param credentials a {@code PRIVATE-TOKEN}, {@code JOB-TOKEN} or {@code Deploy-Token} header, or
     *     Basic credentials
     */
    public GitLabApi(HttpTransport http, String apiUrl, String project, Credentials credentials) {
        this.http = Objects.requireNonNull(http, "http");
        this.apiUrl = apiUrl.replaceAll("/+$", "");
        this.project = Objects.requireNonNull(project, "project");
        this.projectPath = "projects/" + encode(project);
        this.credentials = Objects.requireNonNull(credentials, "credentials");
    }

    /** The URL of a file in the generic package registry, as release links point to it. */
    public String packageFileUrl(String packageName, String version, String fileName) {
        return apiUrl + "/" + projectPath + "/packages/generic/" + encode(packageName) + "/" + encode(version) + "/"
                + encode(fileName);
    }

    /** The project, as configured; for messages. */
    public String project() {
        return project;
    }

    /**
     * {@code PUT /projects/:id/packages/generic/:package_name/:package_version/:file_name} with the
     * file streamed as the body. Callers send the files of a new version one at a time, because
     * GitLab can fail concurrent first uploads with 500.
     */
    public void uploadPackageFile(String packageName, String version, String fileName, Path file)
            throws PublishException {
        URI uri = URI.create(packageFileUrl(packageName, version, fileName));
        HttpRequest request = HttpRequest.put(uri, RequestBody.ofFile(file, "application/octet-stream"))
                .credentials(credentials)
                // A retried PUT adds a second copy of the file, which GitLab keeps; the newest wins on download.
                .idempotent(true)
                .build();
        expectOk(request, http.execute(request));
    }

    /**
     * {@code GET /projects/:id/packages?package_type=generic&package_name=...}, every page: the id
     * of the generic package with exactly this name and version.
     */
    public Optional<Long> findPackage(String packageName, String version) throws PublishException {
        URI first = URI.create(apiUrl + "/" + projectPath + "/packages?package_type=generic&package_name="
                + encode(packageName) + "&per_page=100");
        for (JsonNode node : pages(first)) {
            if (packageName.equals(node.path("name").asText())
                    && version.equals(node.path("version").asText())) {
                return Optional.of(node.path("id").asLong());
            }
        }
        return Optional.empty();
    }

    /** {@code GET /projects/:id/packages/:package_id/package_files}, every page, oldest first. */
    public List<PackageFile> listPackageFiles(long packageId) throws PublishException {
        URI first = URI.create(apiUrl + "/" + projectPath + "/packages/" + packageId + "/package_files?per_page=100");
        List<PackageFile> files = new ArrayList<>();
        for (JsonNode node : pages(first)) {
            files.add(new PackageFile(
                    node.path("id").asLong(),
                    node.path("file_name").asText(),
                    node.path("size").asLong(-1),
                    text(node, "file_sha256")));
        }
        return files;
    }

    /** {@code DELETE /projects/:id/packages/:package_id/package_files/:package_file_id}. */
    public void deletePackageFile(long packageId, long fileId) throws PublishException {
        URI uri = URI.create(apiUrl + "/" + projectPath + "/packages/" + packageId + "/package_files/" + fileId);
        HttpRequest request = HttpRequest.delete(uri).credentials(credentials).build();
        HttpResponse response = http.execute(request);
        if (response.status() != 404) {
            expectOk(request, response);
        }
    }

    /** Streams a generic package file (the newest of that name) through SHA-256. */
    public String downloadSha256(String packageName, String version, String fileName) throws PublishException {
        HttpRequest request = HttpRequest.get(URI.create(packageFileUrl(packageName, version, fileName)))
                .credentials(credentials)
                .build();
        Download download = http.execute(request, GitLabApi::readDownload);
        if (download.sha256() == null) {
            throw failure(
                    request,
                    new HttpResponse(download.status(), download.reason(), download.headers(), download.body()));
        }
        return download.sha256();
    }

    private record Download(int status, String reason, Headers headers, String sha256, String body) {}

    private static Download readDownload(int status, String reason, Headers headers, InputStream body)
            throws IOException {
        if (status >= 200 && status < 300) {
            return new Download(
                    status,
                    reason,
                    headers,
                    Checksums.digests(body, List.of(Checksums.SHA256)).get(Checksums.SHA256),
                    "");
        }
        return new Download(
                status, reason, headers, null, new String(body.readNBytes(64 * 1024), StandardCharsets.UTF_8));
    }

    /** {@code GET /projects/:id/releases/:tag_name}: the release of a tag, if any. */
    public Optional<GitLabRelease> release(String tag) throws PublishException {
        HttpRequest request =
                HttpRequest.get(releaseUri(tag)).credentials(credentials).build();
        HttpResponse response = http.execute(request);
        if (response.status() == 404) {
            return Optional.empty();
        }
        return Optional.of(release(parse(request, expectOk(request, response))));
    }

    /** {@code GET /projects/:id/repository/tags/:tag_name}: whether the tag exists. */
    public boolean tagExists(String tag) throws PublishException {
        URI uri = URI.create(apiUrl + "/" + projectPath + "/repository/tags/" + encode(tag));
        HttpRequest request = HttpRequest.get(uri).credentials(credentials).build();
        HttpResponse response = http.execute(request);
        if (response.status() == 404) {
            return false;
        }
        expectOk(request, response);
        return true;
    }

    /** {@code POST /projects/:id/releases} with {@code tag_name}, {@code name}, {@code description}, {@code ref}, {@code assets}. */
    public GitLabRelease createRelease(Map<String, Object> fields) throws PublishException {
        HttpRequest request = json("POST", URI.create(apiUrl + "/" + projectPath + "/releases"), fields);
        return release(parse(request, expectOk(request, http.execute(request))));
    }

    /** {@code PUT /projects/:id/releases/:tag_name} with the fields to change. */
    public GitLabRelease updateRelease(String tag, Map<String, Object> fields) throws PublishException {
        HttpRequest request = json("PUT", releaseUri(tag), fields);
        return release(parse(request, expectOk(request, http.execute(request))));
    }

    /** {@code POST /projects/:id/releases/:tag_name/assets/links}. */
    public void createLink(String tag, GitLabRelease.Link link) throws PublishException {
        HttpRequest request = json("POST", URI.create(releaseUri(tag) + "/assets/links"), linkFields(link));
        expectOk(request, http.execute(request));
    }

    /** {@code PUT /projects/:id/releases/:tag_name/assets/links/:link_id}. */
    public void updateLink(String tag, long linkId, GitLabRelease.Link link) throws PublishException {
        HttpRequest request = json("PUT", URI.create(releaseUri(tag) + "/assets/links/" + linkId), linkFields(link));
        expectOk(request, http.execute(request));
    }

    /** Returns the JSON fields of a link as the releases API takes them. */
    public static Map<String, Object> linkFields(GitLabRelease.Link link) {
        Map<String, Object> fields = new java.util.LinkedHashMap<>();
        fields.put("name", link.name());
        fields.put("url", link.url());
        if (link.directAssetPath() != null) {
            fields.put("direct_asset_path", link.directAssetPath());
        }
        fields.put("link_type", link.linkType());
        return fields;
    }

    private URI releaseUri(String tag) {
        return URI.create(apiUrl + "/" + projectPath + "/releases/" + encode(tag));
    }

    private List<JsonNode> pages(URI first) throws PublishException {
        List<JsonNode> items = new ArrayList<>();
        URI next = first;
        for (int page = 0; next != null; page++) {
            if (page == MAX_PAGES) {
                throw new PublishException("GitLab returned more than " + MAX_PAGES + " pages for " + first);
            }
            HttpRequest request = HttpRequest.get(next).credentials(credentials).build();
            HttpResponse response = http.execute(request);
            if (response.status() == 404 && page == 0) {
                return items;
            }
            JsonNode array = parse(request, expectOk(request, response));
            array.forEach(items::add);
            next = null;
            for (String link : response.headers().all("Link")) {
                Matcher matcher = NEXT_LINK.matcher(link);
                if (matcher.find()) {
                    next = URI.create(matcher.group(1));
                }
            }
        }
        return items;
    }

    private HttpRequest json(String method, URI uri, Map<String, Object> fields) throws PublishException {
        try {
            byte[] body = JSON.writeValueAsBytes(fields);
            return HttpRequest.method(method, uri, RequestBody.ofBytes(body, "application/json"))
                    .credentials(credentials)
                    .build();
        } catch (JsonProcessingException e) {
            throw new PublishException("Cannot write the JSON request for " + uri + ": " + e.getMessage(), e);
        }
    }

    private HttpResponse expectOk(HttpRequest request, HttpResponse response) throws PublishException {
        if (response.isSuccessful()) {
            return response;
        }
        throw failure(request, response);
    }

    private PublishException failure(HttpRequest request, HttpResponse response) {
        String message = http.failure(request, response).getMessage();
        if (response.status() == 401) {
            return new PublishException(message + " GitLab rejected the token from " + credentials.source()
                    + "; check that it is valid, not expired, and sent in the right header (PRIVATE-TOKEN for"
                    + " personal, project and group access tokens, JOB-TOKEN for CI_JOB_TOKEN, Deploy-Token for"
                    + " deploy tokens).");
        }
        if (response.status() == 403 || response.status() == 404) {
            return new PublishException(message + " Check that project '" + project + "' exists at " + apiUrl
                    + " and that the token from " + credentials.source()
                    + " may write to its package registry and releases (scope 'api' for access tokens,"
                    + " 'write_package_registry' for deploy tokens, which cannot create releases).");
        }
        return http.failure(request, response);
    }

    private static JsonNode parse(HttpRequest request, HttpResponse response) throws PublishException {
        try {
            return JSON.readTree(response.body());
        } catch (JsonProcessingException e) {
            throw new PublishException("GitLab returned invalid JSON for " + request, e);
        }
    }

    private static GitLabRelease release(JsonNode node) {
        List<GitLabRelease.Link> links = new ArrayList<>();
        for (JsonNode link : node.path("assets").path("links")) {
            links.add(new GitLabRelease.Link(
                    link.path("id").asLong(),
                    text(link, "name"),
                    text(link, "url"),
                    text(link, "direct_asset_path"),
                    text(link, "direct_asset_url"),
                    text(link, "link_type")));
        }
        return new GitLabRelease(text(node, "tag_name"), text(node, "name"), text(node, "description"), links);
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }

    /** Percent-encodes everything but RFC 3986 unreserved characters, '/' and '+' included. */
    static String encode(String value) {
        StringBuilder encoded = new StringBuilder();
        for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || "-._~".indexOf(c) >= 0) {
                encoded.append((char) c);
            } else {
                encoded.append('%').append(String.format("%02X", c));
            }
        }
        return encoded.toString();
    }
}
