package dev.distribution.format.python;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Runs Debian's Python tools (twine, build, venv, pip) for the tests, isolated from machine pip config. */
final class PythonTools {
    static final String PYTHON = "/usr/bin/python3";

    private PythonTools() {}

    /** The result of a finished command. */
    record Run(int exitCode, String output) {}

    /** Runs a command in a directory with pip's machine configuration switched off. */
    static Run run(Path dir, String... command) throws IOException, InterruptedException {
        ProcessBuilder builder =
                new ProcessBuilder(List.of(command)).directory(dir.toFile()).redirectErrorStream(true);
        Map<String, String> env = builder.environment();
        env.remove("PIP_FIND_LINKS");
        env.put("PIP_CONFIG_FILE", "/dev/null");
        env.put("PIP_DISABLE_PIP_VERSION_CHECK", "1");
        env.put("PIP_NO_INPUT", "1");
        Process process = builder.start();
        byte[] output = process.getInputStream().readAllBytes();
        if (!process.waitFor(180, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IOException("Timed out: " + String.join(" ", command));
        }
        return new Run(process.exitValue(), new String(output, StandardCharsets.UTF_8));
    }

    /** Creates a virtual environment with Debian's Python and returns its directory. */
    static Path venv(Path dir) throws IOException, InterruptedException {
        Path venv = dir.resolve("venv");
        Run run = run(dir, PYTHON, "-m", "venv", venv.toString());
        if (run.exitCode() != 0) {
            throw new IOException("venv failed: " + run.output());
        }
        return venv;
    }

    /** Writes a small sample project: a package with a CLI module, a README and a LICENSE. */
    static Path sampleProject(Path dir) throws IOException {
        Path sources = dir.resolve("src/main/python/hello_pkg");
        Files.createDirectories(sources);
        Files.writeString(sources.resolve("__init__.py"), "VALUE = 42\n");
        Files.writeString(sources.resolve("cli.py"), "def main():\n    print(\"hello from cli\")\n");
        Files.writeString(sources.resolve("data.json"), "{\"greeting\": \"hi\"}\n");
        Files.writeString(dir.resolve("README.md"), "# Hello\n\nSome *text*.\n");
        Files.writeString(dir.resolve("LICENSE"), "MIT License\n\nCopyright the authors.\n");
        return dir;
    }

    /** Metadata for the sample project through the builder, the way a goal passes values. */
    static CoreMetadataBuilder sampleMetadata(Path project) throws Exception {
        return CoreMetadata.builder()
                .name("Hello.Pkg")
                .version("1.2.0-RC1")
                .summary("A small test package")
                .readme(project.resolve("README.md"))
                .requiresPython(">=3.8")
                .author("Ann Author", "ann@example.com")
                .author("Bob", null)
                .maintainer(null, "ops@example.com")
                .keyword("alpha")
                .keyword("beta")
                .classifier("Programming Language :: Python :: 3")
                .classifier("Operating System :: OS Independent")
                .projectUrl("Homepage", "https://example.com/hello")
                .projectUrl("Source", "https://example.com/hello.git")
                .dependency("requests>=2.0")
                .dependency("tomli; python_version < \"3.11\"")
                .optionalDependency("test", "pytest>=7")
                .optionalDependency("test", "coverage[toml]")
                .consoleScript("hello", "hello_pkg.cli:main");
    }

    /** Arguments of a command as a list, for readable call sites. */
    static String[] args(Object... parts) {
        List<String> out = new ArrayList<>();
        for (Object part : parts) {
            out.add(part.toString());
        }
        return out.toArray(String[]::new);
    }
}
