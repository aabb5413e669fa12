package dev.distribution.target.staticrepo;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs a command line tool for a test and fails with its output when it fails. */
final class Command {
    private Command() {}

    static String run(Path work, String... command) throws IOException, InterruptedException {
        Path log = Files.createTempFile(work, "command", ".log");
        Process process = new ProcessBuilder(List.of(command))
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IOException(command[0] + " timed out");
        }
        String output = Files.readString(log);
        if (process.exitValue() != 0) {
            throw new IOException(String.join(" ", command) + " failed: " + output);
        }
        return output;
    }
}
