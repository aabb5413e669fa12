package dev.distribution.target.pypi;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An in-process HTTP server on 127.0.0.1 that records every request with its multipart form fields
 * (for the file part: name, content type, size and SHA-256). It answers 200, or the status NNN for
 * a path {@code /status-NNN/}, and serves GET responses registered with {@link #serve}.
 */
final class CapturingServer implements AutoCloseable {
    /** One form part. For the file part, {@code value} holds "filename|contentType|size|sha256". */
    record Part(String name, String value) {}

    /** One recorded request. */
    record Request(String method, String path, Map<String, List<String>> headers, List<Part> parts) {
        String header(String name) {
            return headers.entrySet().stream()
                    .filter(e -> e.getKey().equalsIgnoreCase(name))
                    .map(e -> e.getValue().get(0))
                    .findFirst()
                    .orElse(null);
        }
    }

    private static final Pattern STATUS = Pattern.compile("/status-(\\d{3})/");

    private final HttpServer server;
    private final List<Request> requests = new CopyOnWriteArrayList<>();
    private final Map<String, byte[]> pages = new ConcurrentHashMap<>();
    private final Map<String, String> replies = new ConcurrentHashMap<>();
    private final Map<String, byte[]> pagesAfterUpload = new ConcurrentHashMap<>();

    CapturingServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::handle);
        server.start();
    }

    /** The base URL, ending in '/'. */
    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/";
    }

    /** Registers a GET response. */
    void serve(String path, byte[] body) {
        pages.put(path, body);
    }

    /** Registers a GET response that appears once a POST was received, as after an upload. */
    void serveAfterUpload(String path, byte[] body) {
        pagesAfterUpload.put(path, body);
    }

    /** Registers the reason text of error replies for a path (as Nexus puts it in the status line). */
    void reply(String path, String body) {
        replies.put(path, body);
    }

    List<Request> requests() {
        return requests;
    }

    /** Only the POST requests. */
    List<Request> uploads() {
        return requests.stream().filter(r -> r.method().equals("POST")).toList();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            byte[] body = exchange.getRequestBody().readAllBytes();
            String path = exchange.getRequestURI().getRawPath();
            String type = exchange.getRequestHeaders().getFirst("Content-Type");
            List<Part> parts = type != null && type.startsWith("multipart/form-data") ? parse(body, type) : List.of();
            requests.add(
                    new Request(exchange.getRequestMethod(), path, Map.copyOf(exchange.getRequestHeaders()), parts));
            int status = 200;
            byte[] response = new byte[0];
            Matcher matcher = STATUS.matcher(path);
            if (matcher.find()) {
                status = Integer.parseInt(matcher.group(1));
                response = replies.getOrDefault(path, "").getBytes(StandardCharsets.UTF_8);
            } else if (exchange.getRequestMethod().equals("GET")) {
                response = pages.get(path);
                if (!uploads().isEmpty() && pagesAfterUpload.containsKey(path)) {
                    response = pagesAfterUpload.get(path);
                }
                status = response == null ? 404 : 200;
                response = response == null ? new byte[0] : response;
            }
            exchange.sendResponseHeaders(status, response.length == 0 ? -1 : response.length);
            if (response.length > 0) {
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(response);
                }
            }
        }
    }

    private static List<Part> parse(byte[] body, String contentType) {
        String boundary = contentType.replaceAll(".*boundary=\"?([^\";]+)\"?.*", "$1");
        byte[] delimiter = ("--" + boundary).getBytes(StandardCharsets.ISO_8859_1);
        List<Part> parts = new ArrayList<>();
        int start = indexOf(body, delimiter, 0);
        while (start >= 0) {
            int headerStart = start + delimiter.length + 2;
            if (headerStart > body.length || body[start + delimiter.length] == '-') {
                break;
            }
            int headerEnd = indexOf(body, "\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1), headerStart);
            int next = indexOf(body, ("\r\n--" + boundary).getBytes(StandardCharsets.ISO_8859_1), headerEnd);
            String headers = new String(body, headerStart, headerEnd - headerStart, StandardCharsets.UTF_8);
            byte[] content = java.util.Arrays.copyOfRange(body, headerEnd + 4, next);
            String name = headers.replaceAll("(?s).*\\bname=\"([^\"]*)\".*", "$1");
            if (headers.contains("filename=")) {
                String fileName = headers.replaceAll("(?s).*filename=\"([^\"]*)\".*", "$1");
                String partType = headers.matches("(?is).*content-type:.*")
                        ? headers.replaceAll("(?is).*content-type:\\s*([^\\r\\n]+).*", "$1")
                        : "";
                parts.add(new Part(name, fileName + "|" + partType + "|" + content.length + "|" + sha256(content)));
            } else {
                parts.add(new Part(name, new String(content, StandardCharsets.UTF_8)));
            }
            start = next + 2;
        }
        return parts;
    }

    private static int indexOf(byte[] data, byte[] pattern, int from) {
        outer:
        for (int i = from; i <= data.length - pattern.length; i++) {
            for (int j = 0; j < pattern.length; j++) {
                if (data[i + j] != pattern[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    private static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
