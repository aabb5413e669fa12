package dev.distribution.maven;

import java.io.File;

/**
 * A {@code <signing>} block. The passphrase never comes from the POM: it is the password or
 * passphrase of the settings.xml server {@code signing}, or the environment variable
 * {@code DISTRIBUTION_SIGNING_PASSPHRASE} (or {@code MAVEN_GPG_PASSPHRASE}). Without a key file or
 * key here, the key comes from {@code DISTRIBUTION_SIGNING_KEY} (or {@code MAVEN_GPG_KEY}).
 */
public class SigningConfig {
    /** A secret key file written by {@code gpg --export-secret-keys --armor KEYID}. */
    File keyFile;

    /** The armored secret key text, usually {@code ${env.SOME_VARIABLE}}. */
    String key;

    /** The key id or fingerprint to sign with, when the key ring holds several keys. */
    String keyId;
}
