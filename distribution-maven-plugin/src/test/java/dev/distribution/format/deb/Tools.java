package dev.distribution.format.deb;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs the real Debian tools the tests compare against. */
final class Tools {
    record Result(int exitCode, String output) {}

    private Tools() {}

    static Result run(Path directory, String... command) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(List.of(command)).redirectErrorStream(true);
        if (directory != null) {
            builder.directory(directory.toFile());
        }
        builder.environment().put("LC_ALL", "C.UTF-8");
        Process process = builder.start();
        byte[] output = process.getInputStream().readAllBytes();
        if (!process.waitFor(300, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IOException("Timed out: " + String.join(" ", command));
        }
        return new Result(process.exitValue(), new String(output, StandardCharsets.UTF_8));
    }

    static String output(String... command) throws IOException, InterruptedException {
        Result result = run(null, command);
        if (result.exitCode() != 0) {
            throw new IOException(
                    String.join(" ", command) + " failed with " + result.exitCode() + ":\n" + result.output());
        }
        return result.output();
    }
}
