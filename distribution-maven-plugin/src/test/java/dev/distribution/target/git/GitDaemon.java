package dev.distribution.target.git;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A {@code git daemon} serving a folder on 127.0.0.1 at a free port, with push enabled. Stopped by
 * its own process handle on close.
 */
final class GitDaemon implements AutoCloseable {
    private final Process process;
    private final int port;

    private GitDaemon(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    /** Starts the daemon and waits until it accepts connections. */
    static GitDaemon serve(Path base) throws IOException, InterruptedException {
        int port;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = socket.getLocalPort();
        }
        Process process = new ProcessBuilder(List.of(
                        "git",
                        "daemon",
                        "--base-path=" + base,
                        "--export-all",
                        "--enable=receive-pack",
                        "--listen=127.0.0.1",
                        "--port=" + port,
                        "--reuseaddr",
                        base.toString()))
                .redirectErrorStream(true)
                .redirectOutput(base.resolveSibling("git-daemon.log").toFile())
                .start();
        GitDaemon daemon = new GitDaemon(process, port);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (System.nanoTime() < deadline) {
            try (Socket ignored = new Socket(InetAddress.getLoopbackAddress(), port)) {
                return daemon;
            } catch (IOException notYet) {
                if (!process.isAlive()) {
                    throw new IOException("git daemon exited with " + process.exitValue());
                }
                Thread.sleep(50);
            }
        }
        daemon.close();
        throw new IOException("git daemon did not listen on port " + port);
    }

    /** The URL of a repository below the base folder. */
    String url(String repository) {
        return "git://127.0.0.1:" + port + "/" + repository;
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }
}
