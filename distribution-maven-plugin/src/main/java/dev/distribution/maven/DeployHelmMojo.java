package dev.distribution.maven;

import dev.distribution.core.DistributionException;
import dev.distribution.core.InvalidConfigurationException;
import dev.distribution.core.Publication;
import dev.distribution.core.PublishOptions;
import dev.distribution.core.Repository;
import dev.distribution.core.Upload;
import dev.distribution.format.helm.Chart;
import dev.distribution.format.helm.ChartArchive;
import dev.distribution.format.helm.Provenance;
import dev.distribution.http.HttpTransport;
import dev.distribution.target.chartmuseum.ChartMuseumTarget;
import dev.distribution.target.nexus.NexusHelmTarget;
import dev.distribution.target.nexus.NexusRepositoryUrl;
import dev.distribution.target.registry.HelmChartPusher;
import dev.distribution.target.registry.RegistryEndpoint;
import dev.distribution.target.staticrepo.DirectoryTarget;
import dev.distribution.target.staticrepo.HelmRepositoryPublisher;
import dev.distribution.target.staticrepo.HelmRepositoryPublisher.PackagedChart;
import dev.distribution.target.staticrepo.RemoteFiles;
import dev.distribution.target.webdav.HttpPutTarget;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Publishes the chart the {@code helm} goal built to a chart repository or an OCI registry:
 * a Nexus helm hosted repository ({@code nexus}), ChartMuseum ({@code chartmuseum}), an OCI
 * registry ({@code registry}), or a static chart repository with a merged {@code index.yaml}
 * ({@code static}, {@code webdav}, or the embedded {@code target/distribution-repository/helm} when
 * no repository is named).
 *
 * <pre>{@code
 * <helm>
 *   <repository>nexus-helm</repository>
 * </helm>
 * }</pre>
 */
@Mojo(name = "deploy-helm", defaultPhase = LifecyclePhase.DEPLOY, threadSafe = true)
public class DeployHelmMojo extends AbstractPublishMojo {
    private static final String ELEMENT = "<helm><repository>";

    /** The chart block; this goal reads {@code repository}. See {@link HelmConfig}. */
    @Parameter
    private HelmConfig helm;

    /**
     * Skips this goal.
     *
     * <p>User property: {@code distribution.helm.deploy.skip}. Default: {@code false}.
     */
    @Parameter(property = PropertyNames.HELM_DEPLOY_SKIP, defaultValue = "false")
    private boolean skipDeployHelm;

    @Override
    protected boolean isGoalSkipped() {
        return skipDeployHelm;
    }

    @Override
    protected String goalSkipProperty() {
        return PropertyNames.HELM_DEPLOY_SKIP;
    }

