package dev.distribution.target.gitlab;

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
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Contract tests of the GitLab flow against {@link FakeGitLab}, an in-process server that answers
 * with the shapes of GitLab's generic packages and releases API documentation. No real GitLab
 * server runs in the test environment, so these tests show the documented request shapes and
 * re-run safety, not that a GitLab instance accepts them.
 */
class GitLabReleasePublisherTest {
    @TempDir
    Path dir;

    private FakeGitLab gitlab;
    private HttpTransport http;

    @BeforeEach
    void start() throws IOException {
        gitlab = new FakeGitLab("42");
        http = new HttpTransport(TransportSettings.builder().maxAttempts(1).build(), Reporter.SILENT, new Redactor());
    }

    @AfterEach
    void stop() {
        http.close();
        gitlab.close();
    }

    private GitLabReleasePublisher publisher(String project, Credentials credentials, boolean replace, boolean dryRun) {
        return new GitLabReleasePublisher(
                new GitLabApi(http, gitlab.apiUrl(), project, credentials),
                "gitlab",
                Reporter.SILENT,
                new PublicationLog(dir.resolve("publication.json")),
                new PublishOptions(dryRun, replace));
    }

    private GitLabReleasePublisher publisher() {
        return publisher("42", token(GitLabTokens.PRIVATE_TOKEN), false, false);
    }

    private static Credentials token(String header) {
        return new Credentials.Header(header, FakeGitLab.TOKEN, "test");
    }

    private static GitLabReleaseSpec spec(String version) {
        return new GitLabReleaseSpec("hello", version, "v" + version, "hello " + version, "Notes", "main", "/");
    }

    private PackageUpload file(String name, String content) throws IOException {
        Path file = dir.resolve(name);
        Files.writeString(file, content);
        return new PackageUpload(file, name);
    }

    private List<PackageUpload> twoFiles() throws IOException {
        return List.of(file("hello-1.0.0.tar.gz", "tar"), file("SHA256SUMS", "sums"));
    }

    @Test
    void uploadsPackageFiles() throws Exception {
        publisher().publish(spec("1.0.0"), twoFiles());

        List<FakeGitLab.Request> puts =
                gitlab.requests().stream().filter(r -> r.method().equals("PUT")).toList();
        assertThat(puts)
                .extracting(FakeGitLab.Request::path)
                .containsExactly(
                        "/api/v4/projects/42/packages/generic/hello/1.0.0/hello-1.0.0.tar.gz",
                        "/api/v4/projects/42/packages/generic/hello/1.0.0/SHA256SUMS");
        assertThat(puts.get(0).header("Content-Type")).isEqualTo("application/octet-stream");
        assertThat(new String(puts.get(0).body(), StandardCharsets.UTF_8)).isEqualTo("tar");
    }

    @Test
    void createsReleaseWithLinks() throws Exception {
        publisher().publish(spec("1.0.0"), twoFiles());

        FakeGitLab.Request create = gitlab.writes().stream()
                .filter(r -> r.path().equals("/api/v4/projects/42/releases"))
                .findFirst()
                .orElseThrow();
        assertThat(create.json().path("tag_name").asText()).isEqualTo("v1.0.0");
        assertThat(create.json().path("ref").asText()).isEqualTo("main");
        assertThat(create.json().path("description").asText()).isEqualTo("Notes");
        assertThat(create.json().path("assets").path("links")).hasSize(2);
        assertThat(create.json().path("assets").path("links").get(0).path("url").asText())
                .isEqualTo(gitlab.apiUrl() + "/projects/42/packages/generic/hello/1.0.0/hello-1.0.0.tar.gz");
        assertThat(create.json()
                        .path("assets")
                        .path("links")
                        .get(0)
                        .path("direct_asset_path")
                        .asText())
                .isEqualTo("/hello-1.0.0.tar.gz");
        assertThat(create.json()
                        .path("assets")
                        .path("links")
                        .get(0)
                        .path("link_type")
                        .asText())
                .isEqualTo("package");
    }

    @Test
    void rerunChangesNothing() throws Exception {
        publisher().publish(spec("1.0.0"), twoFiles());
        int writes = gitlab.writes().size();
        long bytes = gitlab.uploadedBytes();

        List<Publication> second = publisher().publish(spec("1.0.0"), twoFiles());

        assertThat(gitlab.writes()).hasSize(writes);
        assertThat(gitlab.uploadedBytes()).isEqualTo(bytes);
        assertThat(second).extracting(Publication::status).containsOnly(Publication.Status.ALREADY_PUBLISHED);
    }

    @Test
    void rerunHashesDownloadWithoutDigest() throws Exception {
        gitlab.fileDigests = false;
        publisher().publish(spec("1.0.0"), twoFiles());
        int writes = gitlab.writes().size();

        publisher().publish(spec("1.0.0"), twoFiles());

        assertThat(gitlab.writes()).hasSize(writes);
        assertThat(gitlab.requests())
                .extracting(FakeGitLab.Request::toString)
                .contains("GET /api/v4/projects/42/packages/generic/hello/1.0.0/SHA256SUMS");
    }

