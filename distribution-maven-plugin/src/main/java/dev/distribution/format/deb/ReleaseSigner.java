package dev.distribution.format.deb;

import dev.distribution.core.PublishException;
import dev.distribution.signing.OpenPgpSigner;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Signs an APT repository's {@code Release} file and provides the public key clients verify it with.
 * {@link #of(OpenPgpSigner)} adapts the plugin's OpenPGP signer; tests can sign with gpg instead.
 */
public interface ReleaseSigner {

    /** Returns {@code text} as a clearsigned message, the content of {@code InRelease}. */
    String clearSign(String text) throws PublishException;

    /** Writes a detached signature of {@code data}, the content of {@code Release.gpg} when armored. */
    void detachedSignature(InputStream data, OutputStream signature, boolean armored) throws PublishException;

    /** The public key, ASCII-armored. */
    byte[] publicKeyArmored() throws PublishException;

    /** The public key in binary OpenPGP form, the format {@code signed-by=} files usually have. */
    byte[] publicKeyBinary() throws PublishException;

    /** Signs with the plugin's OpenPGP signer. */
    static ReleaseSigner of(OpenPgpSigner signer) {
        return new ReleaseSigner() {
            @Override
            public String clearSign(String text) throws PublishException {
                try {
                    return signer.clearSign(text);
                } catch (IOException e) {
                    throw new PublishException("Could not sign the Release file: " + e.getMessage(), e);
                }
            }

            @Override
            public void detachedSignature(InputStream data, OutputStream signature, boolean armored)
                    throws PublishException {
                try {
                    signer.detachedSignature(data, signature, armored);
                } catch (IOException e) {
                    throw new PublishException("Could not sign the Release file: " + e.getMessage(), e);
                }
            }

            @Override
            public byte[] publicKeyArmored() {
                return signer.key().publicKeyArmored().getBytes(StandardCharsets.US_ASCII);
            }

            @Override
            public byte[] publicKeyBinary() {
                return signer.key().publicKeyBinary();
            }
        };
    }
}
