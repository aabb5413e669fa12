package dev.distribution.target.registry;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.distribution.core.Checksums;
import dev.distribution.core.ConflictException;
import dev.distribution.core.DistributionException;
import dev.distribution.core.InvalidConfigurationException;
import dev.distribution.core.Publication;
import dev.distribution.core.PublicationLog;
import dev.distribution.core.PublishException;
import dev.distribution.core.PublishOptions;
import dev.distribution.core.Reporter;
import dev.distribution.format.helm.Chart;
import dev.distribution.http.Credentials;
import dev.distribution.http.HttpTransport;
import dev.distribution.version.InvalidVersionException;
import dev.distribution.version.VersionMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Pushes a chart to an OCI registry the way {@code helm push} stores it, so {@code helm pull},
 * {@code helm show} and {@code helm install oci://...} read it: the chart's metadata as the config
 * blob ({@code application/vnd.cncf.helm.config.v1+json}), the package as the one layer
 * ({@code application/vnd.cncf.helm.chart.content.v1.tar+gzip}), and an OCI image manifest tagged
 * with the chart version, {@code +} replaced by {@code _} because tags cannot hold {@code +}.
 *
 * <p>Unlike {@code helm push}, the {@code created} annotation is the build's output timestamp, so
 * pushing the same package twice gives the same manifest digest: an identical tag is skipped, a tag
 * pointing to another manifest is a conflict unless redeploy is allowed.
 */
public final class HelmChartPusher {
    /** The manifest media type Helm and every current registry use. */
    public static final String MANIFEST_TYPE = "application/vnd.oci.image.manifest.v1+json";

    /** Media type of the config blob. */
    public static final String CONFIG_TYPE = "application/vnd.cncf.helm.config.v1+json";

    /** Media type of the chart layer. */
    public static final String LAYER_TYPE = "application/vnd.cncf.helm.chart.content.v1.tar+gzip";

    private static final ObjectMapper JSON = new ObjectMapper();

    private final RegistryEndpoint endpoint;
    private final Credentials credentials;
    private final HttpTransport http;
    private final String repositoryId;
    private final Reporter reporter;
    private final PublicationLog log;
    private final PublishOptions options;

    /**
     * Creates the pusher; {@code repositoryId} is the POM id shown in the publication record.
     *
     * @param credentials the settings.xml credentials of the registry, or {@link Credentials#none()}
     */
    public HelmChartPusher(
            RegistryEndpoint endpoint,
            Credentials credentials,
            HttpTransport http,
            String repositoryId,
            Reporter reporter,
            PublicationLog log,
            PublishOptions options) {
        this.endpoint = Objects.requireNonNull(endpoint, "endpoint");
        this.credentials = Objects.requireNonNull(credentials, "credentials");
        this.http = Objects.requireNonNull(http, "http");
        this.repositoryId = repositoryId;
        this.reporter = reporter;
        this.log = log;
        this.options = options;
    }

    /**
     * Pushes one chart package.
     *
     * @param created the time written as the {@code org.opencontainers.image.created} annotation
     * @return the publication of the manifest, with the package's digest and size
     * @throws ConflictException when the tag points to another manifest and redeploy is not allowed
     */
    public Publication push(Chart chart, Path tgz, Instant created) throws DistributionException {
        String tag = tag(chart.version());
        String reference = endpoint.ociReference(chart.name()) + ":" + tag;
        RegistryClient registry =
                new RegistryClient(endpoint, endpoint.repositoryName(chart.name()), credentials, http, reporter);
        try {
            byte[] config = JSON.writeValueAsBytes(chart.metadata());
            String configDigest = "sha256:" + Checksums.sha256(config);
            String layerDigest = "sha256:" + Checksums.sha256(tgz);
            long size = Files.size(tgz);
            byte[] manifest = manifest(chart, created, config.length, configDigest, layerDigest, size);
            String manifestDigest = "sha256:" + Checksums.sha256(manifest);
            Optional<String> existing = registry.manifestDigest(tag);
            Publication.Status status;
            if (existing.isPresent() && existing.get().equals(manifestDigest)) {
                reporter.info("Already published, skipped: " + reference);
                status = Publication.Status.ALREADY_PUBLISHED;
            } else if (existing.isPresent() && !options.allowRedeploy()) {
                if (options.dryRun()) {
                    reporter.info(
                            "Dry run: " + reference + " already points to another manifest (" + existing.get() + ").");
                    return publication(tgz, reference, layerDigest, size, Publication.Status.PLANNED_CONFLICT);
                }
                throw new ConflictException(
                        List.of(new ConflictException.Conflict(reference, manifestDigest, existing.get())),
                        "A chart version is never replaced silently. Publish a new version, or set"
                                + " <allowRedeploy>true</allowRedeploy> if the registry allows moving tags.");
            } else if (options.dryRun()) {
                reporter.info("Dry run: " + tgz.getFileName() + " -> " + reference + " ("
                        + (existing.isPresent() ? "different" : "absent") + " at the target)");
                return publication(tgz, reference, layerDigest, size, Publication.Status.PLANNED_UPLOAD);
            } else {
                if (!registry.hasBlob(configDigest)) {
                    registry.uploadBlob(config, configDigest);
                }
                if (!registry.hasBlob(layerDigest)) {
                    registry.uploadBlob(tgz, layerDigest);
                }
                registry.putManifest(tag, manifest, MANIFEST_TYPE);
                reporter.info(
                        (existing.isPresent() ? "Replaced " : "Pushed ") + reference + " (" + manifestDigest + ")");
                status = existing.isPresent() ? Publication.Status.REPLACED : Publication.Status.UPLOADED;
            }
            Publication publication = publication(tgz, reference, layerDigest, size, status);
            log.record(publication);
            return publication;
        } catch (IOException e) {
            throw new PublishException("Cannot read " + tgz + " or write the publication record: " + e.getMessage(), e);
        }
    }

    /** The tag of a chart version: the version with {@code +} replaced by {@code _}, as Helm tags it. */
    public static String tag(String version) throws InvalidConfigurationException {
        String tag = version.replace('+', '_');
        try {
            VersionMapper.validateOciTag(tag);
        } catch (InvalidVersionException e) {
            throw new InvalidConfigurationException(
                    "<helm><version>", version, "a version that makes a valid OCI tag", e.getFix());
        }
        return tag;
    }

    private static byte[] manifest(
            Chart chart, Instant created, int configSize, String configDigest, String layerDigest, long layerSize)
            throws IOException {
        ObjectNode manifest = JSON.createObjectNode();
        manifest.put("schemaVersion", 2);
        manifest.put("mediaType", MANIFEST_TYPE);
        ObjectNode config = manifest.putObject("config");
        config.put("mediaType", CONFIG_TYPE);
        config.put("digest", configDigest);
        config.put("size", configSize);
        ArrayNode layers = manifest.putArray("layers");
        ObjectNode layer = layers.addObject();
        layer.put("mediaType", LAYER_TYPE);
        layer.put("digest", layerDigest);
        layer.put("size", layerSize);
        ObjectNode annotations = manifest.putObject("annotations");
        annotations.put("org.opencontainers.image.created", created.toString());
        if (chart.description() != null) {
            annotations.put("org.opencontainers.image.description", chart.description());
        }
        annotations.put("org.opencontainers.image.title", chart.name());
        annotations.put("org.opencontainers.image.version", chart.version());
        return JSON.writeValueAsBytes(manifest);
    }

    private Publication publication(
            Path tgz, String reference, String layerDigest, long size, Publication.Status status) {
        return new Publication(
                repositoryId, tgz.toString(), reference, layerDigest.substring("sha256:".length()), size, status);
    }
}
