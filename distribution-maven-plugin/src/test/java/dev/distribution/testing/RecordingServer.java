package dev.distribution.testing;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * An in-process HTTP server on 127.0.0.1 that records every request and answers from scripted
 * responses, for contract tests of servers that cannot run in the test environment (Nexus,
 * GitHub, GitLab). Unscripted requests get a stored-file behaviour: PUT stores the body, GET and
 * HEAD return it or 404.
 */
public final class RecordingServer implements AutoCloseable {

    /** One request as the server saw it. */
    public record Request(
            String method, String rawPath, String rawQuery, Map<String, List<String>> headers, byte[] body) {
        /** The first value of a header, case-insensitive, or null. */
        public String header(String name) {
            for (Map.Entry<String, List<String>> entry : headers.entrySet()) {
                if (entry.getKey().equalsIgnoreCase(name) && !entry.getValue().isEmpty()) {
                    return entry.getValue().get(0);
                }
            }
            return null;
        }

        /** The body as UTF-8 text. */
        public String bodyText() {
            return new String(body, java.nio.charset.StandardCharsets.UTF_8);
        }
    }

    /** A scripted answer. */
    public record Response(int status, String reason, Map<String, String> headers, byte[] body) {
        public static Response of(int status) {
            return new Response(status, null, Map.of(), new byte[0]);
        }

        public static Response of(int status, String body) {
            return new Response(status, null, Map.of(), body.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }

        public Response withHeader(String name, String value) {
            Map<String, String> copy = new LinkedHashMap<>(headers);
            copy.put(name, value);
            return new Response(status, reason, copy, body);
        }
    }

    private final HttpServer server;
    private final List<Request> requests = Collections.synchronizedList(new ArrayList<>());
    private final Map<String, Deque<Function<Request, Response>>> scripts = new ConcurrentHashMap<>();
    private final Map<String, byte[]> stored = new ConcurrentHashMap<>();

    private RecordingServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", this::handle);
        server.start();
    }

    /** Starts a server on a free loopback port. */
    public static RecordingServer start() throws IOException {
        return new RecordingServer();
    }

    /** The base URL, such as {@code http://127.0.0.1:41234}, without trailing slash. */
    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /**
     * Queues an answer for the next request with this method and raw path (query excluded).
     * Several calls queue answers in order; when the queue is empty the stored-file behaviour applies.
     */
    public RecordingServer on(String method, String rawPath, Function<Request, Response> answer) {
        scripts.computeIfAbsent(key(method, rawPath), k -> new ArrayDeque<>()).add(answer);
        return this;
    }

    /** Queues a fixed answer. */
    public RecordingServer on(String method, String rawPath, Response response) {
        return on(method, rawPath, request -> response);
    }

    /** Puts a file in the stored-file behaviour, as if it had been uploaded. */
    public void store(String rawPath, byte[] content) {
        stored.put(rawPath, content);
    }

    /** The bytes stored at a path by a PUT, or null. */
    public byte[] stored(String rawPath) {
        return stored.get(rawPath);
    }

    /** Every request received, in order. */
    public List<Request> requests() {
        synchronized (requests) {
            return List.copyOf(requests);
        }
    }

    /** The requests with this method. */
    public List<Request> requests(String method) {
        return requests().stream().filter(r -> r.method().equals(method)).toList();
    }

    private static String key(String method, String rawPath) {
        return method.toUpperCase(Locale.ROOT) + " " + rawPath;
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            URI uri = exchange.getRequestURI();
            byte[] body;
            try (InputStream in = exchange.getRequestBody()) {
                body = in.readAllBytes();
            }
            Request request = new Request(
                    exchange.getRequestMethod(),
                    uri.getRawPath(),
                    uri.getRawQuery(),
                    Map.copyOf(exchange.getRequestHeaders()),
                    body);
            requests.add(request);
            Deque<Function<Request, Response>> queue = scripts.get(key(request.method(), request.rawPath()));
            Function<Request, Response> script = queue == null ? null : queue.poll();
            Response response = script != null ? script.apply(request) : storedBehaviour(request);
            response.headers()
                    .forEach((name, value) -> exchange.getResponseHeaders().add(name, value));
            boolean head = request.method().equals("HEAD");
            long length = head || response.body().length == 0 ? -1 : response.body().length;
            if (head && response.body().length > 0) {
                exchange.getResponseHeaders().set("Content-Length", String.valueOf(response.body().length));
            }
            exchange.sendResponseHeaders(response.status(), length);
            if (!head && response.body().length > 0) {
                exchange.getResponseBody().write(response.body());
            }
        }
    }

    private Response storedBehaviour(Request request) {
        switch (request.method()) {
            case "PUT" -> {
                boolean existed = stored.containsKey(request.rawPath());
                stored.put(request.rawPath(), request.body());
                return Response.of(existed ? 204 : 201);
            }
            case "GET", "HEAD" -> {
                byte[] content = stored.get(request.rawPath());
                return content == null ? Response.of(404) : new Response(200, null, Map.of(), content);
            }
            case "DELETE" -> {
                return Response.of(stored.remove(request.rawPath()) == null ? 404 : 204);
            }
            default -> {
                return Response.of(405);
            }
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
