package dev.distribution.maven;

import dev.distribution.core.DistributionException;
import dev.distribution.core.InvalidConfigurationException;
import dev.distribution.core.Publication;
import dev.distribution.core.PublishOptions;
import dev.distribution.core.Publisher;
import dev.distribution.core.Repository;
import dev.distribution.core.RepositoryType;
import dev.distribution.core.Upload;
import dev.distribution.http.HttpTransport;
import dev.distribution.signing.OpenPgpSigner;
import dev.distribution.target.nexus.NexusRepositoryUrl;
import dev.distribution.target.nexus.NexusYumTarget;
import dev.distribution.target.staticrepo.DirectoryTarget;
import dev.distribution.target.staticrepo.YumStaticRepository;
import dev.distribution.target.webdav.HttpPutTarget;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Publishes the packages of the {@code rpm} goal to a YUM repository: a Nexus yum hosted repository
 * (PUT or the components API; Nexus builds the metadata), or a static repository whose {@code
 * repodata/} this goal updates and signs: a folder (type {@code static}), any HTTP PUT server (type
 * {@code webdav}), or without a repository the embedded one ({@code yum/} of the local repository).
 */
@Mojo(name = "deploy-rpm", defaultPhase = LifecyclePhase.DEPLOY, threadSafe = true)
public class DeployRpmMojo extends AbstractPublishMojo {
    private static final String ELEMENT = "<rpm>";

    /** The publishing settings: {@code repository}, {@code path}, {@code repodataDepth}; see {@link RpmConfig}. */
    @Parameter
    private RpmConfig rpm;

    /** The key that signs {@code repomd.xml} of a static repository; see {@link SigningConfig}. */
    @Parameter
    private SigningConfig signing;

    /**
     * Skips this goal.
     *
     * <p>User property: {@code distribution.deploy-rpm.skip}. Default: {@code false}.
     */
    @Parameter(property = PropertyNames.DEPLOY_RPM_SKIP, defaultValue = "false")
    private boolean skipDeployRpm;

    @Override
    protected boolean isGoalSkipped() {
        return skipDeployRpm;
    }

    @Override
    protected String goalSkipProperty() {
        return PropertyNames.DEPLOY_RPM_SKIP;
    }

    @Override
    protected void run() throws DistributionException, IOException {
        RpmConfig config = BlockProperties.apply(rpm, RpmConfig.class, "distribution.rpm", session.getUserProperties());
        List<Path> rpms = packages();
        if (rpms.isEmpty()) {
            reporter().info("No RPM package to publish: run the rpm goal first.");
            return;
        }
        String folder = folder(config.path);
        Repository repository = repository(config.repository, ELEMENT + "<repository>");
        if (repository == null
                || repository.type() == RepositoryType.STATIC
                || repository.type() == RepositoryType.WEBDAV) {
            publishStatic(repository, rpms, folder);
        } else if (repository.type() == RepositoryType.NEXUS) {
            publishNexus(repository, config, rpms, folder);
        } else {
            throw new InvalidConfigurationException(
                    ELEMENT + "<repository>",
                    repository.id() + " (type " + repository.type().id() + ")",
                    "a repository of type nexus, webdav or static",
                    "Point <rpm><repository> at a YUM repository.");
        }
    }

    /** Uploads the packages to a Nexus yum hosted repository, which builds the metadata itself. */
    private void publishNexus(Repository repository, RpmConfig config, List<Path> rpms, String folder)
            throws DistributionException, IOException {
        int depth = config.repodataDepth == null ? 0 : config.repodataDepth;
        NexusYumTarget.checkDepth(folder, depth, ELEMENT + "<path>", ELEMENT + "<repodataDepth>");
        String upload = declared(repository.id(), ELEMENT).getUpload();
        boolean componentsApi = upload != null && upload.trim().equalsIgnoreCase("components");
        String urlElement = "<repositories><repository> '" + repository.id() + "'<url>";
        List<Publication> publications;
        try (HttpTransport http = openTransport()) {
            NexusYumTarget target = new NexusYumTarget(
                    repository,
                    NexusRepositoryUrl.parse(repository.url(), urlElement),
                    http,
                    credentials(repository),
                    componentsApi);
            List<Upload> uploads = new ArrayList<>();
            for (Path file : rpms) {
                uploads.add(new Upload(file, folder + file.getFileName(), "application/x-rpm"));
            }
            publications = publisher().publish(target, uploads);
        }
        report(publications);
        reporter().info("Nexus rebuilds repodata/ about a minute after an upload; dnf sees the package then.");
    }

