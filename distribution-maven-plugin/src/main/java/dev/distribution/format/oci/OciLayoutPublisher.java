package dev.distribution.format.oci;

import dev.distribution.core.ConflictException;
import dev.distribution.core.DistributionException;
import dev.distribution.core.Publication;
import dev.distribution.core.PublishException;
import dev.distribution.core.PublishOptions;
import dev.distribution.core.Reporter;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Publishes images to the embedded repository: one OCI image layout per image under a root such
 * as {@code target/distribution-repository/oci}, so that {@code skopeo copy
 * oci:target/distribution-repository/oci/team/hello:1.0 docker://...} reads it, every platform
 * included. Blobs are copied first and the tag is written last, so a reader never sees a tag whose
 * blobs are missing.
 */
public final class OciLayoutPublisher {
    /** The repository id used in the publication record. */
    public static final String REPOSITORY_ID = "local";

    private final Path root;
    private final Reporter reporter;
    private final PublishOptions options;

    /** Creates a publisher that writes below {@code root}. */
    public OciLayoutPublisher(Path root, Reporter reporter, PublishOptions options) {
        this.root = Objects.requireNonNull(root, "root");
        this.reporter = Objects.requireNonNull(reporter, "reporter");
        this.options = Objects.requireNonNull(options, "options");
    }

    /** Returns the layout directory of image {@code name}. */
    public Path layoutOf(String name) {
        return root.resolve(name);
    }

    /**
     * Copies the image into its layout and tags it.
     *
     * @throws ConflictException when a write-once tag points to another image and redeploy is not
     *     allowed; nothing is written then
     */
    public List<Publication> publish(BuiltImage image) throws DistributionException {
        Path directory = layoutOf(image.name());
        try {
            OciLayout layout = OciLayout.create(directory);
            List<ConflictException.Conflict> conflicts = new ArrayList<>();
            List<Publication.Status> statuses = new ArrayList<>();
            for (ImageTag tag : image.tags()) {
                Optional<Descriptor> existing = layout.find(tag.name());
                Publication.Status status;
                if (existing.isEmpty()) {
                    status = options.dryRun() ? Publication.Status.PLANNED_UPLOAD : Publication.Status.UPLOADED;
                } else if (existing.get().digest().equals(image.index().digest())) {
                    status = Publication.Status.ALREADY_PUBLISHED;
                } else if (options.dryRun()) {
                    status = Publication.Status.PLANNED_CONFLICT;
                } else if (tag.mutable() || options.allowRedeploy()) {
                    status = Publication.Status.REPLACED;
                } else {
                    conflicts.add(new ConflictException.Conflict(
                            location(directory, tag),
                            image.index().hex(),
                            existing.get().hex()));
                    status = null;
                }
                statuses.add(status);
            }
            if (!conflicts.isEmpty()) {
                throw new ConflictException(
                        conflicts,
                        "Release tags are written once. Publish a new version, or set <allowRedeploy>true</allowRedeploy>"
                                + " (-Ddistribution.allowRedeploy) to move the tag.");
            }
            if (!options.dryRun()) {
                for (Descriptor blob : ImageBlobs.all(image)) {
                    layout.copyBlobFrom(image.layout(), blob.digest());
                }
            }
            List<Publication> publications = new ArrayList<>();
            for (int i = 0; i < image.tags().size(); i++) {
                ImageTag tag = image.tags().get(i);
                Publication.Status status = statuses.get(i);
                if (status == Publication.Status.UPLOADED || status == Publication.Status.REPLACED) {
                    layout.tag(image.index(), tag.name());
                }
                reporter.info(describe(status) + location(directory, tag) + " "
                        + image.index().digest());
                publications.add(new Publication(
                        REPOSITORY_ID,
                        image.layout().blob(image.index().digest()).toString(),
                        location(directory, tag),
                        image.index().hex(),
                        image.index().size(),
                        status));
            }
            return publications;
        } catch (IOException e) {
            throw new PublishException("Cannot write the OCI layout " + directory + ": " + e.getMessage(), e);
        }
    }

    private static String location(Path directory, ImageTag tag) {
        return "oci:" + directory + ":" + tag.name();
    }

    private static String describe(Publication.Status status) {
        return switch (status) {
            case UPLOADED -> "Wrote ";
            case REPLACED -> "Moved tag ";
            case ALREADY_PUBLISHED -> "Already published, skipped: ";
            case PLANNED_UPLOAD -> "Dry run, would write ";
            case PLANNED_CONFLICT -> "Dry run, tag points to another image: ";
        };
    }
}
