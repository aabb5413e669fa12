package dev.distribution.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.distribution.http.ScriptedServer.Reply;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TransportBodyTest {
    @TempDir
    Path dir;

    private ScriptedServer server;
    private TransportFixture fixture;

    @BeforeEach
    void start() throws Exception {
        server = ScriptedServer.start();
        fixture = new TransportFixture(settings -> settings.progressThreshold(1024));
    }

    @AfterEach
    void stop() {
        fixture.close();
        server.close();
    }

    private Path file(int size) throws Exception {
        byte[] bytes = new byte[size];
        new Random(size).nextBytes(bytes);
        Path file = dir.resolve("f-" + size + ".bin");
        Files.write(file, bytes);
        return file;
    }

    private HttpRequest putFile(Path file) {
        return HttpRequest.put(server.url("/raw/f.bin"), RequestBody.ofFile(file, "application/octet-stream"))
                .build();
    }

    @Test
    void fileUploadedExactly() throws Exception {
        Path file = file(300_000);
        fixture.transport.execute(putFile(file));
        assertThat(server.received().get(0).body()).isEqualTo(Files.readAllBytes(file));
    }

    @Test
    void contentLengthSent() throws Exception {
        fixture.transport.execute(putFile(file(300_000)));
        assertThat(server.received().get(0).header("Content-Length")).isEqualTo("300000");
    }

    @Test
    void notChunked() throws Exception {
        fixture.transport.execute(putFile(file(300_000)));
        assertThat(server.received().get(0).header("Transfer-Encoding")).isNull();
    }

    @Test
    void contentTypeSent() throws Exception {
        fixture.transport.execute(putFile(file(10)));
        assertThat(server.received().get(0).header("Content-Type")).isEqualTo("application/octet-stream");
    }

    @Test
    void userAgentSent() throws Exception {
        fixture.transport.execute(HttpRequest.get(server.url("/a")).build());
        assertThat(server.received().get(0).header("User-Agent")).startsWith("distribution-maven-plugin/");
    }

    @Test
    void multipartUploaded() throws Exception {
        Path file = file(5000);
        RequestBody body = RequestBody.multipart()
                .text("name", "demo")
                .file("content", file, "demo.whl", null)
                .build();
        fixture.transport.execute(HttpRequest.post(server.url("/pypi"), body).build());
        assertThat(server.received().get(0).body()).hasSize((int) body.contentLength());
    }

    @Test
    void uploadProgressReported() throws Exception {
        fixture.transport.execute(putFile(file(10_240)));
        RecordingReporter.RecordedProgress progress = fixture.reporter.progress.get(0);
        assertThat(progress.total).isEqualTo(10_240);
        assertThat(progress.advanced.get()).isEqualTo(10_240);
        assertThat(progress.closed).isTrue();
        assertThat(progress.label).isEqualTo("PUT " + server.url("/raw/f.bin"));
    }

    @Test
    void smallUploadNoProgress() throws Exception {
        fixture.transport.execute(putFile(file(1024)));
        assertThat(fixture.reporter.progress).isEmpty();
    }

    @Test
    void fileChangedSizeFails() throws Exception {
        Path file = file(5000);
        HttpRequest request = putFile(file);
        Files.write(file, new byte[10]);
        assertThatThrownBy(() -> fixture.transport.execute(request)).hasMessageContaining("changed size");
    }

    @Test
    void streamedDownloadHashed() throws Exception {
        byte[] content = Files.readAllBytes(file(2_000_000));
        server.reply(new Reply(200, Map.of("Content-Type", "application/octet-stream"), content));
        String sha256 =
                fixture.transport.execute(HttpRequest.get(server.url("/big")).build(), (s, r, h, body) -> {
                    MessageDigest digest = sha256();
                    byte[] buffer = new byte[8192];
                    for (int n; (n = body.read(buffer)) > 0; ) {
                        digest.update(buffer, 0, n);
                    }
                    return HexFormat.of().formatHex(digest.digest());
                });
        assertThat(sha256).isEqualTo(HexFormat.of().formatHex(sha256().digest(content)));
    }

    @Test
    void downloadProgressReported() throws Exception {
        byte[] content = new byte[50_000];
        server.reply(new Reply(200, Map.of(), content));
        fixture.transport.execute(HttpRequest.get(server.url("/big")).build(), (s, r, h, body) -> body.readAllBytes());
        assertThat(fixture.reporter.progress.get(0).advanced.get()).isEqualTo(50_000);
    }

    @Test
    void handlerSeesErrorStatus() throws Exception {
        server.reply(Reply.of(404));
        int status = fixture.transport.execute(HttpRequest.get(server.url("/a")).build(), (s, r, h, body) -> s);
        assertThat(status).isEqualTo(404);
    }

    @Test
    void handlerOrThrowRejectsError() {
        server.reply(Reply.of(404));
        assertThatThrownBy(() -> fixture.transport.executeOrThrow(
                        HttpRequest.get(server.url("/a")).build(), (s, r, h, body) -> s))
                .hasMessageContaining("HTTP 404 Not Found");
    }

    @Test
    void handlerFailureWrapped() {
        assertThatThrownBy(() -> fixture.transport.execute(
                        HttpRequest.get(server.url("/a")).build(), (s, r, h, b) -> {
                            throw new java.io.IOException("disk full");
                        }))
                .isInstanceOf(TransportException.class)
                .hasMessageContaining("disk full");
    }

    @Test
    void bufferedBodyCapped() throws Exception {
        server.reply(new Reply(
                200, Map.of("Content-Type", "text/plain"), "a".repeat(1_500_000).getBytes()));
        HttpResponse response =
                fixture.transport.execute(HttpRequest.get(server.url("/a")).build());
        assertThat(response.body()).hasSize(HttpTransport.MAX_BUFFERED_BODY);
    }

    @Test
    void bodyDecodedWithCharset() throws Exception {
        server.reply(new Reply(
                200, Map.of("Content-Type", "text/plain; charset=ISO-8859-1"), new byte[] {'c', 'a', 'f', (byte) 0xe9
                }));
        HttpResponse response =
                fixture.transport.execute(HttpRequest.get(server.url("/a")).build());
        assertThat(response.body()).isEqualTo("caf\u00e9");
    }

    @Test
    void responseHeaderCaseInsensitive() throws Exception {
        server.reply(Reply.withHeader(200, "X-Checksum-Sha256", "abc"));
        HttpResponse response =
                fixture.transport.execute(HttpRequest.get(server.url("/a")).build());
        assertThat(response.header("x-checksum-sha256")).contains("abc");
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
