package dev.distribution.target.registry;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A TCP proxy on 127.0.0.1 that forwards to a server and, once, aborts a connection with an RST
 * after the client has sent {@code resetAfter} bytes on it, as a dropped link does in the middle of
 * an upload.
 */
final class ResetProxy implements AutoCloseable {
    private final ServerSocket server;
    private final int targetPort;
    private final long resetAfter;
    private final AtomicBoolean resetDone = new AtomicBoolean();

    ResetProxy(int targetPort, long resetAfter) throws IOException {
        this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        this.targetPort = targetPort;
        this.resetAfter = resetAfter;
        Thread acceptor = new Thread(this::accept, "reset-proxy");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    int port() {
        return server.getLocalPort();
    }

    boolean resetDone() {
        return resetDone.get();
    }

    private void accept() {
        while (!server.isClosed()) {
            try {
                Socket client = server.accept();
                Socket upstream = new Socket();
                upstream.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), targetPort));
                client.setTcpNoDelay(true);
                upstream.setTcpNoDelay(true);
                start(() -> copy(client, upstream, true));
                start(() -> copy(upstream, client, false));
            } catch (IOException closed) {
                return;
            }
        }
    }

    private static void start(Runnable task) {
        Thread thread = new Thread(task, "reset-proxy-copy");
        thread.setDaemon(true);
        thread.start();
    }

    private void copy(Socket from, Socket to, boolean fromClient) {
        byte[] buffer = new byte[16 * 1024];
        long sent = 0;
        try (InputStream in = from.getInputStream()) {
            OutputStream out = to.getOutputStream();
            int read;
            while ((read = in.read(buffer)) != -1) {
                out.write(buffer, 0, read);
                sent += read;
                if (fromClient && sent > resetAfter && resetDone.compareAndSet(false, true)) {
                    from.setSoLinger(true, 0);
                    from.close();
                    to.close();
                    return;
                }
            }
            to.shutdownOutput();
        } catch (IOException closed) {
            closeQuietly(from);
            closeQuietly(to);
        }
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException ignored) {
            // Already closed by the other copy thread.
        }
    }

    @Override
    public void close() throws IOException {
        server.close();
    }
}
