package dev.distribution.signing;

import dev.distribution.core.InvalidConfigurationException;
import dev.distribution.core.Redactor;
import java.io.ByteArrayInputStream;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.bouncycastle.openpgp.PGPException;
import org.bouncycastle.openpgp.PGPPrivateKey;
import org.bouncycastle.openpgp.PGPSecretKey;
import org.bouncycastle.openpgp.operator.PBESecretKeyDecryptor;
import org.bouncycastle.openpgp.operator.bc.BcPBESecretKeyDecryptorBuilder;
import org.bouncycastle.openpgp.operator.bc.BcPGPDigestCalculatorProvider;

/**
 * Finds, reads and unlocks the OpenPGP secret key that every format signs with.
 *
 * <p>Each failure is an {@link InvalidConfigurationException} whose element is the POM element,
 * settings entry or environment variable to fix and whose value is the key file path or key id.
 * Key material and passphrases never appear in a message: they are registered with the {@link
 * Redactor} before anything is parsed.
 */
public final class SigningKeys {
    /** POM element of the key file path. */
    public static final String KEY_FILE_ELEMENT = "<signing><keyFile>";
    /** POM element of the key given as armored text. */
    public static final String KEY_ELEMENT = "<signing><key>";
    /** POM element of the key id or fingerprint that selects the signing key. */
    public static final String KEY_ID_ELEMENT = "<signing><keyId>";
    /** Source of an explicitly given passphrase: the settings.xml server with id {@code signing}. */
    public static final String SETTINGS_PASSPHRASE_ELEMENT = "settings.xml <server><id>signing</id><passphrase>";

    /** Environment variable with the armored secret key. */
    public static final String ENV_KEY = "DISTRIBUTION_SIGNING_KEY";
    /** Environment variable with the passphrase of {@link #ENV_KEY}. */
    public static final String ENV_PASSPHRASE = "DISTRIBUTION_SIGNING_PASSPHRASE";
    /** maven-gpg-plugin's environment variable with the armored secret key, read as a fallback. */
    public static final String MAVEN_GPG_KEY = "MAVEN_GPG_KEY";
    /** maven-gpg-plugin's environment variable with the passphrase, read as a fallback. */
    public static final String MAVEN_GPG_PASSPHRASE = "MAVEN_GPG_PASSPHRASE";

    static final String ACCEPTED_KEY =
            "an OpenPGP secret key ring, armored or binary, as written by gpg --export-secret-keys";
    private static final String ENV_PREFIX = "env ";

    private SigningKeys() {}

