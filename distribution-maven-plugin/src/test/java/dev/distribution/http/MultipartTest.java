package dev.distribution.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MultipartTest {
    @TempDir
    Path dir;

    private RequestBody sample() throws IOException {
        Path wheel = dir.resolve("demo-1.0-py3-none-any.whl");
        byte[] content = new byte[70_000];
        for (int i = 0; i < content.length; i++) {
            content[i] = (byte) (i * 31);
        }
        Files.write(wheel, content);
        return RequestBody.multipart()
                .text(":action", "file_upload")
                .text("summary", "Gr\u00fc\u00dfe \"quoted\"")
                .file("content", wheel, wheel.getFileName().toString(), "application/octet-stream")
                .build();
    }

    private static byte[] readAll(RequestBody body) throws IOException {
        try (InputStream in = body.open()) {
            return in.readAllBytes();
        }
    }

    @Test
    void lengthIsExact() throws IOException {
        RequestBody body = sample();
        assertThat(readAll(body)).hasSize((int) body.contentLength());
    }

    @Test
    void reopensSameBytes() throws IOException {
        RequestBody body = sample();
        assertThat(readAll(body)).isEqualTo(readAll(body));
    }

    @Test
    void contentTypeHasBoundary() throws IOException {
        assertThat(sample().contentType()).startsWith("multipart/form-data; boundary=");
    }

    @Test
    void pythonParsesParts() throws Exception {
        RequestBody body = sample();
        Path message = dir.resolve("message.bin");
        Files.write(message, readAll(body));
        // cgi.FieldStorage reads binary parts byte for byte; the email package rewrites line ends.
        String script = String.join(
                "\n",
                "import sys, os, cgi, hashlib",
                "body = open(sys.argv[1], 'rb').read()",
                "env = {'REQUEST_METHOD': 'POST', 'CONTENT_TYPE': sys.argv[2], 'CONTENT_LENGTH': str(len(body))}",
                "import io",
                "form = cgi.FieldStorage(fp=io.BytesIO(body), environ=env, keep_blank_values=True)",
                "for p in form.list:",
                "    data = p.value if isinstance(p.value, bytes) else p.value.encode('utf-8')",
                "    print(p.name, p.filename, len(data), hashlib.sha256(data).hexdigest()[:12])");
        Process process = new ProcessBuilder(
                        "python3", "-W", "ignore", "-c", script, message.toString(), body.contentType())
                .redirectErrorStream(true)
                .start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        byte[] file = Files.readAllBytes(dir.resolve("demo-1.0-py3-none-any.whl"));
        String fileHash = java.util.HexFormat.of()
                .formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(file))
                .substring(0, 12);
        assertThat(output.lines().toList())
                .isEqualTo(List.of(
                        ":action None 11 " + sha12("file_upload"),
                        "summary None " + "Gr\u00fc\u00dfe \"quoted\"".getBytes(StandardCharsets.UTF_8).length + " "
                                + sha12("Gr\u00fc\u00dfe \"quoted\""),
                        "content demo-1.0-py3-none-any.whl 70000 " + fileHash));
    }

    private static String sha12(String text) throws Exception {
        return java.util.HexFormat.of()
                .formatHex(java.security.MessageDigest.getInstance("SHA-256")
                        .digest(text.getBytes(StandardCharsets.UTF_8)))
                .substring(0, 12);
    }
}
