package dev.distribution.core;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Digests of files and streams, computed in one streaming pass with a fixed-size buffer. */
public final class Checksums {
    /** Java names of the digests used by the formats. */
    public static final String SHA256 = "SHA-256";

    public static final String SHA1 = "SHA-1";
    public static final String SHA512 = "SHA-512";
    public static final String MD5 = "MD5";

    private static final int BUFFER_SIZE = 64 * 1024;

    private Checksums() {}

    /** Returns the lower-case hex SHA-256 of a file. */
    public static String sha256(Path file) throws IOException {
        return digests(file, List.of(SHA256)).get(SHA256);
    }

    /**
     * Computes several digests of a file in one pass.
     *
     * @param algorithms Java digest names, such as {@link #SHA256}
     * @return lower-case hex digests keyed by algorithm, in the order given
     */
    public static Map<String, String> digests(Path file, List<String> algorithms) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return digests(in, algorithms);
        }
    }

    /** Computes several digests of a stream in one pass; reads the stream to its end. */
    public static Map<String, String> digests(InputStream in, List<String> algorithms) throws IOException {
        Map<String, MessageDigest> digests = new LinkedHashMap<>();
        for (String algorithm : algorithms) {
            digests.put(algorithm, newDigest(algorithm));
        }
        byte[] buffer = new byte[BUFFER_SIZE];
        int read;
        while ((read = in.read(buffer)) != -1) {
            for (MessageDigest digest : digests.values()) {
                digest.update(buffer, 0, read);
            }
        }
        Map<String, String> result = new LinkedHashMap<>();
        digests.forEach(
                (algorithm, digest) -> result.put(algorithm, HexFormat.of().formatHex(digest.digest())));
        return result;
    }

    /** Returns the lower-case hex SHA-256 of a byte array. */
    public static String sha256(byte[] bytes) {
        return HexFormat.of().formatHex(newDigest(SHA256).digest(bytes));
    }

    /** Creates a digest; every JDK has the algorithms named in this class. */
    public static MessageDigest newDigest(String algorithm) {
        try {
            return MessageDigest.getInstance(algorithm);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalArgumentException("Unknown digest algorithm " + algorithm, e);
        }
    }

    /** Returns the SHA-256 of a file, wrapping an I/O failure for use in streams. */
    public static String sha256Unchecked(Path file) {
        try {
            return sha256(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