    /**
     * Resolves and unlocks the signing key.
     *
     * <p>The key is {@code keyFile} or {@code armoredKey} when one is given, then the environment
     * variable {@value #ENV_KEY}, then {@value #MAVEN_GPG_KEY}. The passphrase is {@code passphrase}
     * when given, then the passphrase variable of the same pair ({@value #ENV_PASSPHRASE} or {@value
     * #MAVEN_GPG_PASSPHRASE}), then the other pair's. Blank environment values count as unset.
     *
     * @param keyFile the key file from {@code <signing><keyFile>}, already resolved against the
     *     project directory; may be null
     * @param armoredKey the key text from {@code <signing><key>}; may be null
     * @param keyId the key id or fingerprint from {@code <signing><keyId>}; may be null
     * @param passphrase the passphrase from the settings.xml server {@code signing}; may be null
     * @param env the process environment, a parameter so tests can pass their own; not null
     * @param redactor receives the passphrase and the key text before anything else happens; not null
     * @return the unlocked key; never null
     * @throws InvalidConfigurationException when no key is configured, both a file and a text key are
     *     set, or the key cannot be read, selected or unlocked
     */
    public static SigningKey resolve(
            Path keyFile,
            String armoredKey,
            String keyId,
            char[] passphrase,
            Map<String, String> env,
            Redactor redactor)
            throws InvalidConfigurationException {
        Objects.requireNonNull(env, "env");
        Objects.requireNonNull(redactor, "redactor");
        redactor.register(passphrase);
        registerKeyText(armoredKey, redactor);
        env.forEach((name, value) -> {
            if (name.equals(ENV_PASSPHRASE) || name.equals(MAVEN_GPG_PASSPHRASE)) {
                redactor.register(value);
            } else if (name.equals(ENV_KEY) || name.equals(MAVEN_GPG_KEY)) {
                registerKeyText(value, redactor);
            }
        });

        boolean hasArmoredKey = armoredKey != null && !armoredKey.isBlank();
        if (keyFile != null && hasArmoredKey) {
            throw new InvalidConfigurationException(
                    KEY_ELEMENT,
                    "[key text hidden]",
                    "either " + KEY_FILE_ELEMENT + " or " + KEY_ELEMENT + ", not both",
                    "Remove " + KEY_ELEMENT + " or " + KEY_FILE_ELEMENT + ".");
        }

        String keyEnv = null;
        KeySource source;
        if (keyFile != null) {
            source = new KeySource(keyFile, null, keyId, passphrase, KEY_FILE_ELEMENT);
        } else if (hasArmoredKey) {
            source = new KeySource(null, armoredKey, keyId, passphrase, KEY_ELEMENT);
        } else {
            if (nonBlank(env.get(ENV_KEY)) != null) {
                keyEnv = ENV_KEY;
            } else if (nonBlank(env.get(MAVEN_GPG_KEY)) != null) {
                keyEnv = MAVEN_GPG_KEY;
            }
            if (keyEnv == null) {
                throw new InvalidConfigurationException(
                        KEY_FILE_ELEMENT,
                        null,
                        ACCEPTED_KEY,
                        "Set " + KEY_FILE_ELEMENT + " to a file written by 'gpg --export-secret-keys --armor KEYID',"
                                + " or put that text in " + KEY_ELEMENT + " or in the environment variable "
                                + ENV_KEY + ".");
            }
            source = new KeySource(null, env.get(keyEnv), keyId, passphrase, ENV_PREFIX + keyEnv);
        }

        String passphraseElement = SETTINGS_PASSPHRASE_ELEMENT;
        if (passphrase == null || passphrase.length == 0) {
            List<String> order = MAVEN_GPG_KEY.equals(keyEnv)
                    ? List.of(MAVEN_GPG_PASSPHRASE, ENV_PASSPHRASE)
                    : List.of(ENV_PASSPHRASE, MAVEN_GPG_PASSPHRASE);
            for (String name : order) {
                String value = nonBlank(env.get(name));
                if (value != null) {
                    source = new KeySource(
                            source.keyFile(), source.armoredKey(), keyId, value.toCharArray(), source.origin());
                    passphraseElement = name;
                    break;
                }
            }
        }
        return load(source, passphraseElement, redactor);
    }

    /**
     * Reads and unlocks the key of {@code source}, taking its passphrase to come from the settings.xml
     * server {@code signing}.
     *
     * @see #load(KeySource, String, Redactor)
     */
    public static SigningKey load(KeySource source, Redactor redactor) throws InvalidConfigurationException {
        return load(source, SETTINGS_PASSPHRASE_ELEMENT, redactor);
    }

