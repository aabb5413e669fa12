package dev.distribution.maven;

import dev.distribution.core.DistributionException;
import dev.distribution.core.InvalidConfigurationException;
import dev.distribution.core.Publication;
import dev.distribution.core.Repository;
import dev.distribution.core.RepositoryType;
import dev.distribution.format.oci.BuiltImage;
import dev.distribution.format.oci.ImageTag;
import dev.distribution.format.oci.OciLayoutPublisher;
import dev.distribution.http.Credentials;
import dev.distribution.http.HttpTransport;
import dev.distribution.target.registry.RegistryClient;
import dev.distribution.target.registry.RegistryEndpoint;
import dev.distribution.target.registry.RegistryPublisher;
import java.io.IOException;
import java.util.List;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Pushes the image the {@code image} goal built to the registry of {@code <image><repository>},
 * with every platform and tag, or writes it to the embedded repository's {@code oci/} folder as an
 * OCI image layout when no repository is set. Credentials come from the settings.xml
 * {@code <server>} whose id is the repository id, else the registry host.
 *
 * <pre>{@code
 * <image>
 *   <repository>nexus-docker</repository>
 *   <tags><tag>latest</tag></tags>
 * </image>
 * }</pre>
 */
@Mojo(name = "deploy-image", defaultPhase = LifecyclePhase.DEPLOY, threadSafe = true)
public class DeployImageMojo extends AbstractPublishMojo {
    private static final String ELEMENT = "<image>";

    /** The image block: repository, name and tags; see {@link ImageConfig}. */
    @Parameter
    private ImageConfig image;

    /**
     * Skips this goal and {@code image}.
     *
     * <p>User property: {@code distribution.image.skip}. Default: {@code false}.
     */
    @Parameter(property = PropertyNames.IMAGE_SKIP, defaultValue = "false")
    private boolean skipImage;

    @Override
    protected boolean isGoalSkipped() {
        return skipImage;
    }

    @Override
    protected String goalSkipProperty() {
        return PropertyNames.IMAGE_SKIP;
    }

    @Override
    protected void run() throws DistributionException, IOException {
        ImageConfig config = ImageConfig.load(image, session.getUserProperties());
        BuiltImage built = builtImage(config.imageName(project), config.imageTags(project));
        Repository repository = repository(config.repository, ELEMENT + "<repository>");
        List<Publication> publications;
        if (repository == null) {
            publications =
                    new OciLayoutPublisher(embeddedRepository("oci"), reporter(), publishOptions()).publish(built);
        } else {
            publications = push(built, repository, config);
        }
        report(publications);
        if (!isDryRun() && repository != null) {
            reporter().info("Pull and check:");
            reporter().info("  docker pull " + publications.get(0).url());
            reporter()
                    .info("  skopeo inspect --raw docker://"
                            + publications.get(0).url());
        }
    }

    private BuiltImage builtImage(String name, List<ImageTag> tags) throws InvalidConfigurationException {
        try {
            return BuiltImage.read(ImageMojo.layoutDirectory(buildDirectory(), name), name, tags);
        } catch (IOException e) {
            throw new InvalidConfigurationException(
                    ELEMENT,
                    name + ":" + tags.get(0).name(),
                    "an image that the image goal built in this build",
                    "Run the image goal before deploy-image (list both goals in the execution and run"
                            + " 'mvn deploy'): " + e.getMessage());
        }
    }

    private List<Publication> push(BuiltImage built, Repository repository, ImageConfig config)
            throws DistributionException {
        String element = "<repositories><repository> '" + repository.id() + "'";
        if (repository.type() != RepositoryType.REGISTRY) {
            throw new InvalidConfigurationException(
                    ELEMENT + "<repository>",
                    repository.id() + " (type " + repository.type().id() + ")",
                    "a repository of type registry",
                    "Point <image><repository> at a repository declared with <type>registry</type>.");
        }
        RegistryEndpoint endpoint = RegistryEndpoint.parse(repository.url(), config.insecure(), element + "<url>");
        Credentials credentials = credentials(repository);
        if (credentials instanceof Credentials.None) {
            credentials = mavenSettings().credentials(endpoint.host());
        }
        RegistryPublisher publisher =
                new RegistryPublisher(endpoint, repository.id(), reporter(), publishOptions(), publicationLog());
        try (HttpTransport http = openTransport()) {
            RegistryClient client =
                    new RegistryClient(endpoint, publisher.repositoryName(built), credentials, http, reporter());
            return publisher.publish(built, client);
        }
    }
}
