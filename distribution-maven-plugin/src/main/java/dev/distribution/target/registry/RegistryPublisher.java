package dev.distribution.target.registry;

import dev.distribution.core.ConflictException;
import dev.distribution.core.DistributionException;
import dev.distribution.core.Publication;
import dev.distribution.core.PublicationLog;
import dev.distribution.core.PublishException;
import dev.distribution.core.PublishOptions;
import dev.distribution.core.Reporter;
import dev.distribution.format.oci.BuiltImage;
import dev.distribution.format.oci.Descriptor;
import dev.distribution.format.oci.ImageBlobs;
import dev.distribution.format.oci.ImageNames;
import dev.distribution.format.oci.ImageTag;
import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Pushes a built image to a registry and tags it. First every tag is checked: a tag that already
 * points to the same index is skipped, and a write-once tag that points to another index fails the
 * push before anything is sent, unless redeploy is allowed. Then the missing blobs go up, each
 * platform's manifest is put by digest, and the index is put under each tag last, so a client
 * never sees a tag whose content is incomplete.
 */
public final class RegistryPublisher {
    private final RegistryEndpoint endpoint;
    private final String repositoryId;
    private final Reporter reporter;
    private final PublishOptions options;
    private final PublicationLog log;

    /**
     * Creates a publisher.
     *
     * @param repositoryId the repository id from the POM, for messages and the publication record
     * @param log the publication record, or null to keep none
     */
    public RegistryPublisher(
            RegistryEndpoint endpoint,
            String repositoryId,
            Reporter reporter,
            PublishOptions options,
            PublicationLog log) {
        this.endpoint = Objects.requireNonNull(endpoint, "endpoint");
        this.repositoryId = Objects.requireNonNull(repositoryId, "repositoryId");
        this.reporter = Objects.requireNonNull(reporter, "reporter");
        this.options = Objects.requireNonNull(options, "options");
        this.log = log;
    }

    /** The full repository name the image gets at this registry, checked against the name grammar. */
    public String repositoryName(BuiltImage image) throws DistributionException {
        return ImageNames.checkName(endpoint.repositoryName(image.name()), "<image><name>");
    }

    /**
     * Pushes {@code image} with {@code client}, which must be bound to
     * {@link #repositoryName(BuiltImage)}.
     *
     * @return one publication per tag
     * @throws ConflictException when a write-once tag points to another image
     * @throws PublishException when the registry cannot be reached, rejects the credentials or an
     *     upload
     */
    public List<Publication> publish(BuiltImage image, RegistryClient client) throws DistributionException {
        List<Publication.Status> statuses = new ArrayList<>();
        List<ConflictException.Conflict> conflicts = new ArrayList<>();
        for (ImageTag tag : image.tags()) {
            Optional<String> remote = client.manifestDigest(tag.name());
            reporter.debug("Tag " + reference(image, tag) + " points to " + remote.orElse("nothing"));
            if (remote.isEmpty()) {
                statuses.add(options.dryRun() ? Publication.Status.PLANNED_UPLOAD : Publication.Status.UPLOADED);
            } else if (remote.get().equals(image.index().digest())) {
                statuses.add(Publication.Status.ALREADY_PUBLISHED);
            } else if (options.dryRun()) {
                statuses.add(Publication.Status.PLANNED_CONFLICT);
            } else if (tag.mutable() || options.allowRedeploy()) {
                statuses.add(Publication.Status.REPLACED);
            } else {
                statuses.add(null);
                conflicts.add(new ConflictException.Conflict(
                        reference(image, tag), image.index().hex(), remote.get().replaceFirst("^sha256:", "")));
            }
        }
        if (!conflicts.isEmpty()) {
            throw new ConflictException(
                    conflicts,
                    "Release tags are written once. Publish a new version, or set <allowRedeploy>true</allowRedeploy>"
                            + " (-Ddistribution.allowRedeploy) if the repository allows moving tags.");
        }
        boolean pushNeeded =
                statuses.stream().anyMatch(s -> s == Publication.Status.UPLOADED || s == Publication.Status.REPLACED);
        if (pushNeeded) {
            pushContent(image, client);
        }
        List<Publication> publications = new ArrayList<>();
        for (int i = 0; i < image.tags().size(); i++) {
            ImageTag tag = image.tags().get(i);
            Publication.Status status = statuses.get(i);
            if (status == Publication.Status.UPLOADED || status == Publication.Status.REPLACED) {
                client.putManifest(
                        tag.name(), read(image, image.index()), image.index().mediaType());
                verify(image, tag, client);
            }
            reporter.info(describe(status) + reference(image, tag) + " "
                    + image.index().digest());
            publications.add(record(image, tag, status));
        }
        return publications;
    }

    private void pushContent(BuiltImage image, RegistryClient client) throws DistributionException {
        try {
            for (BuiltImage.PlatformManifest manifest : image.manifests()) {
                for (Descriptor blob : ImageBlobs.contentOf(image.layout(), manifest.manifest())) {
                    if (client.hasBlob(blob.digest())) {
                        reporter.debug("Blob " + blob.digest() + " is already in " + client.location());
                        continue;
                    }
                    reporter.info(
                            "Uploading " + blob.digest() + " (" + blob.size() + " bytes) for " + manifest.platform());
                    client.uploadBlob(image.layout().blob(blob.digest()), blob.digest());
                }
                if (client.manifestDigest(manifest.manifest().digest()).isEmpty()) {
                    client.putManifest(
                            manifest.manifest().digest(),
                            read(image, manifest.manifest()),
                            manifest.manifest().mediaType());
                }
            }
        } catch (IOException e) {
            throw new PublishException(
                    "Cannot read the built image in " + image.layout().directory() + ": " + e.getMessage(), e);
        }
    }

    private void verify(BuiltImage image, ImageTag tag, RegistryClient client) throws DistributionException {
        Optional<String> now = client.manifestDigest(tag.name());
        if (now.isEmpty() || !now.get().equals(image.index().digest())) {
            throw new PublishException("After the push, " + reference(image, tag) + " points to "
                    + now.orElse("nothing") + " instead of " + image.index().digest()
                    + ". Another build may have pushed the same tag at the same time; run the deploy again.");
        }
    }

    private Publication record(BuiltImage image, ImageTag tag, Publication.Status status) throws DistributionException {
        Publication publication = new Publication(
                repositoryId,
                image.layout().blob(image.index().digest()).toString(),
                reference(image, tag),
                image.index().hex(),
                image.index().size(),
                status);
        if (log != null && !options.dryRun()) {
            try {
                log.record(publication);
            } catch (IOException e) {
                throw new PublishException(
                        "Cannot write the publication record " + log.file() + ": " + e.getMessage(), e);
            }
        }
        return publication;
    }

    private String reference(BuiltImage image, ImageTag tag) {
        return endpoint.reference(image.name(), tag.name());
    }

    private static byte[] read(BuiltImage image, Descriptor descriptor) throws PublishException {
        try {
            return Files.readAllBytes(image.layout().blob(descriptor.digest()));
        } catch (IOException e) {
            throw new PublishException(
                    "Cannot read " + descriptor.digest() + " from the built image: " + e.getMessage(), e);
        }
    }

    private static String describe(Publication.Status status) {
        return switch (status) {
            case UPLOADED -> "Pushed ";
            case REPLACED -> "Moved tag ";
            case ALREADY_PUBLISHED -> "Already published, skipped: ";
            case PLANNED_UPLOAD -> "Dry run, would push ";
            case PLANNED_CONFLICT -> "Dry run, tag points to another image: ";
        };
    }
}
