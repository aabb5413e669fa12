package dev.distribution.target.gitlab;

import dev.distribution.core.Checksums;
import dev.distribution.core.ConflictException;
import dev.distribution.core.DistributionException;
import dev.distribution.core.InvalidConfigurationException;
import dev.distribution.core.Publication;
import dev.distribution.core.PublicationLog;
import dev.distribution.core.PublishException;
import dev.distribution.core.PublishOptions;
import dev.distribution.core.RemoteState;
import dev.distribution.core.Reporter;
import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Publishes files to a GitLab project's generic package registry and creates or updates the
 * release of a tag with one {@code package} link per file, so that
 * {@code /releases/<tag>/downloads/<path>} serves them. Running the same build again changes
 * nothing and uploads nothing.
 *
 * <ol>
 *   <li>Every local file must exist and every file name must be unique, before any request.
 *   <li>The package's files are compared with the local ones by SHA-256 (from the API, or by
 *       streaming a download). GitLab keeps duplicates instead of rejecting them, so a different
 *       file of the same name fails the run before anything is sent, unless replacing is allowed;
 *       then the new file is uploaded and the older copies are deleted.
 *   <li>A release that does not exist yet needs its tag, or a ref to create the tag from; a
 *       missing one fails the run before any upload.
 *   <li>Files are uploaded one at a time, because GitLab can fail concurrent first uploads of a
 *       version with 500.
 *   <li>The release is created with its links, or updated: changed name or description, links
 *       added or corrected, never duplicated (GitLab requires unique link names and URLs).
 * </ol>
 */
public final class GitLabReleasePublisher {
    private static final String LINK_TYPE = "package";

    private final GitLabApi api;
    private final String repositoryId;
    private final Reporter reporter;
    private final PublicationLog log;
    private final PublishOptions options;

    /**
     * Creates the publisher.
     *
     * @param repositoryId the id the publication record lists
     * @param options dry run, and whether a different file of the same name is replaced
     */
    public GitLabReleasePublisher(
            GitLabApi api, String repositoryId, Reporter reporter, PublicationLog log, PublishOptions options) {
        this.api = Objects.requireNonNull(api, "api");
        this.repositoryId = Objects.requireNonNull(repositoryId, "repositoryId");
        this.reporter = Objects.requireNonNull(reporter, "reporter");
        this.log = Objects.requireNonNull(log, "log");
        this.options = Objects.requireNonNull(options, "options");
    }

    /**
     * Publishes the files and the release.
     *
     * @return one publication per file, in the order given
     * @throws InvalidConfigurationException when a file is missing or two files share a name
     * @throws ConflictException when the package has a different file of the same name and
     *     replacing is not allowed
     * @throws PublishException when GitLab cannot be reached or returns an error
     */
    public List<Publication> publish(GitLabReleaseSpec spec, List<PackageUpload> uploads) throws DistributionException {
        List<Local> locals = describe(uploads);
        Optional<Long> packageId = api.findPackage(spec.packageName(), spec.packageVersion());
        Map<String, List<PackageFile>> remote = new LinkedHashMap<>();
        if (packageId.isPresent()) {
            for (PackageFile file : api.listPackageFiles(packageId.get())) {
                remote.computeIfAbsent(file.fileName(), name -> new ArrayList<>())
                        .add(file);
            }
        }
        List<Planned> plan = new ArrayList<>();
        for (Local local : locals) {
            plan.add(compare(spec, local, remote.getOrDefault(local.upload().fileName(), List.of())));
        }
        if (options.dryRun()) {
            return reportPlan(spec, plan);
        }
        failOnConflicts(spec, plan);
        Optional<GitLabRelease> existing = api.release(spec.tag());
        if (existing.isEmpty() && spec.ref() == null && !api.tagExists(spec.tag())) {
            throw new InvalidConfigurationException(
                    "<gitlab><ref>",
                    null,
                    "a branch name or commit SHA",
                    "Tag " + spec.tag() + " does not exist in project '" + api.project()
                            + "', so GitLab needs a ref to create it. Set <gitlab><ref>, push the tag first, or run"
                            + " in GitLab CI, where CI_COMMIT_SHA is used.");
        }

        List<Publication> result = new ArrayList<>();
        for (Planned planned : plan) {
            result.add(execute(spec, planned, packageId));
        }
        publishRelease(spec, locals, existing);
        return result;
    }

