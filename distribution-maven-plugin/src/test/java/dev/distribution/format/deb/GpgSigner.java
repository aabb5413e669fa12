package dev.distribution.format.deb;

import dev.distribution.core.PublishException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Signs with the real gpg and a throwaway key in its own home folder, so tests check against gpg. */
final class GpgSigner implements ReleaseSigner {
    private final Path home;
    private final String fingerprint;

    private GpgSigner(Path home, String fingerprint) {
        this.home = home;
        this.fingerprint = fingerprint;
    }

    /** Creates a new signing key under {@code home}. */
    static GpgSigner create(Path home, String userId) throws Exception {
        Files.createDirectories(
                home, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        run(home, null, "--passphrase", "", "--quick-gen-key", userId, "ed25519", "sign", "never");
        String listing = new String(run(home, null, "--list-secret-keys", "--with-colons"), StandardCharsets.UTF_8);
        String fingerprint = listing.lines()
                .filter(line -> line.startsWith("fpr:"))
                .findFirst()
                .orElseThrow()
                .split(":")[9];
        return new GpgSigner(home, fingerprint);
    }

    @Override
    public String clearSign(String text) throws PublishException {
        return new String(
                gpg(
                        text.getBytes(StandardCharsets.UTF_8),
                        "--local-user",
                        fingerprint,
                        "--digest-algo",
                        "SHA512",
                        "--clearsign"),
                StandardCharsets.UTF_8);
    }

    @Override
    public void detachedSignature(InputStream data, OutputStream signature, boolean armored) throws PublishException {
        try {
            List<String> args =
                    new ArrayList<>(List.of("--local-user", fingerprint, "--digest-algo", "SHA512", "--detach-sign"));
            if (armored) {
                args.add("--armor");
            }
            signature.write(gpg(data.readAllBytes(), args.toArray(String[]::new)));
        } catch (IOException e) {
            throw new PublishException(e.getMessage(), e);
        }
    }

    @Override
    public byte[] publicKeyArmored() throws PublishException {
        return gpg(null, "--armor", "--export", fingerprint);
    }

    @Override
    public byte[] publicKeyBinary() throws PublishException {
        return gpg(null, "--export", fingerprint);
    }

    private byte[] gpg(byte[] input, String... args) throws PublishException {
        try {
            return run(home, input, args);
        } catch (Exception e) {
            throw new PublishException("gpg failed: " + e.getMessage(), e);
        }
    }

    private static byte[] run(Path home, byte[] input, String... args) throws Exception {
        List<String> command =
                new ArrayList<>(List.of("gpg", "--homedir", home.toString(), "--batch", "--pinentry-mode", "loopback"));
        command.addAll(List.of(args));
        Path errors = Files.createTempFile("gpg", ".err");
        try {
            Process process =
                    new ProcessBuilder(command).redirectError(errors.toFile()).start();
            try (OutputStream stdin = process.getOutputStream()) {
                if (input != null) {
                    stdin.write(input);
                }
            }
            byte[] output = process.getInputStream().readAllBytes();
            if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new IOException(String.join(" ", command) + ": " + Files.readString(errors));
            }
            return output;
        } finally {
            Files.deleteIfExists(errors);
        }
    }
}
