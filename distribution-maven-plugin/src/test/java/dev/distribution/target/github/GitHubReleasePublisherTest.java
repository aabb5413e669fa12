package dev.distribution.target.github;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.distribution.core.ConflictException;
import dev.distribution.core.InvalidConfigurationException;
import dev.distribution.core.Publication;
import dev.distribution.core.PublicationLog;
import dev.distribution.core.PublishException;
import dev.distribution.core.PublishOptions;
import dev.distribution.core.Redactor;
import dev.distribution.core.Reporter;
import dev.distribution.http.Credentials;
import dev.distribution.http.HttpTransport;
import dev.distribution.http.TransportSettings;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Contract tests of the GitHub release flow against {@link FakeGitHub}, an in-process server that
 * answers with the request and response shapes of the GitHub REST API documentation. No real
 * GitHub server runs in the test environment, so these tests show that the requests have the
 * documented shape and that the flow is safe to re-run, not that github.com accepts them.
 */
class GitHubReleasePublisherTest {
    private static final Instant NOW = Instant.parse("2026-12-04T12:00:00Z");

    @TempDir
    Path dir;

    private FakeGitHub github;
    private HttpTransport http;
    private final List<Duration> sleeps = Collections.synchronizedList(new ArrayList<>());
    private final List<String> lines = Collections.synchronizedList(new ArrayList<>());

    @BeforeEach
    void start() throws IOException {
        github = new FakeGitHub();
        http = new HttpTransport(TransportSettings.builder().maxAttempts(1).build(), reporter(), new Redactor());
    }

    @AfterEach
    void stop() {
        http.close();
        github.close();
    }

    private Reporter reporter() {
        return new Reporter() {
            @Override
            public void info(String message) {
                lines.add(message);
            }

            @Override
            public void warn(String message) {
                lines.add(message);
            }

            @Override
            public void debug(String message) {}
        };
    }

    private GitHubReleasePublisher publisher(boolean replace, boolean dryRun, Duration maxWait) {
        return publisher(replace, dryRun, maxWait, GitHubApi.token(FakeGitHub.TOKEN, "test token"));
    }

    private GitHubReleasePublisher publisher(boolean replace, boolean dryRun, Duration maxWait, Credentials token) {
        RateLimitPolicy policy = new RateLimitPolicy(maxWait, Clock.fixed(NOW, ZoneOffset.UTC), sleeps::add);
        GitHubApi api = new GitHubApi(http, github.apiUrl(), FakeGitHub.REPO, token, policy, reporter());
        return new GitHubReleasePublisher(
                api,
                "github",
                reporter(),
                new PublicationLog(dir.resolve("publication.json")),
                new PublishOptions(dryRun, replace));
    }

    private GitHubReleasePublisher publisher() {
        return publisher(false, false, Duration.ofMinutes(10));
    }

    private static ReleaseSpec spec() {
        return new ReleaseSpec("v1.0.0", "hello 1.0.0", "Notes", false, false, null, null);
    }

    private ReleaseAsset file(String name, String content) throws IOException {
        Path file = dir.resolve(name);
        Files.writeString(file, content);
        return new ReleaseAsset(file, name, null, AssetFiles.contentType(name));
    }

    private List<ReleaseAsset> twoFiles() throws IOException {
        return List.of(file("hello-1.0.0.tar.gz", "tar"), file("SHA256SUMS", "sums"));
    }

    @Test
    void createsDraftThenPublishes() throws Exception {
        publisher().publish(spec(), twoFiles());

        List<FakeGitHub.Request> writes = github.writes();
        assertThat(writes).extracting(FakeGitHub.Request::method).containsExactly("POST", "POST", "POST", "PATCH");
        assertThat(writes.get(0).path()).isEqualTo("/api/repos/acme/hello/releases");
        assertThat(writes.get(0).json().path("tag_name").asText()).isEqualTo("v1.0.0");
        assertThat(writes.get(0).json().path("name").asText()).isEqualTo("hello 1.0.0");
        assertThat(writes.get(0).json().path("body").asText()).isEqualTo("Notes");
        assertThat(writes.get(0).json().path("draft").asBoolean()).isTrue();
        assertThat(writes.get(0).json().path("prerelease").asBoolean()).isFalse();
        assertThat(writes.get(3).json().path("draft").asBoolean()).isFalse();
        assertThat(github.release("v1.0.0").draft).isFalse();
    }