    private List<Local> describe(List<PackageUpload> uploads) throws DistributionException {
        Set<String> names = new HashSet<>();
        List<Local> locals = new ArrayList<>();
        for (PackageUpload upload : uploads) {
            if (!Files.isRegularFile(upload.file())) {
                throw new InvalidConfigurationException(
                        "<gitlab> file",
                        upload.file().toString(),
                        "an existing regular file",
                        "Build the file first (for example with 'mvn package') or fix its path.");
            }
            if (!names.add(upload.fileName())) {
                throw new InvalidConfigurationException(
                        "<gitlab> file",
                        upload.file().toString(),
                        "one file per name in a package",
                        "Another file has the name '" + upload.fileName()
                                + "'; rename one with <gitlab><files><file><target>.");
            }
            try {
                locals.add(new Local(upload, Checksums.sha256(upload.file()), Files.size(upload.file())));
            } catch (IOException e) {
                throw new PublishException("Cannot read " + upload.file() + ": " + e.getMessage(), e);
            }
        }
        return locals;
    }

    private Planned compare(GitLabReleaseSpec spec, Local local, List<PackageFile> sameName) throws PublishException {
        if (sameName.isEmpty()) {
            return new Planned(local, RemoteState.ABSENT, List.of(), null);
        }
        // A download returns the newest file of a name, so the newest is what users get.
        PackageFile newest = sameName.get(sameName.size() - 1);
        String remoteSha256;
        if (newest.size() >= 0 && newest.size() != local.size()) {
            remoteSha256 = newest.sha256();
        } else if (newest.sha256() != null) {
            remoteSha256 = newest.sha256();
        } else {
            remoteSha256 = api.downloadSha256(spec.packageName(), spec.packageVersion(), newest.fileName());
        }
        RemoteState state = local.sha256().equals(remoteSha256) ? RemoteState.IDENTICAL : RemoteState.DIFFERENT;
        return new Planned(local, state, sameName, remoteSha256);
    }

    private void failOnConflicts(GitLabReleaseSpec spec, List<Planned> plan) throws ConflictException {
        if (options.allowRedeploy()) {
            return;
        }
        List<ConflictException.Conflict> conflicts = new ArrayList<>();
        for (Planned planned : plan) {
            if (planned.state() == RemoteState.DIFFERENT) {
                conflicts.add(new ConflictException.Conflict(
                        url(spec, planned.local()), planned.local().sha256(), planned.remoteSha256()));
            }
        }
        if (!conflicts.isEmpty()) {
            throw new ConflictException(
                    conflicts,
                    "GitLab would keep both files and serve the newest, so a different file is never uploaded silently."
                            + " Publish a new version, or set <gitlab><replaceExisting>true</replaceExisting>"
                            + " (-Ddistribution.gitlab.replaceExisting) to upload it and delete the older copies.");
        }
    }

    private Publication execute(GitLabReleaseSpec spec, Planned planned, Optional<Long> packageId)
            throws DistributionException {
        Local local = planned.local();
        String url = url(spec, local);
        Publication.Status status;
        if (planned.state() == RemoteState.IDENTICAL) {
            reporter.info("Already published, skipped: " + url);
            status = Publication.Status.ALREADY_PUBLISHED;
        } else {
            api.uploadPackageFile(
                    spec.packageName(),
                    spec.packageVersion(),
                    local.upload().fileName(),
                    local.upload().file());
            if (planned.state() == RemoteState.DIFFERENT && packageId.isPresent()) {
                for (PackageFile old : planned.sameName()) {
                    api.deletePackageFile(packageId.get(), old.id());
                }
                reporter.info("Replaced " + url);
                status = Publication.Status.REPLACED;
            } else {
                reporter.info("Uploaded " + url);
                status = Publication.Status.UPLOADED;
            }
        }
        Publication publication = new Publication(
                repositoryId, local.upload().file().toString(), url, local.sha256(), local.size(), status);
        try {
            log.record(publication);
        } catch (IOException e) {
            throw new PublishException("Cannot write the publication record " + log.file() + ": " + e.getMessage(), e);
        }
        return publication;
    }

