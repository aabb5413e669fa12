package dev.distribution.format.python;

import dev.distribution.core.Checksums;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Base64;

/** Helpers shared by the wheel and sdist writers: fixed times, digests while writing, atomic files. */
final class Reproducible {
    /** ZIP cannot store times before 1980; earlier build times are raised to this one. */
    static final Instant ZIP_EPOCH = Instant.parse("1980-01-01T00:00:00Z");

    private Reproducible() {}

    /** The wall-clock time stored in ZIP entries: the UTC fields of the instant, at least 1980. */
    static LocalDateTime zipTime(Instant timestamp) {
        Instant clamped = timestamp.isBefore(ZIP_EPOCH) ? ZIP_EPOCH : timestamp;
        return LocalDateTime.ofInstant(clamped, ZoneOffset.UTC);
    }

    /** The RECORD digest form: URL-safe base64 without padding. */
    static String recordDigest(byte[] sha256) {
        return "sha256=" + Base64.getUrlEncoder().withoutPadding().encodeToString(sha256);
    }

    /** Creates a temporary file next to {@code target}, so the final move stays on one file system. */
    static Path temporaryNextTo(Path target) throws IOException {
        Files.createDirectories(target.toAbsolutePath().getParent());
        Path temporary = Files.createTempFile(target.toAbsolutePath().getParent(), "." + target.getFileName(), ".tmp");
        // Temporary files start private; published files must be readable by the web server.
        if (Files.getFileStore(temporary).supportsFileAttributeView("posix")) {
            Files.setPosixFilePermissions(temporary, PosixFilePermissions.fromString("rw-r--r--"));
        }
        return temporary;
    }

    /** Replaces {@code target} with {@code temporary} in one step where the file system allows it. */
    static void moveInto(Path temporary, Path target) throws IOException {
        try {
            Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (java.nio.file.AtomicMoveNotSupportedException e) {
            Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /** Passes bytes on while counting them and feeding a SHA-256; never closes the wrapped stream. */
    static final class DigestingStream extends OutputStream {
        private final OutputStream out;
        private final MessageDigest digest = Checksums.newDigest(Checksums.SHA256);
        private long size;

        DigestingStream(OutputStream out) {
            this.out = out;
        }

        @Override
        public void write(int b) throws IOException {
            out.write(b);
            digest.update((byte) b);
            size++;
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
            digest.update(b, off, len);
            size += len;
        }

        @Override
        public void flush() throws IOException {
            out.flush();
        }

        @Override
        public void close() {
            // The wrapped archive stream stays open for the next entry.
        }

        long size() {
            return size;
        }

        byte[] sha256() {
            return digest.digest();
        }
    }
}