    @Test
    void uploadsWithNameAndType() throws Exception {
        publisher().publish(spec(), twoFiles());

        List<FakeGitHub.Request> uploads = github.writes().subList(1, 3);
        assertThat(uploads.get(0).query()).isEqualTo("name=hello-1.0.0.tar.gz");
        assertThat(uploads.get(0).header("Content-Type")).isEqualTo("application/gzip");
        assertThat(uploads.get(0).bodyText()).isEqualTo("tar");
        assertThat(uploads.get(1).query()).isEqualTo("name=SHA256SUMS");
        assertThat(uploads.get(1).header("Content-Type")).isEqualTo("text/plain");
        assertThat(uploads.get(1).header("Authorization")).isEqualTo("token " + FakeGitHub.TOKEN);
    }

    @Test
    void rerunChangesNothing() throws Exception {
        publisher().publish(spec(), twoFiles());
        int before = github.requests().size();
        long bytesBefore = github.uploadedBytes();

        List<Publication> second = publisher().publish(spec(), twoFiles());

        List<FakeGitHub.Request> rerun =
                github.requests().subList(before, github.requests().size());
        assertThat(rerun).extracting(FakeGitHub.Request::method).containsOnly("GET");
        assertThat(github.uploadedBytes()).isEqualTo(bytesBefore);
        assertThat(second).extracting(Publication::status).containsOnly(Publication.Status.ALREADY_PUBLISHED);
    }

    @Test
    void rerunHashesDownloadWithoutDigest() throws Exception {
        github.digests = false;
        publisher().publish(spec(), twoFiles());
        int before = github.requests().size();

        publisher().publish(spec(), twoFiles());

        List<FakeGitHub.Request> rerun =
                github.requests().subList(before, github.requests().size());
        List<FakeGitHub.Request> downloads = rerun.stream()
                .filter(r -> r.path().contains("/releases/assets/"))
                .toList();
        assertThat(downloads).hasSize(2);
        assertThat(downloads.get(0).header("Accept")).isEqualTo("application/octet-stream");
        assertThat(rerun)
                .extracting(FakeGitHub.Request::path)
                .contains("/download/" + github.release("v1.0.0").assets.get(0).id);
        assertThat(github.writes()).hasSize(4);
    }

    @Test
    void updatesOnlyChangedFields() throws Exception {
        FakeGitHub.Release existing = github.addRelease("v1.0.0", "old title", false);
        existing.body = "Notes";

        publisher().publish(spec(), List.of());

        List<FakeGitHub.Request> writes = github.writes();
        assertThat(writes).hasSize(1);
        assertThat(writes.get(0).method()).isEqualTo("PATCH");
        assertThat(writes.get(0).path()).isEqualTo("/api/repos/acme/hello/releases/" + existing.id);
        assertThat(writes.get(0).json().fieldNames()).toIterable().containsExactly("name");
        assertThat(existing.name).isEqualTo("hello 1.0.0");
    }

    @Test
    void lineEndingsAreNotChanges() throws Exception {
        FakeGitHub.Release existing = github.addRelease("v1.0.0", "hello 1.0.0", false);
        existing.body = "Notes\r\nline two\n";
        ReleaseSpec crlf = new ReleaseSpec("v1.0.0", "hello 1.0.0", "Notes\nline two", false, false, null, null);

        publisher().publish(crlf, List.of());

        assertThat(github.writes()).isEmpty();
    }

    @Test
    void prereleaseChangeIsPatched() throws Exception {
        FakeGitHub.Release existing = github.addRelease("v1.0.0", "hello 1.0.0", false);
        ReleaseSpec prerelease = new ReleaseSpec("v1.0.0", "hello 1.0.0", null, false, true, null, "main");

        publisher().publish(prerelease, List.of());

        assertThat(github.writes().get(0).json().path("prerelease").asBoolean()).isTrue();
        assertThat(existing.prerelease).isTrue();
    }

    @Test
    void makeLatestSentWhenNotLatest() throws Exception {
        FakeGitHub.Release existing = github.addRelease("v1.0.0", "hello 1.0.0", false);
        existing.body = "Notes";
        ReleaseSpec latest = new ReleaseSpec("v1.0.0", "hello 1.0.0", "Notes", false, false, "true", null);

        publisher().publish(latest, List.of());

        assertThat(github.writes()).hasSize(1);
        assertThat(github.writes().get(0).json().path("make_latest").asText()).isEqualTo("true");
    }