    @Test
    void updatesReleaseAndAddsLinks() throws Exception {
        FakeGitLab.Release release = gitlab.addRelease("v1.0.0", "old", "Notes");

        publisher().publish(spec("1.0.0"), twoFiles());

        assertThat(gitlab.writes())
                .extracting(FakeGitLab.Request::toString)
                .contains(
                        "PUT /api/v4/projects/42/releases/v1.0.0",
                        "POST /api/v4/projects/42/releases/v1.0.0/assets/links");
        assertThat(release.name).isEqualTo("hello 1.0.0");
        assertThat(release.links).hasSize(2);
    }

    @Test
    void linksAreNotDuplicated() throws Exception {
        FakeGitLab.Release release = gitlab.addRelease("v1.0.0", "hello 1.0.0", "Notes");
        String url = gitlab.apiUrl() + "/projects/42/packages/generic/hello/1.0.0/SHA256SUMS";
        gitlab.addLink(release, "SHA256SUMS", url, "/SHA256SUMS");
        FakeGitLab.Link stale = gitlab.addLink(release, "hello-1.0.0.tar.gz", "https://old.example.com/x", null);

        publisher().publish(spec("1.0.0"), twoFiles());

        assertThat(release.links).hasSize(2);
        assertThat(stale.url).endsWith("/packages/generic/hello/1.0.0/hello-1.0.0.tar.gz");
        assertThat(stale.path).isEqualTo("/hello-1.0.0.tar.gz");
        assertThat(gitlab.writes())
                .extracting(FakeGitLab.Request::toString)
                .contains("PUT /api/v4/projects/42/releases/v1.0.0/assets/links/" + stale.id)
                .doesNotContain("POST /api/v4/projects/42/releases/v1.0.0/assets/links");
    }

    @Test
    void missingTagWithoutRefFails() {
        GitLabReleaseSpec noRef = new GitLabReleaseSpec("hello", "1.0.0", "v1.0.0", "hello 1.0.0", null, null, "/");

        assertThatThrownBy(() -> publisher().publish(noRef, twoFiles()))
                .isInstanceOf(InvalidConfigurationException.class)
                .hasMessageContaining("<gitlab><ref>");
        assertThat(gitlab.writes()).isEmpty();
    }

    @Test
    void existingTagNeedsNoRef() throws Exception {
        gitlab.tags.add("v1.0.0");
        GitLabReleaseSpec noRef = new GitLabReleaseSpec("hello", "1.0.0", "v1.0.0", "hello 1.0.0", null, null, "/");

        publisher().publish(noRef, twoFiles());

        assertThat(gitlab.release("v1.0.0").links).hasSize(2);
    }

    @Test
    void conflictFailsBeforeUpload() throws Exception {
        FakeGitLab.Package pkg = gitlab.addPackage("hello", "1.0.0");
        gitlab.addFile(pkg, "SHA256SUMS", "other".getBytes(StandardCharsets.UTF_8));

        assertThatThrownBy(() -> publisher().publish(spec("1.0.0"), twoFiles()))
                .isInstanceOf(ConflictException.class)
                .hasMessageContaining("SHA256SUMS")
                .hasMessageContaining("<replaceExisting>");
        assertThat(gitlab.writes()).isEmpty();
    }

    @Test
    void replaceDeletesOlderCopies() throws Exception {
        FakeGitLab.Package pkg = gitlab.addPackage("hello", "1.0.0");
        FakeGitLab.StoredFile old = gitlab.addFile(pkg, "SHA256SUMS", "other".getBytes(StandardCharsets.UTF_8));

        List<Publication> result =
                publisher("42", token(GitLabTokens.PRIVATE_TOKEN), true, false).publish(spec("1.0.0"), twoFiles());

        assertThat(gitlab.writes())
                .extracting(FakeGitLab.Request::toString)
                .contains("DELETE /api/v4/projects/42/packages/" + pkg.id + "/package_files/" + old.id);
        assertThat(pkg.files)
                .extracting(f -> new String(f.content, StandardCharsets.UTF_8))
                .containsExactly("tar", "sums");
        assertThat(result.get(1).status()).isEqualTo(Publication.Status.REPLACED);
    }

    @Test
    void encodesProjectPathAndVersion() throws Exception {
        gitlab.close();
        gitlab = new FakeGitLab("group%2Fsub%2Fproject");

        publisher("group/sub/project", token(GitLabTokens.PRIVATE_TOKEN), false, false)
                .publish(spec("1.0.0+build.7"), List.of(file("hello.tar.gz", "tar")));

        assertThat(gitlab.writes())
                .extracting(FakeGitLab.Request::toString)
                .contains(
                        "PUT /api/v4/projects/group%2Fsub%2Fproject/packages/generic/hello/1.0.0%2Bbuild.7/hello.tar.gz",
                        "POST /api/v4/projects/group%2Fsub%2Fproject/releases");
        assertThat(gitlab.packages.get(0).version).isEqualTo("1.0.0+build.7");
    }

