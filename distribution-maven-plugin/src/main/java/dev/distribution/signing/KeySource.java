package dev.distribution.signing;

import java.nio.file.Path;

/**
 * The unread source of a signing key: a file or text, with the key id and passphrase that select and
 * unlock it.
 *
 * <p>Exactly one of {@code keyFile} and {@code armoredKey} is set. Both contain an OpenPGP secret key
 * ring, armored or binary, as {@code gpg --export-secret-keys [--armor]} writes it.
 *
 * @param keyFile the key file; null when the key is given as text. Relative paths are resolved
 *     against the working directory, so callers pass an absolute path.
 * @param armoredKey the key ring as text (armored, or binary read as ISO-8859-1); null when a file
 *     is given. It is key material: register it with the {@code Redactor} and never print it.
 * @param keyId the key to sign with, as an 8 or 16 hex digit key id or a 40 or 64 hex digit
 *     fingerprint, with or without {@code 0x} and spaces; null selects the first key that can sign
 * @param passphrase the passphrase that unlocks the secret key; null or empty when it is not
 *     protected
 * @param origin the POM element or environment variable the key came from, such as {@code
 *     <signing><keyFile>} or {@code env DISTRIBUTION_SIGNING_KEY}; error messages name it as the
 *     element to fix. Null means {@code <signing><keyFile>} or {@code <signing><key>}.
 */
public record KeySource(Path keyFile, String armoredKey, String keyId, char[] passphrase, String origin) {}
