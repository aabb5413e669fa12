package dev.distribution.signing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * Throwaway keys generated once per test run by the real gpg in a temporary GNUPGHOME, exported to
 * files. The directory and the gpg-agent are removed when the JVM exits.
 */
final class TestKeys {
    static final String PASSPHRASE = "correct horse battery staple";

    private static TestKeys instance;

    final Path directory;
    final GnuPg gpg;

    /** RSA 3072 primary key that signs, without a passphrase. */
    final String rsaFingerprint;

    /** RSA 3072 primary key protected by {@link #PASSPHRASE}. */
    final String protectedFingerprint;

    /** Ed25519 primary key that signs. */
    final String ed25519Fingerprint;

    /** Ed25519 primary key that only certifies, with an RSA 3072 signing subkey. */
    final String subkeyPrimaryFingerprint;

    final String subkeyFingerprint;

    private TestKeys(Path directory) throws IOException, InterruptedException {
        this.directory = directory;
        this.gpg = GnuPg.create(directory);
        gpg.ok("--passphrase", "", "--quick-gen-key", "Test <t@example.invalid>", "rsa3072", "sign", "never");
        rsaFingerprint = gpg.fingerprint("t@example.invalid");
        gpg.ok("--passphrase", PASSPHRASE, "--quick-gen-key", "Locked <l@example.invalid>", "rsa3072", "sign", "never");
        protectedFingerprint = gpg.fingerprint("l@example.invalid");
        gpg.ok("--passphrase", "", "--quick-gen-key", "Edwards <e@example.invalid>", "ed25519", "sign", "never");
        ed25519Fingerprint = gpg.fingerprint("e@example.invalid");
        gpg.ok("--passphrase", "", "--quick-gen-key", "Sub <s@example.invalid>", "ed25519", "cert", "never");
        subkeyPrimaryFingerprint = gpg.fingerprint("s@example.invalid");
        gpg.ok("--passphrase", "", "--quick-add-key", subkeyPrimaryFingerprint, "rsa3072", "sign", "never");
        subkeyFingerprint = gpg.subkeyFingerprint(subkeyPrimaryFingerprint);

        exportSecret(rsaFingerprint, "", "rsa.asc", true);
        exportSecret(rsaFingerprint, "", "rsa.gpg", false);
        exportSecret(protectedFingerprint, PASSPHRASE, "protected.asc", true);
        exportSecret(ed25519Fingerprint, "", "ed25519.asc", true);
        exportSecret(subkeyPrimaryFingerprint, "", "subkey.asc", true);
        gpg.ok("--armor", "--output", path("rsa-public.asc").toString(), "--export", rsaFingerprint);
        Files.writeString(path("combined.asc"), text("rsa-public.asc") + text("rsa.asc"));
    }

    /** Returns the keys, generating them on first use. */
    static synchronized TestKeys get() throws IOException, InterruptedException {
        if (instance == null) {
            Path directory = Files.createTempDirectory("signing-keys");
            instance = new TestKeys(directory);
            Runtime.getRuntime().addShutdownHook(new Thread(instance::cleanUp));
        }
        return instance;
    }

    Path path(String name) {
        return directory.resolve(name);
    }

    String text(String name) throws IOException {
        return Files.readString(path(name), StandardCharsets.US_ASCII);
    }

    private void exportSecret(String fingerprint, String passphrase, String file, boolean armored)
            throws IOException, InterruptedException {
        String output = path(file).toString();
        if (armored) {
            gpg.ok("--passphrase", passphrase, "--armor", "--output", output, "--export-secret-keys", fingerprint);
        } else {
            gpg.ok("--passphrase", passphrase, "--output", output, "--export-secret-keys", fingerprint);
        }
    }

    private void cleanUp() {
        try {
            gpg.stopAgent();
            try (Stream<Path> paths = Files.walk(directory)) {
                paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
