package dev.distribution.signing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Date;
import java.util.Locale;
import java.util.Objects;
import org.bouncycastle.bcpg.BCPGOutputStream;
import org.bouncycastle.bcpg.HashAlgorithmTags;
import org.bouncycastle.bcpg.PacketFormat;
import org.bouncycastle.bcpg.PublicKeyAlgorithmTags;
import org.bouncycastle.openpgp.PGPException;
import org.bouncycastle.openpgp.PGPSignature;
import org.bouncycastle.openpgp.PGPSignatureGenerator;
import org.bouncycastle.openpgp.PGPSignatureSubpacketGenerator;
import org.bouncycastle.openpgp.operator.PGPContentSignerBuilder;
import org.bouncycastle.openpgp.operator.bc.BcPGPContentSignerBuilder;
import org.bouncycastle.openpgp.operator.jcajce.JcaPGPContentSignerBuilder;

/**
 * Creates OpenPGP v4 signatures with a {@link SigningKey}: detached signatures (Release.gpg,
 * repomd.xml.asc, raw {@code .asc}), cleartext signatures (InRelease, Helm {@code .prov}) and bare
 * signature packets (RPM header signatures).
 *
 * <p>Each signature carries the current time as its creation time, so signatures differ between
 * builds. The hashed area contains the creation time, the issuer fingerprint and the issuer key id,
 * which rpm and apt use to find the key. Thread-safe: every call creates its own generator.
 */
public final class OpenPgpSigner {
    private static final int BUFFER_SIZE = 64 * 1024;

    private final SigningKey key;
    private final int hashAlgorithm;
    private final String hashName;

    /** Creates a signer that hashes with SHA-256. */
    public OpenPgpSigner(SigningKey key) {
        this(key, "SHA256");
    }

    /**
     * Creates a signer with the given hash algorithm.
     *
     * @param key the unlocked key; not null
     * @param hashName {@code SHA256}, {@code SHA384} or {@code SHA512}, case-insensitive, with or
     *     without a hyphen ({@code SHA-256})
     * @throws IllegalArgumentException for any other hash, including SHA-1, which apt and rpm reject
     */
    public OpenPgpSigner(SigningKey key, String hashName) {
        this.key = Objects.requireNonNull(key, "key");
        String normalized =
                Objects.requireNonNull(hashName, "hashName").replace("-", "").toUpperCase(Locale.ROOT);
        this.hashAlgorithm = switch (normalized) {
            case "SHA256" -> HashAlgorithmTags.SHA256;
            case "SHA384" -> HashAlgorithmTags.SHA384;
            case "SHA512" -> HashAlgorithmTags.SHA512;
            default ->
                throw new IllegalArgumentException(
                        "Unsupported signature hash '" + hashName + "'; accepted: SHA256, SHA384, SHA512");
        };
        this.hashName = normalized;
    }

    /** Returns the key this signer signs with. */
    public SigningKey key() {
        return key;
    }

    /**
     * Writes a detached signature of {@code data}, a binary document signature (type 0x00). Reads
     * {@code data} to its end in 64 KiB chunks, so memory stays constant for any size.
     *
     * @param data the signed bytes; read to the end, not closed
     * @param out receives the signature packet, or the armored {@code PGP SIGNATURE} block with
     *     {@code \n} line endings; not closed
     * @param armored whether to armor the signature
     * @throws IOException when reading {@code data} or writing {@code out} fails, or signing fails
     */
    public void detachedSignature(InputStream data, OutputStream out, boolean armored) throws IOException {
        Objects.requireNonNull(data, "data");
        Objects.requireNonNull(out, "out");
        PGPSignatureGenerator generator = newGenerator(PGPSignature.BINARY_DOCUMENT);
        byte[] buffer = new byte[BUFFER_SIZE];
        int read;
        while ((read = data.read(buffer)) != -1) {
            generator.update(buffer, 0, read);
        }
        byte[] packet = encode(generate(generator));
        if (armored) {
            out.write(Armor.armor(packet).getBytes(StandardCharsets.US_ASCII));
        } else {
            out.write(packet);
        }
    }

    /**
     * Returns one binary signature packet over {@code data} (binary document signature, old-format
     * packet header, as gpg writes it). This is the value of rpm's {@code RPMSIGTAG_RSA} (header
     * only) and {@code RPMSIGTAG_PGP} tags.
     */
    public byte[] binarySignature(byte[] data) throws IOException {
        Objects.requireNonNull(data, "data");
        PGPSignatureGenerator generator = newGenerator(PGPSignature.BINARY_DOCUMENT);
        generator.update(data);
        return encode(generate(generator));
    }