    @Test
    void sendsJobToken() throws Exception {
        gitlab.tokenHeader = "JOB-TOKEN";

        publisher("42", token(GitLabTokens.JOB_TOKEN), false, false).publish(spec("1.0.0"), twoFiles());

        assertThat(gitlab.requests()).extracting(r -> r.header("JOB-TOKEN")).containsOnly(FakeGitLab.TOKEN);
    }

    @Test
    void sendsDeployToken() throws Exception {
        gitlab.tokenHeader = "Deploy-Token";

        publisher("42", token(GitLabTokens.DEPLOY_TOKEN), false, false).publish(spec("1.0.0"), twoFiles());

        assertThat(gitlab.requests()).extracting(r -> r.header("Deploy-Token")).containsOnly(FakeGitLab.TOKEN);
    }

    @Test
    void sendsPrivateToken() throws Exception {
        publisher().publish(spec("1.0.0"), twoFiles());

        assertThat(gitlab.requests()).extracting(r -> r.header("PRIVATE-TOKEN")).containsOnly(FakeGitLab.TOKEN);
    }

    @Test
    void rejectedTokenFailsClearly() {
        Credentials wrong =
                new Credentials.Header(GitLabTokens.PRIVATE_TOKEN, "glpat-wrong", "environment variable GITLAB_TOKEN");

        assertThatThrownBy(() -> publisher("42", wrong, false, false).publish(spec("1.0.0"), twoFiles()))
                .isInstanceOf(PublishException.class)
                .hasMessageContaining("rejected the token from environment variable GITLAB_TOKEN");
        assertThat(gitlab.writes()).isEmpty();
    }

    @Test
    void missingFileFailsFirst() {
        PackageUpload missing = new PackageUpload(dir.resolve("absent.zip"), "absent.zip");

        assertThatThrownBy(() -> publisher().publish(spec("1.0.0"), List.of(missing)))
                .isInstanceOf(InvalidConfigurationException.class)
                .hasMessageContaining("absent.zip");
        assertThat(gitlab.requests()).isEmpty();
    }

    @Test
    void dryRunChangesNothing() throws Exception {
        List<Publication> plan =
                publisher("42", token(GitLabTokens.PRIVATE_TOKEN), false, true).publish(spec("1.0.0"), twoFiles());

        assertThat(gitlab.writes()).isEmpty();
        assertThat(plan).extracting(Publication::status).containsOnly(Publication.Status.PLANNED_UPLOAD);
    }

    @Test
    void invalidFileNameRejected() {
        assertThatThrownBy(() -> GitLabNames.fileName("hello 1.0+b.tar.gz", false, "target/x"))
                .isInstanceOf(InvalidConfigurationException.class)
                .hasMessageContaining("hello 1.0+b.tar.gz")
                .hasMessageContaining("<mapFileNames>");
    }

    @Test
    void invalidFileNameMapped() throws Exception {
        assertThat(GitLabNames.fileName("hello 1.0+b.tar.gz", true, "target/x")).isEqualTo("hello_1.0_b.tar.gz");
    }

    @Test
    void invalidVersionRejected() {
        assertThatThrownBy(() -> GitLabNames.version("1.0 beta", "<gitlab><packageVersion>"))
                .isInstanceOf(InvalidConfigurationException.class);
    }

    @Test
    void validVersionAccepted() throws Exception {
        assertThat(GitLabNames.version("1.0.0-SNAPSHOT+b.1", "<gitlab><packageVersion>"))
                .isEqualTo("1.0.0-SNAPSHOT+b.1");
    }

    @Test
    void ciJobTokenFromEnvironment() throws Exception {
        Map<String, String> env = Map.of("GITLAB_CI", "true", "CI_JOB_TOKEN", "job-123");

        Credentials credentials = GitLabTokens.fromEnvironment(env, "GITLAB_TOKEN", null, "<gitlab>")
                .orElseThrow();

        assertThat(((Credentials.Header) credentials).name()).isEqualTo("JOB-TOKEN");
    }

    @Test
    void tokenVariableWinsOverJobToken() throws Exception {
        Map<String, String> env = Map.of("GITLAB_CI", "true", "CI_JOB_TOKEN", "job-123", "GITLAB_TOKEN", "glpat-1");

        Credentials credentials = GitLabTokens.fromEnvironment(env, "GITLAB_TOKEN", "private", "<gitlab>")
                .orElseThrow();

        assertThat(((Credentials.Header) credentials).name()).isEqualTo("PRIVATE-TOKEN");
    }

    @Test
    void malformedTokenRejected() {
        Map<String, String> env = Map.of("GITLAB_TOKEN", "glpat one");

        assertThatThrownBy(() -> GitLabTokens.fromEnvironment(env, "GITLAB_TOKEN", "private", "<gitlab>"))
                .isInstanceOf(InvalidConfigurationException.class)
                .hasMessageNotContaining("glpat one");
    }
}