    /**
     * Uploads the packages and the updated, signed metadata to a static repository: the embedded one
     * ({@code repository} null), a folder or an HTTP PUT server.
     */
    private void publishStatic(Repository repository, List<Path> rpms, String folder)
            throws DistributionException, IOException {
        OpenPgpSigner signer = null;
        if (Signing.isConfigured(signing, System.getenv())) {
            signer = Signing.signer(signing, mavenSettings(), basedir());
        } else {
            reporter()
                    .warn("No signing key is configured: repodata/repomd.xml stays unsigned, so clients need"
                            + " repo_gpgcheck=0. Configure <signing> or DISTRIBUTION_SIGNING_KEY to sign it.");
        }
        Path staging = buildDirectory().resolve("distribution").resolve("yum-staging");
        // repomd.xml, its signature and the key change with every publication, so they may replace.
        Publisher indexPublisher = new Publisher(reporter(), publicationLog(), new PublishOptions(isDryRun(), true));
        List<Publication> publications;
        String baseUrl;
        if (repository == null || repository.type() == RepositoryType.STATIC) {
            Path root = repository == null ? embeddedRepository("yum") : Path.of(repository.url());
            DirectoryTarget target = new DirectoryTarget(repository == null ? "embedded" : repository.id(), root);
            publications = new YumStaticRepository(
                            target,
                            YumStaticRepository.directory(root),
                            publisher(),
                            indexPublisher,
                            staging,
                            reporter())
                    .publish(rpms, folder, signer, Instant.now());
            baseUrl = root.toUri().toString();
        } else {
            try (HttpTransport http = openTransport()) {
                HttpPutTarget target = new HttpPutTarget(repository, http, credentials(repository));
                YumStaticRepository.MetadataSource source =
                        YumStaticRepository.http(http, repository, credentials(repository));
                publications = new YumStaticRepository(target, source, publisher(), indexPublisher, staging, reporter())
                        .publish(rpms, folder, signer, Instant.now());
            }
            baseUrl = repository.url();
        }
        report(publications);
        printRepoFile(baseUrl, signer != null);
    }

    private List<Path> packages() throws IOException, InvalidConfigurationException {
        Path manifest = buildDirectory().resolve("distribution").resolve(RpmMojo.MANIFEST);
        List<Path> rpms = new ArrayList<>();
        if (!Files.isRegularFile(manifest)) {
            return rpms;
        }
        for (String line : Files.readAllLines(manifest)) {
            if (line.isBlank()) {
                continue;
            }
            Path file = Path.of(line);
            if (!Files.isRegularFile(file)) {
                throw new InvalidConfigurationException(
                        "file to publish",
                        line,
                        "an RPM built by the rpm goal",
                        "Run the rpm goal again in the same build, for example 'mvn package'.");
            }
            rpms.add(file);
        }
        return rpms;
    }

    private static String folder(String path) throws InvalidConfigurationException {
        if (path == null || path.isBlank()) {
            return "";
        }
        String folder = path.trim().replace('\\', '/').replaceAll("/{2,}", "/").replaceAll("^/+|/+$", "");
        for (String segment : folder.split("/")) {
            if (segment.equals("..") || segment.equals(".") || segment.equals("repodata")) {
                throw new InvalidConfigurationException(
                        ELEMENT + "<path>",
                        path,
                        "a relative folder without '.', '..' or 'repodata' segments",
                        "Use a folder such as el9/x86_64.");
            }
        }
        return folder.isEmpty() ? "" : folder + "/";
    }

    private void printRepoFile(String baseUrl, boolean signed) {
        if (isDryRun()) {
            return;
        }
        String base = baseUrl.endsWith("/") ? baseUrl : baseUrl + "/";
        reporter().info("Client configuration, /etc/yum.repos.d/" + project.getArtifactId() + ".repo:");
        reporter().info("  [" + project.getArtifactId() + "]");
        reporter().info("  name=" + project.getArtifactId());
        reporter().info("  baseurl=" + base);
        reporter().info("  enabled=1");
        reporter().info("  gpgcheck=" + (signed ? 1 : 0));
        reporter().info("  repo_gpgcheck=" + (signed ? 1 : 0));
        if (signed) {
            reporter().info("  gpgkey=" + base + "repodata/repomd.xml.key");
        }
    }
}