    @Test
    void makeLatestSkippedWhenLatest() throws Exception {
        FakeGitHub.Release existing = github.addRelease("v1.0.0", "hello 1.0.0", false);
        existing.body = "Notes";
        github.latestId = existing.id;
        ReleaseSpec latest = new ReleaseSpec("v1.0.0", "hello 1.0.0", "Notes", false, false, "true", null);

        publisher().publish(latest, List.of());

        assertThat(github.writes()).isEmpty();
    }

    @Test
    void findsDraftOnRerun() throws Exception {
        ReleaseSpec draft = new ReleaseSpec("v1.0.0", "hello 1.0.0", "Notes", true, false, null, null);
        publisher().publish(draft, twoFiles());
        int writes = github.writes().size();

        publisher().publish(draft, twoFiles());

        assertThat(github.writes()).hasSize(writes);
        assertThat(github.releases).hasSize(1);
        assertThat(github.release("v1.0.0").draft).isTrue();
    }

    @Test
    void conflictFailsBeforeChanges() throws Exception {
        FakeGitHub.Release existing = github.addRelease("v1.0.0", "old title", false);
        github.addAsset(existing, "SHA256SUMS", "other sums".getBytes(StandardCharsets.UTF_8), "uploaded");

        assertThatThrownBy(() -> publisher().publish(spec(), twoFiles()))
                .isInstanceOf(ConflictException.class)
                .hasMessageContaining("SHA256SUMS")
                .hasMessageContaining("<replaceExisting>");
        assertThat(github.writes()).isEmpty();
    }

    @Test
    void conflictWithSameSizeIsHashed() throws Exception {
        FakeGitHub.Release existing = github.addRelease("v1.0.0", "hello 1.0.0", false);
        github.addAsset(existing, "SHA256SUMS", "SUMS".getBytes(StandardCharsets.UTF_8), "uploaded");

        assertThatThrownBy(() -> publisher().publish(spec(), twoFiles())).isInstanceOf(ConflictException.class);
    }

    @Test
    void replaceDeletesThenUploads() throws Exception {
        FakeGitHub.Release existing = github.addRelease("v1.0.0", "hello 1.0.0", false);
        existing.body = "Notes";
        FakeGitHub.Asset old =
                github.addAsset(existing, "SHA256SUMS", "other".getBytes(StandardCharsets.UTF_8), "uploaded");

        List<Publication> result = publisher(true, false, Duration.ZERO).publish(spec(), twoFiles());

        List<FakeGitHub.Request> writes = github.writes();
        assertThat(writes)
                .extracting(FakeGitHub.Request::toString)
                .containsExactly(
                        "POST /uploads/repos/acme/hello/releases/" + existing.id + "/assets?name=hello-1.0.0.tar.gz",
                        "DELETE /api/repos/acme/hello/releases/assets/" + old.id,
                        "POST /uploads/repos/acme/hello/releases/" + existing.id + "/assets?name=SHA256SUMS");
        assertThat(result.get(1).status()).isEqualTo(Publication.Status.REPLACED);
        assertThat(new String(existing.assets.get(1).content, StandardCharsets.UTF_8))
                .isEqualTo("sums");
    }

    @Test
    void racingIdenticalUploadAccepted() throws Exception {
        github.racingContent = "tar".getBytes(StandardCharsets.UTF_8);

        List<Publication> result = publisher().publish(spec(), twoFiles());

        assertThat(result.get(0).status()).isEqualTo(Publication.Status.ALREADY_PUBLISHED);
        assertThat(github.release("v1.0.0").assets).hasSize(2);
    }

    @Test
    void racingDifferentUploadConflicts() {
        github.racingContent = "other".getBytes(StandardCharsets.UTF_8);

        assertThatThrownBy(() -> publisher().publish(spec(), twoFiles()))
                .isInstanceOf(ConflictException.class)
                .hasMessageContaining("hello-1.0.0.tar.gz");
    }

