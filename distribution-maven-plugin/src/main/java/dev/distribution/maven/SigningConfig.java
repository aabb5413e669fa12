package dev.distribution.maven;

import java.io.File;

/**
 * The {@code <signing>} block: which OpenPGP key signs packages, repository indexes and Helm
 * provenance files. The {@code rpm} and {@code deploy-rpm} goals take it as a goal parameter, the
 * {@code helm} goal inside {@code <helm>}. The passphrase never goes into the POM: it comes from the settings.xml server {@code signing} or the
 * environment variable {@code DISTRIBUTION_SIGNING_PASSPHRASE} (or {@code MAVEN_GPG_PASSPHRASE}).
 *
 * <pre>{@code
 * <signing>
 *   <keyFile>${user.home}/.keys/release.asc</keyFile>
 *   <keyId>0x1234ABCD</keyId>
 * </signing>
 * }</pre>
 *
 * Without {@code keyFile} and {@code key}, the key comes from the environment variable {@code
 * DISTRIBUTION_SIGNING_KEY} (or {@code MAVEN_GPG_KEY}), as armored text.
 */
public class SigningConfig {
    /** A secret key file, armored or binary, as {@code gpg --export-secret-keys} writes it. A relative path starts at the project folder. */
    File keyFile;

    /** The armored secret key as text, usually {@code ${env.SOME_VARIABLE}}; never the key itself in a POM. */
    String key;

    /** The key id or fingerprint of the signing key when the key ring holds several. */
    String keyId;
}
