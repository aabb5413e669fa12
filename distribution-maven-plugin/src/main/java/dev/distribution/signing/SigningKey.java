package dev.distribution.signing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.bouncycastle.bcpg.BCPGOutputStream;
import org.bouncycastle.bcpg.PacketFormat;
import org.bouncycastle.openpgp.PGPPrivateKey;
import org.bouncycastle.openpgp.PGPPublicKey;
import org.bouncycastle.openpgp.PGPPublicKeyRing;

/**
 * An unlocked OpenPGP key that can sign, with the public key ring users import to verify.
 *
 * <p>Created by {@link SigningKeys}. Immutable and thread-safe. {@link #toString()} shows the key
 * id only.
 */
public final class SigningKey {
    private final PGPPublicKeyRing publicRing;
    private final PGPPublicKey publicKey;
    private final PGPPrivateKey privateKey;

    SigningKey(PGPPublicKeyRing publicRing, PGPPublicKey publicKey, PGPPrivateKey privateKey) {
        this.publicRing = publicRing;
        this.publicKey = publicKey;
        this.privateKey = privateKey;
    }

    /** Returns the id of the key that signs (a subkey when a subkey signs), as 16 upper case hex digits. */
    public String keyId() {
        return KeyRings.keyIdHex(publicKey.getKeyID());
    }

    /** Returns the fingerprint of the key that signs, as upper case hex digits (40 for a v4 key). */
    public String fingerprint() {
        return KeyRings.fingerprintHex(publicKey);
    }

    /** Returns the id of the primary key, which equals {@link #keyId()} unless a subkey signs. */
    public String primaryKeyId() {
        return KeyRings.keyIdHex(publicRing.getPublicKey().getKeyID());
    }

    /** Returns the fingerprint of the primary key, the one users pin in their trust configuration. */
    public String primaryFingerprint() {
        return KeyRings.fingerprintHex(publicRing.getPublicKey());
    }

    /** Returns the OpenPGP public key algorithm id of the signing key (1 for RSA, 22 for EdDSA). */
    public int algorithm() {
        return publicKey.getAlgorithm();
    }

    /** Returns the name of the signing key's algorithm, such as {@code RSA} or {@code EdDSA}. */
    public String algorithmName() {
        return KeyRings.algorithmName(publicKey.getAlgorithm());
    }

    /** Returns the user ids of the primary key, such as {@code Name <mail@example.org>}. */
    public List<String> userIds() {
        List<String> userIds = new ArrayList<>();
        publicRing.getPublicKey().getUserIDs().forEachRemaining(userIds::add);
        return userIds;
    }

    /**
     * Returns the public key ring (primary key, user ids, subkeys and their self-signatures) in
     * binary form, as {@code gpg --export} writes it: the content of an APT keyring file such as
     * {@code /usr/share/keyrings/example.gpg}.
     */
    public byte[] publicKeyBinary() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (BCPGOutputStream packets = new BCPGOutputStream(out, PacketFormat.ROUNDTRIP)) {
            publicRing.encode(packets, true);
        } catch (IOException e) {
            throw new UncheckedIOException("Encoding a public key in memory failed", e);
        }
        return out.toByteArray();
    }

    /**
     * Returns the public key ring armored, as {@code gpg --export --armor} writes it, with {@code \n}
     * line endings: the content of a {@code KEY.asc} or {@code RPM-GPG-KEY} file.
     */
    public String publicKeyArmored() {
        return Armor.armor(publicKeyBinary());
    }

    PGPPublicKey publicKey() {
        return publicKey;
    }

    PGPPrivateKey privateKey() {
        return privateKey;
    }

    @Override
    public String toString() {
        return "SigningKey[" + keyId() + "]";
    }
}
