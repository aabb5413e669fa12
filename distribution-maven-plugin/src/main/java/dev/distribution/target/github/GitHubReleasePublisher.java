package dev.distribution.target.github;

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
import dev.distribution.http.TransportException;
import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Creates or updates the GitHub release of a tag and attaches files to it, so that running the
 * same build again changes nothing and uploads nothing.
 *
 * <ol>
 *   <li>Every local file must exist and every asset name must be unique, before any request.
 *   <li>The release is looked up by tag (drafts too). When it exists, its assets are compared with
 *       the local files: same name and same SHA-256 is skipped, a different file fails the whole
 *       run before anything changes unless replacing is allowed. Sizes are compared first; the
 *       content is hashed from GitHub's {@code digest} field or by streaming a download.
 *   <li>The release is created, as a draft until its assets are uploaded, or updated with only the
 *       fields that differ.
 *   <li>Assets left in state {@code starter} by an interrupted upload are deleted, then files are
 *       uploaded one by one. A replaced asset is deleted first, because GitHub keeps one asset per
 *       name. An upload that fails with a server error or a lost connection is retried after its
 *       {@code starter} leftover is deleted.
 *   <li>A release that should not stay a draft is published last, so nobody sees it half filled.
 * </ol>
 */
public final class GitHubReleasePublisher {
    private static final int UPLOAD_ATTEMPTS = 3;

    private final GitHubApi api;
    private final String repositoryId;
    private final Reporter reporter;
    private final PublicationLog log;
    private final PublishOptions options;

    /**
     * Creates the publisher.
     *
     * @param repositoryId the id the publication record lists, such as the POM repository id
     * @param options dry run, and whether a different asset of the same name is replaced
     */
    public GitHubReleasePublisher(
            GitHubApi api, String repositoryId, Reporter reporter, PublicationLog log, PublishOptions options) {
        this.api = Objects.requireNonNull(api, "api");
        this.repositoryId = Objects.requireNonNull(repositoryId, "repositoryId");
        this.reporter = Objects.requireNonNull(reporter, "reporter");
        this.log = Objects.requireNonNull(log, "log");
        this.options = Objects.requireNonNull(options, "options");
    }

    /**
     * Publishes the release and its assets.
     *
     * @return one publication per asset, in the order given
     * @throws InvalidConfigurationException when a file is missing or two assets share a name
     * @throws ConflictException when the release has a different asset of the same name and
     *     replacing is not allowed
     * @throws PublishException when GitHub cannot be reached or returns an error
     */
    public List<Publication> publish(ReleaseSpec spec, List<ReleaseAsset> assets) throws DistributionException {
        List<Local> locals = describe(assets);
        Optional<GitHubRelease> existing = findRelease(spec.tag());
        Map<String, GitHubAsset> remote = new LinkedHashMap<>();
        if (existing.isPresent()) {
            for (GitHubAsset asset : api.listAssets(existing.get().id())) {
                remote.put(asset.name(), asset);
            }
        }
        List<Planned> plan = new ArrayList<>();
        for (Local local : locals) {
            plan.add(compare(local, remote));
        }
        if (options.dryRun()) {
            return reportPlan(spec, existing, plan);
        }
        failOnConflicts(plan);

        GitHubRelease release = existing.isPresent() ? update(existing.get(), spec) : create(spec);
        deleteStarters(remote.values());
        List<Publication> result = new ArrayList<>();
        for (Planned planned : plan) {
            result.add(execute(release, planned));
        }
        if (release.draft() && !spec.draft()) {
            Map<String, Object> publish = new LinkedHashMap<>();
            publish.put("draft", false);
            if (spec.makeLatest() != null) {
                publish.put("make_latest", spec.makeLatest());
            }
            release = api.updateRelease(release.id(), publish);
            reporter.info("Published release " + spec.tag() + ": " + release.htmlUrl());
        }
        return result;
    }

    private Optional<GitHubRelease> findRelease(String tag) throws PublishException {
        Optional<GitHubRelease> published = api.releaseByTag(tag);
        if (published.isPresent()) {
            return published;
        }
        // The tag endpoint does not return drafts, and a previous run may have left one.
        return api.listReleases().stream()
                .filter(release -> tag.equals(release.tagName()))
                .findFirst();
    }

