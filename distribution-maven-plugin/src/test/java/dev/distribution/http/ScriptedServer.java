package dev.distribution.http;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import javax.net.ssl.SSLContext;

/**
 * An in-process HTTP server on 127.0.0.1 and a port picked by the system, sending queued
 * responses and recording every request.
 */
final class ScriptedServer implements AutoCloseable {
    static {
        // Without TCP_NODELAY, the JDK server's separate header and body writes stall each
        // response by about 40 ms (Nagle against delayed ACK).
        System.setProperty("sun.net.httpserver.nodelay", "true");
    }

    /** A response to send. */
    record Reply(int status, Map<String, String> headers, byte[] body) {
        static Reply of(int status) {
            return new Reply(status, Map.of(), new byte[0]);
        }

        static Reply of(int status, String body) {
            return new Reply(
                    status, Map.of("Content-Type", "text/plain; charset=UTF-8"), body.getBytes(StandardCharsets.UTF_8));
        }

        static Reply withHeader(int status, String name, String value) {
            return new Reply(status, Map.of(name, value), new byte[0]);
        }
    }

    /** A request as received. */
    record Received(String method, URI uri, com.sun.net.httpserver.Headers headers, byte[] body) {
        String header(String name) {
            return headers.getFirst(name);
        }
    }

    private final HttpServer server;
    private final ConcurrentLinkedQueue<Reply> replies = new ConcurrentLinkedQueue<>();
    private final List<Received> received = Collections.synchronizedList(new ArrayList<>());

    private ScriptedServer(HttpServer server) {
        this.server = server;
        server.createContext("/", this::handle);
        server.setExecutor(Executors.newCachedThreadPool());
        server.start();
    }

    static ScriptedServer start() throws IOException {
        return new ScriptedServer(HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0));
    }

    static ScriptedServer startTls(SSLContext context) throws IOException {
        HttpsServer server = HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setHttpsConfigurator(new HttpsConfigurator(context));
        return new ScriptedServer(server);
    }

    /** Queues replies, sent in order; once the queue is empty, every request gets 200 with no body. */
    ScriptedServer reply(Reply... next) {
        replies.addAll(List.of(next));
        return this;
    }

    List<Received> received() {
        synchronized (received) {
            return List.copyOf(received);
        }
    }

    int port() {
        return server.getAddress().getPort();
    }

    /** Returns the URL of {@code path} on this server, for example {@code http://127.0.0.1:1234/raw/a}. */
    URI url(String path) {
        String scheme = server instanceof HttpsServer ? "https" : "http";
        return URI.create(scheme + "://127.0.0.1:" + port() + path);
    }

    private void handle(HttpExchange exchange) throws IOException {
        byte[] body;
        try (InputStream in = exchange.getRequestBody()) {
            body = in.readAllBytes();
        }
        received.add(new Received(
                exchange.getRequestMethod(), exchange.getRequestURI(), exchange.getRequestHeaders(), body));
        Reply reply = replies.poll();
        if (reply == null) {
            reply = Reply.of(200);
        }
        reply.headers().forEach((name, value) -> exchange.getResponseHeaders().add(name, value));
        boolean noBody = exchange.getRequestMethod().equals("HEAD") || reply.body().length == 0;
        exchange.sendResponseHeaders(reply.status(), noBody ? -1 : reply.body().length);
        if (!noBody) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(reply.body());
            }
        }
        exchange.close();
    }

    @Override
    public void close() {
        server.stop(0);
        ((java.util.concurrent.ExecutorService) server.getExecutor()).shutdownNow();
    }
}
