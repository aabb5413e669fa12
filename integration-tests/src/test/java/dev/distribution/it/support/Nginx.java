package dev.distribution.it.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A real nginx, started as a child process, serving one store folder twice: anonymous GET on the
 * read port, and WebDAV PUT, DELETE, MKCOL, COPY and MOVE behind Basic authentication on the put
 * port. Both ports are picked at run time and bound to 127.0.0.1 only.
 *
 * <p>{@link #close()} stops the master process by its id, so use it in try-with-resources or an
 * {@code @AfterEach}/{@code @AfterAll} method. A shutdown hook stops it as well if the test JVM
 * exits without closing it. Instances are safe to read from several threads.
 */
public final class Nginx implements AutoCloseable {
    private static final Duration START_TIMEOUT = Duration.ofSeconds(10);
    private static final int START_ATTEMPTS = 5;

    private final Path directory;
    private final int readPort;
    private final int putPort;
    private final Process process;
    private final Thread shutdownHook;

    private Nginx(Path directory, int readPort, int putPort, Process process) {
        this.directory = directory;
        this.readPort = readPort;
        this.putPort = putPort;
        this.process = process;
        this.shutdownHook = new Thread(() -> Processes.stop(process), "nginx-stop-" + process.pid());
        Runtime.getRuntime().addShutdownHook(shutdownHook);
    }

    /**
     * Writes the configuration and the htpasswd file under {@code directory}, starts nginx and
     * waits until both ports accept connections.
     *
     * @param directory an empty folder that nginx owns: its prefix, logs, temp files and the store,
     *     such as one from {@link ItEnvironment#freshFolder}
     * @param user the user allowed to write through the put port
     * @param password that user's password
     * @throws IllegalStateException when nginx does not start; the message carries its error log
     */
    public static Nginx start(Path directory, String user, String password) throws IOException {
        Path root = directory.toAbsolutePath();
        for (String sub : List.of("logs", "tmp", "store")) {
            Files.createDirectories(root.resolve(sub));
        }
        writeHtpasswd(root, user, password);
        String lastError = "";
        // A port from Ports.free() may be taken before nginx binds it, so a failed bind is retried
        // with new ports.
        for (int attempt = 1; attempt <= START_ATTEMPTS; attempt++) {
            int readPort = Ports.free();
            int putPort = Ports.free();
            Files.writeString(root.resolve("nginx.conf"), config(root, readPort, putPort));
            Files.deleteIfExists(root.resolve("logs/error.log"));
            Files.deleteIfExists(root.resolve("nginx.pid"));
            Process process = new ProcessBuilder(
                            nginxBinary(),
                            "-e",
                            root.resolve("logs/error.log").toString(),
                            "-p",
                            root.toString(),
                            "-c",
                            root.resolve("nginx.conf").toString())
                    .directory(root.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(root.resolve("logs/stdout.log").toFile())
                    .start();
            if (awaitStart(process, root.resolve("nginx.pid"), readPort, putPort)) {
                return new Nginx(root, readPort, putPort, process);
            }
            Processes.stop(process);
            lastError = readIfExists(root.resolve("logs/error.log")) + readIfExists(root.resolve("logs/stdout.log"));
            if (!lastError.contains("Address already in use")) {
                break;
            }
        }
        throw new IllegalStateException("nginx did not start in " + root + ":\n" + lastError);
    }

    /** Returns the anonymous-read base URL, ending in a slash: {@code http://127.0.0.1:PORT/}. */
    public String readUrl() {
        return "http://127.0.0.1:" + readPort + "/";
    }

    /** Returns the authenticated-write base URL, ending in a slash. */
    public String putUrl() {
        return "http://127.0.0.1:" + putPort + "/";
    }

    /** Returns the port of the anonymous-read server. */
    public int readPort() {
        return readPort;
    }

    /** Returns the port of the authenticated-write server. */
    public int putPort() {
        return putPort;
    }

    /** Returns the folder both servers serve; a URL path {@code /a/b} is the file {@code a/b} here. */
    public Path storeDir() {
        return directory.resolve("store");
    }

    /** Returns the access log, one line per request in the format parsed by {@link #requests()}. */
    public Path accessLog() {
        return directory.resolve("logs/access.log");
    }

    /** Returns the text of nginx's error log, for failure messages. */
    public String errorLog() {
        return readIfExists(directory.resolve("logs/error.log"));
    }

    /** Returns the process id of the nginx master. */
    public long pid() {
        return process.pid();
    }

    /**
     * Returns every request nginx has logged so far on either port, oldest first. nginx writes
     * each line when the response is complete, without buffering.
     */
    public List<Request> requests() {
        List<Request> requests = new ArrayList<>();
        for (String line : readIfExists(accessLog()).split("\n")) {
            if (!line.isBlank()) {
                requests.add(Request.parse(line));
            }
        }
        return requests;
    }

    /** Returns the logged requests with this method (upper case, such as {@code PUT}). */
    public List<Request> requests(String method) {
        return requests().stream().filter(r -> r.method().equals(method)).toList();
    }

    /** Stops nginx by its process id and waits for it to end; closing twice does nothing. */
    @Override
    public void close() {
        Processes.stop(process);
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException e) {
            // The JVM is already shutting down and runs the hook itself.
        }
    }

    /**
     * One access-log line.
     *
     * @param port the server port that received the request
     * @param method the HTTP method
     * @param uri the request URI as sent, with its query
     * @param status the response status
     * @param requestLength bytes received: request line, headers and body
     * @param user the authenticated user, or {@code -}
     */
    public record Request(int port, String method, String uri, int status, long requestLength, String user) {
        static Request parse(String line) {
            String[] fields = line.split(" ");
            if (fields.length != 6) {
                throw new IllegalStateException("Unexpected access log line: " + line);
            }
            return new Request(
                    Integer.parseInt(fields[0]),
                    fields[1],
                    fields[2],
                    Integer.parseInt(fields[3]),
                    Long.parseLong(fields[4]),
                    fields[5]);
        }
    }

    private static String config(Path root, int readPort, int putPort) {
        String store = root.resolve("store").toString();
        String tmp = root.resolve("tmp").toString();
        // "user root" lets the workers write the store when the tests run as root. Any other user
        // owns the store already, and nginx would only warn about the directive.
        String userLine = isRoot() ? "user root;\n" : "";
        return userLine
                + "worker_processes 1;\n"
                + "daemon off;\n"
                + "pid " + root.resolve("nginx.pid") + ";\n"
                + "error_log " + root.resolve("logs/error.log") + " info;\n"
                + "events { worker_connections 256; }\n"
                + "http {\n"
                + "  log_format it '$server_port $request_method $request_uri $status $request_length $remote_user';\n"
                + "  access_log " + root.resolve("logs/access.log") + " it;\n"
                + "  client_body_temp_path " + tmp + "/body;\n"
                + "  proxy_temp_path " + tmp + "/proxy;\n"
                + "  fastcgi_temp_path " + tmp + "/fastcgi;\n"
                + "  uwsgi_temp_path " + tmp + "/uwsgi;\n"
                + "  scgi_temp_path " + tmp + "/scgi;\n"
                + "  default_type application/octet-stream;\n"
                + "  server {\n"
                + "    listen 127.0.0.1:" + readPort + ";\n"
                + "    location / { root " + store + "; autoindex on; }\n"
                + "  }\n"
                + "  server {\n"
                + "    listen 127.0.0.1:" + putPort + ";\n"
                // The default limit of 1m rejects bigger uploads with 413.
                + "    client_max_body_size 0;\n"
                + "    location / {\n"
                + "      root " + store + ";\n"
                + "      dav_methods PUT DELETE MKCOL COPY MOVE;\n"
                + "      create_full_put_path on;\n"
                + "      dav_access user:rw group:r all:r;\n"
                + "      autoindex on;\n"
                + "      auth_basic \"upload\";\n"
                + "      auth_basic_user_file " + root.resolve("htpasswd") + ";\n"
                + "    }\n"
                + "  }\n"
                + "}\n";
    }

    private static void writeHtpasswd(Path root, String user, String password) throws IOException {
        // htpasswd -m writes an Apache MD5 ($apr1$) entry, which nginx checks natively.
        Processes.Result result =
                Processes.run(List.of("htpasswd", "-b", "-n", "-m", user, password), root, Duration.ofSeconds(30));
        if (result.exitCode() != 0) {
            throw new IllegalStateException(
                    "htpasswd failed with exit code " + result.exitCode() + ": " + result.output());
        }
        Files.writeString(root.resolve("htpasswd"), result.output().strip() + "\n");
    }

    private static boolean awaitStart(Process process, Path pidFile, int readPort, int putPort) {
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                return false;
            }
            // nginx writes its pid file only after it has bound every listen socket, so a port
            // that accepts before then may belong to another process.
            if (hasPid(pidFile, process.pid()) && accepts(readPort) && accepts(putPort)) {
                return true;
            }
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return false;
    }

    private static boolean hasPid(Path pidFile, long pid) {
        try {
            return Files.exists(pidFile) && Files.readString(pidFile).strip().equals(Long.toString(pid));
        } catch (IOException e) {
            return false;
        }
    }

    private static boolean accepts(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(Ports.loopback(), port), 200);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static String nginxBinary() {
        // /usr/sbin is not on every user's PATH.
        Path debian = Path.of("/usr/sbin/nginx");
        return Files.isExecutable(debian) ? debian.toString() : "nginx";
    }

    private static boolean isRoot() {
        return "root".equals(System.getProperty("user.name").toLowerCase(Locale.ROOT));
    }

    private static String readIfExists(Path file) {
        try {
            return Files.exists(file) ? new String(Files.readAllBytes(file), StandardCharsets.UTF_8) : "";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
