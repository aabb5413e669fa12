package dev.distribution.http;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A TCP server on 127.0.0.1 that handles each accepted connection with the next queued {@link
 * ConnectionHandler}, for responses the JDK HTTP server cannot send: a custom reason phrase, a reset,
 * silence, or a proxy.
 */
final class RawServer implements AutoCloseable {

    /** Handles one accepted connection. */
    @FunctionalInterface
    interface ConnectionHandler {
        void handle(Socket socket) throws IOException;
    }

    private final ServerSocket serverSocket;
    private final ConcurrentLinkedQueue<ConnectionHandler> handlers = new ConcurrentLinkedQueue<>();
    private final ConnectionHandler fallback;
    private final List<Socket> sockets = Collections.synchronizedList(new ArrayList<>());
    private final AtomicInteger connections = new AtomicInteger();
    private final Thread acceptor;

    RawServer(ConnectionHandler fallback) throws IOException {
        this.fallback = fallback;
        this.serverSocket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        this.acceptor = new Thread(this::acceptLoop, "raw-server-" + serverSocket.getLocalPort());
        acceptor.setDaemon(true);
        acceptor.start();
    }

    RawServer then(ConnectionHandler handler) {
        handlers.add(handler);
        return this;
    }

    int port() {
        return serverSocket.getLocalPort();
    }

    URI url(String path) {
        return URI.create("http://127.0.0.1:" + port() + path);
    }

    /** Returns the number of connections accepted so far. */
    int connections() {
        return connections.get();
    }

    private void acceptLoop() {
        while (!serverSocket.isClosed()) {
            try {
                Socket socket = serverSocket.accept();
                socket.setTcpNoDelay(true);
                sockets.add(socket);
                connections.incrementAndGet();
                ConnectionHandler handler = handlers.poll();
                ConnectionHandler chosen = handler == null ? fallback : handler;
                Thread worker = new Thread(() -> {
                    try (socket) {
                        chosen.handle(socket);
                    } catch (IOException e) {
                        // The client went away; nothing to do in a test server.
                    }
                });
                worker.setDaemon(true);
                worker.start();
            } catch (IOException e) {
                return;
            }
        }
    }

    /** Reads a request head up to the empty line; returns its lines. */
    static List<String> readHead(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        List<String> lines = new ArrayList<>();
        int previous = -1;
        int b;
        while ((b = in.read()) >= 0) {
            if (previous == '\r' && b == '\n') {
                byte[] bytes = line.toByteArray();
                String text = new String(bytes, 0, bytes.length - 1, StandardCharsets.ISO_8859_1);
                if (text.isEmpty()) {
                    return lines;
                }
                lines.add(text);
                line.reset();
            } else {
                line.write(b);
            }
            previous = b;
        }
        return lines;
    }

    /** Returns the value of header {@code name} in {@code head}, or null. */
    static String header(List<String> head, String name) {
        for (String line : head.subList(Math.min(1, head.size()), head.size())) {
            int colon = line.indexOf(':');
            if (colon > 0 && line.substring(0, colon).trim().equalsIgnoreCase(name)) {
                return line.substring(colon + 1).trim();
            }
        }
        return null;
    }

    /** Skips the request body announced by {@code Content-Length}. */
    static void skipBody(InputStream in, List<String> head) throws IOException {
        String length = header(head, "Content-Length");
        if (length != null) {
            in.readNBytes(Integer.parseInt(length));
        }
    }

    /** Writes a complete response, status line, headers and body, in one write. */
    static void respond(OutputStream out, String statusLine, String extraHeaders, String body) throws IOException {
        byte[] bodyBytes = body.getBytes(StandardCharsets.UTF_8);
        String head =
                "HTTP/1.1 " + statusLine + "\r\n" + extraHeaders + "Content-Length: " + bodyBytes.length + "\r\n\r\n";
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        all.writeBytes(head.getBytes(StandardCharsets.ISO_8859_1));
        all.writeBytes(bodyBytes);
        out.write(all.toByteArray());
        out.flush();
    }

    /** A handler that reads one request and closes the connection with a TCP reset. */
    static ConnectionHandler reset() {
        return socket -> {
            readHead(socket.getInputStream());
            socket.setSoLinger(true, 0);
        };
    }

    /** A handler that reads requests and responds to each with {@code statusLine} and {@code body}. */
    static ConnectionHandler answer(String statusLine, String headers, String body) {
        return socket -> {
            InputStream in = socket.getInputStream();
            while (true) {
                List<String> head = readHead(in);
                if (head.isEmpty()) {
                    return;
                }
                skipBody(in, head);
                respond(socket.getOutputStream(), statusLine, headers, body);
            }
        };
    }

    /** A handler that reads the request and never responds, until the client gives up. */
    static ConnectionHandler silent() {
        return socket -> {
            InputStream in = socket.getInputStream();
            readHead(in);
            while (in.read() >= 0) {
                // Waits for the client to close.
            }
        };
    }

    @Override
    public void close() throws IOException {
        serverSocket.close();
        synchronized (sockets) {
            for (Socket socket : sockets) {
                socket.close();
            }
        }
    }
}
