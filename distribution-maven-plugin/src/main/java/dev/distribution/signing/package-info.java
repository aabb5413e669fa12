/**
 * OpenPGP signing with Bouncy Castle, shared by every format that signs.
 *
 * <p>{@link dev.distribution.signing.SigningKeys} finds the secret key (POM {@code <signing>},
 * then the environment variables {@code DISTRIBUTION_SIGNING_KEY}/{@code
 * DISTRIBUTION_SIGNING_PASSPHRASE}, then maven-gpg-plugin's {@code MAVEN_GPG_KEY}/{@code
 * MAVEN_GPG_PASSPHRASE}), registers its text and passphrase with the redactor and unlocks it.
 * {@link dev.distribution.signing.OpenPgpSigner} then writes what each format needs: detached
 * signatures (Debian {@code Release.gpg}, YUM {@code repomd.xml.asc}, raw {@code .asc}), cleartext
 * signatures (Debian {@code InRelease}, Helm {@code .prov}) and bare v4 signature packets (RPM header
 * signatures). {@link dev.distribution.signing.SigningKey} exports the public key users import.
 *
 * <p>Signatures use the current time, so they are the one part of the output that differs between
 * two builds. This package imports only {@code dev.distribution.core}.
 */
package dev.distribution.signing;
