package dev.distribution.target.github;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.distribution.core.InvalidConfigurationException;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Resolution of the API URL and repository. No real GitHub server runs in the test environment, and these checks need none. */
class GitHubLocationTest {
    @Test
    void githubComUsesPublicApi() throws Exception {
        GitHubLocation location = GitHubLocation.resolve("https://github.com/acme/hello.git", null, Map.of(), "<url>");

        assertThat(location.apiUrl()).isEqualTo("https://api.github.com");
        assertThat(location.repository()).isEqualTo("acme/hello");
    }

    @Test
    void enterpriseServerUsesApiV3() throws Exception {
        GitHubLocation location = GitHubLocation.resolve("https://ghe.example.com/acme/hello", null, Map.of(), "<url>");

        assertThat(location.apiUrl()).isEqualTo("https://ghe.example.com/api/v3");
    }

    @Test
    void actionsEnvironmentUsed() throws Exception {
        Map<String, String> env =
                Map.of("GITHUB_REPOSITORY", "acme/hello", "GITHUB_API_URL", "https://ghe.example.com/api/v3");

        GitHubLocation location = GitHubLocation.resolve(null, null, env, "<url>");

        assertThat(location).isEqualTo(new GitHubLocation("https://ghe.example.com/api/v3", "acme/hello"));
    }

    @Test
    void missingRepositoryRejected() {
        assertThatThrownBy(() -> GitHubLocation.resolve(null, null, Map.of(), "<url>"))
                .isInstanceOf(InvalidConfigurationException.class)
                .hasMessageContaining("<github><repository>");
    }

    @Test
    void urlWithoutOwnerRejected() {
        assertThatThrownBy(() -> GitHubLocation.resolve("https://github.com/acme", null, Map.of(), "<url>"))
                .isInstanceOf(InvalidConfigurationException.class)
                .hasMessageContaining("https://github.com/acme");
    }

    @Test
    void expectedNameReplacesSpaces() {
        assertThat(AssetFiles.expectedName("my app (linux).tar.gz")).isEqualTo("my.app.linux.tar.gz");
    }

    @Test
    void contentTypeOfPackages() {
        assertThat(AssetFiles.contentType("hello_1.0_amd64.deb")).isEqualTo("application/vnd.debian.binary-package");
        assertThat(AssetFiles.contentType("hello-1.0-1.x86_64.rpm")).isEqualTo("application/x-rpm");
        assertThat(AssetFiles.contentType("hello-1.0-py3-none-any.whl")).isEqualTo("application/zip");
        assertThat(AssetFiles.contentType("SHA256SUMS")).isEqualTo("text/plain");
    }
}
