package dev.distribution.target.git;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Apache httpd running {@code git http-backend} on 127.0.0.1 at a free port: smart HTTP, anonymous
 * fetch, and push only with Basic authentication. Stopped by its own process handle on close.
 * Apache runs the backend as www-data, so the served repositories are given to that user.
 */
final class GitHttpServer implements AutoCloseable {
    private static final String MODULES = "/usr/lib/apache2/modules/";

    private final Process process;
    private final int port;

    private GitHttpServer(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    /** Serves the bare repositories in {@code folder/repos} and accepts one user for pushes. */
    static GitHttpServer serve(Path folder, String user, String password) throws IOException, InterruptedException {
        int port;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = socket.getLocalPort();
        }
        // www-data must traverse the test's own folder; nothing above it is touched.
        Files.setPosixFilePermissions(folder, PosixFilePermissions.fromString("rwxr-xr-x"));
        run(List.of("htpasswd", "-bc", folder.resolve("htpasswd").toString(), user, password));
        run(List.of("chown", "-R", "www-data:www-data", folder.resolve("repos").toString()));
        String config = String.join(
                "\n",
                "ServerName 127.0.0.1",
                "Listen 127.0.0.1:" + port,
                "PidFile " + folder.resolve("httpd.pid"),
                "ErrorLog " + folder.resolve("error.log"),
                "ScriptSock " + folder.resolve("cgid.sock"),
                "User www-data",
                "Group www-data",
                "LoadModule mpm_event_module " + MODULES + "mod_mpm_event.so",
                "LoadModule authz_core_module " + MODULES + "mod_authz_core.so",
                "LoadModule authn_core_module " + MODULES + "mod_authn_core.so",
                "LoadModule authn_file_module " + MODULES + "mod_authn_file.so",
                "LoadModule authz_user_module " + MODULES + "mod_authz_user.so",
                "LoadModule auth_basic_module " + MODULES + "mod_auth_basic.so",
                "LoadModule alias_module " + MODULES + "mod_alias.so",
                "LoadModule cgid_module " + MODULES + "mod_cgid.so",
                "LoadModule env_module " + MODULES + "mod_env.so",
                "SetEnv GIT_PROJECT_ROOT " + folder.resolve("repos"),
                "SetEnv GIT_HTTP_EXPORT_ALL 1",
                "ScriptAlias /git/ /usr/lib/git-core/git-http-backend/",
                "<Directory /usr/lib/git-core>",
                "  Require all granted",
                "</Directory>",
                "<LocationMatch \"^/git/.*/git-receive-pack$\">",
                "  AuthType Basic",
                "  AuthName git",
                "  AuthUserFile " + folder.resolve("htpasswd"),
                "  Require valid-user",
                "</LocationMatch>",
                "");
        Path configFile = folder.resolve("httpd.conf");
        Files.writeString(configFile, config);
        Process process = new ProcessBuilder(List.of("apache2", "-f", configFile.toString(), "-DFOREGROUND"))
                .redirectErrorStream(true)
                .redirectOutput(folder.resolve("httpd.out").toFile())
                .start();
        GitHttpServer server = new GitHttpServer(process, port);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (System.nanoTime() < deadline) {
            try (Socket ignored = new Socket(InetAddress.getLoopbackAddress(), port)) {
                return server;
            } catch (IOException notYet) {
                if (!process.isAlive()) {
                    throw new IOException("apache2 exited: " + Files.readString(folder.resolve("httpd.out")));
                }
                Thread.sleep(50);
            }
        }
        server.close();
        throw new IOException("apache2 did not listen on port " + port);
    }

    /** The URL of a served repository. */
    String url(String repository) {
        return "http://127.0.0.1:" + port + "/git/" + repository;
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }

    private static void run(List<String> command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        if (!process.waitFor(30, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new IOException(command + " failed: " + output);
        }
    }
}
