package dev.distribution.signing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.distribution.core.InvalidConfigurationException;
import dev.distribution.core.Redactor;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SigningKeysTest {
    private static TestKeys keys;

    @TempDir
    Path temp;

    private final Redactor redactor = new Redactor();

    @BeforeAll
    static void generateKeys() throws Exception {
        keys = TestKeys.get();
    }

    @Test
    void armoredFileLoads() throws Exception {
        SigningKey key = SigningKeys.resolve(keys.path("rsa.asc"), null, null, null, Map.of(), redactor);

        assertThat(key.fingerprint()).isEqualTo(keys.rsaFingerprint);
    }

    @Test
    void keyIdIsLongIdUpperCase() throws Exception {
        SigningKey key = SigningKeys.resolve(keys.path("rsa.asc"), null, null, null, Map.of(), redactor);

        assertThat(key.keyId()).isEqualTo(keys.rsaFingerprint.substring(24));
    }

    @Test
    void binaryFileLoads() throws Exception {
        SigningKey key = SigningKeys.resolve(keys.path("rsa.gpg"), null, null, null, Map.of(), redactor);

        assertThat(key.fingerprint()).isEqualTo(keys.rsaFingerprint);
    }

    @Test
    void publicAndSecretBlocksInOneFile() throws Exception {
        SigningKey key = SigningKeys.resolve(keys.path("combined.asc"), null, null, null, Map.of(), redactor);

        assertThat(key.fingerprint()).isEqualTo(keys.rsaFingerprint);
    }

    @Test
    void armoredTextLoads() throws Exception {
        SigningKey key = SigningKeys.resolve(null, keys.text("ed25519.asc"), null, null, Map.of(), redactor);

        assertThat(key.fingerprint()).isEqualTo(keys.ed25519Fingerprint);
    }

    @Test
    void ed25519IsEdDsa() throws Exception {
        SigningKey key = SigningKeys.resolve(null, keys.text("ed25519.asc"), null, null, Map.of(), redactor);

        assertThat(key.algorithmName()).isEqualTo("EdDSA");
    }

    @Test
    void signingSubkeyChosenByDefault() throws Exception {
        SigningKey key = SigningKeys.resolve(keys.path("subkey.asc"), null, null, null, Map.of(), redactor);

        assertThat(key.fingerprint()).isEqualTo(keys.subkeyFingerprint);
    }

    @Test
    void subkeyPrimaryFingerprintKept() throws Exception {
        SigningKey key = SigningKeys.resolve(keys.path("subkey.asc"), null, null, null, Map.of(), redactor);

        assertThat(key.primaryFingerprint()).isEqualTo(keys.subkeyPrimaryFingerprint);
    }

    @Test
    void subkeysOnlyExportLoads() throws Exception {
        Path subkeysOnly = temp.resolve("subkeys-only.asc");
        keys.gpg.ok(
                "--passphrase",
                "",
                "--armor",
                "--output",
                subkeysOnly.toString(),
                "--export-secret-subkeys",
                keys.subkeyPrimaryFingerprint);

        SigningKey key =
                SigningKeys.resolve(subkeysOnly, null, keys.subkeyPrimaryFingerprint, null, Map.of(), redactor);

        assertThat(key.fingerprint()).isEqualTo(keys.subkeyFingerprint);
    }

    @Test
    void primaryKeyIdSelectsSigningSubkey() throws Exception {
        String primaryId = "0x" + keys.subkeyPrimaryFingerprint.substring(24).toLowerCase();

        SigningKey key = SigningKeys.resolve(keys.path("subkey.asc"), null, primaryId, null, Map.of(), redactor);

        assertThat(key.fingerprint()).isEqualTo(keys.subkeyFingerprint);
    }

    @Test
    void subkeyFingerprintSelects() throws Exception {
        SigningKey key =
                SigningKeys.resolve(keys.path("subkey.asc"), null, keys.subkeyFingerprint, null, Map.of(), redactor);

        assertThat(key.keyId()).isEqualTo(keys.subkeyFingerprint.substring(24));
    }

    @Test
    void shortKeyIdSelects() throws Exception {
        String shortId = keys.rsaFingerprint.substring(32);

        SigningKey key = SigningKeys.resolve(keys.path("rsa.asc"), null, shortId, null, Map.of(), redactor);

        assertThat(key.fingerprint()).isEqualTo(keys.rsaFingerprint);
    }

    @Test
    void spacedFingerprintSelects() throws Exception {
        String spaced = keys.rsaFingerprint.replaceAll("(.{4})", "$1 ").strip();

        SigningKey key = SigningKeys.resolve(keys.path("rsa.asc"), null, spaced, null, Map.of(), redactor);

        assertThat(key.fingerprint()).isEqualTo(keys.rsaFingerprint);
    }

    @Test
    void passphraseUnlocks() throws Exception {
        SigningKey key = SigningKeys.resolve(
                keys.path("protected.asc"), null, null, TestKeys.PASSPHRASE.toCharArray(), Map.of(), redactor);

        assertThat(key.fingerprint()).isEqualTo(keys.protectedFingerprint);
    }

    @Test
    void passphraseFromEnvironment() throws Exception {
        Map<String, String> env = Map.of(SigningKeys.ENV_PASSPHRASE, TestKeys.PASSPHRASE);

        SigningKey key = SigningKeys.resolve(keys.path("protected.asc"), null, null, null, env, redactor);

        assertThat(key.fingerprint()).isEqualTo(keys.protectedFingerprint);
    }

    @Test
    void keyAndPassphraseFromEnvironment() throws Exception {
        Map<String, String> env = Map.of(
                SigningKeys.ENV_KEY, keys.text("protected.asc"), SigningKeys.ENV_PASSPHRASE, TestKeys.PASSPHRASE);

        SigningKey key = SigningKeys.resolve(null, null, null, null, env, redactor);

        assertThat(key.fingerprint()).isEqualTo(keys.protectedFingerprint);
    }

    @Test
    void mavenGpgVariablesAsFallback() throws Exception {
        Map<String, String> env = Map.of(
                SigningKeys.MAVEN_GPG_KEY,
                keys.text("protected.asc"),
                SigningKeys.MAVEN_GPG_PASSPHRASE,
                TestKeys.PASSPHRASE);

        SigningKey key = SigningKeys.resolve(null, null, null, null, env, redactor);

        assertThat(key.fingerprint()).isEqualTo(keys.protectedFingerprint);
    }

    @Test
    void distributionVariableBeforeMavenGpg() throws Exception {
        Map<String, String> env =
                Map.of(SigningKeys.ENV_KEY, keys.text("ed25519.asc"), SigningKeys.MAVEN_GPG_KEY, keys.text("rsa.asc"));

        SigningKey key = SigningKeys.resolve(null, null, null, null, env, redactor);

        assertThat(key.fingerprint()).isEqualTo(keys.ed25519Fingerprint);
    }

    @Test
    void explicitFileBeforeEnvironment() throws Exception {
        Map<String, String> env = Map.of(SigningKeys.ENV_KEY, keys.text("ed25519.asc"));

        SigningKey key = SigningKeys.resolve(keys.path("rsa.asc"), null, null, null, env, redactor);

        assertThat(key.fingerprint()).isEqualTo(keys.rsaFingerprint);
    }

    @Test
    void secretsRegisteredWithRedactor() throws Exception {
        String armored = keys.text("protected.asc");
        SigningKeys.resolve(null, armored, null, TestKeys.PASSPHRASE.toCharArray(), Map.of(), redactor);
        String keyLine =
                armored.lines().filter(line -> line.length() == 64).findFirst().orElseThrow();

        String redacted = redactor.redact("pass " + TestKeys.PASSPHRASE + " line " + keyLine + " all " + armored);

        assertThat(redacted).isEqualTo("pass **** line **** all ****");
    }

    @Test
    void wrongPassphraseRejected() {
        InvalidConfigurationException error = catchThrowableOfType(
                InvalidConfigurationException.class,
                () -> SigningKeys.resolve(
                        keys.path("protected.asc"),
                        null,
                        null,
                        "not the passphrase".toCharArray(),
                        Map.of(),
                        redactor));

        assertThat(error.getElement()).isEqualTo(SigningKeys.SETTINGS_PASSPHRASE_ELEMENT);
        assertThat(error.getInvalidValue()).isEqualTo(keys.protectedFingerprint.substring(24));
        assertThat(error.getMessage()).contains("does not unlock");
        assertThat(error.getMessage()).doesNotContain("not the passphrase");
    }

    @Test
    void wrongEnvironmentPassphraseNamesVariable() {
        Map<String, String> env = Map.of(SigningKeys.ENV_PASSPHRASE, "env secret value");

        InvalidConfigurationException error = catchThrowableOfType(
                InvalidConfigurationException.class,
                () -> SigningKeys.resolve(keys.path("protected.asc"), null, null, null, env, redactor));

        assertThat(error.getElement()).isEqualTo(SigningKeys.ENV_PASSPHRASE);
        assertThat(error.getMessage()).doesNotContain("env secret value");
    }

    @Test
    void missingPassphraseRejected() {
        InvalidConfigurationException error = catchThrowableOfType(
                InvalidConfigurationException.class,
                () -> SigningKeys.resolve(keys.path("protected.asc"), null, null, null, Map.of(), redactor));

        assertThat(error.getElement()).isEqualTo(SigningKeys.SETTINGS_PASSPHRASE_ELEMENT);
        assertThat(error.getInvalidValue()).isNull();
        assertThat(error.getMessage()).contains(SigningKeys.ENV_PASSPHRASE);
    }

    @Test
    void missingFileRejected() {
        Path missing = temp.resolve("no-such-key.asc");

        InvalidConfigurationException error = catchThrowableOfType(
                InvalidConfigurationException.class,
                () -> SigningKeys.resolve(missing, null, null, "secret pass".toCharArray(), Map.of(), redactor));

        assertThat(error.getElement()).isEqualTo(SigningKeys.KEY_FILE_ELEMENT);
        assertThat(error.getInvalidValue()).isEqualTo(missing.toString());
        assertThat(error.getMessage()).doesNotContain("secret pass");
    }

    @Test
    void directoryRejected() {
        InvalidConfigurationException error = catchThrowableOfType(
                InvalidConfigurationException.class,
                () -> SigningKeys.resolve(temp, null, null, null, Map.of(), redactor));

        assertThat(error.getElement()).isEqualTo(SigningKeys.KEY_FILE_ELEMENT);
        assertThat(error.getInvalidValue()).isEqualTo(temp.toString());
    }

    @Test
    void unknownKeyIdRejected() {
        InvalidConfigurationException error = catchThrowableOfType(
                InvalidConfigurationException.class,
                () -> SigningKeys.resolve(
                        keys.path("rsa.asc"),
                        null,
                        "0123456789ABCDEF",
                        "secret pass".toCharArray(),
                        Map.of(),
                        redactor));

        assertThat(error.getElement()).isEqualTo(SigningKeys.KEY_ID_ELEMENT);
        assertThat(error.getInvalidValue()).isEqualTo("0123456789ABCDEF");
        assertThat(error.getMessage()).contains(keys.rsaFingerprint.substring(24));
        assertThat(error.getMessage()).doesNotContain("secret pass");
    }

    @Test
    void malformedKeyIdRejected() {
        InvalidConfigurationException error = catchThrowableOfType(
                InvalidConfigurationException.class,
                () -> SigningKeys.resolve(keys.path("rsa.asc"), null, "Test User", null, Map.of(), redactor));

        assertThat(error.getElement()).isEqualTo(SigningKeys.KEY_ID_ELEMENT);
        assertThat(error.getAccepted()).contains("16 hex digits");
    }

    @Test
    void publicKeyOnlyRejected() {
        InvalidConfigurationException error = catchThrowableOfType(
                InvalidConfigurationException.class,
                () -> SigningKeys.resolve(
                        keys.path("rsa-public.asc"), null, null, "secret pass".toCharArray(), Map.of(), redactor));

        assertThat(error.getElement()).isEqualTo(SigningKeys.KEY_FILE_ELEMENT);
        assertThat(error.getInvalidValue())
                .isEqualTo(keys.path("rsa-public.asc").toString());
        assertThat(error.getMessage()).contains("only public keys");
        assertThat(error.getMessage()).doesNotContain("secret pass");
    }

    @Test
    void publicKeyInEnvironmentNamesVariable() throws Exception {
        String publicKey = keys.text("rsa-public.asc");
        Map<String, String> env = Map.of(SigningKeys.ENV_KEY, publicKey);

        InvalidConfigurationException error = catchThrowableOfType(
                InvalidConfigurationException.class, () -> SigningKeys.resolve(null, null, null, null, env, redactor));

        assertThat(error.getElement()).isEqualTo(SigningKeys.ENV_KEY);
        assertThat(error.getMessage())
                .doesNotContain(publicKey.lines().skip(3).findFirst().orElseThrow());
    }

    @Test
    void garbageTextRejected() throws Exception {
        Path file = Files.writeString(temp.resolve("notes.txt"), "this is not a key at all\n");

        InvalidConfigurationException error = catchThrowableOfType(
                InvalidConfigurationException.class,
                () -> SigningKeys.resolve(file, null, null, null, Map.of(), redactor));

        assertThat(error.getElement()).isEqualTo(SigningKeys.KEY_FILE_ELEMENT);
        assertThat(error.getMessage()).contains("cannot be read as OpenPGP data");
    }

    @Test
    void garbageKeyTextHidden() {
        String garbage = "-----BEGIN PGP PRIVATE KEY BLOCK-----\n\nbm90IGEga2V5IGF0IGFsbCBidXQgc2VjcmV0\n";

        InvalidConfigurationException error = catchThrowableOfType(
                InvalidConfigurationException.class,
                () -> SigningKeys.resolve(null, garbage, null, null, Map.of(), redactor));

        assertThat(error.getElement()).isEqualTo(SigningKeys.KEY_ELEMENT);
        assertThat(error.getMessage()).doesNotContain("bm90IGEga2V5IGF0IGFsbCBidXQgc2VjcmV0");
    }

    @Test
    void noKeyConfiguredRejected() {
        InvalidConfigurationException error = catchThrowableOfType(
                InvalidConfigurationException.class,
                () -> SigningKeys.resolve(null, " ", null, null, Map.of(SigningKeys.ENV_KEY, ""), redactor));

        assertThat(error.getElement()).isEqualTo(SigningKeys.KEY_FILE_ELEMENT);
        assertThat(error.getInvalidValue()).isNull();
        assertThat(error.getMessage()).contains(SigningKeys.ENV_KEY);
    }

    @Test
    void fileAndTextTogetherRejected() throws Exception {
        String armored = keys.text("rsa.asc");

        InvalidConfigurationException error = catchThrowableOfType(
                InvalidConfigurationException.class,
                () -> SigningKeys.resolve(keys.path("rsa.asc"), armored, null, null, Map.of(), redactor));

        assertThat(error.getElement()).isEqualTo(SigningKeys.KEY_ELEMENT);
        assertThat(error.getMessage())
                .doesNotContain(armored.lines().skip(3).findFirst().orElseThrow());
    }

    @Test
    void expiredKeyRejected() throws Exception {
        keys.gpg.ok("--passphrase", "", "--quick-gen-key", "Old <o@example.invalid>", "ed25519", "sign", "seconds=1");
        String fingerprint = keys.gpg.fingerprint("o@example.invalid");
        Path expired = temp.resolve("expired.asc");
        keys.gpg.ok("--armor", "--output", expired.toString(), "--export-secret-keys", fingerprint);
        Thread.sleep(2000);

        InvalidConfigurationException error = catchThrowableOfType(
                InvalidConfigurationException.class,
                () -> SigningKeys.resolve(expired, null, null, null, Map.of(), redactor));

        assertThat(error.getElement()).isEqualTo(SigningKeys.KEY_FILE_ELEMENT);
        assertThat(error.getMessage()).contains(fingerprint.substring(24) + " expired on ");
    }

    @Test
    void certifyOnlyPrimaryRejectedById() throws Exception {
        // A key ring whose only signing subkey is missing: export the primary alone.
        Path primaryOnly = temp.resolve("primary-only.asc");
        keys.gpg.ok(
                "--passphrase",
                "",
                "--armor",
                "--output",
                primaryOnly.toString(),
                "--export-secret-keys",
                keys.subkeyPrimaryFingerprint + "!");

        InvalidConfigurationException error = catchThrowableOfType(
                InvalidConfigurationException.class,
                () -> SigningKeys.resolve(primaryOnly, null, keys.subkeyPrimaryFingerprint, null, Map.of(), redactor));

        assertThat(error.getElement()).isEqualTo(SigningKeys.KEY_ID_ELEMENT);
        assertThat(error.getMessage()).contains("not marked for signing");
    }
}
