package dev.distribution.maven;

import dev.distribution.core.DistributionException;
import dev.distribution.core.InvalidConfigurationException;
import dev.distribution.core.Publication;
import dev.distribution.core.Repository;
import dev.distribution.core.RepositoryType;
import dev.distribution.core.Upload;
import dev.distribution.format.deb.AptRepositoryLayout;
import dev.distribution.format.deb.AptRepositoryWriter;
import dev.distribution.format.deb.DebFile;
import dev.distribution.format.deb.ReleaseSigner;
import dev.distribution.http.HttpTransport;
import dev.distribution.signing.OpenPgpSigner;
import dev.distribution.signing.SigningKeys;
import dev.distribution.target.aptly.AptlyPublisher;
import dev.distribution.target.nexus.NexusAptTarget;
import dev.distribution.target.nexus.NexusRepositoryUrl;
import dev.distribution.target.staticrepo.StaticAptPublisher;
import dev.distribution.target.webdav.HttpPutTarget;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Publishes the package the {@code deb} goal built: to a Nexus apt hosted repository, to aptly, or
 * as a signed static APT repository in a folder or on any HTTP PUT server. Without a repository the
 * package goes to the embedded repository under {@code target/distribution-repository/apt/}, which
 * apt-get reads with a {@code file:} line.
 */
@Mojo(name = "deploy-deb", defaultPhase = LifecyclePhase.DEPLOY, threadSafe = true)
public class DeployDebMojo extends AbstractPublishMojo {
    private static final String ELEMENT = "<deb>";

    /** The publishing configuration, shared with the {@code deb} goal; see {@link DebConfig}. */
    @Parameter
    private DebConfig deb;

    /**
     * Skips this goal.
     *
     * <p>User property: {@code distribution.deb.deploySkip}. Default: {@code false}.
     */
    @Parameter(property = PropertyNames.DEPLOY_DEB_SKIP, defaultValue = "false")
    private boolean skipDeployDeb;

    @Override
    protected boolean isGoalSkipped() {
        return skipDeployDeb;
    }

    @Override
    protected String goalSkipProperty() {
        return PropertyNames.DEPLOY_DEB_SKIP;
    }

    @Override
    protected void run() throws DistributionException, IOException {
        DebConfig config = BlockProperties.apply(deb, DebConfig.class, "distribution.deb", session.getUserProperties());
        Path manifest = buildDirectory().resolve("distribution").resolve(DebMojo.MANIFEST);
        if (!Files.isRegularFile(manifest)) {
            reporter().info("No Debian package to publish: run the deb goal first.");
            return;
        }
        List<Path> debs = Files.readAllLines(manifest).stream()
                .filter(line -> !line.isBlank())
                .map(Path::of)
                .toList();
        AptRepositoryLayout layout = layout(config).validate();
        Repository repository = repository(config.repository, ELEMENT + "<repository>");
        List<Publication> publications = new ArrayList<>();
        if (repository == null || repository.type() == RepositoryType.STATIC) {
            ReleaseSigner signer = signer(config.signing);
            Path root = repository == null ? embeddedRepository("apt") : Path.of(repository.url());
            String id = repository == null ? "embedded" : repository.id();
            publications = new StaticAptPublisher(layout, signer, reporter())
                    .publishToFolder(id, root, debs, Instant.now(), isDryRun());
            printClientHint(root.toUri().toString().replaceFirst("^file:///", "file:/"), layout, signer != null, root);
        } else if (repository.type() == RepositoryType.WEBDAV) {
            ReleaseSigner signer = signer(config.signing);
            try (HttpTransport http = openTransport()) {
                HttpPutTarget target = new HttpPutTarget(repository, http, credentials(repository));
                Path staging = buildDirectory().resolve("distribution").resolve("apt-staging");
                publications = new StaticAptPublisher(layout, signer, reporter())
                        .publishOverHttp(target, http, staging, debs, Instant.now(), isDryRun());
            }
            printClientHint(repository.url(), layout, signer != null, null);
        } else if (repository.type() == RepositoryType.NEXUS) {
            String element = "<repositories><repository> '" + repository.id() + "'";
            String upload = declared(repository.id(), ELEMENT).getUpload();
            boolean componentsApi = upload != null && upload.trim().equalsIgnoreCase("components");
            if (upload != null && !componentsApi && !upload.trim().equalsIgnoreCase("native")) {
                throw new InvalidConfigurationException(
                        element + "<upload>", upload, "native, components", "Choose one of the two upload methods.");
            }
            try (HttpTransport http = openTransport()) {
                NexusAptTarget target = new NexusAptTarget(
                        repository,
                        NexusRepositoryUrl.parse(repository.url(), element + "<url>"),
                        http,
                        credentials(repository),
                        componentsApi);
                List<Upload> uploads = new ArrayList<>();
                for (Path file : debs) {
                    String name = DebFile.control(file).get("Package");
                    uploads.add(new Upload(
                            file,
                            NexusAptTarget.poolPath(name, file.getFileName().toString())));
                }
                publications = publisher().publish(target, uploads);
            }
        } else if (repository.type() == RepositoryType.APTLY) {
            String keyId = config.signing == null ? null : config.signing.keyId;
            AptlyPublisher.Settings settings = new AptlyPublisher.Settings(
                    config.aptlyRepository != null
                            ? config.aptlyRepository
                            : layout.distribution() + "-" + layout.component(),
                    config.aptlyPrefix != null ? config.aptlyPrefix : ".",
                    layout.distribution(),
                    layout.component(),
                    withAll(layout.architectures()),
                    keyId);
            if (isDryRun()) {
                reporter().info("Dry run: would add " + debs + " to aptly at " + repository.url());
                return;
            }
            try (HttpTransport http = openTransport()) {
                new AptlyPublisher(repository, http, credentials(repository), settings, reporter()).publish(debs);
            }
        } else {
            throw new InvalidConfigurationException(
                    ELEMENT + "<repository>",
                    repository.id() + " (type " + repository.type().id() + ")",
                    "a repository of type nexus, aptly, webdav or static",
                    "Point <deb><repository> at an APT repository.");
        }
        report(publications);
    }

