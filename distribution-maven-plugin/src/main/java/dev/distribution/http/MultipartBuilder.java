package dev.distribution.http;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.HexFormat;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Objects;

/**
 * Builds a {@code multipart/form-data} body (RFC 7578), as the PyPI upload API and other form
 * endpoints expect. The part headers are small and kept in memory. File parts are streamed from
 * disk and reopened on every send, so the body is repeatable and its length is exact.
 */
public final class MultipartBuilder {
    private static final byte[] CRLF = {'\r', '\n'};
    private static final SecureRandom RANDOM = new SecureRandom();

    private final String boundary;
    private final List<Part> parts = new ArrayList<>();

    private sealed interface Part permits TextPart, FilePart {}

    private record TextPart(byte[] head, byte[] value) implements Part {}

    private record FilePart(byte[] head, RequestBody file) implements Part {}

    MultipartBuilder() {
        byte[] random = new byte[16];
        RANDOM.nextBytes(random);
        this.boundary = "----distribution-" + HexFormat.of().formatHex(random);
    }

    /** Adds a text field, encoded as UTF-8. */
    public MultipartBuilder text(String name, String value) {
        Objects.requireNonNull(value, "value");
        parts.add(new TextPart(head(name, null, null), value.getBytes(StandardCharsets.UTF_8)));
        return this;
    }

    /**
     * Adds a file field streamed from {@code file}.
     *
     * @param fileName the name sent in the {@code filename} parameter
     * @param contentType the part's media type; {@code application/octet-stream} when null
     */
    public MultipartBuilder file(String name, Path file, String fileName, String contentType) {
        Objects.requireNonNull(fileName, "fileName");
        String type = contentType == null ? "application/octet-stream" : contentType;
        parts.add(new FilePart(head(name, fileName, type), RequestBody.ofFile(file, type)));
        return this;
    }

    /** Returns the body; the builder may be reused. */
    public RequestBody build() {
        List<Part> frozen = List.copyOf(parts);
        byte[] closing = ("--" + boundary + "--\r\n").getBytes(StandardCharsets.US_ASCII);
        long length = closing.length;
        for (Part part : frozen) {
            if (part instanceof TextPart text) {
                length += text.head().length + text.value().length + CRLF.length;
            } else if (part instanceof FilePart file) {
                length += file.head().length + file.file().contentLength() + CRLF.length;
            }
        }
        return new MultipartBody(frozen, closing, length, "multipart/form-data; boundary=" + boundary);
    }

    private byte[] head(String name, String fileName, String contentType) {
        Objects.requireNonNull(name, "name");
        StringBuilder head = new StringBuilder();
        head.append("--").append(boundary).append("\r\n");
        head.append("Content-Disposition: form-data; name=\"")
                .append(quote(name))
                .append('"');
        if (fileName != null) {
            head.append("; filename=\"").append(quote(fileName)).append('"');
        }
        head.append("\r\n");
        if (contentType != null) {
            head.append("Content-Type: ").append(contentType).append("\r\n");
        }
        head.append("\r\n");
        return head.toString().getBytes(StandardCharsets.UTF_8);
    }

    // Percent-encodes the characters that would end the quoted string or the header line, as
    // browsers do for form field and file names (WHATWG HTML, multipart/form-data encoding).
    private static String quote(String value) {
        return value.replace("\"", "%22").replace("\r", "%0D").replace("\n", "%0A");
    }

    private static final class MultipartBody implements RequestBody {
        private final List<Part> parts;
        private final byte[] closing;
        private final long length;
        private final String contentType;

        MultipartBody(List<Part> parts, byte[] closing, long length, String contentType) {
            this.parts = parts;
            this.closing = closing;
            this.length = length;
            this.contentType = contentType;
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
        public InputStream open() {
            return new SequenceInputStream(new PartStreams());
        }

        /** Opens each file only when the stream reaches it, so one file handle is open at a time. */
        private final class PartStreams implements Enumeration<InputStream> {
            private int index;

            @Override
            public boolean hasMoreElements() {
                return index <= parts.size();
            }

            @Override
            public InputStream nextElement() {
                if (index > parts.size()) {
                    throw new NoSuchElementException();
                }
                int current = index++;
                if (current == parts.size()) {
                    return new ByteArrayInputStream(closing);
                }
                Part part = parts.get(current);
                if (part instanceof TextPart text) {
                    return new ByteArrayInputStream(concat(text.head(), text.value(), CRLF));
                }
                FilePart file = (FilePart) part;
                return new SequenceInputStream(
                        new ByteArrayInputStream(file.head()),
                        new SequenceInputStream(new LazyFileStream(file.file()), new ByteArrayInputStream(CRLF)));
            }
        }
    }

    private static byte[] concat(byte[]... arrays) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] array : arrays) {
            out.writeBytes(array);
        }
        return out.toByteArray();
    }

    /** Opens the file on the first read, because SequenceInputStream cannot propagate an IOException from its enumeration. */
    private static final class LazyFileStream extends InputStream {
        private final RequestBody file;
        private InputStream in;

        LazyFileStream(RequestBody file) {
            this.file = file;
        }

        private InputStream in() throws IOException {
            if (in == null) {
                in = file.open();
            }
            return in;
        }

        @Override
        public int read() throws IOException {
            return in().read();
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            return in().read(buffer, offset, length);
        }

        @Override
        public void close() throws IOException {
            if (in != null) {
                in.close();
            }
        }
    }
}