    private List<Local> describe(List<ReleaseAsset> assets) throws DistributionException {
        Map<String, ReleaseAsset> names = new HashMap<>();
        List<Local> locals = new ArrayList<>();
        for (ReleaseAsset asset : assets) {
            if (!Files.isRegularFile(asset.file())) {
                throw new InvalidConfigurationException(
                        "<github> asset",
                        asset.file().toString(),
                        "an existing regular file",
                        "Build the file first (for example with 'mvn package') or fix its path.");
            }
            String expected = AssetFiles.expectedName(asset.name());
            ReleaseAsset other = names.put(expected, asset);
            if (other != null) {
                throw new InvalidConfigurationException(
                        "<github> asset",
                        asset.file().toString(),
                        "one file per asset name",
                        "It gets the asset name '" + expected + "' like " + other.file()
                                + "; rename one of them with <github><files><file><target>.");
            }
            if (!expected.equals(asset.name())) {
                reporter.warn("GitHub renames asset '" + asset.name() + "'; expect it as '" + expected + "'.");
            }
            try {
                locals.add(new Local(asset, expected, Checksums.sha256(asset.file()), Files.size(asset.file())));
            } catch (IOException e) {
                throw new PublishException("Cannot read " + asset.file() + ": " + e.getMessage(), e);
            }
        }
        return locals;
    }

    private Planned compare(Local local, Map<String, GitHubAsset> remote) throws PublishException {
        GitHubAsset found = remote.get(local.asset().name());
        if (found == null) {
            found = remote.get(local.expectedName());
        }
        if (found == null || !found.isUploaded()) {
            return new Planned(local, RemoteState.ABSENT, found, null);
        }
        if (found.size() != local.size()) {
            return new Planned(local, RemoteState.DIFFERENT, found, found.sha256());
        }
        String remoteSha256 = found.sha256() != null ? found.sha256() : api.downloadSha256(found.id());
        RemoteState state = remoteSha256.equals(local.sha256()) ? RemoteState.IDENTICAL : RemoteState.DIFFERENT;
        return new Planned(local, state, found, remoteSha256);
    }

    private void failOnConflicts(List<Planned> plan) throws ConflictException {
        if (options.allowRedeploy()) {
            return;
        }
        List<ConflictException.Conflict> conflicts = new ArrayList<>();
        for (Planned planned : plan) {
            if (planned.state() == RemoteState.DIFFERENT) {
                conflicts.add(new ConflictException.Conflict(
                        planned.remote().browserDownloadUrl(), planned.local().sha256(), planned.remoteSha256()));
            }
        }
        if (!conflicts.isEmpty()) {
            throw new ConflictException(conflicts, replaceAdvice());
        }
    }

    private static String replaceAdvice() {
        return "Release assets are never overwritten silently. Publish a new version, or set"
                + " <github><replaceExisting>true</replaceExisting> (-Ddistribution.github.replaceExisting)"
                + " to delete the asset and upload the local file.";
    }

    private GitHubRelease create(ReleaseSpec spec) throws PublishException {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("tag_name", spec.tag());
        if (spec.targetCommitish() != null) {
            fields.put("target_commitish", spec.targetCommitish());
        }
        fields.put("name", spec.name());
        if (spec.body() != null) {
            fields.put("body", spec.body());
        }
        // A draft until the assets are attached; see publish().
        fields.put("draft", true);
        fields.put("prerelease", spec.prerelease());
        if (spec.draft() && spec.makeLatest() != null) {
            fields.put("make_latest", spec.makeLatest());
        }
        GitHubRelease release = api.createRelease(fields);
        reporter.info("Created release " + spec.tag() + " (draft until its assets are uploaded)");
        return release;
    }

