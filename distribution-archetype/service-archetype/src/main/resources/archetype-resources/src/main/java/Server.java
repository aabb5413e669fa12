package ${package};

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Executors;

/**
 * The ${artifactId} HTTP service: {@code GET /} returns a greeting, {@code GET /health} returns
 * {@code ok} for liveness and readiness probes. Listens on the port in the environment variable
 * {@code PORT}, default ${port}.
 */
public final class Server {
    private final HttpServer http;

    private Server(HttpServer http) {
        this.http = http;
    }

    /** Starts the service on one address; port 0 picks a free port. */
    public static Server start(InetSocketAddress address) throws IOException {
        HttpServer http = HttpServer.create(address, 0);
        http.createContext("/health", exchange -> respond(exchange, 200, "ok\n"));
        http.createContext("/", exchange -> {
            int status = exchange.getRequestURI().getPath().equals("/") ? 200 : 404;
            respond(exchange, status, status == 200 ? "Hello from ${artifactId}!\n" : "Not found\n");
        });
        http.setExecutor(Executors.newFixedThreadPool(8));
        http.start();
        return new Server(http);
    }

    /** Returns the port the service listens on. */
    public int port() {
        return http.getAddress().getPort();
    }

    /** Stops accepting requests and waits up to one second for those in progress. */
    public void stop() {
        http.stop(1);
        ((java.util.concurrent.ExecutorService) http.getExecutor()).shutdown();
    }

    private static void respond(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "text/plain; charset=utf-8");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    public static void main(String[] args) throws IOException {
        int port = Integer.parseInt(System.getenv().getOrDefault("PORT", "${port}"));
        // All interfaces, because in a container the traffic arrives on the pod's address.
        Server server = start(new InetSocketAddress(port));
        // A container runtime stops the service with SIGTERM, which runs shutdown hooks.
        Runtime.getRuntime().addShutdownHook(new Thread(server::stop));
        System.out.println("${artifactId} listening on port " + server.port());
    }
}
