package dev.distribution.signing;

import dev.distribution.core.InvalidConfigurationException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import org.bouncycastle.bcpg.ArmoredInputStream;
import org.bouncycastle.bcpg.PublicKeyAlgorithmTags;
import org.bouncycastle.bcpg.SymmetricKeyAlgorithmTags;
import org.bouncycastle.bcpg.sig.KeyFlags;
import org.bouncycastle.openpgp.PGPPublicKey;
import org.bouncycastle.openpgp.PGPPublicKeyRing;
import org.bouncycastle.openpgp.PGPSecretKey;
import org.bouncycastle.openpgp.PGPSecretKeyRing;
import org.bouncycastle.openpgp.PGPSignature;
import org.bouncycastle.openpgp.bc.BcPGPObjectFactory;
import org.bouncycastle.util.encoders.Hex;

/** Reads OpenPGP key rings and picks the key that signs. */
final class KeyRings {
    /** Larger than any real key ring, small enough that a wrong path to a big file fails fast. */
    private static final int MAX_KEY_BYTES = 16 * 1024 * 1024;

    private static final String ARMOR_BEGIN = "-----BEGIN PGP ";
    private static final String ARMOR_END = "-----END PGP ";

    private KeyRings() {}

    /** A secret key ring with the public key ring derived from it. */
    record Ring(PGPSecretKeyRing secretRing, PGPPublicKeyRing publicRing) {}

    /** The key rings found in one input. */
    record Parsed(List<Ring> secretRings, int publicRings) {}

    /** A secret key chosen to sign, with its ring. */
    record Candidate(Ring ring, PGPSecretKey secretKey) {}

    /**
     * Reads every key ring in {@code in}: binary packets, or one or more armored blocks, such as a
     * public and a private block pasted into one file.
     *
     * @throws IOException when the input cannot be read or is not OpenPGP data
     */
    static Parsed read(InputStream in) throws IOException {
        byte[] bytes = in.readNBytes(MAX_KEY_BYTES + 1);
        if (bytes.length > MAX_KEY_BYTES) {
            throw new IOException("too large for a key ring (more than " + MAX_KEY_BYTES + " bytes)");
        }
        List<Ring> secretRings = new ArrayList<>();
        int[] publicRings = {0};
        // ISO-8859-1 maps each byte to one char, so string offsets are byte offsets.
        String text = new String(bytes, StandardCharsets.ISO_8859_1);
        int begin = text.indexOf(ARMOR_BEGIN);
        if (begin < 0) {
            readPackets(new ByteArrayInputStream(bytes), secretRings, publicRings);
        }
        while (begin >= 0) {
            int end = text.indexOf(ARMOR_END, begin);
            if (end < 0) {
                throw new IOException("armor block without an '" + ARMOR_END + "...' line");
            }
            int lineEnd = text.indexOf('\n', end);
            int blockEnd = lineEnd < 0 ? text.length() : lineEnd + 1;
            try (ArmoredInputStream armored =
                    ArmoredInputStream.builder().build(new ByteArrayInputStream(bytes, begin, blockEnd - begin))) {
                readPackets(armored, secretRings, publicRings);
            }
            begin = text.indexOf(ARMOR_BEGIN, blockEnd);
        }
        if (secretRings.isEmpty() && publicRings[0] == 0) {
            throw new IOException("no key ring found");
        }
        return new Parsed(secretRings, publicRings[0]);
    }

    private static void readPackets(InputStream in, List<Ring> secretRings, int[] publicRings) throws IOException {
        BcPGPObjectFactory factory = new BcPGPObjectFactory(in);
        Object object;
        while ((object = factory.nextObject()) != null) {
            if (object instanceof PGPSecretKeyRing secretRing) {
                List<PGPPublicKey> publicKeys = new ArrayList<>();
                secretRing.getPublicKeys().forEachRemaining(publicKeys::add);
                secretRings.add(new Ring(secretRing, new PGPPublicKeyRing(publicKeys)));
            } else if (object instanceof PGPPublicKeyRing) {
                publicRings[0]++;
            }
            // Marker packets, signatures and trust packets carry nothing needed to sign.
        }
    }

    /**
     * Selects the signing key: the key {@code keyId} names, or the first key that can sign. A key id
     * that names a primary key which cannot sign selects that key's first subkey that can, as gpg
     * does.
     *
     * @param keyElement the element named when the key ring contains no usable key
     * @param shownValue the value named with {@code keyElement}: a path, never key material
     */
    static Candidate select(Parsed parsed, String keyId, String keyElement, String shownValue)
            throws InvalidConfigurationException {
        if (parsed.secretRings().isEmpty()) {
            throw new InvalidConfigurationException(
                    keyElement,
                    shownValue,
                    SigningKeys.ACCEPTED_KEY,
                    "It holds only public keys, which cannot sign. Export the secret key with"
                            + " 'gpg --export-secret-keys --armor KEYID'.");
        }
        if (keyId == null || keyId.isBlank()) {
            for (Ring ring : parsed.secretRings()) {
                for (PGPSecretKey key : secretKeys(ring)) {
                    if (unusableReason(ring, key) == null) {
                        return new Candidate(ring, key);
                    }
                }
            }
            throw new InvalidConfigurationException(
                    keyElement,
                    shownValue,
                    "a secret key that can sign: not revoked, not expired, with its secret part and the sign flag",
                    "None of its keys can sign: " + reasons(parsed) + ". Add a signing subkey with"
                            + " 'gpg --quick-add-key FINGERPRINT rsa3072 sign' and export the key again.");
        }
        return selectById(parsed, normalizeKeyId(keyId), keyId, keyElement);
    }

