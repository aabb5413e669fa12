package dev.distribution.format.deb;

import dev.distribution.core.PublishException;
import java.io.InputStream;
import java.io.OutputStream;

/**
 * Signs an APT repository's {@code Release} file and provides the public key clients verify it with.
 * Shaped like the plugin's OpenPGP signer so either can stand behind it.
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
}
