package dev.distribution.maven;

import dev.distribution.core.ConflictException;
import dev.distribution.core.DistributionException;
import dev.distribution.core.InvalidConfigurationException;
import dev.distribution.core.OutputTimestamp;
import dev.distribution.core.Redactor;
import dev.distribution.core.Reporter;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProject;

/**
 * Base of every goal: the skip flags, the reporter wired to Maven's log and the mapping of engine
 * exceptions to Maven's two failure kinds. A configuration mistake ({@link
 * InvalidConfigurationException}, {@link ConflictException}) becomes a {@link MojoFailureException};
 * anything else the environment caused becomes a {@link MojoExecutionException}. Every message is
 * redacted, and causes are replaced by redacted copies so that {@code -X} stack traces carry no
 * secret either.
 */
public abstract class AbstractDistributionMojo extends AbstractMojo {

    /** The project being built. */
    @Parameter(defaultValue = "${project}", readonly = true, required = true)
    protected MavenProject project;

    /** The Maven session, for the top-level project and the reactor. */
    @Parameter(defaultValue = "${session}", readonly = true, required = true)
    protected MavenSession session;

    /**
     * Skips every goal of this plugin.
     *
     * <p>User property: {@code distribution.skip}. Default: {@code false}.
     */
    @Parameter(property = PropertyNames.SKIP, defaultValue = "false")
    private boolean skip;

    /**
     * The timestamp written into archives and packages so that two builds of one commit are
     * byte-identical: ISO-8601 ({@code 2026-12-04T00:00:00Z}) or seconds since the epoch. When unset,
     * the environment variable {@code SOURCE_DATE_EPOCH} is used.
     *
     * <p>Default: {@code ${project.build.outputTimestamp}}.
     */
    @Parameter(defaultValue = "${project.build.outputTimestamp}")
    private String outputTimestamp;

    private Reporter reporter;

    @Override
    public final void execute() throws MojoExecutionException, MojoFailureException {
        if (skip) {
            getLog().info("Skipping: " + PropertyNames.SKIP + " is set.");
            return;
        }
        if (isGoalSkipped()) {
            getLog().info("Skipping: " + goalSkipProperty() + " is set.");
            return;
        }
        Redactor redactor = BuildSecrets.redactor();
        reporter = new MavenReporter(getLog(), redactor);
        try {
            run();
        } catch (InvalidConfigurationException | ConflictException e) {
            throw new MojoFailureException(
                    redactor.redact(e.getMessage()), RedactedException.of(e.getCause(), redactor));
        } catch (DistributionException e) {
            throw new MojoExecutionException(
                    redactor.redact(e.getMessage()), RedactedException.of(e.getCause(), redactor));
        } catch (IOException e) {
            throw new MojoExecutionException(
                    redactor.redact("I/O error: " + e.getMessage()), RedactedException.of(e, redactor));
        }
    }

    /** Runs the goal. Called only when no skip flag is set. */
    protected abstract void run() throws DistributionException, IOException;

    /** Whether the goal's own skip flag is set. */
    protected abstract boolean isGoalSkipped();

    /** The user property of the goal's own skip flag, for the skip message. */
    protected abstract String goalSkipProperty();

    /** The reporter for this execution; available inside {@link #run()}. */
    protected Reporter reporter() {
        return reporter;
    }

    /** The build's output timestamp: the POM value, then {@code SOURCE_DATE_EPOCH}. */
    protected Instant outputTimestamp() throws InvalidConfigurationException {
        return OutputTimestamp.resolve(outputTimestamp, System.getenv());
    }

    /** The project's base folder. */
    protected Path basedir() {
        return project.getBasedir().toPath();
    }

    /** The project's build output folder, usually {@code target}. */
    protected Path buildDirectory() {
        return Path.of(project.getBuild().getDirectory());
    }
}