    private static Candidate selectById(Parsed parsed, String expected, String keyId, String keyElement)
            throws InvalidConfigurationException {
        for (Ring ring : parsed.secretRings()) {
            for (PGPSecretKey key : secretKeys(ring)) {
                if (!matches(key.getPublicKey(), expected)) {
                    continue;
                }
                String reason = unusableReason(ring, key);
                if (reason == null) {
                    return new Candidate(ring, key);
                }
                if (key.isMasterKey()) {
                    for (PGPSecretKey subkey : secretKeys(ring)) {
                        if (!subkey.isMasterKey() && unusableReason(ring, subkey) == null) {
                            return new Candidate(ring, subkey);
                        }
                    }
                }
                throw new InvalidConfigurationException(
                        SigningKeys.KEY_ID_ELEMENT,
                        keyId,
                        "a key that can sign",
                        "Key " + keyIdHex(key.getKeyID()) + " " + reason + "."
                                + (key.isMasterKey() ? " It has no subkey that can sign either." : "")
                                + usableKeysHint(parsed));
            }
        }
        throw new InvalidConfigurationException(
                SigningKeys.KEY_ID_ELEMENT,
                keyId,
                "the key id or fingerprint of a secret key in " + keyElement,
                "No secret key in " + keyElement + " has this id." + usableKeysHint(parsed)
                        + " List the keys with 'gpg --list-secret-keys --keyid-format long'.");
    }

    /**
     * Returns {@code keyId} as upper case hex without {@code 0x}, spaces or gpg's trailing {@code !}.
     */
    private static String normalizeKeyId(String keyId) throws InvalidConfigurationException {
        String hex = keyId.strip().replace(" ", "").toUpperCase(Locale.ROOT);
        if (hex.endsWith("!")) {
            hex = hex.substring(0, hex.length() - 1);
        }
        if (hex.startsWith("0X")) {
            hex = hex.substring(2);
        }
        boolean validLength = hex.length() == 8 || hex.length() == 16 || hex.length() == 40 || hex.length() == 64;
        if (!validLength || !hex.matches("[0-9A-F]+")) {
            throw new InvalidConfigurationException(
                    SigningKeys.KEY_ID_ELEMENT,
                    keyId,
                    "a key id of 8 or 16 hex digits or a fingerprint of 40 or 64 hex digits, optionally with 0x",
                    "Copy the id from 'gpg --list-secret-keys --keyid-format long'.");
        }
        return hex;
    }

    private static boolean matches(PGPPublicKey key, String expected) {
        if (expected.length() >= 40) {
            return fingerprintHex(key).equals(expected);
        }
        return keyIdHex(key.getKeyID()).endsWith(expected);
    }

    private static List<PGPSecretKey> secretKeys(Ring ring) {
        List<PGPSecretKey> keys = new ArrayList<>();
        ring.secretRing().getSecretKeys().forEachRemaining(keys::add);
        return keys;
    }

    /** Returns why {@code key} cannot sign, as a phrase after "Key X", or null when it can. */
    static String unusableReason(Ring ring, PGPSecretKey key) {
        PGPPublicKey publicKey = key.getPublicKey();
        PGPPublicKey primary = ring.secretRing().getPublicKey();
        if (!canSignAlgorithm(publicKey.getAlgorithm())) {
            return "uses an algorithm that cannot sign (" + algorithmName(publicKey.getAlgorithm()) + ")";
        }
        Integer flags = keyFlags(publicKey, primary);
        if (flags != null && (flags & KeyFlags.SIGN_DATA) == 0) {
            return "is not marked for signing";
        }
        if (key.isPrivateKeyEmpty()) {
            return "has no secret part in this export (a stub from --export-secret-subkeys or a smartcard)";
        }
        if (primary.hasRevocation()) {
            return "belongs to a revoked primary key";
        }
        if (publicKey.hasRevocation()) {
            return "is revoked";
        }
        String expiry = expiredOn(primary);
        if (expiry == null) {
            expiry = expiredOn(publicKey);
        }
        if (expiry != null) {
            return "expired on " + expiry;
        }
        return null;
    }

