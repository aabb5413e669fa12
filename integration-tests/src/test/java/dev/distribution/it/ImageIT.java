package dev.distribution.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.distribution.it.support.DockerRegistry;
import dev.distribution.it.support.FaultProxy;
import dev.distribution.it.support.ItEnvironment;
import dev.distribution.it.support.MavenRun;
import dev.distribution.it.support.MavenSettings;
import dev.distribution.it.support.Processes;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;

/**
 * The {@code image} and {@code deploy-image} goals on the {@code image-app} sample, a picocli
 * command with a file per platform, pushed by {@code mvn deploy} as a two-platform image to
 * Debian's docker-registry with htpasswd authentication and read back with skopeo.
 */
class ImageIT {
    private static final String SERVER_ID = "it-registry";
    private static final String USER = "deployer";
    private static final String PASSWORD = "Image-IT-s3cret-2093";
    private static final String IMAGE = "team/image-app";

    private DockerRegistry registry;
    private String testName;

    @BeforeEach
    void startRegistry(TestInfo info) throws IOException {
        testName = info.getTestMethod().orElseThrow().getName();
        registry = DockerRegistry.start(ItEnvironment.freshFolder("ImageIT/" + testName + "/registry"), USER, PASSWORD);
    }

    @AfterEach
    void stopRegistry() {
        registry.close();
    }

    @Test
    void deployPushesEveryPlatform() throws Exception {
        MavenRun.BuildResult result = build(registry.url(), PASSWORD).run("deploy");

        assertThat(result.exitCode()).as(result.toString()).isZero();
        JsonNode index = new ObjectMapper().readTree(skopeo("inspect", "--raw", reference("1.0.0")));
        List<String> platforms = new ArrayList<>();
        index.path("manifests")
                .forEach(manifest ->
                        platforms.add(manifest.path("platform").path("os").asText() + "/"
                                + manifest.path("platform").path("architecture").asText()));
        assertThat(platforms).containsExactly("linux/amd64", "linux/arm64");
        assertThat(index.path("annotations")
                        .path("org.opencontainers.image.licenses")
                        .asText())
                .isEqualTo("Apache-2.0");
    }

    @Test
    void latestIsTheSameIndex() throws Exception {
        MavenRun.BuildResult result = build(registry.url(), PASSWORD).run("deploy");

        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(skopeo("inspect", "--raw", reference("latest")))
                .isEqualTo(skopeo("inspect", "--raw", reference("1.0.0")));
    }

    @Test
    void arm64PullHasItsFile() throws Exception {
        MavenRun build = build(registry.url(), PASSWORD);
        MavenRun.BuildResult result = build.run("deploy");
        Path pulled = build.workDirectory().resolve("pulled-arm64");

        skopeo("copy", "--override-arch", "arm64", reference("1.0.0"), "dir:" + pulled);

        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(layerFile(pulled, "etc/image-app/platform.txt")).isEqualTo("built for linux/arm64\n");
        assertThat(layerFile(pulled, "app/libs/picocli-4.7.7.jar")).isNotNull();
    }

    @Test
    void amd64PullHasItsFile() throws Exception {
        MavenRun build = build(registry.url(), PASSWORD);
        MavenRun.BuildResult result = build.run("deploy");
        Path pulled = build.workDirectory().resolve("pulled-amd64");

        skopeo("copy", "--override-arch", "amd64", reference("1.0.0"), "dir:" + pulled);

        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(layerFile(pulled, "etc/image-app/platform.txt")).isEqualTo("built for linux/amd64\n");
    }

    @Test
    void rerunPushesNothing() throws Exception {
        MavenRun build = build(registry.url(), PASSWORD);
        MavenRun.BuildResult first = build.run("deploy");
        String digest = digest("1.0.0");

        MavenRun.BuildResult second = build.run("clean", "deploy");

        assertThat(first.exitCode()).as(first.toString()).isZero();
        assertThat(second.exitCode()).as(second.toString()).isZero();
        assertThat(second.log()).contains("Already published, skipped: " + registry.host() + "/" + IMAGE + ":1.0.0");
        assertThat(second.log()).doesNotContain("Uploading sha256:");
        assertThat(digest("1.0.0")).isEqualTo(digest);
    }

    @Test
    void changedReleaseFailsBeforePush() throws Exception {
        MavenRun build = build(registry.url(), PASSWORD);
        MavenRun.BuildResult first = build.run("deploy");
        String digest = digest("1.0.0");
        Files.writeString(build.projectDirectory().resolve("src/main/image/linux-arm64/platform.txt"), "changed\n");

        MavenRun.BuildResult second = build.run("deploy");

        assertThat(first.exitCode()).as(first.toString()).isZero();
        assertThat(second.exitCode()).as(second.toString()).isNotZero();
        assertThat(second.log()).contains(registry.host() + "/" + IMAGE + ":1.0.0");
        assertThat(second.log()).contains(digest.substring("sha256:".length()));
        assertThat(digest("1.0.0")).isEqualTo(digest);
    }

