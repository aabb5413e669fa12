package dev.distribution.target.registry;

import java.io.IOException;
import java.net.HttpURLConnection;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * Debian's {@code docker-registry} (distribution 2.8) started on 127.0.0.1 and a free port, with
 * htpasswd Basic authentication for {@link #USER}/{@link #PASSWORD}.
 */
final class DockerRegistry implements AutoCloseable {
    static final String USER = "deployer";
    static final String PASSWORD = "s3cret-Pa55word";

    private final Process process;
    private final int port;

    private DockerRegistry(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    static DockerRegistry start(Path directory) throws IOException, InterruptedException {
        Files.createDirectories(directory);
        Process htpasswd = new ProcessBuilder("htpasswd", "-Bbn", USER, PASSWORD)
                .redirectError(ProcessBuilder.Redirect.DISCARD)
                .start();
        byte[] entry = htpasswd.getInputStream().readAllBytes();
        if (htpasswd.waitFor() != 0) {
            throw new IOException("htpasswd failed");
        }
        Files.write(directory.resolve("htpasswd"), entry);
        int port;
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            port = socket.getLocalPort();
        }
        Files.writeString(
                directory.resolve("config.yml"),
                String.join(
                        "\n",
                        "version: 0.1",
                        "log: {level: warn}",
                        "storage:",
                        "  filesystem: {rootdirectory: " + directory.resolve("data") + "}",
                        "  delete: {enabled: true}",
                        "http:",
                        "  addr: 127.0.0.1:" + port,
                        "  secret: test-secret",
                        "auth:",
                        "  htpasswd: {realm: basic-realm, path: " + directory.resolve("htpasswd") + "}",
                        ""));
        Process process = new ProcessBuilder(
                        "docker-registry",
                        "serve",
                        directory.resolve("config.yml").toString())
                .redirectErrorStream(true)
                .redirectOutput(directory.resolve("registry.log").toFile())
                .start();
        DockerRegistry registry = new DockerRegistry(process, port);
        registry.awaitReady();
        return registry;
    }

    private void awaitReady() throws IOException, InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (System.nanoTime() < deadline) {
            try {
                HttpURLConnection connection =
                        (HttpURLConnection) URI.create(url() + "/v2/").toURL().openConnection();
                if (connection.getResponseCode() == 401) {
                    return;
                }
            } catch (IOException notYet) {
                // The registry is still starting.
            }
            if (!process.isAlive()) {
                throw new IOException("docker-registry exited with " + process.exitValue());
            }
            Thread.sleep(50);
        }
        throw new IOException("docker-registry did not answer on port " + port);
    }

    int port() {
        return port;
    }

    String host() {
        return "127.0.0.1:" + port;
    }

    String url() {
        return "http://" + host();
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }
}