    @Override
    protected void run() throws DistributionException, IOException {
        HelmConfig config =
                BlockProperties.apply(helm, HelmConfig.class, "distribution.helm", session.getUserProperties());
        List<PackagedChart> charts = packagedCharts();
        if (charts.isEmpty()) {
            reporter().info("No chart to publish: run the helm goal first ('mvn package').");
            return;
        }
        Repository repository = repository(config.repository, ELEMENT);
        Path work = buildDirectory().resolve("distribution").resolve("helm-index");
        PublishOptions options = publishOptions();
        List<Publication> publications = new ArrayList<>();
        if (repository == null) {
            Path root = embeddedRepository("helm");
            publications.addAll(new HelmRepositoryPublisher(
                            new DirectoryTarget("embedded", root),
                            RemoteFiles.directory(root),
                            reporter(),
                            publicationLog(),
                            options)
                    .lockWith(root.resolve(".index.yaml.lock"))
                    .publish(charts, outputTimestamp(), work));
            report(publications);
            if (!isDryRun()) {
                reporter().info("Serve " + root + " over HTTP and run: helm repo add <name> <url>");
            }
            return;
        }
        if (repository.type() == dev.distribution.core.RepositoryType.STATIC) {
            Path root = Path.of(repository.url());
            publications.addAll(new HelmRepositoryPublisher(
                            new DirectoryTarget(repository.id(), root),
                            RemoteFiles.directory(root),
                            reporter(),
                            publicationLog(),
                            options)
                    .lockWith(root.resolve(".index.yaml.lock"))
                    .publish(charts, outputTimestamp(), work));
            report(publications);
            return;
        }
        try (HttpTransport http = openTransport()) {
            String element = "<repositories><repository> '" + repository.id() + "'";
            switch (repository.type()) {
                case WEBDAV ->
                    publications.addAll(new HelmRepositoryPublisher(
                                    new HttpPutTarget(repository, http, credentials(repository)),
                                    RemoteFiles.http(http, repository.url(), credentials(repository)),
                                    reporter(),
                                    publicationLog(),
                                    options)
                            .publish(charts, outputTimestamp(), work));
                case NEXUS -> {
                    NexusHelmTarget target = new NexusHelmTarget(
                            repository,
                            NexusRepositoryUrl.parse(repository.url(), element + "<url>"),
                            http,
                            credentials(repository),
                            componentsApi(repository, element));
                    publications.addAll(publisher().publish(target, uploads(charts)));
                }
                case CHARTMUSEUM ->
                    publications.addAll(publisher()
                            .publish(
                                    new ChartMuseumTarget(repository, http, credentials(repository)), uploads(charts)));
                case REGISTRY -> {
                    // An explicit http:// URL is the user's choice of plain HTTP, as with helm --plain-http.
                    RegistryEndpoint endpoint = RegistryEndpoint.parse(repository.url(), true, element + "<url>");
                    HelmChartPusher pusher = new HelmChartPusher(
                            endpoint,
                            credentials(repository),
                            http,
                            repository.id(),
                            reporter(),
                            publicationLog(),
                            options);
                    for (PackagedChart chart : charts) {
                        publications.add(pusher.push(chart.chart(), chart.tgz(), outputTimestamp()));
                        if (chart.provenance() != null) {
                            reporter()
                                    .warn("The provenance file "
                                            + chart.provenance().getFileName()
                                            + " is not pushed: OCI registries keep charts without one.");
                        }
                    }
                }
                default ->
                    throw new InvalidConfigurationException(
                            ELEMENT,
                            repository.id() + " (type " + repository.type().id() + ")",
                            "a repository of type nexus, chartmuseum, registry, webdav or static",
                            "Point <helm><repository> at a chart repository or an OCI registry.");
            }
        }
        report(publications);
    }

    private boolean componentsApi(Repository repository, String element) throws InvalidConfigurationException {
        String upload = declared(repository.id(), ELEMENT).getUpload();
        boolean components = upload != null && upload.trim().equalsIgnoreCase("components");
        if (upload != null && !components && !upload.trim().equalsIgnoreCase("native")) {
            throw new InvalidConfigurationException(
                    element + "<upload>", upload, "native, components", "Choose one of the two upload methods.");
        }
        return components;
    }

    private static List<Upload> uploads(List<PackagedChart> charts) {
        List<Upload> uploads = new ArrayList<>();
        for (PackagedChart chart : charts) {
            uploads.add(new Upload(chart.tgz(), chart.tgz().getFileName().toString(), "application/gzip"));
            if (chart.provenance() != null) {
                uploads.add(new Upload(
                        chart.provenance(), chart.provenance().getFileName().toString(), "application/pgp-signature"));
            }
        }
        return uploads;
    }

    private List<PackagedChart> packagedCharts() throws IOException, InvalidConfigurationException {
        Path manifest = buildDirectory().resolve("distribution").resolve(HelmMojo.MANIFEST);
        List<PackagedChart> charts = new ArrayList<>();
        if (!Files.isRegularFile(manifest)) {
            return charts;
        }
        List<String> lines =
                Files.readAllLines(manifest).stream().filter(l -> !l.isBlank()).toList();
        for (String line : lines) {
            Path file = Path.of(line);
            if (file.getFileName().toString().endsWith(".tgz")) {
                Chart chart = ChartArchive.read(file);
                Path prov = file.resolveSibling(file.getFileName() + Provenance.SUFFIX);
                charts.add(new PackagedChart(chart, file, lines.contains(prov.toString()) ? prov : null));
            }
        }
        return charts;
    }
}