    @Test
    void wrongPasswordIsClear() throws Exception {
        String wrong = "Wr0ng-Image-Pa55-5120";
        MavenRun build = build(registry.url(), wrong);

        MavenRun.BuildResult plain = build.run("deploy");
        MavenRun.BuildResult debug = build.arguments("-X").run("deploy");

        for (MavenRun.BuildResult result : List.of(plain, debug)) {
            assertThat(result.exitCode()).as(result.toString()).isNotZero();
            assertThat(result.log()).as(result.toString()).contains("rejected the credentials of user '" + USER + "'");
            assertThat(result.log()).as(result.toString()).contains("'" + SERVER_ID + "'");
            assertThat(result.log()).as(result.toString()).doesNotContain(wrong);
        }
    }

    @Test
    void invalidPlatformStopsBeforePush() throws Exception {
        MavenRun build = build(registry.url(), PASSWORD).property("distribution.image.platforms", "linux/x86_64");

        MavenRun.BuildResult result = build.run("deploy");

        assertThat(result.exitCode()).as(result.toString()).isNotZero();
        assertThat(result.log()).contains("Invalid value 'linux/x86_64' for <image><platforms>");
        assertThat(registry.log()).doesNotContain("PUT /v2/");
    }

    @Test
    void resetDuringUploadCompletes() throws Exception {
        long cutAfter = 150_000;
        try (FaultProxy proxy = FaultProxy.start(registry.port(), FaultProxy.resetAfter(cutAfter, 1))) {
            MavenRun build = build(proxy.url(), PASSWORD);

            MavenRun.BuildResult result = build.run("deploy");
            Path pulled = build.workDirectory().resolve("pulled");
            skopeo("copy", "--override-arch", "amd64", reference("1.0.0"), "dir:" + pulled);

            assertThat(result.exitCode()).as(result.toString()).isZero();
            assertThat(proxy.faults()).isEqualTo(1);
            // The cut hit the blob upload: its session broke, so the client started a new one.
            assertThat(result.log()).contains("starting a new upload session");
            assertThat(layerFile(pulled, "app/libs/picocli-4.7.7.jar")).isNotNull();
            assertThat(layerFile(pulled, "etc/image-app/platform.txt")).isEqualTo("built for linux/amd64\n");
        }
    }

    /** Copies the sample with its registry URL set to {@code url}. */
    private MavenRun build(String url, String password) throws IOException {
        return MavenRun.of("image-app", "ImageIT/" + testName + "/build", Map.of("REGISTRY_URL", url))
                .settings(new MavenSettings().server(SERVER_ID, USER, password));
    }

    private String reference(String tag) {
        return "docker://" + registry.host() + "/" + IMAGE + ":" + tag;
    }

    private String digest(String tag) throws IOException {
        return new ObjectMapper()
                .readTree(skopeo("inspect", reference(tag)))
                .path("Digest")
                .asText();
    }

    /** Runs skopeo against the test registry with its credentials and returns the output. */
    private String skopeo(String command, String... arguments) throws IOException {
        List<String> line = new ArrayList<>(List.of("skopeo", command));
        if (command.equals("copy")) {
            line.addAll(List.of("--src-tls-verify=false", "--src-creds", USER + ":" + PASSWORD));
        } else {
            line.addAll(List.of("--tls-verify=false", "--creds", USER + ":" + PASSWORD));
        }
        line.addAll(List.of(arguments));
        Processes.Result result = Processes.run(line, ItEnvironment.workDirectory(), Duration.ofMinutes(2));
        assertThat(result.exitCode())
                .as(String.join(" ", line) + "\n" + result.output())
                .isZero();
        return result.output();
    }

    /**
     * Returns the text of {@code path} from the gzip layers of a {@code skopeo copy dir:} result,
     * or null when no layer has it.
     */
    private static String layerFile(Path dir, String path) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            for (Path blob : files.filter(file -> file.getFileName().toString().matches("[0-9a-f]{64}"))
                    .sorted()
                    .toList()) {
                String found = findInLayer(blob, path);
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }

    private static String findInLayer(Path blob, String path) throws IOException {
        try (InputStream raw = Files.newInputStream(blob)) {
            if (raw.read() != 0x1f || raw.read() != 0x8b) {
                return null;
            }
        }
        try (TarArchiveInputStream in = new TarArchiveInputStream(new GZIPInputStream(Files.newInputStream(blob)))) {
            TarArchiveEntry entry;
            while ((entry = in.getNextEntry()) != null) {
                if (entry.getName()
                        .replaceFirst("^\\./", "")
                        .replaceFirst("^/", "")
                        .equals(path)) {
                    return new String(in.readAllBytes(), StandardCharsets.UTF_8);
                }
            }
        }
        return null;
    }
}
