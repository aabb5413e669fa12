package dev.distribution.maven;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.distribution.core.InvalidConfigurationException;
import dev.distribution.core.Platform;
import dev.distribution.format.brew.Formula;
import dev.distribution.format.brew.FormulaWriter;
import dev.distribution.format.brew.RubyFormula;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.apache.maven.model.License;
import org.apache.maven.model.Model;
import org.apache.maven.project.MavenProject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BrewFormulasTest {
    private static final Instant TIME = Instant.parse("2026-12-04T10:10:10Z");

    @TempDir
    Path folder;

    @Test
    void defaultsFromProject() throws Exception {
        Formula formula =
                new BrewFormulas(new BrewConfig(), project("hello-cli", "1.2.0"), TIME).formula(downloads(), null);

        assertThat(formula.name().className()).isEqualTo("HelloCli");
        assertThat(formula.version()).isEqualTo("1.2.0");
        assertThat(formula.desc()).isEqualTo("Says hello");
        assertThat(formula.license()).isEqualTo("MIT");
        assertThat(formula.install().binaries()).containsExactly(new Formula.Binary("bin/hello-cli", "hello-cli"));
        assertThat(formula.testArguments()).isEqualTo("--version");
    }

    @Test
    void snapshotVersionMapped() throws Exception {
        BrewFormulas formulas = new BrewFormulas(new BrewConfig(), project("hello-cli", "1.2.0-SNAPSHOT"), TIME);

        assertThat(formulas.version()).isEqualTo("1.2.0-alpha0.20261204101010");
    }

    @Test
    void renderedConfigPassesRuby() throws Exception {
        BrewConfig config = new BrewConfig();
        config.launcher = new BrewConfig.LauncherConfig();
        config.launcher.jar = "lib/hello.jar";
        config.launcher.java = "21";
        config.depends = "git, maven:build";
        config.caveats = "Run hello --help.";
        config.service = new BrewConfig.ServiceConfig();
        config.service.arguments = "serve --port 8080";
        config.privateDownload = new BrewConfig.PrivateDownloadConfig();
        config.privateDownload.variable = "HOMEBREW_NEXUS_TOKEN";
        Formula formula = new BrewFormulas(config, project("hello-cli", "1.2.0"), TIME).formula(downloads(), null);
        Path file = folder.resolve("hello-cli.rb");
        Files.writeString(file, FormulaWriter.render(formula));

        RubyFormula.Run syntax = RubyFormula.syntaxCheck(file);
        String dependencies = RubyFormula.read(file, folder).get("depends_on").toString();

        assertThat(syntax.exitCode()).isZero();
        assertThat(dependencies)
                .isEqualTo("[{\"name\":\"openjdk@21\"},{\"name\":\"git\"},{\"name\":\"maven\",\"kind\":\"build\"}]");
    }

    @Test
    void badNameRejected() {
        BrewConfig config = new BrewConfig();
        config.name = "Hello_CLI";

        assertThatThrownBy(() -> new BrewFormulas(config, project("hello-cli", "1.0"), TIME))
                .isInstanceOf(InvalidConfigurationException.class)
                .hasMessageContaining("Invalid value 'Hello_CLI' for <brew><name>")
                .hasMessageContaining("for example 'hello_cli'");
    }

    @Test
    void artifactIdWithCapitalsRejected() {
        assertThatThrownBy(() -> new BrewFormulas(new BrewConfig(), project("HelloCli", "1.0"), TIME))
                .isInstanceOf(InvalidConfigurationException.class)
                .hasMessageContaining("<brew><name>");
    }

    @Test
    void variableWithoutPrefixRejected() {
        BrewConfig config = new BrewConfig();
        config.privateDownload = new BrewConfig.PrivateDownloadConfig();
        config.privateDownload.variable = "NEXUS_TOKEN";

        assertThatThrownBy(() -> new BrewFormulas(config, project("hello", "1.0"), TIME).validate())
                .isInstanceOf(InvalidConfigurationException.class)
                .hasMessageContaining("Invalid value 'NEXUS_TOKEN' for <brew><privateDownload><variable>")
                .hasMessageContaining("brew passes only HOMEBREW_* variables");
    }

    @Test
    void twoLaunchersRejected() {
        BrewConfig config = new BrewConfig();
        config.launcher = new BrewConfig.LauncherConfig();
        config.launcher.jar = "lib/hello.jar";
        config.launcher.script = "bin/hello";

        assertThatThrownBy(() -> new BrewFormulas(config, project("hello", "1.0"), TIME))
                .isInstanceOf(InvalidConfigurationException.class)
                .hasMessageContaining("<brew><launcher>")
                .hasMessageContaining("exactly one of <jar> and <script>");
    }

    @Test
    void unknownDependencyKindRejected() {
        BrewConfig config = new BrewConfig();
        config.depends = "go:compile";

        assertThatThrownBy(() -> new BrewFormulas(config, project("hello", "1.0"), TIME).validate())
                .isInstanceOf(InvalidConfigurationException.class)
                .hasMessageContaining("Invalid value 'go:compile' for <brew><depends>");
    }

    @Test
    void escapingPathRejected() {
        BrewConfig config = new BrewConfig();
        BrewConfig.BinaryConfig binary = new BrewConfig.BinaryConfig();
        binary.source = "../etc/passwd";
        config.binaries = List.of(binary);

        assertThatThrownBy(() -> new BrewFormulas(config, project("hello", "1.0"), TIME))
                .isInstanceOf(InvalidConfigurationException.class)
                .hasMessageContaining("<brew><binaries><binary>[1]<source>");
    }

    @Test
    void windowsPlatformRejected() {
        BrewConfig config = new BrewConfig();
        config.platforms = "darwin/arm64,windows/amd64";

        assertThatThrownBy(() -> new BrewFormulas(config, project("hello", "1.0"), TIME).validate())
                .isInstanceOf(InvalidConfigurationException.class)
                .hasMessageContaining("Invalid value 'windows/amd64' for <brew><platforms>");
    }

    @Test
    void duplicateBottleTagRejected() {
        BrewConfig config = new BrewConfig();
        config.bottles = "arm64_sonoma, arm64_sonoma";

        assertThatThrownBy(() -> new BrewFormulas(config, project("hello", "1.0"), TIME).validate())
                .isInstanceOf(InvalidConfigurationException.class)
                .hasMessageContaining("Remove the second arm64_sonoma");
    }

    @Test
    void authorWithoutEmailRejected() {
        BrewConfig config = new BrewConfig();
        config.commitAuthor = "Release Bot";

        assertThatThrownBy(() -> new BrewFormulas(config, project("hello", "1.0"), TIME).validate())
                .isInstanceOf(InvalidConfigurationException.class)
                .hasMessageContaining("Invalid value 'Release Bot' for <brew><commitAuthor>");
    }

    private static List<Formula.Download> downloads() {
        return List.of(new Formula.Download(
                new Platform("darwin", "arm64"), "https://example.com/hello.tar.gz", "a".repeat(64)));
    }

    private static MavenProject project(String artifactId, String version) {
        Model model = new Model();
        model.setGroupId("com.example");
        model.setArtifactId(artifactId);
        model.setVersion(version);
        model.setDescription("Says hello");
        License license = new License();
        license.setName("MIT");
        model.addLicense(license);
        return new MavenProject(model);
    }
}
