package dev.distribution.maven;

import dev.distribution.core.Checksums;
import dev.distribution.core.ConflictException;
import dev.distribution.core.DistributionException;
import dev.distribution.core.InvalidConfigurationException;
import dev.distribution.core.Publication;
import dev.distribution.core.Repository;
import dev.distribution.core.RepositoryType;
import dev.distribution.format.python.DistributionFile;
import dev.distribution.format.python.SimpleRepositoryWriter;
import dev.distribution.http.HttpTransport;
import dev.distribution.target.nexus.NexusRepositoryUrl;
import dev.distribution.target.pypi.PypiUploadTarget;
import dev.distribution.target.pypi.StaticIndexHttpPublisher;
import dev.distribution.target.webdav.HttpPutTarget;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Publishes the wheel and sdist of the {@code python} goal, and prebuilt files from
 * {@code <python><dist>}, so that {@code pip install} finds them: through the PyPI upload API
 * (Nexus pypi-hosted and every server twine uploads to) or as a static simple index in a folder or
 * on any HTTP PUT server. Without a repository, files go to the embedded repository's
 * {@code pypi/simple/}.
 *
 * <pre>{@code
 * <python>
 *   <repository>nexus-pypi</repository>
 * </python>
 * }</pre>
 */
@Mojo(name = "deploy-python", defaultPhase = LifecyclePhase.DEPLOY, threadSafe = true)
public class DeployPythonMojo extends AbstractPublishMojo {
    private static final String ELEMENT = "<python>";

    /** The package metadata and the repository; see {@link PythonConfig}. */
    @Parameter
    private PythonConfig python;

    /**
     * Skips this goal.
     *
     * <p>User property: {@code distribution.python.deploy.skip}. Default: {@code false}.
     */
    @Parameter(property = PropertyNames.DEPLOY_PYTHON_SKIP, defaultValue = "false")
    private boolean skipDeployPython;

    @Override
    protected boolean isGoalSkipped() {
        return skipDeployPython;
    }

    @Override
    protected String goalSkipProperty() {
        return PropertyNames.DEPLOY_PYTHON_SKIP;
    }

    @Override
    protected void run() throws DistributionException, IOException {
        PythonConfig config =
                BlockProperties.apply(python, PythonConfig.class, "distribution.python", session.getUserProperties());
        List<DistributionFile> files = distributions(config);
        if (files.isEmpty()) {
            reporter().info("No Python distributions to publish: run the python goal or set <python><dist>.");
            return;
        }
        Repository repository = repository(config.repository, ELEMENT + "<repository>");
        List<Publication> publications;
        String indexUrl;
        if (repository == null || repository.type() == RepositoryType.STATIC) {
            Path root = repository == null ? embeddedRepository("pypi") : Path.of(repository.url());
            SimpleRepositoryWriter writer = new SimpleRepositoryWriter(root);
            publications = writeStatic(writer, repository == null ? "embedded" : repository.id(), files);
            indexUrl = writer.indexUrl();
        } else {
            try (HttpTransport http = openTransport()) {
                Path work = buildDirectory().resolve("distribution").resolve("python-index");
                switch (repository.type()) {
                    case PYPI, NEXUS -> {
                        String uploadUrl = repository.type() == RepositoryType.NEXUS
                                ? NexusRepositoryUrl.parse(
                                                repository.url(),
                                                "<repositories><repository> '" + repository.id() + "'<url>")
                                        .contentUrl()
                                : repository.url();
                        String simple = config.simpleUrl != null
                                ? config.simpleUrl
                                : PypiUploadTarget.defaultSimpleUrl(uploadUrl);
                        PypiUploadTarget target = new PypiUploadTarget(
                                http, repository.id(), uploadUrl, simple, credentials(repository), reporter(), files);
                        publications = publisher().publish(target, target.uploads());
                        indexUrl = simple;
                    }
                    case WEBDAV -> {
                        StaticIndexHttpPublisher index = new StaticIndexHttpPublisher(
                                http,
                                repository.url(),
                                credentials(repository),
                                new HttpPutTarget(repository, http, credentials(repository)),
                                work,
                                reporter());
                        publications = index.publish(publisher(), files, isDryRun());
                        indexUrl = index.indexUrl();
                    }
                    default ->
                        throw new InvalidConfigurationException(
                                ELEMENT + "<repository>",
                                repository.id() + " (type " + repository.type().id() + ")",
                                "a repository of type pypi, nexus, webdav or static",
                                "Point <python><repository> at a PyPI repository or a static index location.");
                }
            }
        }
        report(publications);
        if (!isDryRun()) {
            reporter()
                    .info("Install with: pip install --index-url " + indexUrl + " "
                            + files.get(0).name());
        }
    }

    private List<Publication> writeStatic(SimpleRepositoryWriter writer, String id, List<DistributionFile> files)
            throws IOException, ConflictException {
        List<SimpleRepositoryWriter.Result> results =
                isDryRun() ? writer.plan(files) : writer.publish(files, isAllowRedeploy());
        List<Publication> publications = new ArrayList<>();
        for (SimpleRepositoryWriter.Result result : results) {
            Publication.Status status =
                    switch (result.state()) {
                        case ABSENT -> isDryRun() ? Publication.Status.PLANNED_UPLOAD : Publication.Status.UPLOADED;
                        case IDENTICAL -> Publication.Status.ALREADY_PUBLISHED;
                        case DIFFERENT ->
                            isDryRun() ? Publication.Status.PLANNED_CONFLICT : Publication.Status.REPLACED;
                    };
            Path file = result.file().path();
            publications.add(new Publication(
                    id,
                    file.toString(),
                    result.location().toString(),
                    Checksums.sha256(file),
                    Files.size(file),
                    status));
        }
        return publications;
    }

    private List<DistributionFile> distributions(PythonConfig config)
            throws IOException, InvalidConfigurationException {
        List<DistributionFile> files = new ArrayList<>();
        Path manifest = buildDirectory().resolve("distribution").resolve(PythonMojo.MANIFEST);
        if (Files.isRegularFile(manifest)) {
            for (String line : Files.readAllLines(manifest)) {
                if (!line.isBlank()) {
                    files.add(DistributionFile.read("<python>", Path.of(line)));
                }
            }
        }
        if (config.dist != null) {
            Path dist = basedir().resolve(config.dist);
            if (!Files.isDirectory(dist)) {
                throw new InvalidConfigurationException(
                        ELEMENT + "<dist>",
                        config.dist,
                        "a folder of .whl and .tar.gz files",
                        "Build them first or fix the path.");
            }
            try (Stream<Path> listing = Files.list(dist)) {
                for (Path file : listing.sorted().toList()) {
                    String name = file.getFileName().toString();
                    if (name.endsWith(".whl") || name.endsWith(".tar.gz")) {
                        files.add(DistributionFile.read(ELEMENT + "<dist>", file));
                    }
                }
            }
        }
        return files;
    }
}
