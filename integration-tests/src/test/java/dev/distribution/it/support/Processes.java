package dev.distribution.it.support;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Starting helper tools and stopping server processes by their process id. */
public final class Processes {
    private static final Duration GRACE = Duration.ofSeconds(5);

    private Processes() {}

    /** Exit code and merged stdout and stderr of a finished tool. */
    public record Result(int exitCode, String output) {}

    /**
     * Runs a command to its end and returns its exit code and output.
     *
     * @throws IllegalStateException when the command runs longer than {@code timeout}; the process
     *     is stopped first
     */
    public static Result run(List<String> command, Path directory, Duration timeout) throws IOException {
        // The output goes to a file, so a child that never closes its output cannot block the wait.
        Path output = Files.createTempFile("process-", ".log");
        try {
            Process process = new ProcessBuilder(command)
                    .directory(directory.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(output.toFile())
                    .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                    .start();
            try {
                if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                    stop(process);
                    throw new IllegalStateException("Timed out after " + timeout + ": " + command);
                }
            } catch (InterruptedException e) {
                stop(process);
                Thread.currentThread().interrupt();
                throw new IOException("Interrupted while running " + command, e);
            }
            return new Result(process.exitValue(), new String(Files.readAllBytes(output), StandardCharsets.UTF_8));
        } finally {
            Files.deleteIfExists(output);
        }
    }

    /**
     * Stops a process by its id: SIGTERM first, as {@code kill <pid>} does, then SIGKILL if it is
     * still alive after five seconds. Returns at once when the process has already ended.
     */
    public static void stop(Process process) {
        if (process == null || !process.isAlive()) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(GRACE.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                process.waitFor(GRACE.toMillis(), TimeUnit.MILLISECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
