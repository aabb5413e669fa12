package dev.distribution.format.rpm;

import dev.distribution.core.Redactor;
import dev.distribution.signing.OpenPgpSigner;
import dev.distribution.signing.SigningKeys;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Runs the real rpm, gpg and createrepo_c tools for the tests, and makes a throwaway signing key. */
final class RpmTools {
    private RpmTools() {}

    /** The output and exit code of a finished command. */
    record Result(int exitCode, String output) {}

    static Result run(Path directory, String... command) throws IOException, InterruptedException {
        ProcessBuilder builder =
                new ProcessBuilder(command).directory(directory.toFile()).redirectErrorStream(true);
        builder.environment().put("LC_ALL", "C.UTF-8");
        Process process = builder.start();
        byte[] output = process.getInputStream().readAllBytes();
        if (!process.waitFor(300, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IOException("Timed out: " + String.join(" ", command));
        }
        return new Result(process.exitValue(), new String(output, StandardCharsets.UTF_8));
    }

    /** Runs a command that must succeed and returns its output. */
    static String ok(Path directory, String... command) throws IOException, InterruptedException {
        Result result = run(directory, command);
        if (result.exitCode() != 0) {
            throw new IOException(
                    String.join(" ", command) + " failed (" + result.exitCode() + "):\n" + result.output());
        }
        return result.output();
    }

    /** Returns one value of {@code rpm -qp --queryformat}. */
    static String query(Path rpm, String format) throws IOException, InterruptedException {
        return ok(
                rpm.getParent(), "rpm", "-qp", "--nosignature", "--nodigest", "--queryformat", format, rpm.toString());
    }

    /** A throwaway RSA 3072 key made by gpg, with its armored public key. */
    record Key(Path secretKey, Path publicKey, String fingerprint) {
        OpenPgpSigner signer() throws Exception {
            return new OpenPgpSigner(SigningKeys.resolve(secretKey, null, null, null, Map.of(), new Redactor()));
        }
    }

    static Key generateKey(Path directory) throws IOException, InterruptedException {
        Path home = Files.createDirectories(directory.resolve("gnupg"));
        Files.setPosixFilePermissions(home, java.nio.file.attribute.PosixFilePermissions.fromString("rwx------"));
        String gpgHome = "--homedir=" + home;
        ok(
                directory,
                "gpg",
                gpgHome,
                "--batch",
                "--passphrase",
                "",
                "--quick-gen-key",
                "Rpm Test <rpm@example.invalid>",
                "rsa3072",
                "sign",
                "never");
        String colons = ok(directory, "gpg", gpgHome, "--batch", "--list-secret-keys", "--with-colons");
        String fingerprint = colons.lines()
                .filter(line -> line.startsWith("fpr:"))
                .map(line -> line.split(":")[9])
                .findFirst()
                .orElseThrow();
        Path secret = directory.resolve("secret.asc");
        Path pub = directory.resolve("RPM-GPG-KEY-test");
        ok(
                directory,
                "gpg",
                gpgHome,
                "--batch",
                "--pinentry-mode",
                "loopback",
                "--passphrase",
                "",
                "--armor",
                "--output",
                secret.toString(),
                "--export-secret-keys",
                fingerprint);
        ok(directory, "gpg", gpgHome, "--batch", "--armor", "--output", pub.toString(), "--export", fingerprint);
        return new Key(secret, pub, fingerprint);
    }

    /** Returns the lines of a command's output. */
    static List<String> lines(String output) {
        return output.lines().toList();
    }
}
