package dev.distribution.target.github;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.distribution.core.Checksums;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An in-process stand-in for the GitHub REST API on 127.0.0.1, holding releases and assets in
 * memory and answering with the documented shapes. It rejects requests without the expected
 * token, records every request, and can inject rate limits and failed uploads.
 */
final class FakeGitHub implements AutoCloseable {
    static final String TOKEN = "ghp_testtoken0000000000000000000000000000";
    static final String REPO = "acme/hello";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern API = Pattern.compile("/api/repos/acme/hello/(.*)");
    private static final Pattern UPLOAD = Pattern.compile("/uploads/repos/acme/hello/releases/(\\d+)/assets");

    /** One request as received. */
    record Request(String method, String path, String query, Map<String, List<String>> headers, byte[] body) {
        String header(String name) {
            for (Map.Entry<String, List<String>> entry : headers.entrySet()) {
                if (entry.getKey().equalsIgnoreCase(name)) {
                    return entry.getValue().get(0);
                }
            }
            return null;
        }

        String bodyText() {
            return new String(body, StandardCharsets.UTF_8);
        }

        JsonNode json() throws IOException {
            return JSON.readTree(body);
        }

        @Override
        public String toString() {
            return method + " " + path + (query == null ? "" : "?" + query);
        }
    }

    static final class Release {
        long id;
        String tag;
        String name;
        String body;
        boolean draft;
        boolean prerelease;
        String targetCommitish = "main";
        final List<Asset> assets = new ArrayList<>();
    }

    static final class Asset {
        long id;
        String name;
        String label;
        String state = "uploaded";
        String contentType;
        byte[] content;
    }

    private final HttpServer server;
    private final AtomicLong ids = new AtomicLong(100);
    final List<Release> releases = Collections.synchronizedList(new ArrayList<>());
    final List<Request> requests = Collections.synchronizedList(new ArrayList<>());
    volatile int pageSize = 30;
    volatile boolean digests = true;
    volatile long latestId = -1;
    volatile int rateLimitedRequests;
    volatile long rateLimitReset;
    volatile int failingUploads;
    /** Content that another client uploads under the name of the next upload, just before it arrives. */
    volatile byte[] racingContent;

    FakeGitHub() throws IOException {
        // Without TCP_NODELAY every response waits about 40 ms for a delayed ACK.
        System.setProperty("sun.net.httpserver.nodelay", "true");
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", this::handle);
        server.start();
    }

    String apiUrl() {
        return base() + "/api";
    }

    private String base() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    Release addRelease(String tag, String name, boolean draft) {
        Release release = new Release();
        release.id = ids.incrementAndGet();
        release.tag = tag;
        release.name = name;
        release.draft = draft;
        releases.add(release);
        return release;
    }

    Asset addAsset(Release release, String name, byte[] content, String state) {
        Asset asset = new Asset();
        asset.id = ids.incrementAndGet();
        asset.name = name;
        asset.content = content;
        asset.state = state;
        asset.contentType = "application/octet-stream";
        release.assets.add(asset);
        return asset;
    }

    Release release(String tag) {
        return releases.stream().filter(r -> r.tag.equals(tag)).findFirst().orElse(null);
    }

    /** Requests that change something: POST, PATCH and DELETE. */
    List<Request> writes() {
        return requests().stream().filter(r -> !r.method.equals("GET")).toList();
    }

    List<Request> requests() {
        synchronized (requests) {
            return List.copyOf(requests);
        }
    }

