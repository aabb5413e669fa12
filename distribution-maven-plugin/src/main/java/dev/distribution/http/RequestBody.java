package dev.distribution.http;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;

/**
 * The body of a request. A body must be re-sendable, because a retry or a redirect sends it again:
 * each call of {@link #open()} starts a fresh stream, and a file is reopened for every attempt.
 * Bodies have an exact length, so that the transport sends {@code Content-Length} and never
 * buffers a file in memory.
 */
public interface RequestBody {

    /**
     * Returns a body that streams {@code file} from disk. The length is taken now; if the file
     * changes size before it is sent, the upload fails instead of sending a truncated body.
     *
     * @throws UncheckedIOException when the file cannot be read
     */
    static RequestBody ofFile(Path file, String contentType) {
        return new FileBody(file, contentType);
    }

    /** Returns a body with the given bytes; the array is not copied, so do not change it afterwards. */
    static RequestBody ofBytes(byte[] bytes, String contentType) {
        return new BytesBody(bytes, contentType);
    }

    /** Returns a body with {@code text} encoded as UTF-8. */
    static RequestBody ofString(String text, String contentType) {
        return new BytesBody(text.getBytes(StandardCharsets.UTF_8), contentType);
    }

    /** Starts a {@code multipart/form-data} body (RFC 7578) whose file parts are streamed from disk. */
    static MultipartBuilder multipart() {
        return new MultipartBuilder();
    }

    /** Returns the exact number of bytes that {@link #open()} yields. */
    long contentLength();

    /** Returns the media type sent as {@code Content-Type}, or null to send none. */
    String contentType();

    /** Opens a new stream over the whole body; the caller closes it. */
    InputStream open() throws IOException;

    /** A body read from a file on every {@link #open()}. */
    final class FileBody implements RequestBody {
        private final Path file;
        private final String contentType;
        private final long length;

        FileBody(Path file, String contentType) {
            this.file = Objects.requireNonNull(file, "file");
            this.contentType = contentType;
            try {
                this.length = Files.size(file);
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot read the size of " + file + ": " + e.getMessage(), e);
            }
        }

        /** Returns the file that is sent. */
        public Path file() {
            return file;
        }

        @Override
        public long contentLength() {
            return length;
        }

        @Override
        public String contentType() {
            return contentType;
        }

        @Override
        public InputStream open() throws IOException {
            return Files.newInputStream(file);
        }

        @Override
        public String toString() {
            return "file " + file + " (" + length + " bytes)";
        }
    }

    /** A body held in memory, for small documents such as JSON requests. */
    final class BytesBody implements RequestBody {
        private final byte[] bytes;
        private final String contentType;

        BytesBody(byte[] bytes, String contentType) {
            this.bytes = Objects.requireNonNull(bytes, "bytes");
            this.contentType = contentType;
        }

        @Override
        public long contentLength() {
            return bytes.length;
        }

        @Override
        public String contentType() {
            return contentType;
        }

        @Override
        public InputStream open() {
            return new ByteArrayInputStream(bytes);
        }

        @Override
        public String toString() {
            return bytes.length + " bytes";
        }
    }
}
