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
import dev.distribution.target.gitlab.GitLabApi;
import dev.distribution.target.gitlab.GitLabLocation;
import dev.distribution.target.gitlab.GitLabNames;
import dev.distribution.target.gitlab.GitLabReleasePublisher;
import dev.distribution.target.gitlab.GitLabReleaseSpec;
import dev.distribution.target.gitlab.GitLabTokens;
import dev.distribution.target.gitlab.PackageUpload;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Publishes the archives, {@code SHA256SUMS}, packages and configured files to a GitLab project's
 * generic package registry, and creates or updates the release of the project's tag with a
 * {@code package} link to each file. Safe to run again: identical files are skipped, links are
 * never duplicated.
 *
 * <pre>{@code
 * <gitlab>
 *   <repository>gitlab</repository>   <!-- <repository> of type gitlab, URL https://gitlab.example.com/group/hello -->
 *   <descriptionFile>CHANGELOG.md</descriptionFile>
 * </gitlab>
 * }</pre>
 */
@Mojo(name = "gitlab-release", defaultPhase = LifecyclePhase.DEPLOY, threadSafe = true)
public class GitLabReleaseMojo extends AbstractPublishMojo {
    private static final String ELEMENT = "<gitlab>";

    /** The package and release configuration; see {@link GitLabConfig}. */
    @Parameter
    private GitLabConfig gitlab;

    /**
     * Skips this goal.
     *
     * <p>User property: {@code distribution.gitlab.skip}. Default: {@code false}.
     */
    @Parameter(property = PropertyNames.GITLAB_SKIP, defaultValue = "false")
    private boolean skipGitLab;

    @Override
    protected boolean isGoalSkipped() {
        return skipGitLab;
    }

    @Override
    protected String goalSkipProperty() {
        return PropertyNames.GITLAB_SKIP;
    }

    @Override
    protected void run() throws DistributionException, IOException {
        GitLabConfig config =
                BlockProperties.apply(gitlab, GitLabConfig.class, "distribution.gitlab", session.getUserProperties());
        Map<String, String> env = System.getenv();

        Repository repository = repository(config.repository, ELEMENT, RepositoryType.GITLAB);

        GitLabLocation location = GitLabLocation.resolve(
                repository == null ? null : repository.url(),
                config.apiUrl,
                config.project,
                env,
                "<repositories><repository> '" + (repository == null ? "" : repository.id()) + "' <url>");
        GitLabReleaseSpec spec = spec(config, env);
        boolean mapNames = Boolean.TRUE.equals(config.mapFileNames);
        List<PackageUpload> uploads = new ArrayList<>();
        for (ReleaseFiles.Named file : ReleaseFiles.collect(
                project,
                buildDirectory(),
                config.archives == null || config.archives,
                config.packages == null || config.packages,
                config.files,
                ELEMENT)) {
            uploads.add(new PackageUpload(
                    file.file(),
                    GitLabNames.fileName(file.name(), mapNames, file.file().toString())));
        }

        String serverId = repository == null ? "gitlab" : repository.id();
        Credentials token = token(serverId, config, env);
        boolean replace = Boolean.TRUE.equals(config.replaceExisting) || isAllowRedeploy();

        try (HttpTransport http = openTransport()) {
            GitLabApi api = new GitLabApi(http, location.apiUrl(), location.project(), token);
            GitLabReleasePublisher publisher = new GitLabReleasePublisher(
                    api, serverId, reporter(), publicationLog(), new PublishOptions(isDryRun(), replace));
            List<Publication> publications = publisher.publish(spec, uploads);
            report(publications);
        }
    }

    private GitLabReleaseSpec spec(GitLabConfig config, Map<String, String> env)
            throws InvalidConfigurationException, IOException {
        String packageName = GitLabNames.packageName(
                config.packageName != null ? config.packageName.trim() : project.getArtifactId(),
                ELEMENT + "<packageName>");
        String version = GitLabNames.version(
                config.packageVersion != null ? config.packageVersion.trim() : project.getVersion(),
                ELEMENT + "<packageVersion>");
        String tag = GitTagName.validate(
                config.tag != null ? config.tag.trim() : "v" + project.getVersion(), ELEMENT + "<tag>");
        if (config.description != null && config.descriptionFile != null) {
            throw new InvalidConfigurationException(
                    ELEMENT + "<descriptionFile>",
                    config.descriptionFile.getPath(),
                    "either <description> or <descriptionFile>",
                    "Remove one of them.");
        }
        String description = config.description;
        if (config.descriptionFile != null) {
            if (!config.descriptionFile.isFile()) {
                throw new InvalidConfigurationException(
                        ELEMENT + "<descriptionFile>",
                        config.descriptionFile.getPath(),
                        "an existing Markdown file",
                        "Fix the path.");
            }
            description = Files.readString(config.descriptionFile.toPath(), StandardCharsets.UTF_8);
        }
        String assetPath = config.assetPath == null || config.assetPath.isBlank() ? "/" : config.assetPath.trim();
        if (!assetPath.startsWith("/")) {
            assetPath = "/" + assetPath;
        }
        if (!assetPath.endsWith("/")) {
            assetPath = assetPath + "/";
        }
        if (assetPath.contains("//") || assetPath.contains("/../") || assetPath.contains("/./")) {
            throw new InvalidConfigurationException(
                    ELEMENT + "<assetPath>",
                    config.assetPath,
                    "a folder path such as /bin/",
                    "Remove empty or dot segments.");
        }
        String ref = config.ref != null && !config.ref.isBlank() ? config.ref.trim() : env.get("CI_COMMIT_SHA");
        String name = config.name != null && !config.name.isBlank() ? config.name : tag;
        return new GitLabReleaseSpec(packageName, version, tag, name, description, ref, assetPath);
    }

    private Credentials token(String serverId, GitLabConfig config, Map<String, String> env)
            throws InvalidConfigurationException {
        Credentials fromSettings = mavenSettings().credentials(serverId);
        String source = "settings.xml <server> '" + serverId + "'";
        if (fromSettings instanceof Credentials.Bearer bearer) {
            // A bare token in <password> is a personal, project or group access token.
            return new Credentials.Header(
                    GitLabTokens.PRIVATE_TOKEN, GitLabTokens.check(bearer.token(), source), source);
        }
        if (!(fromSettings instanceof Credentials.None)) {
            return fromSettings;
        }
        String variable = config.tokenEnvironment != null && !config.tokenEnvironment.isBlank()
                ? config.tokenEnvironment.trim()
                : "GITLAB_TOKEN";
        Optional<Credentials> fromEnvironment = GitLabTokens.fromEnvironment(env, variable, config.tokenType, ELEMENT);
        if (fromEnvironment.isPresent()) {
            fromEnvironment.get().secrets().forEach(BuildSecrets.redactor()::register);
            return fromEnvironment.get();
        }
        throw new InvalidConfigurationException(
                "GitLab token",
                null,
                "a settings.xml <server> with id '" + serverId + "' (the token as <password>, or an <httpHeaders>"
                        + " property PRIVATE-TOKEN, JOB-TOKEN or Deploy-Token), the environment variable " + variable
                        + ", or CI_JOB_TOKEN inside GitLab CI",
                "Give the build a token with scope 'api'; in GitLab CI the job token is used by itself.");
    }
}