    private static String expiredOn(PGPPublicKey key) {
        long validSeconds = key.getValidSeconds();
        if (validSeconds <= 0) {
            return null;
        }
        Instant expiry = key.getCreationTime().toInstant().plusSeconds(validSeconds);
        return expiry.isBefore(Instant.now()) ? expiry.toString() : null;
    }

    /**
     * Returns the key flags of the newest self-signature (user id certification or direct key
     * signature for a primary key, binding signature for a subkey), or null when none has flags.
     */
    private static Integer keyFlags(PGPPublicKey key, PGPPublicKey primary) {
        PGPSignature newest = null;
        for (Iterator<PGPSignature> it = key.getSignatures(); it.hasNext(); ) {
            PGPSignature signature = it.next();
            if (signature.getKeyID() != primary.getKeyID()
                    || !isSelfSignatureType(signature.getSignatureType(), key.isMasterKey())
                    || signature.getHashedSubPackets() == null
                    || signature.getHashedSubPackets().getKeyFlags() == 0) {
                continue;
            }
            if (newest == null || signature.getCreationTime().after(newest.getCreationTime())) {
                newest = signature;
            }
        }
        return newest == null ? null : newest.getHashedSubPackets().getKeyFlags();
    }

    private static boolean isSelfSignatureType(int type, boolean primary) {
        if (!primary) {
            return type == PGPSignature.SUBKEY_BINDING;
        }
        return type == PGPSignature.DEFAULT_CERTIFICATION
                || type == PGPSignature.NO_CERTIFICATION
                || type == PGPSignature.CASUAL_CERTIFICATION
                || type == PGPSignature.POSITIVE_CERTIFICATION
                || type == PGPSignature.DIRECT_KEY;
    }

    private static boolean canSignAlgorithm(int algorithm) {
        return switch (algorithm) {
            case PublicKeyAlgorithmTags.RSA_GENERAL,
                    PublicKeyAlgorithmTags.RSA_SIGN,
                    PublicKeyAlgorithmTags.DSA,
                    PublicKeyAlgorithmTags.ECDSA,
                    PublicKeyAlgorithmTags.EDDSA_LEGACY,
                    PublicKeyAlgorithmTags.Ed25519,
                    PublicKeyAlgorithmTags.Ed448 -> true;
            default -> false;
        };
    }

    /** Returns the usual name of an OpenPGP public key algorithm. */
    static String algorithmName(int algorithm) {
        return switch (algorithm) {
            case PublicKeyAlgorithmTags.RSA_GENERAL, PublicKeyAlgorithmTags.RSA_SIGN -> "RSA";
            case PublicKeyAlgorithmTags.RSA_ENCRYPT -> "RSA (encrypt only)";
            case PublicKeyAlgorithmTags.DSA -> "DSA";
            case PublicKeyAlgorithmTags.ECDSA -> "ECDSA";
            case PublicKeyAlgorithmTags.EDDSA_LEGACY -> "EdDSA";
            case PublicKeyAlgorithmTags.Ed25519 -> "Ed25519";
            case PublicKeyAlgorithmTags.Ed448 -> "Ed448";
            case PublicKeyAlgorithmTags.ECDH, PublicKeyAlgorithmTags.X25519, PublicKeyAlgorithmTags.X448 -> "ECDH";
            case PublicKeyAlgorithmTags.ELGAMAL_ENCRYPT, PublicKeyAlgorithmTags.ELGAMAL_GENERAL -> "ElGamal";
            default -> "algorithm " + algorithm;
        };
    }

    /** Returns whether the secret part of {@code key} is encrypted with a passphrase. */
    static boolean isProtected(PGPSecretKey key) {
        return key.getKeyEncryptionAlgorithm() != SymmetricKeyAlgorithmTags.NULL;
    }

    private static String reasons(Parsed parsed) {
        List<String> reasons = new ArrayList<>();
        for (Ring ring : parsed.secretRings()) {
            for (PGPSecretKey key : secretKeys(ring)) {
                reasons.add(keyIdHex(key.getKeyID()) + " " + unusableReason(ring, key));
            }
        }
        return String.join("; ", reasons);
    }

    private static String usableKeysHint(Parsed parsed) {
        List<String> usable = new ArrayList<>();
        for (Ring ring : parsed.secretRings()) {
            for (PGPSecretKey key : secretKeys(ring)) {
                if (unusableReason(ring, key) == null) {
                    usable.add(keyIdHex(key.getKeyID()));
                }
            }
        }
        return usable.isEmpty() ? "" : " Keys that can sign: " + String.join(", ", usable) + ".";
    }

    /** Returns a key id as 16 upper case hex digits. */
    static String keyIdHex(long keyId) {
        return String.format(Locale.ROOT, "%016X", keyId);
    }

    /** Returns the fingerprint of {@code key} as upper case hex digits. */
    static String fingerprintHex(PGPPublicKey key) {
        return Hex.toHexString(key.getFingerprint()).toUpperCase(Locale.ROOT);
    }
}
