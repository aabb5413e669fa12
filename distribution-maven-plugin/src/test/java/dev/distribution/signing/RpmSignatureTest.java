package dev.distribution.signing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.distribution.core.Redactor;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Checks header signatures with the real rpm: rpmsign runs {@link RpmSignCommand} in place of gpg,
 * so rpm itself stores our signature packet in RPMSIGTAG_RSA, and rpmkeys verifies it against our
 * exported public key.
 */
class RpmSignatureTest {
    private static final String SPEC =
            """
            Name: signed
            Version: 1.0
            Release: 1
            Summary: Signature test package
            License: MIT
            BuildArch: noarch
            %description
            Signature test package.
            %install
            mkdir -p %{buildroot}/opt/signed
            echo content > %{buildroot}/opt/signed/file
            %files
            /opt/signed/file
            """;

    private static TestKeys keys;

    @TempDir
    Path temp;

    @BeforeAll
    static void generateKeys() throws Exception {
        keys = TestKeys.get();
    }

    @Test
    void rsaHeaderSignatureVerifies() throws Exception {
        String output = signAndCheck("rsa.asc");

        assertThat(output).contains("Header V4 RSA/SHA256 Signature, key ID " + keyIdSuffix("rsa.asc") + ": OK");
    }

    @Test
    void subkeyHeaderSignatureVerifies() throws Exception {
        String output = signAndCheck("subkey.asc");

        assertThat(output).contains("Header V4 RSA/SHA256 Signature, key ID " + keyIdSuffix("subkey.asc") + ": OK");
    }

    @Test
    void ed25519HeaderSignatureVerifies() throws Exception {
        String output = signAndCheck("ed25519.asc");

        assertThat(output).contains("Header V4 EdDSA/SHA256 Signature, key ID " + keyIdSuffix("ed25519.asc") + ": OK");
    }

    /** Builds a package, signs its header through rpmsign, imports the public key and checks the package. */
    private String signAndCheck(String keyFile) throws Exception {
        Path topdir = Files.createDirectories(temp.resolve("rpmbuild"));
        Path spec = Files.writeString(temp.resolve("signed.spec"), SPEC);
        run("rpmbuild", "--define", "_topdir " + topdir, "--define", "_tmppath " + temp, "-bb", spec.toString());
        Path rpm = topdir.resolve("RPMS/noarch/signed-1.0-1.noarch.rpm");

        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        // rpm executes the first word and passes the rest, starting with argv[0], as arguments.
        String signCommand = String.join(
                " ",
                java,
                "java",
                "-cp",
                System.getProperty("java.class.path"),
                RpmSignCommand.class.getName(),
                keys.path(keyFile).toString(),
                "%{__signature_filename}");
        run(
                "rpmsign",
                "--define",
                "_gpg_name test",
                "--define",
                "__gpg_sign_cmd " + signCommand,
                "--addsign",
                rpm.toString());

        Path publicKey =
                Files.writeString(temp.resolve("RPM-GPG-KEY"), load(keyFile).publicKeyArmored());
        Path database = Files.createDirectories(temp.resolve("rpmdb"));
        run("rpmkeys", "--dbpath", database.toString(), "--import", publicKey.toString());
        return run("rpmkeys", "--dbpath", database.toString(), "--checksig", "-v", rpm.toString());
    }

    private static SigningKey load(String keyFile) throws Exception {
        return SigningKeys.resolve(keys.path(keyFile), null, null, null, Map.of(), new Redactor());
    }

    /** Returns the last 8 hex digits of the signing key id in lower case, as rpmkeys prints it. */
    private static String keyIdSuffix(String keyFile) throws Exception {
        return load(keyFile).keyId().substring(8).toLowerCase();
    }

    private String run(String... command) throws IOException, InterruptedException {
        Path log = Files.createTempFile(temp, "command", ".log");
        Process process = new ProcessBuilder(new ArrayList<>(List.of(command)))
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()))
                .start();
        if (!process.waitFor(120, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IOException(command[0] + " timed out");
        }
        String output = Files.readString(log, StandardCharsets.UTF_8);
        if (process.exitValue() != 0) {
            throw new IOException(String.join(" ", command) + " failed: " + output);
        }
        return output;
    }
}
