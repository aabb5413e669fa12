package dev.distribution.http;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A forward proxy for tests. It responds to plain-HTTP requests itself with {@code 200 via proxy}, and
 * tunnels {@code CONNECT} to a port on 127.0.0.1. It records each request line with its
 * {@code Proxy-Authorization} value, and responds with 407 when that value is not the expected one.
 */
final class TestProxy implements AutoCloseable {
    /** One request the proxy received. */
    record Seen(String requestLine, String proxyAuthorization) {}

    final List<Seen> seen = Collections.synchronizedList(new ArrayList<>());
    private final String expectedAuthorization;
    private final RawServer server;

    TestProxy(String expectedAuthorization) throws IOException {
        this.expectedAuthorization = expectedAuthorization;
        this.server = new RawServer(this::handle);
    }

    int port() {
        return server.port();
    }

    private void handle(Socket socket) throws IOException {
        InputStream in = socket.getInputStream();
        OutputStream out = socket.getOutputStream();
        while (true) {
            List<String> head = RawServer.readHead(in);
            if (head.isEmpty()) {
                return;
            }
            String authorization = RawServer.header(head, "Proxy-Authorization");
            seen.add(new Seen(head.get(0), authorization));
            RawServer.skipBody(in, head);
            if (expectedAuthorization != null && !expectedAuthorization.equals(authorization)) {
                RawServer.respond(
                        out, "407 Proxy Authentication Required", "Proxy-Authenticate: Basic realm=\"test\"\r\n", "");
                continue;
            }
            if (head.get(0).startsWith("CONNECT ")) {
                tunnel(socket, head.get(0).split(" ")[1]);
                return;
            }
            RawServer.respond(out, "200 OK", "Content-Type: text/plain\r\n", "via proxy");
        }
    }

    private static void tunnel(Socket client, String authority) throws IOException {
        int port = Integer.parseInt(authority.substring(authority.lastIndexOf(':') + 1));
        // Tunnels only to the loopback address, whatever the request names.
        try (Socket target = new Socket(InetAddress.getLoopbackAddress(), port)) {
            target.setTcpNoDelay(true);
            client.getOutputStream()
                    .write("HTTP/1.1 200 Connection established\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            Thread upstream = new Thread(() -> copy(client, target));
            upstream.setDaemon(true);
            upstream.start();
            copy(target, client);
        }
    }

    private static void copy(Socket from, Socket to) {
        try {
            from.getInputStream().transferTo(to.getOutputStream());
            to.shutdownOutput();
        } catch (IOException e) {
            // One side closed; the other copy ends too.
        }
    }

    @Override
    public void close() throws IOException {
        server.close();
    }
}
