package dev.distribution.target.gitlab;

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
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An in-process stand-in for GitLab's generic package registry and releases API (v4) on
 * 127.0.0.1, holding packages and releases in memory and answering with the documented shapes. It
 * accepts one token in whichever header the test names, keeps duplicate package files like GitLab
 * does, rejects duplicate link names and URLs, and records every request.
 */
final class FakeGitLab implements AutoCloseable {
    static final String TOKEN = "glpat-test-token-000000";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern PROJECT = Pattern.compile("/api/v4/projects/([^/]+)/(.*)");
    private static final Pattern GENERIC = Pattern.compile("packages/generic/([^/]+)/([^/]+)/([^/]+)");

    /** One request as received; {@code path} is the raw, still-encoded path. */
    record Request(String method, String path, String query, Map<String, List<String>> headers, byte[] body) {
        String header(String name) {
            for (Map.Entry<String, List<String>> entry : headers.entrySet()) {
                if (entry.getKey().equalsIgnoreCase(name)) {
                    return entry.getValue().get(0);
                }
            }
            return null;
        }

        JsonNode json() throws IOException {
            return JSON.readTree(body);
        }

        @Override
        public String toString() {
            return method + " " + path;
        }
    }

    static final class Package {
        long id;
        String name;
        String version;
        final List<StoredFile> files = new ArrayList<>();
    }

    static final class StoredFile {
        long id;
        String name;
        byte[] content;
    }

    static final class Link {
        long id;
        String name;
        String url;
        String path;
        String type;
    }

    static final class Release {
        String tag;
        String name;
        String description;
        final List<Link> links = new ArrayList<>();
    }

    private final HttpServer server;
    private final AtomicLong ids = new AtomicLong(10);
    private final String projectSegment;
    volatile String tokenHeader = "PRIVATE-TOKEN";
    volatile boolean fileDigests = true;
    final List<Package> packages = Collections.synchronizedList(new ArrayList<>());
    final List<Release> releases = Collections.synchronizedList(new ArrayList<>());
    final List<Request> requests = Collections.synchronizedList(new ArrayList<>());
    final List<String> tags = Collections.synchronizedList(new ArrayList<>());

    /**
     * Starts the server.
     *
     * @param projectSegment the project as it must appear in paths, such as {@code 42} or {@code group%2Fproject}
     */
    FakeGitLab(String projectSegment) throws IOException {
        System.setProperty("sun.net.httpserver.nodelay", "true");
        this.projectSegment = projectSegment;
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", this::handle);
        server.start();
    }