    long uploadedBytes() {
        return requests().stream()
                .filter(r -> r.path.startsWith("/uploads/"))
                .mapToLong(r -> r.body.length)
                .sum();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            byte[] body;
            try (InputStream in = exchange.getRequestBody()) {
                body = in.readAllBytes();
            }
            Request request = new Request(
                    exchange.getRequestMethod(),
                    exchange.getRequestURI().getRawPath(),
                    exchange.getRequestURI().getRawQuery(),
                    Map.copyOf(exchange.getRequestHeaders()),
                    body);
            requests.add(request);
            Answer answer = answer(request);
            answer.headers.forEach(
                    (name, value) -> exchange.getResponseHeaders().add(name, value));
            exchange.sendResponseHeaders(answer.status, answer.body.length == 0 ? -1 : answer.body.length);
            if (answer.body.length > 0) {
                exchange.getResponseBody().write(answer.body);
            }
        }
    }

    private record Answer(int status, Map<String, String> headers, byte[] body) {
        static Answer json(int status, Object node) throws IOException {
            return new Answer(
                    status, Map.of("Content-Type", "application/json; charset=utf-8"), JSON.writeValueAsBytes(node));
        }

        static Answer empty(int status) {
            return new Answer(status, Map.of(), new byte[0]);
        }
    }

    private synchronized Answer answer(Request request) throws IOException {
        if (request.path.startsWith("/download/")) {
            long id = Long.parseLong(request.path.substring("/download/".length()));
            Asset asset = findAsset(id);
            return asset == null ? Answer.empty(404) : new Answer(200, Map.of(), asset.content);
        }
        if (!("token " + TOKEN).equals(request.header("Authorization"))) {
            return Answer.json(401, JSON.createObjectNode().put("message", "Bad credentials"));
        }
        if (rateLimitedRequests > 0) {
            rateLimitedRequests--;
            Map<String, String> headers = new LinkedHashMap<>();
            headers.put("Content-Type", "application/json");
            headers.put("x-ratelimit-remaining", "0");
            headers.put("x-ratelimit-reset", Long.toString(rateLimitReset));
            return new Answer(
                    403,
                    headers,
                    "{\"message\":\"API rate limit exceeded for user.\"}".getBytes(StandardCharsets.UTF_8));
        }
        Matcher upload = UPLOAD.matcher(request.path);
        if (upload.matches() && request.method.equals("POST")) {
            return upload(Long.parseLong(upload.group(1)), request);
        }
        Matcher api = API.matcher(request.path);
        if (!api.matches()) {
            return Answer.empty(404);
        }
        if (!GitHubApi.MEDIA_TYPE.equals(request.header("Accept")) && !request.path.contains("/releases/assets/")) {
            return Answer.empty(415);
        }
        String path = api.group(1);
        String method = request.method;
        if (method.equals("GET") && path.startsWith("releases/tags/")) {
            String tag = URLDecoder.decode(path.substring("releases/tags/".length()), StandardCharsets.UTF_8);
            Release release = release(tag);
            return release == null || release.draft ? notFound() : Answer.json(200, json(release));
        }
        if (method.equals("GET") && path.equals("releases/latest")) {
            Release latest =
                    releases.stream().filter(r -> r.id == latestId).findFirst().orElse(null);
            return latest == null ? notFound() : Answer.json(200, json(latest));
        }
        if (method.equals("GET") && path.equals("releases")) {
            ArrayNode list = JSON.createArrayNode();
            releases.forEach(r -> list.add(json(r)));
            return Answer.json(200, list);
        }
        if (method.equals("POST") && path.equals("releases")) {
            JsonNode fields = request.json();
            if (release(fields.path("tag_name").asText()) != null) {
                return Answer.json(
                        422,
                        JSON.readTree("{\"message\":\"Validation Failed\",\"errors\":"
                                + "[{\"resource\":\"Release\",\"code\":\"already_exists\",\"field\":\"tag_name\"}]}"));
            }
            Release release = addRelease(fields.path("tag_name").asText(), null, false);
            apply(release, fields);
            return Answer.json(201, json(release));
        }
        Matcher releaseId = Pattern.compile("releases/(\\d+)").matcher(path);
        if (method.equals("PATCH") && releaseId.matches()) {
            Release release = byId(Long.parseLong(releaseId.group(1)));
            if (release == null) {
                return notFound();
            }
            apply(release, request.json());
            return Answer.json(200, json(release));
        }
        Matcher assetList = Pattern.compile("releases/(\\d+)/assets").matcher(path);
        if (method.equals("GET") && assetList.matches()) {
            return assetPage(Long.parseLong(assetList.group(1)), request);
        }
        Matcher assetId = Pattern.compile("releases/assets/(\\d+)").matcher(path);
        if (assetId.matches()) {
            long id = Long.parseLong(assetId.group(1));
            Asset asset = findAsset(id);
            if (asset == null) {
                return notFound();
            }
            if (method.equals("DELETE")) {
                releases.forEach(r -> r.assets.remove(asset));
                return Answer.empty(204);
            }
            if (method.equals("GET") && "application/octet-stream".equals(request.header("Accept"))) {
                return new Answer(302, Map.of("Location", base() + "/download/" + id), new byte[0]);
            }
        }
        return notFound();
    }

    private Answer upload(long releaseId, Request request) throws IOException {
        Release release = byId(releaseId);
        if (release == null) {
            return notFound();
        }
        Map<String, String> query = query(request.query);
        String name = AssetFiles.expectedName(query.get("name"));
        if (racingContent != null) {
            addAsset(release, name, racingContent, "uploaded");
            racingContent = null;
        }
        if (release.assets.stream().anyMatch(a -> a.name.equals(name))) {
            return Answer.json(
                    422,
                    JSON.readTree("{\"message\":\"Validation Failed\",\"errors\":"
                            + "[{\"resource\":\"ReleaseAsset\",\"code\":\"already_exists\",\"field\":\"name\"}]}"));
        }
        Asset asset = addAsset(release, name, request.body, "uploaded");
        asset.label = query.get("label");
        asset.contentType = request.header("Content-Type");
        if (failingUploads > 0) {
            failingUploads--;
            asset.state = "starter";
            asset.content = new byte[0];
            return Answer.json(502, JSON.createObjectNode().put("message", "Bad Gateway"));
        }
        return Answer.json(201, json(asset));
    }

    private Answer assetPage(long releaseId, Request request) throws IOException {
        Release release = byId(releaseId);
        if (release == null) {
            return notFound();
        }
        int page = Integer.parseInt(query(request.query).getOrDefault("page", "1"));
        int from = (page - 1) * pageSize;
        ArrayNode list = JSON.createArrayNode();
        for (int i = from; i < Math.min(from + pageSize, release.assets.size()); i++) {
            list.add(json(release.assets.get(i)));
        }
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Type", "application/json");
        if (from + pageSize < release.assets.size()) {
            headers.put(
                    "Link",
                    "<" + apiUrl() + "/repos/acme/hello/releases/" + releaseId + "/assets?page=" + (page + 1)
                            + ">; rel=\"next\", <" + apiUrl() + "/repos/acme/hello/releases/" + releaseId
                            + "/assets?page=99>; rel=\"last\"");
        }
        return new Answer(200, headers, JSON.writeValueAsBytes(list));
    }

    private static Map<String, String> query(String raw) {
        Map<String, String> values = new LinkedHashMap<>();
        if (raw == null) {
            return values;
        }
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            values.put(
                    URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                    URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return values;
    }

    private static void apply(Release release, JsonNode fields) {
        if (fields.has("name")) {
            release.name = fields.get("name").asText();
        }
        if (fields.has("body")) {
            release.body = fields.get("body").asText();
        }
        if (fields.has("draft")) {
            release.draft = fields.get("draft").asBoolean();
        }
        if (fields.has("prerelease")) {
            release.prerelease = fields.get("prerelease").asBoolean();
        }
        if (fields.has("target_commitish")) {
            release.targetCommitish = fields.get("target_commitish").asText();
        }
    }

    private Release byId(long id) {
        return releases.stream().filter(r -> r.id == id).findFirst().orElse(null);
    }

    private Asset findAsset(long id) {
        for (Release release : releases) {
            for (Asset asset : release.assets) {
                if (asset.id == id) {
                    return asset;
                }
            }
        }
        return null;
    }

    private static Answer notFound() throws IOException {
        return Answer.json(404, JSON.createObjectNode().put("message", "Not Found"));
    }

    private ObjectNode json(Release release) {
        ObjectNode node = JSON.createObjectNode();
        node.put("id", release.id);
        node.put("tag_name", release.tag);
        node.put("name", release.name);
        node.put("body", release.body);
        node.put("draft", release.draft);
        node.put("prerelease", release.prerelease);
        node.put("target_commitish", release.targetCommitish);
        node.put("html_url", "https://github.com/acme/hello/releases/tag/" + release.tag);
        node.put("upload_url", base() + "/uploads/repos/acme/hello/releases/" + release.id + "/assets{?name,label}");
        return node;
    }

    private ObjectNode json(Asset asset) {
        ObjectNode node = JSON.createObjectNode();
        node.put("id", asset.id);
        node.put("name", asset.name);
        node.put("label", asset.label);
        node.put("state", asset.state);
        node.put("size", asset.content.length);
        node.put("content_type", asset.contentType);
        if (digests) {
            node.put("digest", "sha256:" + Checksums.sha256(asset.content));
        }
        node.put("browser_download_url", "https://github.com/acme/hello/releases/download/v/" + asset.name);
        return node;
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
