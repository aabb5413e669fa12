package dev.distribution.maven;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.distribution.core.Checksums;
import dev.distribution.format.brew.RubyFormula;
import java.io.IOException;
import java.lang.reflect.Field;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.maven.execution.DefaultMavenExecutionRequest;
import org.apache.maven.execution.DefaultMavenExecutionResult;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.model.Build;
import org.apache.maven.model.Model;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.project.MavenProject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs the archive, brew, deploy-raw and deploy-brew goals in lifecycle order on a project in a
 * temporary folder, with the embedded repository and tap, and reads the pushed formula back.
 */
class BrewGoalsTest {
    @TempDir
    Path folder;

    private boolean dryRun;

    @Test
    void goalsPushFormula() throws Exception {
        MavenProject project = project("1.0");

        runGoals(project, brewConfig());

        Path clone = cloneTap();
        Path formula = clone.resolve("Formula/hello-cli.rb");
        JsonNode read = RubyFormula.read(formula, folder);
        assertThat(RubyFormula.syntaxCheck(formula).exitCode()).isZero();
        assertThat(read.get("class").asText()).isEqualTo("HelloCli");
        assertThat(read.get("urls")).hasSize(2);
        assertThat(read.get("bottle").get("sha256").get(0).get("tag").asText()).isEqualTo("arm64_sonoma");
    }

    @Test
    void formulaDigestsMatchPublished() throws Exception {
        runGoals(project("1.0"), brewConfig());

        JsonNode read = RubyFormula.read(cloneTap().resolve("Formula/hello-cli.rb"), folder);

        for (JsonNode url : read.get("urls")) {
            assertThat(Checksums.sha256(Path.of(URI.create(url.get("url").asText()))))
                    .isEqualTo(url.get("sha256").asText());
        }
        String bottle = read.get("bottle").get("root_url").asText() + "/hello-cli--1.0.arm64_sonoma.bottle.tar.gz";
        assertThat(Checksums.sha256(Path.of(URI.create(bottle))))
                .isEqualTo(read.get("bottle").get("sha256").get(0).get("sha256").asText());
    }

    @Test
    void secondDeployNoCommit() throws Exception {
        runGoals(project("1.0"), brewConfig());

        runGoals(project("1.0"), brewConfig());

        assertThat(git(folder.resolve("repository/brew/homebrew-tap.git"), "rev-list", "--count", "main")
                        .trim())
                .isEqualTo("1");
    }

    @Test
    void missingPlatformFailsBeforePush() throws Exception {
        BrewConfig config = brewConfig();
        config.platforms = "darwin/arm64,linux/arm64";

        assertThatThrownBy(() -> runGoals(project("1.0"), config))
                .isInstanceOf(MojoFailureException.class)
                .hasMessageContaining("Invalid value 'linux/arm64' for <brew><platforms>");
        assertThat(folder.resolve("repository/brew")).doesNotExist();
    }

    @Test
    void dryRunWritesFormulaOnly() throws Exception {
        dryRun = true;

        runGoals(project("1.0"), brewConfig());

        Path formula = folder.resolve("project/target/distribution/brew/Formula/hello-cli.rb");
        assertThat(RubyFormula.syntaxCheck(formula).exitCode()).isZero();
        assertThat(folder.resolve("repository/brew")).doesNotExist();
        assertThat(folder.resolve("repository/raw")).doesNotExist();
    }

    private BrewConfig brewConfig() {
        BrewConfig config = new BrewConfig();
        BrewConfig.BinaryConfig binary = new BrewConfig.BinaryConfig();
        binary.source = "bin/hello";
        config.binaries = List.of(binary);
        config.bottles = "arm64_sonoma";
        return config;
    }

    private void runGoals(MavenProject project, BrewConfig brew) throws Exception {
        ArchiveConfig archive = new ArchiveConfig();
        archive.formats = "tar.gz";
        archive.platforms = List.of(platform("darwin/arm64"), platform("linux/amd64"));
        ArchiveMojo archiveMojo = new ArchiveMojo();
        set(archiveMojo, "archive", archive);
        set(archiveMojo, "attach", false);
        execute(archiveMojo, project);

        BrewMojo brewMojo = new BrewMojo();
        set(brewMojo, "brew", brew);
        execute(brewMojo, project);

        DeployRawMojo raw = new DeployRawMojo();
        execute(raw, project);

        DeployBrewMojo deployBrew = new DeployBrewMojo();
        set(deployBrew, "brew", brew);
        execute(deployBrew, project);
    }

    private PlatformConfig platform(String name) throws IOException {
        Path binary = folder.resolve("project/target/bin/" + name.replace('/', '-') + "/hello");
        Files.createDirectories(binary.getParent());
        Files.writeString(binary, "#!/bin/sh\necho hello " + name + "\n");
        FileMappingConfig file = new FileMappingConfig();
        file.source = binary.toFile();
        file.target = "bin/hello";
        file.mode = "0755";
        PlatformConfig platform = new PlatformConfig();
        platform.name = name;
        platform.files = List.of(file);
        return platform;
    }

    private void execute(AbstractMojo mojo, MavenProject project) throws Exception {
        set(mojo, "project", project);
        @SuppressWarnings("deprecation")
        MavenSession session =
                new MavenSession(null, null, new DefaultMavenExecutionRequest(), new DefaultMavenExecutionResult());
        session.setProjects(List.of(project));
        set(mojo, "session", session);
        set(mojo, "outputTimestamp", "2026-12-04T00:00:00Z");
        if (mojo instanceof AbstractPublishMojo) {
            set(mojo, "localRepository", folder.resolve("repository").toFile());
            set(mojo, "retryAttempts", 1);
            set(mojo, "dryRun", dryRun);
        }
        mojo.execute();
    }

    private MavenProject project(String version) throws IOException {
        Path basedir = folder.resolve("project");
        Files.createDirectories(basedir);
        Model model = new Model();
        model.setGroupId("com.example");
        model.setArtifactId("hello-cli");
        model.setVersion(version);
        model.setDescription("Says hello");
        Build build = new Build();
        build.setDirectory(basedir.resolve("target").toString());
        model.setBuild(build);
        MavenProject project = new MavenProject(model);
        project.setFile(basedir.resolve("pom.xml").toFile());
        project.setExecutionRoot(true);
        return project;
    }

    private Path cloneTap() throws Exception {
        String url = folder.resolve("repository/brew/homebrew-tap.git").toUri().toString();
        git(folder, "clone", "-q", url, "check");
        return folder.resolve("check");
    }

    private static String git(Path directory, String... arguments) throws Exception {
        List<String> command = new java.util.ArrayList<>(List.of("git"));
        command.addAll(List.of(arguments));
        Process process = new ProcessBuilder(command)
                .directory(directory.toFile())
                .redirectErrorStream(true)
                .start();
        String output = new String(process.getInputStream().readAllBytes());
        process.waitFor(60, TimeUnit.SECONDS);
        if (process.exitValue() != 0) {
            throw new IOException(command + " failed: " + output);
        }
        return output;
    }

    private static void set(Object target, String name, Object value) throws ReflectiveOperationException {
        for (Class<?> type = target.getClass(); type != null; type = type.getSuperclass()) {
            try {
                Field field = type.getDeclaredField(name);
                field.setAccessible(true);
                field.set(target, value);
                return;
            } catch (NoSuchFieldException e) {
                // Look in the superclass.
            }
        }
        throw new NoSuchFieldException(name);
    }
}
