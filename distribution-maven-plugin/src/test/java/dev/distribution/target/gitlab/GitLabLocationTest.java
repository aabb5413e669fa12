package dev.distribution.target.gitlab;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.distribution.core.InvalidConfigurationException;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Resolution of the API URL and project. No real GitLab server runs in the test environment, and these checks need none. */
class GitLabLocationTest {
    @Test
    void webUrlGivesPathProject() throws Exception {
        GitLabLocation location =
                GitLabLocation.resolve("https://gitlab.example.com/group/sub/hello", null, null, Map.of(), "<url>");

        assertThat(location).isEqualTo(new GitLabLocation("https://gitlab.example.com/api/v4", "group/sub/hello"));
    }

    @Test
    void apiUrlGivesNumericProject() throws Exception {
        GitLabLocation location =
                GitLabLocation.resolve("https://example.com/gitlab/api/v4/projects/42", null, null, Map.of(), "<url>");

        assertThat(location).isEqualTo(new GitLabLocation("https://example.com/gitlab/api/v4", "42"));
    }

    @Test
    void ciEnvironmentUsed() throws Exception {
        Map<String, String> env = Map.of("CI_API_V4_URL", "https://gitlab.example.com/api/v4", "CI_PROJECT_ID", "7");

        GitLabLocation location = GitLabLocation.resolve(null, null, null, env, "<url>");

        assertThat(location).isEqualTo(new GitLabLocation("https://gitlab.example.com/api/v4", "7"));
    }

    @Test
    void missingProjectRejected() {
        assertThatThrownBy(() -> GitLabLocation.resolve(null, null, null, Map.of(), "<url>"))
                .isInstanceOf(InvalidConfigurationException.class)
                .hasMessageContaining("<gitlab><repository>");
    }
}
