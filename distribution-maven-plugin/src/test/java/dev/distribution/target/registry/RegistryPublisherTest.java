package dev.distribution.target.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.distribution.core.ConflictException;
import dev.distribution.core.Publication;
import dev.distribution.core.PublishException;
import dev.distribution.core.PublishOptions;
import dev.distribution.core.Redactor;
import dev.distribution.core.Reporter;
import dev.distribution.format.oci.BuiltImage;
import dev.distribution.format.oci.ImageBuilder;
import dev.distribution.format.oci.ImageSpec;
import dev.distribution.format.oci.TestImages;
import dev.distribution.http.Credentials;
import dev.distribution.http.HttpTransport;
import dev.distribution.http.TransportSettings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RegistryPublisherTest {
    @TempDir
    static Path shared;

    static DockerRegistry registry;

    @TempDir
    Path project;

    final List<String> lines = Collections.synchronizedList(new ArrayList<>());
    final Redactor redactor = new Redactor();
    final List<HttpTransport> transports = new ArrayList<>();

    @AfterEach
    void closeTransports() {
        transports.forEach(HttpTransport::close);
    }

    @BeforeAll
    static void startRegistry() throws Exception {
        registry = DockerRegistry.start(shared.resolve("registry"));
    }

    @AfterAll
    static void stopRegistry() throws Exception {
        registry.close();
    }

    Reporter reporter() {
        return new Reporter() {
            @Override
            public void info(String message) {
                lines.add(redactor.redact(message));
            }

            @Override
            public void warn(String message) {
                lines.add(redactor.redact(message));
            }

            @Override
            public void debug(String message) {
                lines.add(redactor.redact(message));
            }
        };
    }

    BuiltImage build(ImageSpec.Builder spec) throws Exception {
        return new ImageBuilder(project.resolve("work"), reporter(), redactor).build(spec.build());
    }

    List<Publication> push(BuiltImage image, String password, PublishOptions options) throws Exception {
        return push(image, password, options, registry.url());
    }

    List<Publication> push(BuiltImage image, String password, PublishOptions options, String url) throws Exception {
        RegistryEndpoint endpoint = RegistryEndpoint.parse(url, true, "<url>");
        RegistryPublisher publisher = new RegistryPublisher(endpoint, "test-registry", reporter(), options, null);
        HttpTransport http = new HttpTransport(
                TransportSettings.builder()
                        .maxAttempts(4)
                        .initialBackoff(Duration.ofMillis(50))
                        .build(),
                reporter(),
                redactor);
        transports.add(http);
        RegistryClient client = new RegistryClient(
                endpoint,
                publisher.repositoryName(image),
                new Credentials.Basic(DockerRegistry.USER, password, "settings.xml server 'test-registry'"),
                http,
                reporter());
        return publisher.publish(image, client);
    }

    static String creds() {
        return DockerRegistry.USER + ":" + DockerRegistry.PASSWORD;
    }

    @Test
    void indexHasEachPlatform() throws Exception {
        TestImages.writeBinaries(project);
        BuiltImage image = build(TestImages.twoPlatforms(project, "team/platforms"));
        push(image, DockerRegistry.PASSWORD, PublishOptions.DEFAULT);
        String raw = TestImages.run(
                "skopeo",
                "inspect",
                "--raw",
                "--tls-verify=false",
                "--creds",
                creds(),
                "docker://" + registry.host() + "/team/platforms:1.0.0");
        List<String> platforms = new ArrayList<>();
        new ObjectMapper()
                .readTree(raw)
                .path("manifests")
                .forEach(m -> platforms.add(m.path("platform").path("os").asText() + "/"
                        + m.path("platform").path("architecture").asText()));
        assertThat(platforms).containsExactly("linux/amd64", "linux/arm64");
    }

    @Test
    void arm64PullHasArm64Files() throws Exception {
        TestImages.writeBinaries(project);
        BuiltImage image = build(TestImages.twoPlatforms(project, "team/arm"));
        push(image, DockerRegistry.PASSWORD, PublishOptions.DEFAULT);
        Path pulled = project.resolve("pulled");
        TestImages.run(
                "skopeo",
                "copy",
                "--src-tls-verify=false",
                "--src-creds",
                creds(),
                "--override-arch",
                "arm64",
                "docker://" + registry.host() + "/team/arm:1.0.0",
                "dir:" + pulled);
        assertThat(TestImages.layerFile(pulled, "usr/local/bin/hello")).isEqualTo("binary for arm64\n");
    }

    @Test
    void registryDigestMatchesBuild() throws Exception {
        TestImages.writeBinaries(project);
        BuiltImage image = build(TestImages.twoPlatforms(project, "team/digest"));
        push(image, DockerRegistry.PASSWORD, PublishOptions.DEFAULT);
        String inspect = TestImages.run(
                "skopeo",
                "inspect",
                "--tls-verify=false",
                "--creds",
                creds(),
                "docker://" + registry.host() + "/team/digest:1.0.0");
        JsonNode json = new ObjectMapper().readTree(inspect);
        assertThat(json.path("Digest").asText()).isEqualTo(image.index().digest());
    }

    @Test
    void secondPushIsSkipped() throws Exception {
        TestImages.writeBinaries(project);
        BuiltImage image = build(TestImages.twoPlatforms(project, "team/again"));
        push(image, DockerRegistry.PASSWORD, PublishOptions.DEFAULT);
        List<Publication> again = push(image, DockerRegistry.PASSWORD, PublishOptions.DEFAULT);
        assertThat(again).extracting(Publication::status).containsOnly(Publication.Status.ALREADY_PUBLISHED);
    }

    @Test
    void changedReleaseTagConflicts() throws Exception {
        TestImages.writeBinaries(project);
        push(build(TestImages.twoPlatforms(project, "team/conflict")), DockerRegistry.PASSWORD, PublishOptions.DEFAULT);
        Files.writeString(project.resolve("bin/linux-arm64/hello"), "changed\n");
        BuiltImage changed = build(TestImages.twoPlatforms(project, "team/conflict"));
        assertThatThrownBy(() -> push(changed, DockerRegistry.PASSWORD, PublishOptions.DEFAULT))
                .isInstanceOf(ConflictException.class)
                .hasMessageContaining("/team/conflict:1.0.0");
    }

    @Test
    void latestTagMoves() throws Exception {
        TestImages.writeBinaries(project);
        push(
                build(TestImages.twoPlatforms(project, "team/latest").tag("latest")),
                DockerRegistry.PASSWORD,
                PublishOptions.DEFAULT);
        Files.writeString(project.resolve("bin/linux-arm64/hello"), "changed\n");
        BuiltImage changed = build(
                TestImages.twoPlatforms(project, "team/latest").creationTime(Instant.parse("2026-12-05T00:00:00Z")));
        List<Publication> result = push(
                new BuiltImage(
                        changed.name(),
                        changed.layout(),
                        changed.index(),
                        changed.manifests(),
                        List.of(dev.distribution.format.oci.ImageTag.of("latest"))),
                DockerRegistry.PASSWORD,
                PublishOptions.DEFAULT);
        assertThat(result.get(0).status()).isEqualTo(Publication.Status.REPLACED);
    }

    @Test
    void wrongPasswordIsClear() throws Exception {
        TestImages.writeBinaries(project);
        BuiltImage image = build(TestImages.twoPlatforms(project, "team/denied"));
        assertThatThrownBy(() -> push(image, "wrong-Secret-42", PublishOptions.DEFAULT))
                .isInstanceOf(PublishException.class)
                .hasMessageContaining("rejected the credentials of user 'deployer'")
                .hasMessageNotContaining("wrong-Secret-42");
    }

    @Test
    void wrongPasswordNotLogged() throws Exception {
        TestImages.writeBinaries(project);
        BuiltImage image = build(TestImages.twoPlatforms(project, "team/denied2"));
        try {
            push(image, "wrong-Secret-42", PublishOptions.DEFAULT);
        } catch (PublishException expected) {
            lines.add(expected.getMessage());
        }
        assertThat(String.join("\n", lines)).doesNotContain("wrong-Secret-42");
    }

    @Test
    void dryRunPushesNothing() throws Exception {
        TestImages.writeBinaries(project);
        BuiltImage image = build(TestImages.twoPlatforms(project, "team/dry"));
        push(image, DockerRegistry.PASSWORD, new PublishOptions(true, false));
        Path pulled = project.resolve("pulled");
        assertThatThrownBy(() -> TestImages.run(
                        "skopeo",
                        "inspect",
                        "--raw",
                        "--tls-verify=false",
                        "--creds",
                        creds(),
                        "docker://" + registry.host() + "/team/dry:1.0.0"))
                .hasMessageContaining("manifest unknown");
        assertThat(pulled).doesNotExist();
    }

    @Test
    void resetDuringUploadRecovers() throws Exception {
        TestImages.writeBinaries(project);
        byte[] large = new byte[2 * 1024 * 1024];
        new java.util.Random(7).nextBytes(large);
        Files.write(project.resolve("bin/linux-amd64/hello"), large);
        BuiltImage image = build(TestImages.twoPlatforms(project, "team/reset"));
        try (ResetProxy proxy = new ResetProxy(registry.port(), 512 * 1024)) {
            push(image, DockerRegistry.PASSWORD, PublishOptions.DEFAULT, "http://127.0.0.1:" + proxy.port());
            assertThat(proxy.resetDone()).isTrue();
        }
        Path pulled = project.resolve("pulled");
        TestImages.run(
                "skopeo",
                "copy",
                "--src-tls-verify=false",
                "--src-creds",
                creds(),
                "--override-arch",
                "amd64",
                "docker://" + registry.host() + "/team/reset:1.0.0",
                "dir:" + pulled);
        assertThat(TestImages.layerBytes(pulled, "usr/local/bin/hello")).isEqualTo(large);
    }
}
