package dev.distribution.maven;

import dev.distribution.core.InvalidConfigurationException;
import dev.distribution.core.Publication;
import dev.distribution.core.PublicationLog;
import dev.distribution.core.PublicationTable;
import dev.distribution.core.PublishOptions;
import dev.distribution.core.Publisher;
import dev.distribution.core.Repository;
import dev.distribution.core.RepositoryType;
import dev.distribution.http.Credentials;
import dev.distribution.http.HttpTransport;
import dev.distribution.http.TransportSettings;
import dev.distribution.http.TrustMaterial;
import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.apache.maven.plugins.annotations.Component;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.settings.Settings;
import org.apache.maven.settings.crypto.SettingsDecrypter;

/**
 * Base of the publishing goals: the declared repositories, the embedded default repository,
 * settings.xml credentials and proxies, the HTTP transport, dry run, redeploy and the publication
 * record.
 */
public abstract class AbstractPublishMojo extends AbstractDistributionMojo {

    /**
     * The repositories packages go to, declared once and referenced by id from each format block:
     *
     * <pre>{@code
     * <repositories>
     *   <repository>
     *     <id>nexus-raw</id>          <!-- also the settings.xml <server> id -->
     *     <type>nexus</type>          <!-- nexus, static, webdav, registry, pypi, chartmuseum, aptly, git, github, gitlab -->
     *     <url>https://nexus.example.com/repository/raw-hosted/</url>
     *   </repository>
     * </repositories>
     * }</pre>
     *
     * A format block without a repository publishes to the embedded static repository.
     */
    @Parameter
    private List<RepositoryConfig> repositories;

    /**
     * Prints what would be published where, and whether each file is absent, identical or
     * different at the target, without uploading anything.
     *
     * <p>User property: {@code distribution.dryRun}. Default: {@code false}.
     */
    @Parameter(property = PropertyNames.DRY_RUN, defaultValue = "false")
    private boolean dryRun;

    /**
     * Replaces a different file already published at the same path instead of failing. The
     * repository may still reject it (Nexus "Disable redeploy").
     *
     * <p>User property: {@code distribution.allowRedeploy}. Default: {@code false}.
     */
    @Parameter(property = PropertyNames.ALLOW_REDEPLOY, defaultValue = "false")
    private boolean allowRedeploy;

    /**
     * The folder of the embedded static repository, used by every format that has no repository.
     *
     * <p>User property: {@code distribution.localRepository}. Default:
     * {@code target/distribution-repository} of the top-level project.
     */
    @Parameter(property = PropertyNames.LOCAL_REPOSITORY)
    private File localRepository;

    /**
     * Seconds to wait for a connection.
     *
     * <p>User property: {@code distribution.connectTimeout}. Default: {@code 30}.
     */
    @Parameter(property = PropertyNames.CONNECT_TIMEOUT, defaultValue = "30")
    private int connectTimeout;

    /**
     * Seconds to wait for data on an open connection.
     *
     * <p>User property: {@code distribution.readTimeout}. Default: {@code 300}.
     */
    @Parameter(property = PropertyNames.READ_TIMEOUT, defaultValue = "300")
    private int readTimeout;

    /**
     * Attempts per idempotent request before giving up; retries follow connection errors, 408, 429
     * and 5xx responses with exponential backoff and honour {@code Retry-After}.
     *
     * <p>User property: {@code distribution.retryAttempts}. Default: {@code 4}.
     */
    @Parameter(property = PropertyNames.RETRY_ATTEMPTS, defaultValue = "4")
    private int retryAttempts;

    /**
     * A PEM file of certificate authorities trusted in addition to the JDK's, for servers behind
     * an internal CA. TLS verification is always on.
     *
     * <p>User property: {@code distribution.caBundle}. Default: none.
     */
    @Parameter(property = PropertyNames.CA_BUNDLE)
    private File caBundle;

    /** The user's settings.xml, for servers and proxies. */
    @Parameter(defaultValue = "${settings}", readonly = true)
    private Settings settings;

    /** Decrypts passwords encrypted with {@code mvn --encrypt-password}. */
    @Component
    private SettingsDecrypter settingsDecrypter;

    /** Whether this run only prints the plan. */
    protected boolean isDryRun() {
        return dryRun;
    }

    /** Returns whether this run may replace different files already published. */
    protected boolean isAllowRedeploy() {
        return allowRedeploy;
    }

    /** Returns this run's dry-run and redeploy options. */
    protected PublishOptions publishOptions() {
        return new PublishOptions(dryRun, allowRedeploy);
    }

    /** The publisher with this run's options, recording to {@code target/distribution/publication.json}. */
    protected Publisher publisher() {
        return new Publisher(reporter(), publicationLog(), new PublishOptions(dryRun, allowRedeploy));
    }

    /** The publication record of this project. */
    protected PublicationLog publicationLog() {
        return new PublicationLog(buildDirectory().resolve("distribution").resolve("publication.json"));
    }

    /**
     * Looks up a declared repository.
     *
     * @param id the id a format block references; null or blank for the embedded repository
     * @param element the POM element holding the id, for the error message
     * @return the repository, or null when {@code id} is null or blank
     */
    protected Repository repository(String id, String element) throws InvalidConfigurationException {
        if (id == null || id.isBlank()) {
            return null;
        }
        return declared(id, element).toRepository(indexOf(id));
    }

