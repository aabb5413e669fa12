package dev.distribution.format.brew;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Checks formula files with the real Ruby interpreter: {@code ruby -c} for syntax, and
 * {@code formula_stub.rb}, which loads the formula with a recording {@code Formula} base class and
 * prints its fields as JSON. Shared by the format and goal tests.
 */
public final class RubyFormula {
    private static final ObjectMapper JSON = new ObjectMapper();

    private RubyFormula() {}

    /** The output of one ruby run. */
    public record Run(int exitCode, String stdout, String stderr) {}

    /** Runs {@code ruby -wc} on the file. */
    public static Run syntaxCheck(Path formula) throws IOException, InterruptedException {
        return run(List.of("ruby", "-wc", formula.toString()));
    }

    /**
     * Loads the formula with the stub and returns what it recorded.
     *
     * @throws IOException when ruby exits with an error
     */
    public static JsonNode read(Path formula, Path workDirectory) throws IOException, InterruptedException {
        Path stub = workDirectory.resolve("formula_stub.rb");
        try (InputStream in = RubyFormula.class.getResourceAsStream("formula_stub.rb")) {
            Files.copy(in, stub, StandardCopyOption.REPLACE_EXISTING);
        }
        Run run = run(List.of("ruby", stub.toString(), formula.toString()));
        if (run.exitCode() != 0) {
            throw new IOException("formula_stub.rb failed: " + run.stderr());
        }
        return JSON.readTree(run.stdout());
    }

    private static Run run(List<String> command) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(command);
        Path out = Files.createTempFile("ruby", ".out");
        Path err = Files.createTempFile("ruby", ".err");
        try {
            Process process = builder.redirectOutput(out.toFile())
                    .redirectError(err.toFile())
                    .start();
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IOException("Timed out: " + command);
            }
            return new Run(
                    process.exitValue(),
                    Files.readString(out, StandardCharsets.UTF_8),
                    Files.readString(err, StandardCharsets.UTF_8));
        } finally {
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }
}
