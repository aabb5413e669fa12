package dev.distribution.target.git;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Runs the real git client, with a fixed identity, to set up and inspect repositories. */
final class GitCli {
    private GitCli() {}

    /**
     * Runs git in a folder and returns its standard output.
     *
     * @throws IOException when git exits with an error
     */
    static String git(Path directory, String... arguments) throws IOException, InterruptedException {
        List<String> command =
                new ArrayList<>(List.of("git", "-c", "user.name=Other", "-c", "user.email=other@example.com"));
        command.addAll(List.of(arguments));
        ProcessBuilder builder = new ProcessBuilder(command).directory(directory.toFile());
        builder.environment().putAll(Map.of("GIT_TERMINAL_PROMPT", "0", "GIT_CONFIG_NOSYSTEM", "1"));
        Path out = Files.createTempFile("git", ".out");
        Path err = Files.createTempFile("git", ".err");
        try {
            Process process = builder.redirectOutput(out.toFile())
                    .redirectError(err.toFile())
                    .start();
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IOException("Timed out: " + command);
            }
            if (process.exitValue() != 0) {
                throw new IOException(command + " failed: " + Files.readString(err, StandardCharsets.UTF_8));
            }
            return Files.readString(out, StandardCharsets.UTF_8);
        } finally {
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }

    /** Creates a bare repository with branch {@code main}. */
    static Path bare(Path parent, String name) throws IOException, InterruptedException {
        Files.createDirectories(parent);
        git(parent, "init", "-q", "--bare", "-b", "main", name);
        return parent.resolve(name);
    }

    /** Clones into a new folder and returns it. */
    static Path cloneOf(String url, Path into) throws IOException, InterruptedException {
        Files.createDirectories(into.getParent());
        git(into.getParent(), "clone", "-q", url, into.getFileName().toString());
        return into;
    }

    /** The number of commits on a branch of a repository. */
    static int commitCount(Path repository, String branch) throws IOException, InterruptedException {
        return Integer.parseInt(git(repository, "rev-list", "--count", branch).trim());
    }
}
