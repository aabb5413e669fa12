package dev.distribution.target.github;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.distribution.core.Checksums;
import dev.distribution.core.PublishException;
import dev.distribution.core.Reporter;
import dev.distribution.http.Credentials;
import dev.distribution.http.Headers;
import dev.distribution.http.HttpRequest;
import dev.distribution.http.HttpResponse;
import dev.distribution.http.HttpTransport;
import dev.distribution.http.RequestBody;
import dev.distribution.http.UrlPaths;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The GitHub REST API calls of a release, one method per call, on the build's {@link
 * HttpTransport}. Requests carry {@code Accept: application/vnd.github.v3+json} and the token as
 * {@code Authorization: token <token>}, which GitHub accepts like {@code Bearer}. A response that
 * reports a rate limit is waited out and sent again, within the bound of the {@link
 * RateLimitPolicy}.
 */
public final class GitHubApi {
    /** The media type of JSON responses, in the spelling GitHub's recorded clients send. */
    public static final String MEDIA_TYPE = "application/vnd.github.v3+json";

    /** The REST API version sent in {@code X-GitHub-Api-Version}. */
    public static final String API_VERSION = "2022-11-28";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern NEXT_LINK = Pattern.compile("<([^>]+)>\\s*;\\s*rel=\"?next\"?");
    private static final int MAX_PAGES = 1000;

    private final HttpTransport http;
    private final String apiUrl;
    private final String repositoryPath;
    private final Credentials credentials;
    private final RateLimitPolicy rateLimit;
    private final Reporter reporter;

    /**
     * Creates the client.
     *
     * @param apiUrl the API base URL: {@code https://api.github.com}, or {@code https://<host>/api/v3}
     *     for GitHub Enterprise Server
     * @param repository {@code owner/name}
     * @param credentials the token, usually from {@link #token(String, String)}
     */
    public GitHubApi(
            HttpTransport http,
            String apiUrl,
            String repository,
            Credentials credentials,
            RateLimitPolicy rateLimit,
            Reporter reporter) {
        this.http = Objects.requireNonNull(http, "http");
        this.apiUrl = apiUrl.replaceAll("/+$", "");
        int slash = repository.indexOf('/');
        this.repositoryPath = "repos/" + UrlPaths.encodePath(repository.substring(0, slash)) + "/"
                + UrlPaths.encodePath(repository.substring(slash + 1));
        this.credentials = Objects.requireNonNull(credentials, "credentials");
        this.rateLimit = Objects.requireNonNull(rateLimit, "rateLimit");
        this.reporter = Objects.requireNonNull(reporter, "reporter");
    }

    /** Returns the credentials that send {@code token} as {@code Authorization: token <token>}. */
    public static Credentials token(String token, String source) {
        return new Credentials.Header("Authorization", "token " + token, source);
    }

    /** The repository's API URL, for messages. */
    public String repositoryUrl() {
        return apiUrl + "/" + repositoryPath;
    }

    /** {@code GET /repos/{owner}/{repo}/releases/tags/{tag}}: the published release of a tag; drafts are not found. */
    public Optional<GitHubRelease> releaseByTag(String tag) throws PublishException {
        HttpRequest request = get(uri("releases/tags/" + segment(tag)));
        HttpResponse response = send(request);
        if (response.status() == 404) {
            return Optional.empty();
        }
        return Optional.of(release(parse(request, expectOk(request, response))));
    }

    /** {@code GET /repos/{owner}/{repo}/releases}, every page: all releases, drafts included. */
    public List<GitHubRelease> listReleases() throws PublishException {
        List<GitHubRelease> releases = new ArrayList<>();
        for (JsonNode node : pages(uri("releases"))) {
            releases.add(release(node));
        }
        return releases;
    }

    /** {@code GET /repos/{owner}/{repo}/releases/latest}: the release marked latest, if any. */
    public Optional<GitHubRelease> latestRelease() throws PublishException {
        HttpRequest request = get(uri("releases/latest"));
        HttpResponse response = send(request);
        if (response.status() == 404) {
            return Optional.empty();
        }
        return Optional.of(release(parse(request, expectOk(request, response))));
    }

    /** {@code POST /repos/{owner}/{repo}/releases} with the given fields. */
    public GitHubRelease createRelease(Map<String, Object> fields) throws PublishException {
        HttpRequest request = json("POST", uri("releases"), fields);
        return release(parse(request, expectOk(request, send(request))));
    }

    /** {@code PATCH /repos/{owner}/{repo}/releases/{id}} with the fields to change. */
    public GitHubRelease updateRelease(long releaseId, Map<String, Object> fields) throws PublishException {
        HttpRequest request = json("PATCH", uri("releases/" + releaseId), fields);
        return release(parse(request, expectOk(request, send(request))));
    }

    /** {@code GET /repos/{owner}/{repo}/releases/{id}/assets}, following every {@code Link: rel="next"}. */
    public List<GitHubAsset> listAssets(long releaseId) throws PublishException {
        List<GitHubAsset> assets = new ArrayList<>();
        for (JsonNode node : pages(uri("releases/" + releaseId + "/assets"))) {
            assets.add(asset(node));
        }
        return assets;
    }

