package dev.distribution.maven;

import dev.distribution.core.DistributionException;
import dev.distribution.core.GitTagName;
import dev.distribution.core.InvalidConfigurationException;
import dev.distribution.core.Publication;
import dev.distribution.core.PublishOptions;
import dev.distribution.core.Repository;
import dev.distribution.core.RepositoryType;
import dev.distribution.http.Credentials;
import dev.distribution.http.HttpTransport;
import dev.distribution.target.github.AssetFiles;
import dev.distribution.target.github.GitHubApi;
import dev.distribution.target.github.GitHubLocation;
import dev.distribution.target.github.GitHubReleasePublisher;
import dev.distribution.target.github.RateLimitPolicy;
import dev.distribution.target.github.ReleaseAsset;
import dev.distribution.target.github.ReleaseSpec;
import dev.distribution.version.InvalidVersionException;
import dev.distribution.version.MavenVersion;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Creates or updates the GitHub release of the project's tag and attaches the archives,
 * {@code SHA256SUMS}, packages and configured files as assets. Safe to run again: identical
 * assets are skipped and an unchanged release is left alone.
 *
 * <pre>{@code
 * <github>
 *   <repository>github</repository>     <!-- <repository> of type github, URL https://github.com/acme/hello -->
 *   <bodyFile>releases/v${project.version}.md</bodyFile>
 * </github>
 * }</pre>
 */
@Mojo(name = "github-release", defaultPhase = LifecyclePhase.DEPLOY, threadSafe = true)
public class GitHubReleaseMojo extends AbstractPublishMojo {
    private static final String ELEMENT = "<github>";

    /** The release configuration; see {@link GitHubConfig}. */
    @Parameter
    private GitHubConfig github;

    /**
     * Skips this goal.
     *
     * <p>User property: {@code distribution.github.skip}. Default: {@code false}.
     */
    @Parameter(property = PropertyNames.GITHUB_SKIP, defaultValue = "false")
    private boolean skipGitHub;

    @Override
    protected boolean isGoalSkipped() {
        return skipGitHub;
    }

    @Override
    protected String goalSkipProperty() {
        return PropertyNames.GITHUB_SKIP;
    }

    @Override
    protected void run() throws DistributionException, IOException {
        GitHubConfig config =
                BlockProperties.apply(github, GitHubConfig.class, "distribution.github", session.getUserProperties());
        Map<String, String> env = System.getenv();

        Repository repository = repository(config.repository, ELEMENT, RepositoryType.GITHUB);

        GitHubLocation location = GitHubLocation.resolve(
                repository == null ? null : repository.url(),
                config.apiUrl,
                env,
                "<repositories><repository> '" + (repository == null ? "" : repository.id()) + "' <url>");
        ReleaseSpec spec = spec(config);
        List<ReleaseAsset> assets = new ArrayList<>();
        for (ReleaseFiles.Named file : ReleaseFiles.collect(
                project,
                buildDirectory(),
                config.archives == null || config.archives,
                config.packages == null || config.packages,
                config.files,
                ELEMENT)) {
            assets.add(new ReleaseAsset(file.file(), file.name(), null, AssetFiles.contentType(file.name())));
        }

        String serverId = repository == null ? "github" : repository.id();
        Credentials token = token(serverId, config.tokenEnvironment, env);
        int maxWait = config.maxRateLimitWait == null ? 900 : config.maxRateLimitWait;
        if (maxWait < 0) {
            throw new InvalidConfigurationException(
                    ELEMENT + "<maxRateLimitWait>",
                    String.valueOf(maxWait),
                    "0 or more seconds",
                    "Set a wait in seconds.");
        }
        boolean replace = Boolean.TRUE.equals(config.replaceExisting) || isAllowRedeploy();

        try (HttpTransport http = openTransport()) {
            GitHubApi api = new GitHubApi(
                    http,
                    location.apiUrl(),
                    location.repository(),
                    token,
                    RateLimitPolicy.of(Duration.ofSeconds(maxWait)),
                    reporter());
            GitHubReleasePublisher publisher = new GitHubReleasePublisher(
                    api, serverId, reporter(), publicationLog(), new PublishOptions(isDryRun(), replace));
            List<Publication> publications = publisher.publish(spec, assets);
            report(publications);
        }
    }