    String apiUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/api/v4";
    }

    List<Request> requests() {
        synchronized (requests) {
            return List.copyOf(requests);
        }
    }

    List<Request> writes() {
        return requests().stream().filter(r -> !r.method.equals("GET")).toList();
    }

    long uploadedBytes() {
        return requests().stream()
                .filter(r -> r.method.equals("PUT") && r.path.contains("/packages/generic/"))
                .mapToLong(r -> r.body.length)
                .sum();
    }

    Release release(String tag) {
        return releases.stream().filter(r -> r.tag.equals(tag)).findFirst().orElse(null);
    }

    Package addPackage(String name, String version) {
        Package pkg = new Package();
        pkg.id = ids.incrementAndGet();
        pkg.name = name;
        pkg.version = version;
        packages.add(pkg);
        return pkg;
    }

    StoredFile addFile(Package pkg, String name, byte[] content) {
        StoredFile file = new StoredFile();
        file.id = ids.incrementAndGet();
        file.name = name;
        file.content = content;
        pkg.files.add(file);
        return file;
    }

    Release addRelease(String tag, String name, String description) {
        Release release = new Release();
        release.tag = tag;
        release.name = name;
        release.description = description;
        releases.add(release);
        return release;
    }

    Link addLink(Release release, String name, String url, String path) {
        Link link = new Link();
        link.id = ids.incrementAndGet();
        link.name = name;
        link.url = url;
        link.path = path;
        link.type = "package";
        release.links.add(link);
        return link;
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
            int[] status = new int[1];
            byte[] answer = answer(request, status);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(status[0], answer.length == 0 ? -1 : answer.length);
            if (answer.length > 0) {
                exchange.getResponseBody().write(answer);
            }
        }
    }

    private synchronized byte[] answer(Request request, int[] status) throws IOException {
        if (!TOKEN.equals(request.header(tokenHeader))) {
            status[0] = 401;
            return "{\"message\":\"401 Unauthorized\"}".getBytes(StandardCharsets.UTF_8);
        }
        Matcher project = PROJECT.matcher(request.path);
        if (!project.matches() || !project.group(1).equals(projectSegment)) {
            return notFound(status);
        }
        String path = project.group(2);
        String method = request.method;
        Matcher generic = GENERIC.matcher(path);
        if (generic.matches()) {
            String name = decode(generic.group(1));
            String version = decode(generic.group(2));
            String file = decode(generic.group(3));
            Package pkg = packages.stream()
                    .filter(p -> p.name.equals(name) && p.version.equals(version))
                    .findFirst()
                    .orElse(null);
            if (method.equals("PUT")) {
                if (!file.matches("[A-Za-z0-9._-]+") || !name.matches("[A-Za-z0-9._-]+")) {
                    status[0] = 400;
                    return "{\"error\":\"file_name is invalid\"}".getBytes(StandardCharsets.UTF_8);
                }
                if (pkg == null) {
                    pkg = addPackage(name, version);
                }
                addFile(pkg, file, request.body);
                status[0] = 201;
                return "{\"message\":\"201 Created\"}".getBytes(StandardCharsets.UTF_8);
            }
            if (method.equals("GET") && pkg != null) {
                StoredFile newest = null;
                for (StoredFile stored : pkg.files) {
                    if (stored.name.equals(file)) {
                        newest = stored;
                    }
                }
                if (newest != null) {
                    status[0] = 200;
                    return newest.content;
                }
            }
            return notFound(status);
        }
        if (method.equals("GET") && path.equals("packages")) {
            Map<String, String> query = query(request.query);
            ArrayNode list = JSON.createArrayNode();
            for (Package pkg : packages) {
                if (pkg.name.equals(query.get("package_name")) && "generic".equals(query.get("package_type"))) {
                    list.add(JSON.createObjectNode()
                            .put("id", pkg.id)
                            .put("name", pkg.name)
                            .put("version", pkg.version)
                            .put("package_type", "generic"));
                }
            }
            status[0] = 200;
            return JSON.writeValueAsBytes(list);
        }
        Matcher files =
                Pattern.compile("packages/(\\d+)/package_files(?:/(\\d+))?").matcher(path);
        if (files.matches()) {
            Package pkg = packages.stream()
                    .filter(p -> p.id == Long.parseLong(files.group(1)))
                    .findFirst()
                    .orElse(null);
            if (pkg == null) {
                return notFound(status);
            }
            if (method.equals("GET") && files.group(2) == null) {
                ArrayNode list = JSON.createArrayNode();
                for (StoredFile file : pkg.files) {
                    ObjectNode node = list.addObject()
                            .put("id", file.id)
                            .put("package_id", pkg.id)
                            .put("file_name", file.name)
                            .put("size", file.content.length);
                    if (fileDigests) {
                        node.put("file_sha256", Checksums.sha256(file.content));
                    }
                }
                status[0] = 200;
                return JSON.writeValueAsBytes(list);
            }
            if (method.equals("DELETE") && files.group(2) != null) {
                boolean removed = pkg.files.removeIf(f -> f.id == Long.parseLong(files.group(2)));
                status[0] = removed ? 204 : 404;
                return new byte[0];
            }
        }
        Matcher tagPath = Pattern.compile("repository/tags/([^/]+)").matcher(path);
        if (method.equals("GET") && tagPath.matches()) {
            String tag = decode(tagPath.group(1));
            status[0] = tags.contains(tag) ? 200 : 404;
            return JSON.writeValueAsBytes(JSON.createObjectNode().put("name", tag));
        }
        if (method.equals("POST") && path.equals("releases")) {
            JsonNode fields = request.json();
            if (release(fields.path("tag_name").asText()) != null) {
                status[0] = 409;
                return "{\"message\":\"Release already exists\"}".getBytes(StandardCharsets.UTF_8);
            }
            Release release = addRelease(
                    fields.path("tag_name").asText(),
                    fields.path("name").asText(null),
                    fields.path("description").asText(null));
            for (JsonNode link : fields.path("assets").path("links")) {
                if (!addLink(release, link, status)) {
                    releases.remove(release);
                    return "{\"message\":\"Validation failed: Links have duplicate values\"}"
                            .getBytes(StandardCharsets.UTF_8);
                }
            }
            status[0] = 201;
            return JSON.writeValueAsBytes(json(release));
        }
        Matcher releasePath =
                Pattern.compile("releases/([^/]+)(/assets/links(?:/(\\d+))?)?").matcher(path);
        if (releasePath.matches()) {
            Release release = release(decode(releasePath.group(1)));
            if (release == null) {
                return notFound(status);
            }
            if (releasePath.group(2) == null) {
                if (method.equals("PUT")) {
                    JsonNode fields = request.json();
                    if (fields.has("name")) {
                        release.name = fields.get("name").asText();
                    }
                    if (fields.has("description")) {
                        release.description = fields.get("description").asText();
                    }
                }
                status[0] = 200;
                return JSON.writeValueAsBytes(json(release));
            }
            if (method.equals("POST") && releasePath.group(3) == null) {
                if (!addLink(release, request.json(), status)) {
                    return "{\"message\":[\"has already been taken\"]}".getBytes(StandardCharsets.UTF_8);
                }
                status[0] = 201;
                return "{}".getBytes(StandardCharsets.UTF_8);
            }
            if (method.equals("PUT") && releasePath.group(3) != null) {
                long id = Long.parseLong(releasePath.group(3));
                Link link = release.links.stream()
                        .filter(l -> l.id == id)
                        .findFirst()
                        .orElse(null);
                if (link == null) {
                    return notFound(status);
                }
                JsonNode fields = request.json();
                link.name = fields.path("name").asText(link.name);
                link.url = fields.path("url").asText(link.url);
                link.path = fields.path("direct_asset_path").asText(link.path);
                link.type = fields.path("link_type").asText(link.type);
                status[0] = 200;
                return "{}".getBytes(StandardCharsets.UTF_8);
            }
        }
        return notFound(status);
    }

    private boolean addLink(Release release, JsonNode fields, int[] status) {
        String name = fields.path("name").asText();
        String url = fields.path("url").asText();
        if (release.links.stream().anyMatch(l -> l.name.equals(name) || l.url.equals(url))) {
            status[0] = 400;
            return false;
        }
        Link link = addLink(release, name, url, fields.path("direct_asset_path").asText(null));
        link.type = fields.path("link_type").asText("other");
        return true;
    }

    private ObjectNode json(Release release) {
        ObjectNode node = JSON.createObjectNode();
        node.put("tag_name", release.tag);
        node.put("name", release.name);
        node.put("description", release.description);
        ArrayNode links = node.putObject("assets").putArray("links");
        for (Link link : release.links) {
            ObjectNode item = links.addObject();
            item.put("id", link.id);
            item.put("name", link.name);
            item.put("url", link.url);
            item.put("link_type", link.type);
            if (link.path != null) {
                item.put(
                        "direct_asset_url",
                        "https://gitlab.example.com/group/project/-/releases/" + release.tag + "/downloads"
                                + link.path);
            }
        }
        return node;
    }

    private static byte[] notFound(int[] status) {
        status[0] = 404;
        return "{\"message\":\"404 Not Found\"}".getBytes(StandardCharsets.UTF_8);
    }

    private static String decode(String value) {
        return URLDecoder.decode(value.replace("+", "%2B"), StandardCharsets.UTF_8);
    }

    private static Map<String, String> query(String raw) {
        Map<String, String> values = new java.util.LinkedHashMap<>();
        if (raw != null) {
            for (String pair : raw.split("&")) {
                int eq = pair.indexOf('=');
                values.put(pair.substring(0, eq), decode(pair.substring(eq + 1)));
            }
        }
        return values;
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