    /**
     * {@code POST <upload_url>?name=<name>&label=<label>} with the file as the raw body, streamed.
     *
     * @return the asset as stored, with the name GitHub gave it
     * @throws AssetExistsException when GitHub returns 422 {@code already_exists}
     */
    public GitHubAsset uploadAsset(GitHubRelease release, ReleaseAsset asset) throws PublishException {
        String base = release.uploadUrl();
        int template = base.indexOf('{');
        if (template >= 0) {
            base = base.substring(0, template);
        }
        StringBuilder query = new StringBuilder("?name=").append(queryValue(asset.name()));
        if (asset.label() != null && !asset.label().isEmpty()) {
            query.append("&label=").append(queryValue(asset.label()));
        }
        HttpRequest request = HttpRequest.post(
                        URI.create(base + query), RequestBody.ofFile(asset.file(), asset.contentType()))
                .header("Accept", MEDIA_TYPE)
                .header("X-GitHub-Api-Version", API_VERSION)
                .credentials(credentials)
                .build();
        HttpResponse response = send(request);
        if (response.status() == 422 && isAlreadyExists(response.body())) {
            throw new AssetExistsException(asset.name());
        }
        return asset(parse(request, expectOk(request, response)));
    }

    /** {@code DELETE /repos/{owner}/{repo}/releases/assets/{id}}. */
    public void deleteAsset(long assetId) throws PublishException {
        HttpRequest request = HttpRequest.delete(uri("releases/assets/" + assetId))
                .header("Accept", MEDIA_TYPE)
                .header("X-GitHub-Api-Version", API_VERSION)
                .credentials(credentials)
                .build();
        HttpResponse response = send(request);
        if (response.status() != 404) {
            expectOk(request, response);
        }
    }

    /**
     * {@code GET /repos/{owner}/{repo}/releases/assets/{id}} with {@code Accept:
     * application/octet-stream}: streams the asset's bytes, following GitHub's redirect to its
     * storage, through SHA-256.
     *
     * @return the lower-case hex SHA-256 of the asset
     */
    public String downloadSha256(long assetId) throws PublishException {
        HttpRequest request = HttpRequest.get(uri("releases/assets/" + assetId))
                .header("Accept", "application/octet-stream")
                .header("X-GitHub-Api-Version", API_VERSION)
                .credentials(credentials)
                .build();
        while (true) {
            Download download = http.execute(request, GitHubApi::readDownload);
            if (download.sha256() != null) {
                return download.sha256();
            }
            HttpResponse response =
                    new HttpResponse(download.status(), download.reason(), download.headers(), download.body());
            Optional<Duration> wait = rateLimit.waitFor(response);
            if (wait.isEmpty()) {
                throw failure(request, response);
            }
            waitOut(request, response, wait.get());
        }
    }

    private record Download(int status, String reason, Headers headers, String sha256, String body) {}

    private static Download readDownload(int status, String reason, Headers headers, InputStream body)
            throws IOException {
        if (status >= 200 && status < 300) {
            String sha256 = Checksums.digests(body, List.of(Checksums.SHA256)).get(Checksums.SHA256);
            return new Download(status, reason, headers, sha256, "");
        }
        String text = new String(body.readNBytes(64 * 1024), StandardCharsets.UTF_8);
        return new Download(status, reason, headers, null, text);
    }

    private List<JsonNode> pages(URI first) throws PublishException {
        List<JsonNode> items = new ArrayList<>();
        URI next = first;
        for (int page = 0; next != null; page++) {
            if (page == MAX_PAGES) {
                throw new PublishException("GitHub returned more than " + MAX_PAGES + " pages for " + first);
            }
            HttpRequest request = get(next);
            HttpResponse response = expectOk(request, send(request));
            JsonNode array = parse(request, response);
            if (!array.isArray()) {
                throw new PublishException(
                        "GitHub returned no JSON array for " + request + ": " + excerpt(response.body()));
            }
            array.forEach(items::add);
            next = nextPage(response);
        }
        return items;
    }

    /** Returns the {@code rel="next"} URL of an RFC 8288 {@code Link} header, or null. */
    static URI nextPage(HttpResponse response) {
        for (String link : response.headers().all("Link")) {
            Matcher matcher = NEXT_LINK.matcher(link);
            if (matcher.find()) {
                return URI.create(matcher.group(1));
            }
        }
        return null;
    }

    private HttpRequest get(URI uri) {
        return HttpRequest.get(uri)
                .header("Accept", MEDIA_TYPE)
                .header("X-GitHub-Api-Version", API_VERSION)
                .credentials(credentials)
                .build();
    }