    private static List<String> withAll(List<String> architectures) {
        List<String> result = new ArrayList<>(architectures);
        result.add("all");
        return result;
    }

    private static AptRepositoryLayout layout(DebConfig config) {
        List<String> architectures = config.architectures == null || config.architectures.isBlank()
                ? List.of("amd64", "arm64")
                : Arrays.stream(config.architectures.split(","))
                        .map(String::trim)
                        .filter(a -> !a.isEmpty())
                        .toList();
        return new AptRepositoryLayout(
                config.distribution != null ? config.distribution : "stable",
                config.component != null ? config.component : "main",
                architectures,
                config.origin,
                config.label);
    }

    /**
     * Loads the signing key before anything is uploaded, so an unreadable key or a wrong passphrase
     * stops the build first. Without any key configured the repository is published unsigned.
     */
    private ReleaseSigner signer(SigningConfig signing) throws InvalidConfigurationException {
        boolean configured =
                signing != null && (signing.keyFile != null || (signing.key != null && !signing.key.isBlank()));
        boolean fromEnvironment =
                notBlank(System.getenv(SigningKeys.ENV_KEY)) || notBlank(System.getenv(SigningKeys.MAVEN_GPG_KEY));
        if (!configured && !fromEnvironment) {
            reporter()
                    .warn(
                            "No signing key: the APT repository is unsigned and apt-get accepts it only with [trusted=yes]."
                                    + " Set <deb><signing><keyFile> or the environment variable " + SigningKeys.ENV_KEY
                                    + ".");
            return null;
        }
        var key = SigningKeys.resolve(
                signing == null || signing.keyFile == null ? null : signing.keyFile.toPath(),
                signing == null ? null : signing.key,
                signing == null ? null : signing.keyId,
                mavenSettings().password("signing"),
                System.getenv(),
                BuildSecrets.redactor());
        reporter().info("Signing the APT repository with key " + key.fingerprint());
        return ReleaseSigner.of(new OpenPgpSigner(key));
    }

    private static boolean notBlank(String value) {
        return value != null && !value.isBlank();
    }

    private void printClientHint(String url, AptRepositoryLayout layout, boolean signed, Path root) {
        if (isDryRun()) {
            return;
        }
        String options = signed ? "[signed-by=/etc/apt/keyrings/" + project.getArtifactId() + ".gpg]" : "[trusted=yes]";
        reporter().info("Install with apt-get:");
        if (signed) {
            String keyUrl = root != null
                    ? root.resolve(AptRepositoryWriter.KEY_BINARY).toString()
                    : url.replaceAll("/+$", "") + "/" + AptRepositoryWriter.KEY_BINARY;
            reporter().info("  copy " + keyUrl + " to /etc/apt/keyrings/" + project.getArtifactId() + ".gpg");
        }
        reporter()
                .info("  echo 'deb " + options + " " + url + " " + layout.distribution() + " " + layout.component()
                        + "' > /etc/apt/sources.list.d/" + project.getArtifactId() + ".list");
        reporter().info("  apt-get update && apt-get install <package>");
    }
}