    /**
     * Reads the key ring of {@code source}, selects the signing key and unlocks it.
     *
     * @param source the key; not null
     * @param passphraseElement where the passphrase came from, named by errors about it; not null
     * @param redactor receives the passphrase and the key text; not null
     * @return the unlocked key; never null
     * @throws InvalidConfigurationException when the key cannot be read, selected or unlocked
     */
    public static SigningKey load(KeySource source, String passphraseElement, Redactor redactor)
            throws InvalidConfigurationException {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(passphraseElement, "passphraseElement");
        Objects.requireNonNull(redactor, "redactor");
        redactor.register(source.passphrase());
        registerKeyText(source.armoredKey(), redactor);

        boolean fromFile = source.keyFile() != null;
        String keyElement = keyElement(source, fromFile);
        String shownValue = fromFile ? source.keyFile().toString() : "[key text hidden]";
        if (!fromFile && (source.armoredKey() == null || source.armoredKey().isBlank())) {
            throw new InvalidConfigurationException(
                    keyElement, null, ACCEPTED_KEY, "Set " + KEY_FILE_ELEMENT + " or " + KEY_ELEMENT + ".");
        }

        KeyRings.Parsed rings;
        try (InputStream in = fromFile
                ? Files.newInputStream(source.keyFile())
                : new ByteArrayInputStream(keyTextBytes(source.armoredKey()))) {
            rings = KeyRings.read(in);
        } catch (NoSuchFileException | AccessDeniedException | FileNotFoundException e) {
            throw new InvalidConfigurationException(
                    keyElement,
                    shownValue,
                    "an existing, readable file",
                    "Check that the file exists and is readable; Maven resolves a relative path against the project"
                            + " directory.");
        } catch (IOException e) {
            throw new InvalidConfigurationException(
                    keyElement,
                    shownValue,
                    ACCEPTED_KEY,
                    (fromFile ? "The file cannot be read as OpenPGP data (" : "The text is not OpenPGP data (")
                            + redactor.redact(String.valueOf(e.getMessage()))
                            + "). Export the key again with 'gpg --export-secret-keys --armor KEYID'.");
        }

        KeyRings.Candidate candidate = KeyRings.select(rings, source.keyId(), keyElement, shownValue);
        PGPPrivateKey privateKey = unlock(candidate.secretKey(), source.passphrase(), passphraseElement);
        return new SigningKey(
                candidate.ring().publicRing(), candidate.secretKey().getPublicKey(), privateKey);
    }

    private static PGPPrivateKey unlock(PGPSecretKey secretKey, char[] passphrase, String passphraseElement)
            throws InvalidConfigurationException {
        String keyId = KeyRings.keyIdHex(secretKey.getKeyID());
        boolean hasPassphrase = passphrase != null && passphrase.length > 0;
        if (KeyRings.isProtected(secretKey) && !hasPassphrase) {
            throw new InvalidConfigurationException(
                    passphraseElement,
                    null,
                    "the passphrase that protects secret key " + keyId,
                    "Set the passphrase in the settings.xml server 'signing' (<passphrase>) or in the environment"
                            + " variable " + ENV_PASSPHRASE + ".");
        }
        try {
            PBESecretKeyDecryptor decryptor = new BcPBESecretKeyDecryptorBuilder(new BcPGPDigestCalculatorProvider())
                    .build(hasPassphrase ? passphrase : new char[0]);
            return secretKey.extractPrivateKey(decryptor);
        } catch (PGPException | RuntimeException e) {
            InvalidConfigurationException error = new InvalidConfigurationException(
                    passphraseElement,
                    keyId,
                    "the passphrase that protects secret key " + keyId,
                    "The passphrase does not unlock secret key " + keyId
                            + " (wrong passphrase, or a protection scheme that cannot be read). Check it with"
                            + " 'gpg --pinentry-mode loopback --export-secret-keys " + keyId + "'.");
            error.initCause(e);
            throw error;
        }
    }

    private static String keyElement(KeySource source, boolean fromFile) {
        String origin = source.origin();
        if (origin == null || origin.isBlank()) {
            return fromFile ? KEY_FILE_ELEMENT : KEY_ELEMENT;
        }
        return origin.startsWith(ENV_PREFIX) ? origin.substring(ENV_PREFIX.length()) : origin;
    }

    /**
     * Returns the bytes of key text. Armored text is ASCII; text that is not armored is taken to be a
     * binary key ring carried one byte per character.
     */
    private static byte[] keyTextBytes(String text) {
        return text.contains("-----BEGIN PGP")
                ? text.getBytes(StandardCharsets.UTF_8)
                : text.getBytes(StandardCharsets.ISO_8859_1);
    }

    /**
     * Registers the key text and each of its armor lines, so that a single line of key material
     * that ends up in a message is masked too.
     */
    private static void registerKeyText(String text, Redactor redactor) {
        if (text == null || text.isBlank()) {
            return;
        }
        redactor.register(text);
        redactor.register(text.strip());
        for (String line : text.split("\\R")) {
            String trimmed = line.strip();
            // Armor headers and short lines such as the checksum are not secret and would mask
            // ordinary words if registered.
            if (trimmed.length() >= 16 && !trimmed.startsWith("-----") && !trimmed.contains(": ")) {
                redactor.register(trimmed);
            }
        }
    }

    private static String nonBlank(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