    private GitHubRelease update(GitHubRelease current, ReleaseSpec spec) throws PublishException {
        Map<String, Object> changes = new LinkedHashMap<>();
        if (!spec.name().equals(current.name())) {
            changes.put("name", spec.name());
        }
        if (spec.body() != null && !sameText(spec.body(), current.body())) {
            changes.put("body", spec.body());
        }
        if (spec.prerelease() != current.prerelease()) {
            changes.put("prerelease", spec.prerelease());
        }
        if (spec.targetCommitish() != null && !spec.targetCommitish().equals(current.targetCommitish())) {
            changes.put("target_commitish", spec.targetCommitish());
        }
        // Publishing a draft waits until the assets are uploaded; turning a release back into a draft does not.
        if (spec.draft() && !current.draft()) {
            changes.put("draft", true);
        }
        if (!current.draft() && !spec.draft() && needsLatestChange(current, spec.makeLatest())) {
            changes.put("make_latest", spec.makeLatest());
        }
        if (changes.isEmpty()) {
            reporter.info("Release " + spec.tag() + " is up to date: " + current.htmlUrl());
            return current;
        }
        GitHubRelease updated = api.updateRelease(current.id(), changes);
        reporter.info("Updated release " + spec.tag() + " (" + String.join(", ", changes.keySet()) + ")");
        return updated;
    }

    /**
     * Compares release notes without regard to line endings and trailing white space, so that a
     * server that normalizes either does not make every run update the release.
     */
    static boolean sameText(String local, String remote) {
        return remote != null && normalize(local).equals(normalize(remote));
    }

    private static String normalize(String text) {
        return text.replace("\r\n", "\n").stripTrailing();
    }

    /** GitHub does not return {@code make_latest}, so the latest release is looked up instead. */
    private boolean needsLatestChange(GitHubRelease current, String makeLatest) throws PublishException {
        if (makeLatest == null || makeLatest.equals("legacy")) {
            return false;
        }
        boolean isLatest =
                api.latestRelease().map(latest -> latest.id() == current.id()).orElse(false);
        return isLatest != makeLatest.equals("true");
    }

    private void deleteStarters(Iterable<GitHubAsset> assets) throws PublishException {
        for (GitHubAsset asset : assets) {
            if (!asset.isUploaded()) {
                api.deleteAsset(asset.id());
                reporter.info("Deleted asset '" + asset.name() + "' left in state '" + asset.state()
                        + "' by an interrupted upload");
            }
        }
    }

    private Publication execute(GitHubRelease release, Planned planned) throws DistributionException {
        Local local = planned.local();
        Publication publication;
        switch (planned.state()) {
            case IDENTICAL -> {
                reporter.info("Already published, skipped: " + planned.remote().browserDownloadUrl());
                publication =
                        publication(local, planned.remote().browserDownloadUrl(), Publication.Status.ALREADY_PUBLISHED);
            }
            case DIFFERENT -> {
                api.deleteAsset(planned.remote().id());
                GitHubAsset uploaded = upload(release, local);
                reporter.info("Replaced " + uploaded.browserDownloadUrl());
                publication = publication(local, uploaded.browserDownloadUrl(), Publication.Status.REPLACED);
            }
            case ABSENT -> publication = uploadOrRecheck(release, local);
            default -> throw new IllegalStateException(planned.state().name());
        }
        try {
            log.record(publication);
        } catch (IOException e) {
            throw new PublishException("Cannot write the publication record " + log.file() + ": " + e.getMessage(), e);
        }
        return publication;
    }

    /** Uploads a file the plan found absent; another build may have uploaded it meanwhile. */
    private Publication uploadOrRecheck(GitHubRelease release, Local local) throws DistributionException {
        try {
            GitHubAsset uploaded = upload(release, local);
            reporter.info("Uploaded " + uploaded.browserDownloadUrl());
            return publication(local, uploaded.browserDownloadUrl(), Publication.Status.UPLOADED);
        } catch (AssetExistsException e) {
            Map<String, GitHubAsset> remote = new LinkedHashMap<>();
            for (GitHubAsset asset : api.listAssets(release.id())) {
                remote.put(asset.name(), asset);
            }
            Planned again = compare(local, remote);
            if (again.state() == RemoteState.IDENTICAL) {
                reporter.info("Already published, skipped: " + again.remote().browserDownloadUrl());
                return publication(local, again.remote().browserDownloadUrl(), Publication.Status.ALREADY_PUBLISHED);
            }
            if (again.remote() == null) {
                throw new PublishException("GitHub answered that release " + release.tagName()
                        + " already has an asset named '" + local.asset().name()
                        + "', but lists no asset of that name or of '" + local.expectedName()
                        + "'. Rename the file with <github><files><file><target>.");
            }
            if (!options.allowRedeploy() && again.state() == RemoteState.DIFFERENT) {
                throw new ConflictException(
                        List.of(new ConflictException.Conflict(
                                again.remote().browserDownloadUrl(), local.sha256(), again.remoteSha256())),
                        replaceAdvice());
            }
            api.deleteAsset(again.remote().id());
            GitHubAsset uploaded = upload(release, local);
            boolean replaced = again.state() == RemoteState.DIFFERENT;
            reporter.info((replaced ? "Replaced " : "Uploaded ") + uploaded.browserDownloadUrl());
            return publication(
                    local,
                    uploaded.browserDownloadUrl(),
                    replaced ? Publication.Status.REPLACED : Publication.Status.UPLOADED);
        }
    }