    private ReleaseSpec spec(GitHubConfig config) throws InvalidConfigurationException, IOException {
        String tag = GitTagName.validate(
                config.tag != null ? config.tag.trim() : "v" + project.getVersion(), ELEMENT + "<tag>");
        if (config.body != null && config.bodyFile != null) {
            throw new InvalidConfigurationException(
                    ELEMENT + "<bodyFile>",
                    config.bodyFile.getPath(),
                    "either <body> or <bodyFile>",
                    "Remove one of them.");
        }
        String body = config.body;
        if (config.bodyFile != null) {
            if (!config.bodyFile.isFile()) {
                throw new InvalidConfigurationException(
                        ELEMENT + "<bodyFile>",
                        config.bodyFile.getPath(),
                        "an existing Markdown file",
                        "Fix the path.");
            }
            body = Files.readString(config.bodyFile.toPath(), StandardCharsets.UTF_8);
        }
        String makeLatest =
                config.makeLatest == null ? null : config.makeLatest.trim().toLowerCase(Locale.ROOT);
        if (makeLatest != null && !ReleaseSpec.MAKE_LATEST_VALUES.contains(makeLatest)) {
            throw new InvalidConfigurationException(
                    ELEMENT + "<makeLatest>", config.makeLatest, "true, false, legacy", "Choose one of these words.");
        }
        boolean prerelease = config.prerelease != null ? config.prerelease : isPreRelease(project.getVersion());
        String name = config.name != null && !config.name.isBlank() ? config.name : tag;
        return new ReleaseSpec(
                tag, name, body, Boolean.TRUE.equals(config.draft), prerelease, makeLatest, config.targetCommitish);
    }

    /** Returns whether a Maven version is a snapshot or a pre-release (alpha, beta, milestone, rc). */
    static boolean isPreRelease(String version) {
        try {
            MavenVersion parsed = MavenVersion.parse(version);
            return parsed.isSnapshot() || parsed.kind().isPreRelease();
        } catch (InvalidVersionException e) {
            return version.endsWith("-SNAPSHOT");
        }
    }

    private Credentials token(String serverId, String variable, Map<String, String> env)
            throws InvalidConfigurationException {
        char[] password = mavenSettings().password(serverId);
        if (password != null && password.length > 0) {
            return GitHubApi.token(
                    checkToken(new String(password), "settings.xml <server> '" + serverId + "'"),
                    "settings.xml <server> '" + serverId + "'");
        }
        List<String> variables = variable != null && !variable.isBlank()
                ? List.of(variable.trim())
                : List.of("GITHUB_TOKEN", "GH_TOKEN");
        for (String name : variables) {
            String value = env.get(name);
            if (value != null && !value.isBlank()) {
                BuildSecrets.redactor().register(value);
                String source = "environment variable " + name;
                return GitHubApi.token(checkToken(value, source), source);
            }
        }
        throw new InvalidConfigurationException(
                "GitHub token",
                null,
                "a settings.xml <server> with id '" + serverId + "' and the token as <password>, or the environment"
                        + " variable " + String.join(" or ", variables),
                "Give the build a token with permission 'contents: write'; in GitHub Actions pass"
                        + " GITHUB_TOKEN: ${{ secrets.GITHUB_TOKEN }} in the step's env.");
    }

    private static String checkToken(String token, String source) throws InvalidConfigurationException {
        String trimmed = token.trim();
        if (trimmed.isEmpty() || trimmed.chars().anyMatch(c -> c <= ' ' || c >= 127)) {
            throw new InvalidConfigurationException(
                    source,
                    "(hidden)",
                    "a token of printable ASCII characters without spaces",
                    "Set the token again without spaces or line breaks.");
        }
        return trimmed;
    }
}
