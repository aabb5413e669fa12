package dev.distribution.version;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

/**
 * Runs the formats' own version comparisons, one process per tool for a whole list of pairs. Each
 * result is -1, 0 or 1 for "left is lower, equal, higher"; results are separated by line breaks or,
 * for rpm's Lua {@code print}, which adds none, by commas.
 */
final class VersionTools {
    private static final String INSTALL =
            "apt-get update && apt-get install -y --no-install-recommends dpkg-dev rpm python3-packaging";

    /** Versions passed to a shell or a Lua string; the formats never need other characters. */
    private static final Pattern SAFE = Pattern.compile("[A-Za-z0-9.+~^_:-]+");

    private VersionTools() {}

    /** A pair of versions to compare. */
    record Pair(String left, String right) {
        Pair {
            if (!SAFE.matcher(left).matches() || !SAFE.matcher(right).matches()) {
                throw new IllegalArgumentException("Unsafe version in " + left + " / " + right);
            }
        }
    }

    /** Compares with {@code dpkg --compare-versions}. */
    static List<Integer> dpkg(List<Pair> pairs) throws IOException, InterruptedException {
        StringBuilder script = new StringBuilder();
        for (Pair pair : pairs) {
            String a = pair.left();
            String b = pair.right();
            script.append(
                    "if dpkg --compare-versions '%s' lt '%s'; then echo -1; elif dpkg --compare-versions '%s' eq '%s'; then echo 0; else echo 1; fi\n"
                            .formatted(a, b, a, b));
        }
        return parse(run(List.of("sh", "-e"), script.toString()), pairs.size());
    }

    /** Compares with rpm's own {@code rpmvercmp}, through {@code rpm.vercmp} in rpm's Lua. */
    static List<Integer> rpm(List<Pair> pairs) throws IOException, InterruptedException {
        StringBuilder lua = new StringBuilder("%{lua:");
        for (Pair pair : pairs) {
            lua.append("print(rpm.vercmp(\"%s\", \"%s\") .. \",\") ".formatted(pair.left(), pair.right()));
        }
        lua.append('}');
        return parse(run(List.of("rpm", "--eval", lua.toString()), ""), pairs.size());
    }

    /** Compares with {@code packaging.version.Version} under Debian's Python. */
    static List<Integer> pep440(List<Pair> pairs) throws IOException, InterruptedException {
        String program = String.join(
                "\n",
                "import sys",
                "from packaging.version import Version",
                "for line in sys.stdin.read().splitlines():",
                "    a, b = (Version(v) for v in line.split(' '))",
                "    print(-1 if a < b else 0 if a == b else 1)");
        StringBuilder input = new StringBuilder();
        for (Pair pair : pairs) {
            input.append(pair.left()).append(' ').append(pair.right()).append('\n');
        }
        return parse(run(List.of("/usr/bin/python3", "-c", program), input.toString()), pairs.size());
    }

    /** Returns {@code str(Version(v))}, packaging's normalized form, for each version. */
    static List<String> pep440Normalized(List<String> versions) throws IOException, InterruptedException {
        String program = String.join(
                "\n",
                "import sys",
                "from packaging.version import Version",
                "for line in sys.stdin.read().splitlines():",
                "    print(Version(line))");
        String output = run(List.of("/usr/bin/python3", "-c", program), String.join("\n", versions) + "\n");
        return List.of(output.strip().split("\\R"));
    }

    private static String run(List<String> command, String input) throws IOException, InterruptedException {
        Process process;
        try {
            process = new ProcessBuilder(command).redirectErrorStream(true).start();
        } catch (IOException e) {
            throw new IOException("Cannot run " + command.get(0) + "; install the tools with: " + INSTALL, e);
        }
        try (OutputStream stdin = process.getOutputStream()) {
            stdin.write(input.getBytes(StandardCharsets.UTF_8));
        }
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
            process.destroyForcibly();
            throw new IOException(command.get(0) + " failed: " + output + "\nInstall the tools with: " + INSTALL);
        }
        return output;
    }

    private static List<Integer> parse(String output, int expected) throws IOException {
        List<Integer> results = new ArrayList<>();
        for (String line : output.strip().split("[,\\s]+")) {
            results.add(Integer.signum(Integer.parseInt(line.strip())));
        }
        if (results.size() != expected) {
            throw new IOException("Expected " + expected + " results, got: " + output);
        }
        return results;
    }
}