    /**
     * Returns {@code text} clearsigned in the cleartext signature framework of RFC 4880 section 7:
     * the {@code BEGIN PGP SIGNED MESSAGE} header with {@code Hash:}, the dash-escaped text and a
     * canonical text signature (type 0x01).
     *
     * <p>Lines end with {@code \n} in the result; {@code \r\n} in {@code text} becomes {@code \n}.
     * Lines starting with {@code -} are written as {@code "- -..."}. The signature covers the lines
     * joined by CRLF with trailing spaces and tabs removed, as gpg and Go's clearsign package verify
     * them. The text itself keeps its trailing whitespace. A final newline in {@code text}
     * is the line break before the signature, so {@code "a\n"} and {@code "a"} give the same signed
     * text, and {@code gpg --decrypt} returns it with a final newline in both cases. The text is
     * signed as UTF-8, so write the result as UTF-8.
     *
     * @param text the document; not null
     * @return the clearsigned document, ending with {@code -----END PGP SIGNATURE-----\n}
     */
    public String clearSign(String text) throws IOException {
        Objects.requireNonNull(text, "text");
        String[] lines = text.split("\n", -1);
        // A final newline ends the last line: the line break before the signature armor takes its
        // place, and RFC 4880 leaves that break out of the signed text, as gpg --clearsign does.
        int lineCount = lines.length > 1 && text.endsWith("\n") ? lines.length - 1 : lines.length;
        PGPSignatureGenerator generator = newGenerator(PGPSignature.CANONICAL_TEXT_DOCUMENT);
        StringBuilder body = new StringBuilder();
        for (int i = 0; i < lineCount; i++) {
            String line = lines[i].endsWith("\r") ? lines[i].substring(0, lines[i].length() - 1) : lines[i];
            if (i > 0) {
                generator.update(new byte[] {'\r', '\n'});
            }
            generator.update(stripTrailingWhitespace(line).getBytes(StandardCharsets.UTF_8));
            if (line.startsWith("-")) {
                body.append("- ");
            }
            body.append(line).append('\n');
        }
        String signature = Armor.armor(encode(generate(generator)));
        return "-----BEGIN PGP SIGNED MESSAGE-----\n" + "Hash: " + hashName + "\n\n" + body + signature;
    }

    /** Removes trailing spaces and tabs, the whitespace RFC 4880 excludes from cleartext signatures. */
    private static String stripTrailingWhitespace(String line) {
        int end = line.length();
        while (end > 0 && (line.charAt(end - 1) == ' ' || line.charAt(end - 1) == '\t')) {
            end--;
        }
        return line.substring(0, end);
    }

    private PGPSignatureGenerator newGenerator(int signatureType) throws IOException {
        PGPSignatureGenerator generator = new PGPSignatureGenerator(contentSignerBuilder(), key.publicKey());
        PGPSignatureSubpacketGenerator hashed = new PGPSignatureSubpacketGenerator();
        hashed.setSignatureCreationTime(false, new Date());
        hashed.setIssuerFingerprint(false, key.publicKey());
        // Also hashed, not only unhashed as gpg writes it, so that no reader can be misled by a
        // changed issuer.
        hashed.setIssuerKeyID(false, key.publicKey().getKeyID());
        try {
            generator.init(signatureType, key.privateKey());
        } catch (PGPException e) {
            throw new IOException("Starting an OpenPGP signature with key " + key.keyId() + " failed", e);
        }
        generator.setHashedSubpackets(hashed.generate());
        return generator;
    }

    /**
     * Returns a signer builder. RSA and EdDSA go through the JDK's providers, whose SHA-2 digests
     * use CPU instructions and hash large files about five times faster than Bouncy Castle's pure
     * Java digests. Other algorithms, such as ECDSA and DSA, use Bouncy Castle's implementation.
     */
    private PGPContentSignerBuilder contentSignerBuilder() {
        int algorithm = key.publicKey().getAlgorithm();
        return switch (algorithm) {
            case PublicKeyAlgorithmTags.RSA_GENERAL,
                    PublicKeyAlgorithmTags.RSA_SIGN,
                    PublicKeyAlgorithmTags.EDDSA_LEGACY -> new JcaPGPContentSignerBuilder(algorithm, hashAlgorithm);
            default -> new BcPGPContentSignerBuilder(algorithm, hashAlgorithm);
        };
    }

    private PGPSignature generate(PGPSignatureGenerator generator) throws IOException {
        try {
            return generator.generate();
        } catch (PGPException e) {
            throw new IOException("Creating an OpenPGP signature with key " + key.keyId() + " failed", e);
        }
    }

    private static byte[] encode(PGPSignature signature) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (BCPGOutputStream packets = new BCPGOutputStream(out, PacketFormat.LEGACY)) {
            signature.encode(packets);
        }
        return out.toByteArray();
    }
}
