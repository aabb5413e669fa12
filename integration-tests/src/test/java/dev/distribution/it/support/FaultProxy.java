package dev.distribution.it.support;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A TCP proxy on 127.0.0.1 and a run-time port, in front of a real server on another loopback
 * port, that injects one kind of network fault: latency, a connection reset after some bytes, a
 * throttled transfer, a connection that never responds or closes at once, or an HTTP error status
 * for the first requests.
 *
 * <p>It needs no privileges and leaves the machine's loopback interface alone. All threads are
 * daemons, and {@link #close()} stops them and closes every socket. Counters may be read from any
 * thread.
 */
public final class FaultProxy implements AutoCloseable {
    private static final int BUFFER_SIZE = 16 * 1024;
    private static final int MAX_REQUEST_HEAD = 64 * 1024;

    private final int targetPort;
    private final Fault fault;
    private final ServerSocket listener;
    private final ExecutorService threads;
    private final Set<Socket> sockets = ConcurrentHashMap.newKeySet();
    private final AtomicInteger connections = new AtomicInteger();
    private final AtomicInteger httpRequests = new AtomicInteger();
    private final AtomicInteger faults = new AtomicInteger();
    private final AtomicInteger resets = new AtomicInteger();
    private volatile boolean closed;

    private FaultProxy(int targetPort, Fault fault, ServerSocket listener) {
        this.targetPort = targetPort;
        this.fault = fault;
        this.listener = listener;
        this.threads = Executors.newCachedThreadPool(runnable -> {
            Thread thread = new Thread(runnable, "fault-proxy-" + listener.getLocalPort());
            thread.setDaemon(true);
            return thread;
        });
        threads.execute(this::acceptLoop);
    }

    /**
     * Starts a proxy on 127.0.0.1 and a free port that forwards to {@code 127.0.0.1:targetPort}
     * with the given fault.
     */
    public static FaultProxy start(int targetPort, Fault fault) throws IOException {
        Objects.requireNonNull(fault, "fault");
        ServerSocket listener = new ServerSocket();
        listener.bind(new InetSocketAddress(Ports.loopback(), 0), 50);
        return new FaultProxy(targetPort, fault, listener);
    }

    /** Returns the port the proxy listens on. */
    public int port() {
        return listener.getLocalPort();
    }

    /** Returns the proxy's base URL, ending in a slash: {@code http://127.0.0.1:PORT/}. */
    public String url() {
        return "http://127.0.0.1:" + port() + "/";
    }

    /** Returns the number of connections accepted so far. */
    public int connections() {
        return connections.get();
    }

    /**
     * Returns how many times the fault was applied: one per faulty connection, or one per request
     * that got an error status in the HTTP mode.
     */
    public int faults() {
        return faults.get();
    }

    /** Stops accepting, closes every open connection and stops the threads; closing twice does nothing. */
    @Override
    public void close() {
        closed = true;
        closeQuietly(listener);
        sockets.forEach(FaultProxy::closeQuietly);
        threads.shutdownNow();
        try {
            threads.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Forwards both ways unchanged. */
    public static Fault pass() {
        return new Pass();
    }

    /** Delays every forwarded chunk, in both directions, by {@code delay}. */
    public static Fault latency(Duration delay) {
        return new Latency(delay);
    }

    /**
     * Forwards {@code bytes} bytes, counted over both directions of a connection, then aborts the
     * connection with a TCP RST to both the client and the server. Every connection is cut this
     * way.
     */
    public static Fault resetAfter(long bytes) {
        return new ResetAfter(bytes, Integer.MAX_VALUE);
    }

    /**
     * Cuts connections as {@link #resetAfter(long)} does, but only the first {@code times} that
     * reach {@code bytes}; later connections pass unchanged. Unlike {@link #firstConnections}, it
     * does not matter how many short connections, such as existence checks, come before the long
     * upload that gets cut.
     */
    public static Fault resetAfter(long bytes, int times) {
        return new ResetAfter(bytes, times);
    }

    /** Throttles each direction of a connection to about {@code bytesPerSecond}. */
    public static Fault slow(long bytesPerSecond) {
        if (bytesPerSecond <= 0) {
            throw new IllegalArgumentException("bytesPerSecond must be positive: " + bytesPerSecond);
        }
        return new Slow(bytesPerSecond);
    }

    /** Accepts each connection but never responds and never connects to the server. */
    public static Fault blackhole() {
        return new Blackhole();
    }

    /** Accepts each connection and closes it at once, before any byte is exchanged. */
    public static Fault closeAtOnce() {
        return new CloseAtOnce();
    }

    /**
     * Applies {@code fault} to the first {@code count} connections and forwards every later one
     * unchanged, so that a client that retries ends in success.
     */
    public static Fault firstConnections(int count, Fault fault) {
        if (fault instanceof FirstConnections || fault instanceof HttpStatus) {
            throw new IllegalArgumentException("firstConnections takes a connection-level fault: " + fault);
        }
        return new FirstConnections(count, fault);
    }

    /**
     * Answers the first {@code count} HTTP requests with {@code status}, the given headers, an
     * empty body and {@code Connection: close}, and forwards every later request unchanged. A
     * request body is read and discarded before the answer, unless the client sent {@code Expect:
     * 100-continue} and waits for it.
     *
     * <p>Requests are counted until the first one is forwarded; after that the proxy does not
     * parse the connection any more, so further requests on that keep-alive connection pass
     * uncounted.
     */
    public static Fault httpStatus(int count, int status, Map<String, String> headers) {
        return new HttpStatus(count, status, new LinkedHashMap<>(headers));
    }

    /** Answers the first {@code count} HTTP requests with 503 and {@code Retry-After: 1}. */
    public static Fault unavailable(int count) {
        return httpStatus(count, 503, Map.of("Retry-After", "1"));
    }

    /** A fault the proxy injects; create one with the static methods of {@link FaultProxy}. */
    public sealed interface Fault
            permits Pass, Latency, ResetAfter, Slow, Blackhole, CloseAtOnce, FirstConnections, HttpStatus {}

    record Pass() implements Fault {}

    record Latency(Duration delay) implements Fault {}

    record ResetAfter(long bytes, int times) implements Fault {}

    record Slow(long bytesPerSecond) implements Fault {}

    record Blackhole() implements Fault {}

    record CloseAtOnce() implements Fault {}

    record FirstConnections(int count, Fault fault) implements Fault {}

    record HttpStatus(int count, int status, Map<String, String> headers) implements Fault {}

    private void acceptLoop() {
        while (!closed) {
            Socket client;
            try {
                client = listener.accept();
            } catch (IOException e) {
                // The listener was closed by close(), or the accept failed for good.
                return;
            }
            sockets.add(client);
            int index = connections.getAndIncrement();
            threads.execute(() -> handle(client, index));
        }
    }

    private void handle(Socket client, int index) {
        Fault effective = fault;
        if (effective instanceof FirstConnections first) {
            effective = index < first.count() ? first.fault() : new Pass();
        }
        try {
            client.setTcpNoDelay(true);
            if (effective instanceof CloseAtOnce) {
                faults.incrementAndGet();
                client.close();
            } else if (effective instanceof Blackhole) {
                faults.incrementAndGet();
                discard(client.getInputStream());
            } else if (effective instanceof HttpStatus status) {
                handleHttp(client, status);
            } else {
                // A reset is counted when it happens, because a connection may end before it.
                if (!(effective instanceof Pass) && !(effective instanceof ResetAfter)) {
                    faults.incrementAndGet();
                }
                pipe(client, client.getInputStream(), new byte[0], effective);
            }
        } catch (IOException e) {
            // The client or server closed the connection, which is the effect the test checks on its side.
        } finally {
            closeQuietly(client);
            sockets.remove(client);
        }
    }

    private void handleHttp(Socket client, HttpStatus status) throws IOException {
        InputStream in = new BufferedInputStream(client.getInputStream(), BUFFER_SIZE);
        byte[] head = readHead(in);
        if (head == null) {
            return;
        }
        if (httpRequests.getAndIncrement() >= status.count()) {
            pipe(client, in, head, new Pass());
            return;
        }

        faults.incrementAndGet();
        Map<String, String> headers = parseHeaders(head);
        if (!"100-continue".equalsIgnoreCase(headers.getOrDefault("expect", ""))) {
            discardBody(in, headers);
        }
        StringBuilder response = new StringBuilder()
                .append("HTTP/1.1 ")
                .append(status.status())
                .append(' ')
                .append(reason(status.status()))
                .append("\r\n");
        status.headers()
                .forEach((name, value) ->
                        response.append(name).append(": ").append(value).append("\r\n"));
        response.append("Content-Length: 0\r\nConnection: close\r\n\r\n");

        OutputStream out = client.getOutputStream();
        // One write, so Nagle's algorithm cannot hold back a second small segment.
        out.write(response.toString().getBytes(StandardCharsets.ISO_8859_1));
        out.flush();
        client.shutdownOutput();

        // Closing with unread input makes the kernel send an RST, which can destroy the response
        // before the client reads it. So read what the client still sends until it closes.
        client.setSoTimeout(2000);
        try {
            discard(in);
        } catch (SocketTimeoutException e) {
            // The client keeps the connection open; close it anyway.
        }
    }

    private void pipe(Socket client, InputStream clientIn, byte[] alreadyRead, Fault fault) throws IOException {
        Socket server = new Socket();
        sockets.add(server);
        try {
            server.setTcpNoDelay(true);
            server.connect(new InetSocketAddress(Ports.loopback(), targetPort), 5000);
            Connection connection = new Connection(client, server, fault);
            server.getOutputStream().write(alreadyRead);
            connection.forwarded.addAndGet(alreadyRead.length);
            InputStream serverIn = server.getInputStream();
            threads.execute(() -> connection.copy(serverIn, client));
            connection.copy(clientIn, server);
            connection.awaitOtherDirection();
        } finally {
            closeQuietly(server);
            sockets.remove(server);
        }
    }

    /** The two sockets of one proxied connection and the state both copy directions share. */
    private final class Connection {
        private final Socket client;
        private final Socket server;
        private final Fault fault;
        private final AtomicLong forwarded = new AtomicLong();
        private final AtomicInteger finishedDirections = new AtomicInteger();
        private volatile boolean resetDeclined;

        Connection(Socket client, Socket server, Fault fault) {
            this.client = client;
            this.server = server;
            this.fault = fault;
        }

        void copy(InputStream from, Socket to) {
            byte[] buffer = new byte[chunkSize()];
            try {
                OutputStream out = to.getOutputStream();
                int read;
                while ((read = from.read(buffer)) != -1) {
                    if (fault instanceof Latency latency) {
                        Thread.sleep(latency.delay().toMillis());
                    }
                    if (fault instanceof ResetAfter reset && !resetDeclined) {
                        long before = forwarded.getAndAdd(read);
                        long allowed = reset.bytes() - before;
                        if (allowed < read) {
                            if (resets.getAndIncrement() < reset.times()) {
                                faults.incrementAndGet();
                                out.write(buffer, 0, (int) Math.max(0, allowed));
                                out.flush();
                                abort();
                                return;
                            }
                            // Enough connections were cut; this one passes unchanged.
                            resetDeclined = true;
                        }
                    }
                    out.write(buffer, 0, read);
                    if (fault instanceof Slow slow) {
                        Thread.sleep(read * 1000L / slow.bytesPerSecond());
                    }
                }
                // Pass the end of this direction on, so HTTP clients and servers that half-close
                // behave as they would without the proxy.
                to.shutdownOutput();
            } catch (IOException e) {
                // One side reset or closed the connection, so close both and let the other side notice.
                closeQuietly(client);
                closeQuietly(server);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                closeQuietly(client);
                closeQuietly(server);
            } finally {
                synchronized (this) {
                    finishedDirections.incrementAndGet();
                    notifyAll();
                }
            }
        }

        synchronized void awaitOtherDirection() {
            while (finishedDirections.get() < 2 && !closed) {
                try {
                    wait(1000);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }

        private int chunkSize() {
            if (fault instanceof Slow slow) {
                // About ten writes a second keep the rate even for small transfers.
                return (int) Math.max(1, Math.min(BUFFER_SIZE, slow.bytesPerSecond() / 10));
            }
            return BUFFER_SIZE;
        }

        private void abort() {
            reset(client);
            reset(server);
        }
    }

    /** Closes a socket with SO_LINGER 0, which makes the kernel send an RST instead of a FIN. */
    private static void reset(Socket socket) {
        try {
            socket.setSoLinger(true, 0);
        } catch (SocketException e) {
            // Already closed.
        }
        closeQuietly(socket);
    }

    private static byte[] readHead(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int matched = 0;
        byte[] end = {'\r', '\n', '\r', '\n'};
        while (matched < end.length) {
            int b = in.read();
            if (b == -1) {
                return null;
            }
            head.write(b);
            matched = b == end[matched] ? matched + 1 : (b == '\r' ? 1 : 0);
            if (head.size() > MAX_REQUEST_HEAD) {
                throw new IOException("Request head longer than " + MAX_REQUEST_HEAD + " bytes");
            }
        }
        return head.toByteArray();
    }

    /** Returns the request headers with lower-case names; the request line is skipped. */
    private static Map<String, String> parseHeaders(byte[] head) {
        Map<String, String> headers = new LinkedHashMap<>();
        String[] lines = new String(head, StandardCharsets.ISO_8859_1).split("\r\n");
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            if (colon > 0) {
                headers.put(
                        lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT),
                        lines[i].substring(colon + 1).trim());
            }
        }
        return headers;
    }

    private static void discardBody(InputStream in, Map<String, String> headers) throws IOException {
        if (headers.getOrDefault("transfer-encoding", "")
                .toLowerCase(Locale.ROOT)
                .contains("chunked")) {
            discardChunked(in);
        } else if (headers.containsKey("content-length")) {
            long remaining = Long.parseLong(headers.get("content-length"));
            in.skipNBytes(remaining);
        }
    }

    private static void discardChunked(InputStream in) throws IOException {
        while (true) {
            String sizeLine = readLine(in);
            int extension = sizeLine.indexOf(';');
            long size = Long.parseLong((extension >= 0 ? sizeLine.substring(0, extension) : sizeLine).trim(), 16);
            if (size == 0) {
                // Trailer fields, if any, end with an empty line.
                while (!readLine(in).isEmpty()) {
                    // skip one trailer field
                }
                return;
            }
            in.skipNBytes(size);
            readLine(in);
        }
    }

    private static String readLine(InputStream in) throws IOException {
        StringBuilder line = new StringBuilder();
        int b;
        while ((b = in.read()) != -1 && b != '\n') {
            if (b != '\r') {
                line.append((char) b);
            }
        }
        if (b == -1) {
            throw new IOException("Connection closed inside a chunked body");
        }
        return line.toString();
    }

    private static void discard(InputStream in) throws IOException {
        byte[] buffer = new byte[BUFFER_SIZE];
        while (in.read(buffer) != -1) {
            // drop the bytes
        }
    }

    private static String reason(int status) {
        return switch (status) {
            case 400 -> "Bad Request";
            case 401 -> "Unauthorized";
            case 403 -> "Forbidden";
            case 404 -> "Not Found";
            case 408 -> "Request Timeout";
            case 429 -> "Too Many Requests";
            case 500 -> "Internal Server Error";
            case 502 -> "Bad Gateway";
            case 503 -> "Service Unavailable";
            case 504 -> "Gateway Timeout";
            default -> "Status " + status;
        };
    }

    private static void closeQuietly(AutoCloseable closeable) {
        try {
            closeable.close();
        } catch (Exception e) {
            // Closing is best effort; the socket may already be gone.
        }
    }
}
