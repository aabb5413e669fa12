package dev.distribution.signing;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/** The real gpg binary, run with its own GNUPGHOME so the user's keyrings stay untouched. */
final class GnuPg {
    /** Output of one gpg run. */
    record Result(int exitCode, String stdout, String stderr) {}

    private final Path home;
    private final boolean agent;

    private GnuPg(Path home, boolean agent) {
        this.home = home;
        this.agent = agent;
    }

    /** Creates an empty GNUPGHOME under {@code directory} for generating and using secret keys. */
    static GnuPg create(Path directory) throws IOException {
        return new GnuPg(createHome(directory), true);
    }

    /**
     * Creates an empty GNUPGHOME under {@code directory} that only imports public keys and verifies.
     * gpg starts no agent there, because a daemonized agent outlives the test.
     */
    static GnuPg createVerifyOnly(Path directory) throws IOException {
        return new GnuPg(createHome(directory), false);
    }

    private static Path createHome(Path directory) throws IOException {
        Path home = Files.createDirectories(directory.resolve("gnupg"));
        Files.setPosixFilePermissions(home, PosixFilePermissions.fromString("rwx------"));
        return home;
    }

    /** Runs gpg in batch mode with {@code args}; fails when it does not end within a minute. */
    Result run(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("gpg", "--batch", "--no-tty", "--pinentry-mode", "loopback"));
        if (!agent) {
            command.add("--no-autostart");
        }
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).redirectInput(ProcessBuilder.Redirect.PIPE);
        builder.environment().put("GNUPGHOME", home.toString());
        Process process = builder.start();
        process.getOutputStream().close();
        CompletableFuture<String> stdout = readAsync(process.getInputStream());
        CompletableFuture<String> stderr = readAsync(process.getErrorStream());
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IOException("gpg " + String.join(" ", args) + " timed out");
        }
        return new Result(process.exitValue(), stdout.join(), stderr.join());
    }

    /** Runs gpg and fails with its error output unless it exits with 0. */
    Result ok(String... args) throws IOException, InterruptedException {
        Result result = run(args);
        if (result.exitCode() != 0) {
            throw new IOException("gpg " + String.join(" ", args) + " failed: " + result.stderr());
        }
        return result;
    }

    /** Returns the fingerprint of the newest primary key with the given user id. */
    String fingerprint(String userId) throws IOException, InterruptedException {
        String listing = ok("--with-colons", "--list-secret-keys", userId).stdout();
        for (String line : listing.split("\n")) {
            if (line.startsWith("fpr:")) {
                return line.split(":")[9];
            }
        }
        throw new IOException("no fingerprint for " + userId + " in " + listing);
    }

    /** Returns the fingerprint of the first subkey of {@code primaryFingerprint}. */
    String subkeyFingerprint(String primaryFingerprint) throws IOException, InterruptedException {
        String listing =
                ok("--with-colons", "--list-secret-keys", primaryFingerprint).stdout();
        boolean inSubkey = false;
        for (String line : listing.split("\n")) {
            if (line.startsWith("ssb:")) {
                inSubkey = true;
            } else if (inSubkey && line.startsWith("fpr:")) {
                return line.split(":")[9];
            }
        }
        throw new IOException("no subkey in " + listing);
    }

    /** Stops the gpg-agent that gpg started for this home. */
    void stopAgent() throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder("gpgconf", "--kill", "gpg-agent");
        builder.environment().put("GNUPGHOME", home.toString());
        builder.redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD);
        builder.start().waitFor(30, TimeUnit.SECONDS);
    }

    private static CompletableFuture<String> readAsync(InputStream stream) {
        return CompletableFuture.supplyAsync(() -> {
            try (stream) {
                return new String(stream.readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
    }
}
