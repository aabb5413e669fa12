package dev.distribution.maven;

import dev.distribution.core.InvalidConfigurationException;
import dev.distribution.signing.OpenPgpSigner;
import dev.distribution.signing.SigningKeys;
import java.nio.file.Path;
import java.util.Map;

/** Turns the {@code <signing>} block, settings.xml and the environment into a signer. */
final class Signing {
    /** The settings.xml server whose passphrase (or password) unlocks the signing key. */
    static final String SERVER_ID = "signing";

    private Signing() {}

    /** Returns whether a key is configured in the POM or the environment. */
    static boolean isConfigured(SigningConfig config, Map<String, String> env) {
        boolean inPom = config != null && (config.keyFile != null || (config.key != null && !config.key.isBlank()));
        return inPom
                || !env.getOrDefault(SigningKeys.ENV_KEY, "").isBlank()
                || !env.getOrDefault(SigningKeys.MAVEN_GPG_KEY, "").isBlank();
    }

    /**
     * Resolves and unlocks the key.
     *
     * @throws InvalidConfigurationException when no key is configured, or it cannot be read or unlocked
     */
    static OpenPgpSigner signer(SigningConfig config, MavenSettings settings, Path basedir)
            throws InvalidConfigurationException {
        SigningConfig block = config != null ? config : new SigningConfig();
        Path keyFile = block.keyFile == null ? null : basedir.resolve(block.keyFile.toPath());
        return new OpenPgpSigner(SigningKeys.resolve(
                keyFile,
                block.key,
                block.keyId,
                settings.password(SERVER_ID),
                System.getenv(),
                BuildSecrets.redactor()));
    }
}
