package dev.distribution.http;

import dev.distribution.core.Reporter;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Set;
import org.apache.hc.core5.function.Supplier;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpEntity;

/**
 * Adapts a {@link RequestBody} to HttpClient: streamed with an exact {@code Content-Length},
 * reopened for every send, with progress for large bodies.
 */
final class BodyEntity implements HttpEntity {
    private static final int BUFFER_SIZE = 64 * 1024;

    private final RequestBody body;
    private final Reporter reporter;
    private final String label;
    private final long progressThreshold;

    BodyEntity(RequestBody body, Reporter reporter, String label, long progressThreshold) {
        this.body = body;
        this.reporter = reporter;
        this.label = label;
        this.progressThreshold = progressThreshold;
    }

    @Override
    public boolean isRepeatable() {
        return true;
    }

    @Override
    public InputStream getContent() throws IOException {
        return body.open();
    }

    @Override
    public void writeTo(OutputStream out) throws IOException {
        long expected = body.contentLength();
        long written = 0;
        byte[] buffer = new byte[BUFFER_SIZE];
        boolean report = expected > progressThreshold;
        try (Reporter.Progress progress = report ? reporter.progress(label, expected) : Reporter.Progress.NONE;
                InputStream in = openBody()) {
            while (true) {
                int read = readBody(in, buffer);
                if (read < 0) {
                    break;
                }
                if (written + read > expected) {
                    throw sizeChanged(expected);
                }
                // Only this write touches the network; errors here are connection failures.
                out.write(buffer, 0, read);
                written += read;
                progress.advance(read);
            }
        }
        if (written != expected) {
            throw sizeChanged(expected);
        }
        out.flush();
    }

    private InputStream openBody() throws RequestBodyException {
        try {
            return body.open();
        } catch (IOException e) {
            throw new RequestBodyException("Cannot read the request body, " + body + ": " + e, e);
        }
    }

    private int readBody(InputStream in, byte[] buffer) throws RequestBodyException {
        try {
            return in.read(buffer);
        } catch (IOException e) {
            throw new RequestBodyException("Cannot read the request body, " + body + ": " + e, e);
        }
    }

    private RequestBodyException sizeChanged(long expected) {
        return new RequestBodyException(
                "The request body, " + body + ", changed size while it was sent (expected " + expected
                        + " bytes); make sure nothing writes the file during the upload",
                null);
    }

    @Override
    public boolean isStreaming() {
        return false;
    }

    @Override
    public Supplier<java.util.List<? extends Header>> getTrailers() {
        return null;
    }

    @Override
    public void close() {}

    @Override
    public long getContentLength() {
        return body.contentLength();
    }

    @Override
    public String getContentType() {
        return body.contentType();
    }

    @Override
    public String getContentEncoding() {
        return null;
    }

    @Override
    public boolean isChunked() {
        return false;
    }

    @Override
    public Set<String> getTrailerNames() {
        return Set.of();
    }
}