    /**
     * Uploads one file. After a server error or a lost connection the upload may have left an
     * asset in state {@code starter}, or may even have completed; the asset list shows which.
     */
    private GitHubAsset upload(GitHubRelease release, Local local) throws PublishException {
        for (int attempt = 1; ; attempt++) {
            try {
                GitHubAsset uploaded = api.uploadAsset(release, local.asset());
                if (!uploaded.name().equals(local.asset().name())) {
                    reporter.info("GitHub stored '" + local.asset().name() + "' as '" + uploaded.name() + "'");
                }
                return uploaded;
            } catch (TransportException e) {
                boolean serverSide = e.status() == -1 || e.status() >= 500;
                if (!serverSide || attempt == UPLOAD_ATTEMPTS) {
                    throw e;
                }
                reporter.warn("Upload of " + local.asset().name() + " failed (" + e.getMessage()
                        + "); checking the release for a partial asset before attempt " + (attempt + 1) + " of "
                        + UPLOAD_ATTEMPTS);
                Optional<GitHubAsset> completed = recover(release, local);
                if (completed.isPresent()) {
                    return completed.get();
                }
            }
        }
    }

    private Optional<GitHubAsset> recover(GitHubRelease release, Local local) throws PublishException {
        for (GitHubAsset asset : api.listAssets(release.id())) {
            boolean sameName =
                    asset.name().equals(local.asset().name()) || asset.name().equals(local.expectedName());
            if (!sameName) {
                continue;
            }
            if (!asset.isUploaded()) {
                api.deleteAsset(asset.id());
                reporter.info("Deleted asset '" + asset.name() + "' left in state '" + asset.state() + "'");
                continue;
            }
            Planned check = compare(local, Map.of(asset.name(), asset));
            if (check.state() == RemoteState.IDENTICAL) {
                return Optional.of(asset);
            }
            api.deleteAsset(asset.id());
        }
        return Optional.empty();
    }

    private List<Publication> reportPlan(ReleaseSpec spec, Optional<GitHubRelease> existing, List<Planned> plan) {
        reporter.info("Dry run: nothing is changed on GitHub. Release " + spec.tag() + " would be "
                + (existing.isPresent() ? "updated where it differs." : "created."));
        List<Publication> result = new ArrayList<>();
        for (Planned planned : plan) {
            String url = planned.remote() != null && planned.remote().browserDownloadUrl() != null
                    ? planned.remote().browserDownloadUrl()
                    : api.repositoryUrl() + "/releases/tags/" + spec.tag() + " asset "
                            + planned.local().expectedName();
            reporter.info("  " + planned.local().asset().file().getFileName() + " -> " + url + " ("
                    + planned.state().label() + " at the target)");
            Publication.Status status =
                    switch (planned.state()) {
                        case ABSENT -> Publication.Status.PLANNED_UPLOAD;
                        case IDENTICAL -> Publication.Status.ALREADY_PUBLISHED;
                        case DIFFERENT -> Publication.Status.PLANNED_CONFLICT;
                    };
            result.add(publication(planned.local(), url, status));
        }
        return result;
    }

    private Publication publication(Local local, String url, Publication.Status status) {
        return new Publication(
                repositoryId, local.asset().file().toString(), url, local.sha256(), local.size(), status);
    }

    private record Local(ReleaseAsset asset, String expectedName, String sha256, long size) {}

    private record Planned(Local local, RemoteState state, GitHubAsset remote, String remoteSha256) {}
}
