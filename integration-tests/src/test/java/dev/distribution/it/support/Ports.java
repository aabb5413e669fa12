package dev.distribution.it.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;

/** Free TCP ports on the loopback interface, picked by the kernel at run time. */
public final class Ports {
    private Ports() {}

    /**
     * Returns a port that was free on 127.0.0.1 a moment ago.
     *
     * <p>The socket is closed before returning, so another process may take the port before the
     * caller binds it; callers that start a server on it retry with a new port when the bind fails.
     */
    public static int free() {
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(false);
            socket.bind(new InetSocketAddress(loopback(), 0));
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("No free port on 127.0.0.1", e);
        }
    }

    /** Returns 127.0.0.1, the only address the test servers listen on. */
    public static InetAddress loopback() {
        return InetAddress.getLoopbackAddress();
    }
}
