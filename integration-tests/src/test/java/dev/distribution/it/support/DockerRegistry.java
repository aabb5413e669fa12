package dev.distribution.it.support;

import java.io.IOException;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * Debian's {@code docker-registry} (distribution 2.8) on 127.0.0.1 and a free port, with htpasswd
 * Basic authentication (bcrypt entries, the only kind it accepts) and storage in the test's folder.
 */
public final class DockerRegistry implements AutoCloseable {
    private static final Duration START_TIMEOUT = Duration.ofSeconds(20);
    private static final int START_ATTEMPTS = 5;

    private final Process process;
    private final int port;
    private final Path directory;

    private DockerRegistry(Process process, int port, Path directory) {
        this.process = process;
        this.port = port;
        this.directory = directory;
    }

    /**
     * Starts a registry that accepts {@code user} with {@code password}, retrying with a new port
     * when another process took the first one.
     */
    public static DockerRegistry start(Path directory, String user, String password) throws IOException {
        Files.createDirectories(directory);
        Processes.Result htpasswd =
                Processes.run(List.of("htpasswd", "-Bbn", user, password), directory, Duration.ofSeconds(30));
        if (htpasswd.exitCode() != 0) {
            throw new IOException("htpasswd failed: " + htpasswd.output());
        }
        Files.writeString(directory.resolve("htpasswd"), htpasswd.output().strip() + "\n");
        for (int attempt = 1; attempt <= START_ATTEMPTS; attempt++) {
            int port = Ports.free();
            Path config = directory.resolve("config.yml");
            Files.writeString(config, config(directory, port));
            Process process = new ProcessBuilder("docker-registry", "serve", config.toString())
                    .redirectErrorStream(true)
                    .redirectOutput(directory.resolve("registry.log").toFile())
                    .start();
            if (awaitStart(process, port)) {
                return new DockerRegistry(process, port, directory);
            }
            Processes.stop(process);
        }
        throw new IOException("docker-registry did not start; see " + directory.resolve("registry.log"));
    }

    /** The registry's URL, {@code http://127.0.0.1:<port>}. */
    public String url() {
        return "http://" + host();
    }

    /** The host and port as image references write them. */
    public String host() {
        return "127.0.0.1:" + port;
    }

    /** The port. */
    public int port() {
        return port;
    }

    /** The registry's log, for assertion messages. */
    public String log() throws IOException {
        return Files.readString(directory.resolve("registry.log"));
    }

    @Override
    public void close() {
        Processes.stop(process);
    }

    private static String config(Path directory, int port) {
        return String.join(
                "\n",
                "version: 0.1",
                "log: {level: info}",
                "storage:",
                "  filesystem: {rootdirectory: " + directory.resolve("data") + "}",
                "  delete: {enabled: true}",
                "http:",
                "  addr: 127.0.0.1:" + port,
                "  secret: integration-test",
                "auth:",
                "  htpasswd: {realm: basic-realm, path: " + directory.resolve("htpasswd") + "}",
                "");
    }

    private static boolean awaitStart(Process process, int port) {
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline && process.isAlive()) {
            try {
                HttpURLConnection connection = (HttpURLConnection)
                        URI.create("http://127.0.0.1:" + port + "/v2/").toURL().openConnection();
                connection.setConnectTimeout(1000);
                if (connection.getResponseCode() == 401) {
                    return true;
                }
            } catch (IOException notYet) {
                // Still starting.
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return false;
    }
}
