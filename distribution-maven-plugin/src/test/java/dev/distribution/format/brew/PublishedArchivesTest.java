package dev.distribution.format.brew;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.distribution.core.InvalidConfigurationException;
import dev.distribution.core.Platform;
import dev.distribution.core.Publication;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class PublishedArchivesTest {
    private static final Path BUILD = Path.of("/build/target/distribution/raw");
    private static final Path ARM = BUILD.resolve("hello-1.0-darwin-arm64.tar.gz");
    private static final Path ARM_ZIP = BUILD.resolve("hello-1.0-darwin-arm64.zip");
    private static final Path LINUX = BUILD.resolve("hello-1.0-linux-amd64.tar.gz");

    @Test
    void picksTarGzPerPlatform() throws Exception {
        List<Formula.Download> downloads = PublishedArchives.select(
                List.of(published("nexus", ARM_ZIP, "z"), published("nexus", ARM, "a"), published("nexus", LINUX, "l")),
                List.of(ARM, ARM_ZIP, LINUX),
                null,
                null,
                null,
                "1.0",
                "<brew>");

        assertThat(downloads)
                .containsExactly(
                        new Formula.Download(
                                new Platform("darwin", "arm64"), "https://repo/hello-1.0-darwin-arm64.tar.gz", "a"),
                        new Formula.Download(
                                new Platform("linux", "amd64"), "https://repo/hello-1.0-linux-amd64.tar.gz", "l"));
    }

    @Test
    void templateBuildsUrl() throws Exception {
        List<Formula.Download> downloads = PublishedArchives.select(
                List.of(published("nexus", ARM, "a")),
                List.of(ARM),
                null,
                List.of(new Platform("darwin", "arm64")),
                "https://github.com/acme/hello/releases/download/v{version}/{file}",
                "1.0",
                "<brew>");

        assertThat(downloads.get(0).url())
                .isEqualTo("https://github.com/acme/hello/releases/download/v1.0/hello-1.0-darwin-arm64.tar.gz");
    }

    @Test
    void platformWithoutArchiveRejected() {
        assertThatThrownBy(() -> PublishedArchives.select(
                        List.of(published("nexus", ARM, "a")),
                        List.of(ARM),
                        null,
                        List.of(new Platform("darwin", "arm64"), new Platform("linux", "arm64")),
                        null,
                        "1.0",
                        "<brew>"))
                .isInstanceOf(InvalidConfigurationException.class)
                .hasMessageContaining("Invalid value 'linux/arm64' for <brew><platforms>")
                .hasMessageContaining("hello-1.0-darwin-arm64.tar.gz")
                .hasMessageContaining("Add linux/arm64 to <archive><platforms>");
    }

    @Test
    void twoRepositoriesNeedChoice() {
        assertThatThrownBy(() -> PublishedArchives.select(
                        List.of(published("nexus", ARM, "a"), published("github", ARM, "a")),
                        List.of(ARM),
                        null,
                        null,
                        null,
                        "1.0",
                        "<brew>"))
                .isInstanceOf(InvalidConfigurationException.class)
                .hasMessageContaining("<brew><archiveRepository>");
    }

    @Test
    void nothingPublishedRejected() {
        assertThatThrownBy(() -> PublishedArchives.select(List.of(), List.of(ARM), null, null, null, "1.0", "<brew>"))
                .isInstanceOf(InvalidConfigurationException.class)
                .hasMessageContaining("Run the archive and deploy-raw goals");
    }

    private static Publication published(String repository, Path file, String sha256) {
        return new Publication(
                repository,
                file.toString(),
                "https://repo/" + file.getFileName(),
                sha256,
                1,
                Publication.Status.UPLOADED);
    }
}
