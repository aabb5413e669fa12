package dev.distribution.core;

import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * Publishes files to a {@link Target} safely and re-runnably. It works in two passes:
 *
 * <ol>
 *   <li>Check: every local file must exist; every target path is compared with its local file
 *       (absent, identical or different). A different file fails the whole publication before any
 *       byte is sent, unless redeploy is allowed. A dry run prints this plan and stops.
 *   <li>Upload: files are sent in the order given, so callers list indexes last. Identical files
 *       are skipped and reported as already published. Each finished file is written to the
 *       {@link PublicationLog} at once.
 * </ol>
 *
 * <p>A target that answers "already exists" during the upload (another build got there first) is
 * checked again: identical content counts as published, other content is a conflict.
 */
public final class Publisher {
    private final Reporter reporter;
    private final PublicationLog log;
    private final PublishOptions options;

    public Publisher(Reporter reporter, PublicationLog log, PublishOptions options) {
        this.reporter = Objects.requireNonNull(reporter, "reporter");
        this.log = Objects.requireNonNull(log, "log");
        this.options = Objects.requireNonNull(options, "options");
    }

    /**
     * Publishes {@code uploads} to {@code target}.
     *
     * @return one publication per upload, in the order given
     * @throws InvalidConfigurationException when a local file is missing
     * @throws ConflictException when a target path holds different content and redeploy is not
     *     allowed, or the target rejected the replacement
     * @throws PublishException when the target cannot be reached or answers with an error
     */
    public List<Publication> publish(Target target, List<Upload> uploads) throws DistributionException {
        List<Planned> plan = check(target, uploads);
        if (options.dryRun()) {
            return reportPlan(target, plan);
        }
        List<ConflictException.Conflict> conflicts = new ArrayList<>();
        for (Planned planned : plan) {
            if (planned.check.state() == RemoteState.DIFFERENT && !options.allowRedeploy()) {
                conflicts.add(conflict(target, planned));
            }
        }
        if (!conflicts.isEmpty()) {
            throw new ConflictException(conflicts, redeployAdvice());
        }
        List<Publication> result = new ArrayList<>();
        for (Planned planned : plan) {
            result.add(execute(target, planned));
        }
        return result;
    }

    private List<Planned> check(Target target, List<Upload> uploads) throws DistributionException {
        for (Upload upload : uploads) {
            if (!Files.isRegularFile(upload.file())) {
                throw new InvalidConfigurationException(
                        "file to publish",
                        upload.file().toString(),
                        "an existing regular file",
                        "Build the file first (run the packaging goal, for example 'mvn package') or fix its path.");
            }
        }
        List<Planned> plan = new ArrayList<>();
        for (Upload upload : uploads) {
            String sha256;
            long size;
            try {
                sha256 = Checksums.sha256(upload.file());
                size = Files.size(upload.file());
            } catch (IOException e) {
                throw new PublishException("Cannot read " + upload.file() + ": " + e.getMessage(), e);
            }
            RemoteCheck check = target.check(upload, sha256);
            reporter.debug("Checked " + target.location(upload.path()) + ": "
                    + check.state().label());
            plan.add(new Planned(upload, sha256, size, check));
        }
        return plan;
    }

    private List<Publication> reportPlan(Target target, List<Planned> plan) {
        reporter.info("Dry run: nothing is uploaded to repository '" + target.repositoryId() + "'.");
        List<Publication> result = new ArrayList<>();
        for (Planned planned : plan) {
            String location = target.location(planned.upload.path());
            reporter.info("  " + planned.upload.file().getFileName() + " -> " + location + " ("
                    + planned.check.state().label() + " at the target)");
            Publication.Status status =
                    switch (planned.check.state()) {
                        case ABSENT -> Publication.Status.PLANNED_UPLOAD;
                        case IDENTICAL -> Publication.Status.ALREADY_PUBLISHED;
                        case DIFFERENT -> Publication.Status.PLANNED_CONFLICT;
                    };
            result.add(publication(target, planned, status));
        }
        return result;
    }

    private Publication execute(Target target, Planned planned) throws DistributionException {
        String location = target.location(planned.upload.path());
        Publication.Status status;
        switch (planned.check.state()) {
            case IDENTICAL -> {
                reporter.info("Already published, skipped: " + location);
                status = Publication.Status.ALREADY_PUBLISHED;
            }
            case ABSENT -> status = uploadOrRecheck(target, planned, false);
            case DIFFERENT -> status = uploadOrRecheck(target, planned, true);
            default -> throw new IllegalStateException(planned.check.state().name());
        }
        Publication publication = publication(target, planned, status);
        try {
            log.record(publication);
        } catch (IOException e) {
            throw new PublishException("Cannot write the publication record " + log.file() + ": " + e.getMessage(), e);
        }
        return publication;
    }

    private Publication.Status uploadOrRecheck(Target target, Planned planned, boolean replace)
            throws DistributionException {
        String location = target.location(planned.upload.path());
        long started = System.nanoTime();
        try {
            target.upload(planned.upload, replace);
        } catch (Target.AlreadyPublishedException e) {
            RemoteCheck again = target.check(planned.upload, planned.sha256);
            if (again.state() == RemoteState.IDENTICAL) {
                reporter.info("Already published, skipped: " + location);
                return Publication.Status.ALREADY_PUBLISHED;
            }
            String fix = replace
                    ? "The repository does not allow redeploy (" + e.getMessage()
                            + "). Publish a new version, or change the repository's write policy."
                    : redeployAdvice();
            throw new ConflictException(
                    List.of(new ConflictException.Conflict(location, planned.sha256, again.remoteSha256())), fix);
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        reporter.info(String.format(
                Locale.ROOT,
                "%s %s (%s in %.1f s)",
                replace ? "Replaced" : "Uploaded",
                location,
                humanSize(planned.size),
                seconds));
        return replace ? Publication.Status.REPLACED : Publication.Status.UPLOADED;
    }

    /** Formats a byte count for log lines, such as {@code 1.5 MiB}. */
    static String humanSize(long bytes) {
        if (bytes < 1024) {
            return bytes + " B";
        }
        String[] units = {"KiB", "MiB", "GiB", "TiB"};
        double value = bytes;
        int unit = -1;
        while (value >= 1024 && unit < units.length - 1) {
            value /= 1024;
            unit++;
        }
        return String.format(Locale.ROOT, "%.1f %s", value, units[unit]);
    }

    private static ConflictException.Conflict conflict(Target target, Planned planned) {
        return new ConflictException.Conflict(
                target.location(planned.upload.path()), planned.sha256, planned.check.remoteSha256());
    }

    private static String redeployAdvice() {
        return "Published files are never overwritten silently. Publish a new version, or set"
                + " <allowRedeploy>true</allowRedeploy> (-Ddistribution.allowRedeploy) if the repository allows it.";
    }

    private static Publication publication(Target target, Planned planned, Publication.Status status) {
        return new Publication(
                target.repositoryId(),
                planned.upload.file().toString(),
                target.location(planned.upload.path()),
                planned.sha256,
                planned.size,
                status);
    }

    private record Planned(Upload upload, String sha256, long size, RemoteCheck check) {}
}