    private void publishRelease(GitLabReleaseSpec spec, List<Local> locals, Optional<GitLabRelease> existing)
            throws PublishException {
        List<GitLabRelease.Link> wanted = new ArrayList<>();
        for (Local local : locals) {
            wanted.add(new GitLabRelease.Link(
                    0,
                    local.upload().fileName(),
                    url(spec, local),
                    spec.assetPathPrefix() + local.upload().fileName(),
                    null,
                    LINK_TYPE));
        }
        if (existing.isEmpty()) {
            Map<String, Object> fields = new LinkedHashMap<>();
            fields.put("tag_name", spec.tag());
            fields.put("name", spec.name());
            if (spec.description() != null) {
                fields.put("description", spec.description());
            }
            if (spec.ref() != null) {
                fields.put("ref", spec.ref());
            }
            List<Map<String, Object>> links = new ArrayList<>();
            for (GitLabRelease.Link link : wanted) {
                links.add(GitLabApi.linkFields(link));
            }
            fields.put("assets", Map.of("links", links));
            api.createRelease(fields);
            reporter.info("Created release " + spec.tag() + " with " + links.size() + " package links");
            return;
        }
        GitLabRelease release = existing.get();
        Map<String, Object> changes = new LinkedHashMap<>();
        if (!spec.name().equals(release.name())) {
            changes.put("name", spec.name());
        }
        if (spec.description() != null && !sameText(spec.description(), release.description())) {
            changes.put("description", spec.description());
        }
        if (!changes.isEmpty()) {
            api.updateRelease(spec.tag(), changes);
            reporter.info("Updated release " + spec.tag() + " (" + String.join(", ", changes.keySet()) + ")");
        }
        int linked = 0;
        for (GitLabRelease.Link link : wanted) {
            linked += reconcile(spec.tag(), release.links(), link) ? 1 : 0;
        }
        if (changes.isEmpty() && linked == 0) {
            reporter.info("Release " + spec.tag() + " is up to date");
        }
    }

    /** Compares release notes without regard to line endings and trailing white space. */
    private static boolean sameText(String local, String remote) {
        return remote != null
                && local.replace("\r\n", "\n")
                        .stripTrailing()
                        .equals(remote.replace("\r\n", "\n").stripTrailing());
    }

    /** Adds or corrects one link; returns whether anything changed. */
    private boolean reconcile(String tag, List<GitLabRelease.Link> existing, GitLabRelease.Link wanted)
            throws PublishException {
        GitLabRelease.Link sameName = null;
        GitLabRelease.Link sameUrl = null;
        for (GitLabRelease.Link link : existing) {
            if (link.matches(wanted)) {
                return false;
            }
            if (wanted.name().equals(link.name())) {
                sameName = link;
            } else if (wanted.url().equals(link.url())) {
                sameUrl = link;
            }
        }
        GitLabRelease.Link target = sameName != null ? sameName : sameUrl;
        if (target != null) {
            api.updateLink(tag, target.id(), wanted);
            reporter.info("Updated release link '" + wanted.name() + "'");
        } else {
            api.createLink(tag, wanted);
            reporter.info("Added release link '" + wanted.name() + "'");
        }
        return true;
    }

    private List<Publication> reportPlan(GitLabReleaseSpec spec, List<Planned> plan) {
        reporter.info("Dry run: nothing is changed on GitLab. Package " + spec.packageName() + " "
                + spec.packageVersion() + ", release " + spec.tag() + ":");
        List<Publication> result = new ArrayList<>();
        for (Planned planned : plan) {
            String url = url(spec, planned.local());
            reporter.info("  " + planned.local().upload().file().getFileName() + " -> " + url + " ("
                    + planned.state().label() + " at the target)");
            Publication.Status status =
                    switch (planned.state()) {
                        case ABSENT -> Publication.Status.PLANNED_UPLOAD;
                        case IDENTICAL -> Publication.Status.ALREADY_PUBLISHED;
                        case DIFFERENT -> Publication.Status.PLANNED_CONFLICT;
                    };
            result.add(new Publication(
                    repositoryId,
                    planned.local().upload().file().toString(),
                    url,
                    planned.local().sha256(),
                    planned.local().size(),
                    status));
        }
        return result;
    }

    private String url(GitLabReleaseSpec spec, Local local) {
        return api.packageFileUrl(
                spec.packageName(), spec.packageVersion(), local.upload().fileName());
    }

    private record Local(PackageUpload upload, String sha256, long size) {}

    private record Planned(Local local, RemoteState state, List<PackageFile> sameName, String remoteSha256) {}
}
