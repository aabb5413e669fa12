package dev.distribution.target.pypi;

import dev.distribution.core.Checksums;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import org.bouncycastle.crypto.digests.Blake2bDigest;

/**
 * The three digests the upload API takes, computed in one streaming pass over the file.
 *
 * @param sha256 lower-case hex SHA-256
 * @param md5 lower-case hex MD5 (still sent, because older servers check it)
 * @param blake2b256 lower-case hex BLAKE2b with a 256-bit output
 */
public record UploadDigests(String sha256, String md5, String blake2b256) {

    /** Reads a file once and returns its digests. */
    public static UploadDigests of(Path file) throws IOException {
        MessageDigest sha256 = Checksums.newDigest(Checksums.SHA256);
        MessageDigest md5 = Checksums.newDigest(Checksums.MD5);
        Blake2bDigest blake2b = new Blake2bDigest(256);
        byte[] buffer = new byte[64 * 1024];
        try (InputStream in = Files.newInputStream(file)) {
            int read;
            while ((read = in.read(buffer)) != -1) {
                sha256.update(buffer, 0, read);
                md5.update(buffer, 0, read);
                blake2b.update(buffer, 0, read);
            }
        }
        byte[] blake = new byte[blake2b.getDigestSize()];
        blake2b.doFinal(blake, 0);
        HexFormat hex = HexFormat.of();
        return new UploadDigests(hex.formatHex(sha256.digest()), hex.formatHex(md5.digest()), hex.formatHex(blake));
    }
}
