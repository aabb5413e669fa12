package dev.distribution.maven;

import java.io.File;

/**
 * The {@code <signing>} block inside {@code <helm>}. The passphrase comes from the settings.xml
 * server {@code signing} or the environment ({@code DISTRIBUTION_SIGNING_PASSPHRASE},
 * {@code MAVEN_GPG_PASSPHRASE}); the key may also come from {@code DISTRIBUTION_SIGNING_KEY} or
 * {@code MAVEN_GPG_KEY}.
 */
public class HelmSigningConfig {
    /** An armored or binary OpenPGP secret key file. */
    File keyFile;

    /** The armored secret key as text; prefer {@code keyFile} or the environment. */
    String key;

    /** The key id or fingerprint to sign with, when the key file contains several. */
    String keyId;
}