    private HttpRequest json(String method, URI uri, Map<String, Object> fields) throws PublishException {
        byte[] body;
        try {
            body = JSON.writeValueAsBytes(fields);
        } catch (JsonProcessingException e) {
            throw new PublishException("Cannot write the JSON request for " + uri + ": " + e.getMessage(), e);
        }
        return HttpRequest.method(method, uri, RequestBody.ofBytes(body, "application/json; charset=utf-8"))
                .header("Accept", MEDIA_TYPE)
                .header("X-GitHub-Api-Version", API_VERSION)
                .credentials(credentials)
                .build();
    }

    private URI uri(String relative) {
        return URI.create(apiUrl + "/" + repositoryPath + "/" + relative);
    }

    /** Percent-encodes one path segment; a '/' in a tag becomes %2F. */
    private static String segment(String value) {
        StringBuilder encoded = new StringBuilder();
        for (String part : value.split("/", -1)) {
            if (encoded.length() > 0 || value.startsWith("/")) {
                encoded.append("%2F");
            }
            encoded.append(UrlPaths.encodePath(part));
        }
        return encoded.toString();
    }

    /** Percent-encodes a query value; everything but RFC 3986 unreserved characters is encoded. */
    static String queryValue(String value) {
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

    /** Sends a request, waiting out rate limits. */
    private HttpResponse send(HttpRequest request) throws PublishException {
        while (true) {
            HttpResponse response = http.execute(request);
            Optional<Duration> wait = rateLimit.waitFor(response);
            if (wait.isEmpty()) {
                return response;
            }
            waitOut(request, response, wait.get());
        }
    }

    private void waitOut(HttpRequest request, HttpResponse response, Duration wait) throws PublishException {
        if (!rateLimit.allows(wait)) {
            Instant until = rateLimit.clock().instant().plus(wait);
            throw new PublishException("GitHub's API rate limit stopped " + request.method() + " " + request.uri()
                    + " (HTTP " + response.status() + "): it requests a wait of " + wait.toSeconds() + " s, until "
                    + until
                    + ", which exceeds the maximum total wait of "
                    + rateLimit.maxTotalWait().toSeconds()
                    + " s. Re-run after that time, or raise <github><maxRateLimitWait>"
                    + " (-Ddistribution.github.maxRateLimitWait, in seconds).");
        }
        reporter.info("GitHub's API rate limit was reached (HTTP " + response.status() + "); waiting "
                + wait.toSeconds() + " s before sending " + request.method() + " " + request.uri() + " again.");
        try {
            rateLimit.sleep(wait);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PublishException("Interrupted while waiting for GitHub's rate limit to reset", e);
        }
    }

    private HttpResponse expectOk(HttpRequest request, HttpResponse response) throws PublishException {
        if (response.isSuccessful()) {
            return response;
        }
        throw failure(request, response);
    }

    private PublishException failure(HttpRequest request, HttpResponse response) {
        if (response.status() == 401) {
            return new PublishException("GitHub rejected the token from " + credentials.source() + " (HTTP 401, "
                    + excerpt(response.body()) + ") for " + request.method() + " " + request.uri()
                    + ". Check that the token is valid and not expired.");
        }
        if (response.status() == 403 || response.status() == 404) {
            String hint = " Check that the repository " + repositoryUrl() + " exists and that the token from "
                    + credentials.source() + " may write to it (classic tokens: scope 'repo' or 'public_repo';"
                    + " fine-grained tokens and GITHUB_TOKEN: permission 'contents: write').";
            return new PublishException(http.failure(request, response).getMessage() + hint);
        }
        return http.failure(request, response);
    }

    private static boolean isAlreadyExists(String body) {
        try {
            JsonNode errors = JSON.readTree(body).path("errors");
            for (JsonNode error : errors) {
                if ("already_exists".equals(error.path("code").asText())) {
                    return true;
                }
            }
        } catch (JsonProcessingException e) {
            return false;
        }
        return false;
    }

    private static JsonNode parse(HttpRequest request, HttpResponse response) throws PublishException {
        try {
            return JSON.readTree(response.body());
        } catch (JsonProcessingException e) {
            throw new PublishException(
                    "GitHub returned invalid JSON for " + request + ": " + excerpt(response.body()), e);
        }
    }

    private static String excerpt(String body) {
        String line = body == null ? "" : body.strip().replaceAll("\\s+", " ");
        return line.length() <= 300 ? line : line.substring(0, 300) + "...";
    }

    private static GitHubRelease release(JsonNode node) {
        return new GitHubRelease(
                node.path("id").asLong(),
                text(node, "tag_name"),
                text(node, "name"),
                text(node, "body"),
                node.path("draft").asBoolean(false),
                node.path("prerelease").asBoolean(false),
                text(node, "target_commitish"),
                text(node, "upload_url"),
                text(node, "html_url"));
    }

    private static GitHubAsset asset(JsonNode node) {
        return new GitHubAsset(
                node.path("id").asLong(),
                text(node, "name"),
                text(node, "label"),
                text(node, "state"),
                node.path("size").asLong(-1),
                text(node, "content_type"),
                text(node, "digest"),
                text(node, "browser_download_url"));
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }
}