    /**
     * Looks up a declared repository and checks that its type is the one a goal publishes to.
     *
     * @param block the format block, such as {@code <github>}, for the error message
     * @return the repository, or null when {@code id} is null or blank
     */
    protected Repository repository(String id, String block, RepositoryType type) throws InvalidConfigurationException {
        Repository repository = repository(id, block + "<repository>");
        if (repository != null && repository.type() != type) {
            throw new InvalidConfigurationException(
                    block + "<repository>",
                    repository.id() + " (type " + repository.type().id() + ")",
                    "a repository of type " + type.id(),
                    "Point " + block + "<repository> at a repository declared with <type>" + type.id() + "</type>.");
        }
        return repository;
    }

    /** The declared {@code <repository>} with this id, for type-specific settings. */
    protected RepositoryConfig declared(String id, String element) throws InvalidConfigurationException {
        if (repositories != null) {
            for (RepositoryConfig repository : repositories) {
                if (id.equals(repository.getId())) {
                    return repository;
                }
            }
        }
        List<String> known = repositories == null
                ? List.of()
                : repositories.stream().map(RepositoryConfig::getId).toList();
        throw new InvalidConfigurationException(
                element,
                id,
                known.isEmpty() ? "the id of a <repositories><repository>" : "one of " + String.join(", ", known),
                "Declare the repository under <repositories> or fix the id.");
    }

    private int indexOf(String id) {
        for (int i = 0; i < repositories.size(); i++) {
            if (id.equals(repositories.get(i).getId())) {
                return i + 1;
            }
        }
        return 0;
    }

    /**
     * The folder of the embedded static repository for one format.
     *
     * @param format the sub-folder, such as {@code raw} or {@code apt}
     */
    protected Path embeddedRepository(String format) {
        Path root = localRepository != null
                ? localRepository.toPath()
                : Path.of(session.getTopLevelProject().getBuild().getDirectory(), "distribution-repository");
        return root.resolve(format).toAbsolutePath();
    }

    /**
     * Keeps HttpClient's header and wire logs at info level, even under {@code mvn -X}. At debug
     * level they print every request header, so the Basic or Bearer {@code Authorization} value
     * of each request would appear in the build log. Maven's SLF4J provider reads a logger's level
     * from these system properties when the logger is created, which happens when HttpClient's
     * connection classes are first loaded, so this must run before the first transport opens.
     *
     * <p>NOTE: if another plugin of the same build created these loggers first, at debug level,
     * they keep that level.
     */
    private static void hideHttpClientHeaderLogs() {
        System.setProperty("org.slf4j.simpleLogger.log.org.apache.hc.client5.http.headers", "info");
        System.setProperty("org.slf4j.simpleLogger.log.org.apache.hc.client5.http.wire", "info");
    }

    /** Creates the HTTP transport with this run's timeouts, retries, CA bundle and settings.xml proxies. */
    protected HttpTransport openTransport() throws InvalidConfigurationException {
        if (retryAttempts < 1) {
            throw new InvalidConfigurationException(
                    "<retryAttempts>", String.valueOf(retryAttempts), "1 or more", "Set at least 1 attempt.");
        }
        hideHttpClientHeaderLogs();
        if (caBundle != null) {
            checkCaBundle(caBundle.toPath());
        }
        TransportSettings transportSettings = TransportSettings.builder()
                .connectTimeout(Duration.ofSeconds(connectTimeout))
                .readTimeout(Duration.ofSeconds(readTimeout))
                .maxAttempts(retryAttempts)
                .caBundle(caBundle == null ? null : caBundle.toPath())
                .proxies(mavenSettings().proxies())
                .userAgent("distribution-maven-plugin")
                .build();
        return new HttpTransport(transportSettings, reporter(), BuildSecrets.redactor());
    }

    private static void checkCaBundle(Path file) throws InvalidConfigurationException {
        try {
            if (TrustMaterial.readPem(file).isEmpty()) {
                throw new IOException("no certificate found");
            }
        } catch (IOException | RuntimeException e) {
            throw new InvalidConfigurationException(
                    "<caBundle>",
                    file.toString(),
                    "a readable PEM file with one or more -----BEGIN CERTIFICATE----- blocks",
                    "Point -D" + PropertyNames.CA_BUNDLE + " at the CA certificates of your servers (" + e.getMessage()
                            + ").");
        }
    }

    /** The credentials of the settings.xml server whose id is the repository id. */
    protected Credentials credentials(Repository repository) throws InvalidConfigurationException {
        return mavenSettings().credentials(repository.id());
    }

    /** settings.xml, with decryption and redaction. */
    protected MavenSettings mavenSettings() {
        return new MavenSettings(settings, settingsDecrypter, BuildSecrets.redactor());
    }

    /**
     * Adds what this goal published to the build's summary, and prints it as a table unless the
     * summary is printed when the build ends.
     */
    protected void report(List<Publication> publications) {
        if (publications.isEmpty()) {
            return;
        }
        BuildSummary.add(publications);
        if (!BuildSummary.isPrintedAtEnd()) {
            reporter().info(dryRun ? "Plan (dry run, nothing uploaded):" : "Published:");
            for (String line : PublicationTable.format(publications).split("\\R")) {
                reporter().info("  " + line);
            }
        }
        if (!dryRun) {
            reporter().info("Record: " + publicationLog().file());
        }
    }
}
