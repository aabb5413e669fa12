package dev.distribution.it.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class MavenRunIT {
    private static final String PLUGIN = "dev.distribution:distribution-maven-plugin:";

    @Test
    void helpGoalRunsFromItRepo() throws Exception {
        MavenRun build = MavenRun.of("help-goal", "MavenRunIT/help");

        MavenRun.BuildResult result = build.run("package");

        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(result.log()).contains("distribution:help");
        assertThat(build.projectDirectory().resolve("target/help-goal-1.0.0.jar"))
                .isRegularFile();
        assertThat(result.logFile()).isRegularFile();
    }

    @Test
    void pluginComesFromItRepo() throws Exception {
        MavenRun build = MavenRun.of("help-goal", "MavenRunIT/from-it-repo");

        MavenRun.BuildResult result = build.run(PLUGIN + ItEnvironment.pluginVersion() + ":help");

        Path pluginDirectory = ItEnvironment.localRepository()
                .resolve("dev/distribution/distribution-maven-plugin")
                .resolve(ItEnvironment.pluginVersion());
        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(pluginDirectory.resolve("distribution-maven-plugin-" + ItEnvironment.pluginVersion() + ".jar"))
                .isRegularFile();
    }

    @Test
    void dependenciesComeFromTail() throws Exception {
        MavenRun build = MavenRun.of("help-goal", "MavenRunIT/tail");

        MavenRun.BuildResult result = build.run("package");

        // The compiler plugin ran, but it was read from the user's repository, not downloaded again.
        assertThat(result.log()).contains("compiler:3.14.1:compile");
        assertThat(ItEnvironment.localRepository().resolve("org/apache/maven/plugins/maven-compiler-plugin"))
                .doesNotExist();
    }

    @Test
    void tokensAreFiltered() throws Exception {
        MavenRun build = MavenRun.of("help-goal", "MavenRunIT/tokens");

        String pom = Files.readString(build.projectDirectory().resolve("pom.xml"));

        assertThat(pom).contains("<version>" + ItEnvironment.pluginVersion() + "</version>");
        assertThat(pom).doesNotContain("@pluginVersion@");
    }

    @Test
    void unknownGoalFails() throws Exception {
        MavenRun build = MavenRun.of("help-goal", "MavenRunIT/unknown-goal");

        MavenRun.BuildResult result = build.run(PLUGIN + ItEnvironment.pluginVersion() + ":no-such-goal");

        assertThat(result.exitCode()).isNotZero();
        assertThat(result.log()).contains("no-such-goal");
        assertThat(Files.readString(result.logFile())).isEqualTo(result.log());
    }

    @Test
    void environmentReachesMaven() throws Exception {
        MavenRun build = MavenRun.of("help-goal", "MavenRunIT/environment").property("it.checkEnvironment", "true");

        MavenRun.BuildResult without = build.run("validate");
        MavenRun.BuildResult with = build.environment("IT_MARKER", "marker-42").run("validate");

        assertThat(without.exitCode()).as(without.toString()).isNotZero();
        assertThat(without.log()).contains("IT_MARKER");
        assertThat(with.exitCode()).as(with.toString()).isZero();
    }

    @Test
    void settingsAcceptedByMaven() throws Exception {
        MavenRun build = MavenRun.of("help-goal", "MavenRunIT/settings")
                .settings(new MavenSettings().server("it-server", "deployer", "p<&>ss"));

        MavenRun.BuildResult result = build.run(PLUGIN + ItEnvironment.pluginVersion() + ":help");

        assertThat(result.exitCode()).as(result.toString()).isZero();
    }
}
