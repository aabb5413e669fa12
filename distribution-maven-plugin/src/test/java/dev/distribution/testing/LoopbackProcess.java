package dev.distribution.testing;

import java.io.IOException;
import java.net.HttpURLConnection;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * A server the test starts as a child process on 127.0.0.1 (nginx, docker-registry), stopped by
 * its process id when the test ends, also when the test fails.
 */
public final class LoopbackProcess implements AutoCloseable {
    private final Process process;
    private final Path log;

    private LoopbackProcess(Process process, Path log) {
        this.process = process;
        this.log = log;
    }

    /** Picks a free port on 127.0.0.1; the caller binds it soon after. */
    public static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    /**
     * Starts a command and waits until {@code readyUrl} returns any HTTP status.
     *
     * @param log where the process's output goes
     */
    public static LoopbackProcess start(List<String> command, Path log, String readyUrl) throws IOException {
        Process process = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        LoopbackProcess server = new LoopbackProcess(process, log);
        Instant deadline = Instant.now().plus(Duration.ofSeconds(15));
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IOException(command.get(0) + " exited with " + process.exitValue() + ": "
                        + java.nio.file.Files.readString(log));
            }
            try {
                HttpURLConnection connection =
                        (HttpURLConnection) URI.create(readyUrl).toURL().openConnection();
                connection.setConnectTimeout(200);
                connection.setReadTimeout(500);
                connection.getResponseCode();
                connection.disconnect();
                return server;
            } catch (IOException notYet) {
                try {
                    Thread.sleep(50);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    break;
                }
            }
        }
        server.close();
        throw new IOException(
                command.get(0) + " did not answer at " + readyUrl + ": " + java.nio.file.Files.readString(log));
    }

    /** Returns the output the server wrote so far. */
    public String output() throws IOException {
        return java.nio.file.Files.readString(log);
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(5, java.util.concurrent.TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }
}
