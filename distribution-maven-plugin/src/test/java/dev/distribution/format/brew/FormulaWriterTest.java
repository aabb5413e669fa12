package dev.distribution.format.brew;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.distribution.core.InvalidConfigurationException;
import dev.distribution.core.Platform;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FormulaWriterTest {
    private static final String ARM_MAC = "1".repeat(64);
    private static final String INTEL_MAC = "2".repeat(64);
    private static final String ARM_LINUX = "3".repeat(64);
    private static final String INTEL_LINUX = "4".repeat(64);

    @TempDir
    Path folder;

    @Test
    void syntaxAccepted() throws Exception {
        Path file = write(fullFormula());

        RubyFormula.Run run = RubyFormula.syntaxCheck(file);

        assertThat(run.exitCode()).isZero();
        assertThat(run.stdout()).contains("Syntax OK");
        assertThat(run.stderr()).isEmpty();
    }

    @Test
    void minimalSyntaxAccepted() throws Exception {
        Formula minimal = new Formula(
                FormulaName.parse("tool", "<brew><name>"),
                null,
                null,
                null,
                "1.0",
                List.of(new Formula.Download(null, "https://example.com/tool-1.0.tar.gz", ARM_MAC)),
                List.of(),
                new Formula.Install(List.of(new Formula.Binary("tool", "tool")), List.of(), null, null, null, null),
                null,
                null,
                null,
                null,
                null);

        assertThat(RubyFormula.syntaxCheck(write(minimal)).exitCode()).isZero();
    }

    @Test
    void fieldsReadBack() throws Exception {
        JsonNode read = RubyFormula.read(write(fullFormula()), folder);

        assertThat(read.get("class").asText()).isEqualTo("HelloInfra");
        assertThat(read.get("desc").asText()).isEqualTo("Says \"hello\" to #{ENV} and \\ back");
        assertThat(read.get("homepage").asText()).isEqualTo("https://example.com/hello");
        assertThat(read.get("version").asText()).isEqualTo("1.2.3");
        assertThat(read.get("license").asText()).isEqualTo("MIT");
    }

    @Test
    void urlPerPlatform() throws Exception {
        JsonNode urls = RubyFormula.read(write(fullFormula()), folder).get("urls");

        List<String> seen = new ArrayList<>();
        for (JsonNode url : urls) {
            seen.add(url.get("os").asText() + "/" + url.get("cpu").asText() + " "
                    + url.get("url").asText() + " " + url.get("sha256").asText());
        }
        assertThat(seen)
                .containsExactly(
                        "macos/arm https://example.com/hello-darwin-arm64.tar.gz " + ARM_MAC,
                        "macos/intel https://example.com/hello-darwin-amd64.tar.gz " + INTEL_MAC,
                        "linux/arm https://example.com/hello-linux-arm64.tar.gz " + ARM_LINUX,
                        "linux/intel https://example.com/hello-linux-amd64.tar.gz " + INTEL_LINUX);
    }

    @Test
    void bottleBlockReadBack() throws Exception {
        JsonNode bottle = RubyFormula.read(write(fullFormula()), folder).get("bottle");

        assertThat(bottle.get("root_url").asText()).isEqualTo("https://example.com/bottles");
        assertThat(bottle.get("sha256").get(0).get("tag").asText()).isEqualTo("arm64_sonoma");
        assertThat(bottle.get("sha256").get(0).get("cellar").asText()).isEqualTo("any_skip_relocation");
        assertThat(bottle.get("sha256").get(1).get("tag").asText()).isEqualTo("x86_64_linux");
        assertThat(bottle.get("sha256").get(1).get("sha256").asText()).isEqualTo(INTEL_LINUX);
    }

    @Test
    void installAndTestReadBack() throws Exception {
        JsonNode read = RubyFormula.read(write(fullFormula()), folder);

        assertThat(read.get("install").toString())
                .contains("{\"on\":\"bin\",\"call\":\"install\",\"args\":[{\"bin/hello-darwin\":\"hello\"}]}");
        assertThat(read.get("install").toString())
                .contains("{\"on\":\"man1\",\"call\":\"install\",\"args\":[\"man/hello.1\"]}");
        assertThat(read.get("install").toString())
                .contains(
                        "{\"on\":\"zsh_completion\",\"call\":\"install\",\"args\":[{\"completions/hello.zsh\":\"_hello\"}]}");
        assertThat(read.get("test").toString()).contains("\"args\":[\"bin/hello\",\"--version\"]");
        assertThat(read.get("depends_on").toString()).contains("{\"name\":\"go\",\"kind\":\"build\"}");
    }

    @Test
    void caveatsAndServiceReadBack() throws Exception {
        JsonNode read = RubyFormula.read(write(fullFormula()), folder);

        assertThat(read.get("caveats").asText()).isEqualTo("Copy the example:\n  cp #{etc}/x ~/\nEOS\n");
        assertThat(read.get("service").get("run").toString()).isEqualTo("[\"opt_bin/hello\",\"serve\"]");
        assertThat(read.get("service").get("keep_alive").asBoolean()).isTrue();
    }

    @Test
    void jarLauncherReadBack() throws Exception {
        Formula formula = withInstall(new Formula.Install(
                List.of(),
                List.of(),
                null,
                null,
                null,
                new Formula.Launcher(Formula.Launcher.Kind.JAR, "lib/hello.jar", "hello", "21")));

        JsonNode install = RubyFormula.read(write(formula), folder).get("install");

        assertThat(install.get(0).toString()).isEqualTo("{\"on\":\"libexec\",\"call\":\"install\",\"args\":[[]]}");
        assertThat(install.get(1).toString())
                .isEqualTo("{\"on\":\"bin\",\"call\":\"write_jar_script\",\"args\":[\"libexec/lib/hello.jar\","
                        + "\"hello\",{\"java_version\":\"21\"}]}");
    }

    @Test
    void scriptLauncherReadBack() throws Exception {
        Formula formula = withInstall(new Formula.Install(
                List.of(),
                List.of(),
                null,
                null,
                null,
                new Formula.Launcher(Formula.Launcher.Kind.SCRIPT, "bin/hello", "hello", null)));

        JsonNode install = RubyFormula.read(write(formula), folder).get("install");

        assertThat(install.get(1).toString())
                .isEqualTo("{\"on\":\"bin/hello\",\"call\":\"write_env_script\",\"args\":[\"libexec/bin/hello\","
                        + "{\"JAVA_HOME\":\"java-home-default\"}]}");
    }

    @Test
    void privateDownloadReadsEnvironment() throws Exception {
        Formula formula =
                withPrivateDownload(new Formula.PrivateDownload("Authorization", "Bearer", "HOMEBREW_NEXUS_TOKEN"));
        Path file = write(formula);

        String source = Files.readString(file);
        JsonNode urls = RubyFormula.read(file, folder).get("urls");

        assertThat(source).doesNotContain("s3cr3t");
        assertThat(urls.get(0).get("options").get("headers").get(0).asText()).isEqualTo("Authorization: Bearer ");
    }

    @Test
    void privateDownloadBasicUsesUser() throws Exception {
        Formula formula = withPrivateDownload(new Formula.PrivateDownload(null, null, "HOMEBREW_NEXUS_USER"));

        JsonNode read = RubyFormula.read(write(formula), folder);

        assertThat(read.get("urls").get(0).get("options").has("user")).isTrue();
        assertThat(read.get("bottle").get("options").has("user")).isTrue();
    }

    @Test
    void sameFormulaSameBytes() throws Exception {
        assertThat(FormulaWriter.render(fullFormula())).isEqualTo(FormulaWriter.render(fullFormula()));
    }

    private Path write(Formula formula) throws Exception {
        Path file = folder.resolve(formula.name().name() + ".rb");
        Files.writeString(file, FormulaWriter.render(formula));
        return file;
    }

    private static Formula fullFormula() throws InvalidConfigurationException {
        return new Formula(
                FormulaName.parse("hello-infra", "<brew><name>"),
                "Says \"hello\" to #{ENV} and \\ back",
                "https://example.com/hello",
                "MIT",
                "1.2.3",
                List.of(
                        download("linux", "amd64", INTEL_LINUX),
                        download("darwin", "arm64", ARM_MAC),
                        download("linux", "arm64", ARM_LINUX),
                        download("darwin", "amd64", INTEL_MAC)),
                List.of(new Formula.Dependency("go", "build"), new Formula.Dependency("git", null)),
                new Formula.Install(
                        List.of(new Formula.Binary("bin/hello-darwin", "hello")),
                        List.of("man/hello.1"),
                        "completions/hello.bash",
                        "completions/hello.zsh",
                        null,
                        null),
                "--version",
                "Copy the example:\n  cp #{etc}/x ~/\nEOS\n",
                new Formula.Service(List.of("serve"), true),
                null,
                new Formula.Bottles(
                        "https://example.com/bottles",
                        List.of(
                                new Formula.Bottle("arm64_sonoma", "any_skip_relocation", ARM_MAC),
                                new Formula.Bottle("x86_64_linux", "any_skip_relocation", INTEL_LINUX))));
    }

    private static Formula withInstall(Formula.Install install) throws InvalidConfigurationException {
        Formula full = fullFormula();
        return new Formula(
                full.name(),
                full.desc(),
                full.homepage(),
                full.license(),
                full.version(),
                full.downloads(),
                full.dependencies(),
                install,
                full.testArguments(),
                null,
                null,
                null,
                null);
    }

    private static Formula withPrivateDownload(Formula.PrivateDownload privateDownload)
            throws InvalidConfigurationException {
        Formula full = fullFormula();
        return new Formula(
                full.name(),
                full.desc(),
                full.homepage(),
                full.license(),
                full.version(),
                full.downloads(),
                full.dependencies(),
                full.install(),
                full.testArguments(),
                full.caveats(),
                full.service(),
                privateDownload,
                full.bottles());
    }

    private static Formula.Download download(String os, String arch, String sha256) {
        return new Formula.Download(
                new Platform(os, arch), "https://example.com/hello-" + os + "-" + arch + ".tar.gz", sha256);
    }
}