    @Test
    void starterAssetIsDeleted() throws Exception {
        FakeGitHub.Release existing = github.addRelease("v1.0.0", "hello 1.0.0", false);
        existing.body = "Notes";
        FakeGitHub.Asset starter = github.addAsset(existing, "SHA256SUMS", new byte[0], "starter");

        publisher().publish(spec(), twoFiles());

        assertThat(github.writes().get(0).toString())
                .isEqualTo("DELETE /api/repos/acme/hello/releases/assets/" + starter.id);
        assertThat(existing.assets).extracting(a -> a.state).containsOnly("uploaded");
        assertThat(existing.assets).hasSize(2);
    }

    @Test
    void failedUploadIsRetried() throws Exception {
        github.failingUploads = 1;

        List<Publication> result = publisher().publish(spec(), twoFiles());

        FakeGitHub.Release release = github.release("v1.0.0");
        assertThat(release.assets).extracting(a -> a.state).containsOnly("uploaded");
        assertThat(release.assets).extracting(a -> a.name).containsExactly("hello-1.0.0.tar.gz", "SHA256SUMS");
        assertThat(github.writes()).extracting(FakeGitHub.Request::method).contains("DELETE");
        assertThat(result).extracting(Publication::status).containsOnly(Publication.Status.UPLOADED);
    }

    @Test
    void rateLimitIsWaitedOut() throws Exception {
        github.rateLimitedRequests = 1;
        github.rateLimitReset = NOW.plusSeconds(30).getEpochSecond();

        publisher().publish(spec(), twoFiles());

        assertThat(sleeps).containsExactly(Duration.ofSeconds(31));
        assertThat(github.release("v1.0.0").assets).hasSize(2);
    }

    @Test
    void rateLimitBeyondBoundFails() {
        github.rateLimitedRequests = 1;
        github.rateLimitReset = NOW.plusSeconds(3600).getEpochSecond();

        assertThatThrownBy(() -> publisher(false, false, Duration.ofMinutes(10)).publish(spec(), twoFiles()))
                .isInstanceOf(PublishException.class)
                .hasMessageContaining("rate limit")
                .hasMessageContaining("maxRateLimitWait");
        assertThat(github.writes()).isEmpty();
    }

    @Test
    void assetPagesAreFollowed() throws Exception {
        github.pageSize = 2;
        List<ReleaseAsset> files = new ArrayList<>();
        for (int i = 1; i <= 5; i++) {
            files.add(file("part-" + i + ".txt", "content " + i));
        }
        publisher().publish(spec(), files);
        int before = github.requests().size();

        publisher().publish(spec(), files);

        List<FakeGitHub.Request> rerun =
                github.requests().subList(before, github.requests().size());
        assertThat(rerun).extracting(FakeGitHub.Request::query).contains("page=2", "page=3");
        assertThat(rerun).extracting(FakeGitHub.Request::method).containsOnly("GET");
    }

    @Test
    void renamedAssetIsFound() throws Exception {
        List<ReleaseAsset> files = List.of(file("my file.txt", "text"));
        List<Publication> first = publisher().publish(spec(), files);
        int writes = github.writes().size();

        publisher().publish(spec(), files);

        assertThat(github.release("v1.0.0").assets.get(0).name).isEqualTo("my.file.txt");
        assertThat(first.get(0).url()).endsWith("/my.file.txt");
        assertThat(github.writes()).hasSize(writes);
    }

    @Test
    void missingFileFailsFirst() {
        ReleaseAsset missing = new ReleaseAsset(dir.resolve("absent.zip"), "absent.zip", null, "application/zip");

        assertThatThrownBy(() -> publisher().publish(spec(), List.of(missing)))
                .isInstanceOf(InvalidConfigurationException.class)
                .hasMessageContaining("absent.zip");
        assertThat(github.requests()).isEmpty();
    }

    @Test
    void rejectedTokenFailsClearly() {
        Credentials wrong = GitHubApi.token("ghp_wrong", "env GITHUB_TOKEN");

        assertThatThrownBy(() -> publisher(false, false, Duration.ZERO, wrong).publish(spec(), List.of()))
                .isInstanceOf(PublishException.class)
                .hasMessageContaining("rejected the token from env GITHUB_TOKEN");
        assertThat(github.writes()).isEmpty();
    }

    @Test
    void dryRunChangesNothing() throws Exception {
        List<Publication> plan = publisher(false, true, Duration.ZERO).publish(spec(), twoFiles());

        assertThat(github.writes()).isEmpty();
        assertThat(plan).extracting(Publication::status).containsOnly(Publication.Status.PLANNED_UPLOAD);
    }
}
