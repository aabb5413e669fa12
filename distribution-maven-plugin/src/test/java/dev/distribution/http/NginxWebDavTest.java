package dev.distribution.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Uploads to and downloads from a real nginx WebDAV server on 127.0.0.1, started by the test. */
class NginxWebDavTest {
    @TempDir
    static Path work;

    private static Process nginx;
    private static int readPort;
    private static int putPort;

    private static final Credentials DEPLOYER = new Credentials.Basic("deployer", "s3cret-dav", "test htpasswd");

    @BeforeAll
    static void startNginx() throws Exception {
        assumeTrue(Files.isExecutable(Path.of("/usr/sbin/nginx")), "nginx is not installed");
        for (String dir : new String[] {"logs", "tmp", "store"}) {
            Files.createDirectories(work.resolve(dir));
        }
        String hash = run("openssl", "passwd", "-apr1", "s3cret-dav").trim();
        Files.writeString(work.resolve("htpasswd"), "deployer:" + hash + "\n");
        readPort = freePort();
        putPort = freePort();
        String config = String.join(
                "\n",
                "user root; worker_processes 1; daemon off; pid " + work.resolve("nginx.pid") + ";",
                "error_log " + work.resolve("logs/error.log") + " info;",
                "events { worker_connections 64; }",
                "http {",
                "  access_log " + work.resolve("logs/access.log") + ";",
                "  client_body_temp_path " + work.resolve("tmp/body") + ";",
                "  proxy_temp_path " + work.resolve("tmp/proxy") + "; fastcgi_temp_path " + work.resolve("tmp/fcgi")
                        + ";",
                "  uwsgi_temp_path " + work.resolve("tmp/uwsgi") + "; scgi_temp_path " + work.resolve("tmp/scgi") + ";",
                "  default_type application/octet-stream;",
                "  server { listen 127.0.0.1:" + readPort + "; location / { root " + work.resolve("store") + "; } }",
                "  server { listen 127.0.0.1:" + putPort + "; client_max_body_size 0;",
                "    location / { root " + work.resolve("store") + ";",
                "      dav_methods PUT DELETE MKCOL; create_full_put_path on; dav_access user:rw group:r all:r;",
                "      auth_basic \"raw\"; auth_basic_user_file " + work.resolve("htpasswd") + "; } }",
                "}",
                "");
        Files.writeString(work.resolve("nginx.conf"), config);
        nginx = new ProcessBuilder("/usr/sbin/nginx", "-p", work.toString(), "-c", "nginx.conf")
                .redirectErrorStream(true)
                .redirectOutput(work.resolve("logs/stdout.log").toFile())
                .start();
        waitForPort(putPort);
        waitForPort(readPort);
    }

    @AfterAll
    static void stopNginx() throws InterruptedException {
        if (nginx != null) {
            nginx.destroy();
            nginx.waitFor(10, TimeUnit.SECONDS);
        }
    }

    @Test
    void uploadedFileStoredExactly() throws Exception {
        Path file = work.resolve("app 1.0.tar.gz");
        byte[] content = new byte[3_000_000];
        new Random(7).nextBytes(content);
        Files.write(file, content);
        URI url = UrlPaths.resolve("http://127.0.0.1:" + putPort + "/raw", "com/acme/app 1.0/app 1.0.tar.gz");
        try (TransportFixture fixture = new TransportFixture()) {
            HttpResponse response =
                    fixture.transport.executeOrThrow(HttpRequest.put(url, RequestBody.ofFile(file, "application/gzip"))
                            .credentials(DEPLOYER)
                            .build());
            assertThat(response.status()).isEqualTo(201);
        }
        Path stored = work.resolve("store/raw/com/acme/app 1.0/app 1.0.tar.gz");
        assertThat(Files.readAllBytes(stored)).isEqualTo(content);
    }

    @Test
    void downloadHashMatches() throws Exception {
        byte[] content = "hello raw\n".repeat(100_000).getBytes(StandardCharsets.UTF_8);
        Files.createDirectories(work.resolve("store/raw/dl"));
        Files.write(work.resolve("store/raw/dl/a#1.txt"), content);
        URI url = UrlPaths.resolve("http://127.0.0.1:" + readPort + "/", "raw/dl/a#1.txt");
        try (TransportFixture fixture = new TransportFixture()) {
            String sha256 =
                    fixture.transport.executeOrThrow(HttpRequest.get(url).build(), (s, r, h, body) -> {
                        try {
                            MessageDigest digest = MessageDigest.getInstance("SHA-256");
                            digest.update(body.readAllBytes());
                            return HexFormat.of().formatHex(digest.digest());
                        } catch (java.security.NoSuchAlgorithmException e) {
                            throw new IllegalStateException(e);
                        }
                    });
            assertThat(sha256)
                    .isEqualTo(HexFormat.of()
                            .formatHex(MessageDigest.getInstance("SHA-256").digest(content)));
        }
    }

    @Test
    void missingCredentialsRejected() throws Exception {
        URI url = UrlPaths.resolve("http://127.0.0.1:" + putPort + "/raw", "b.txt");
        try (TransportFixture fixture = new TransportFixture()) {
            assertThatThrownBy(() -> fixture.transport.executeOrThrow(
                            HttpRequest.put(url, RequestBody.ofString("b", "text/plain"))
                                    .build()))
                    .isInstanceOfSatisfying(TransportException.class, e -> assertThat(e.status())
                            .isEqualTo(401));
        }
    }

    private static String run(String... command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(30, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new IOException(String.join(" ", command) + " failed: " + output);
        }
        return output;
    }

    private static int freePort() throws IOException {
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private static void waitForPort(int port) throws Exception {
        for (int i = 0; i < 100; i++) {
            try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
                return;
            } catch (IOException e) {
                if (!nginx.isAlive()) {
                    throw new IOException("nginx exited: " + Files.readString(work.resolve("logs/stdout.log")));
                }
                Thread.sleep(50);
            }
        }
        throw new IOException("nginx did not listen on port " + port);
    }
}
