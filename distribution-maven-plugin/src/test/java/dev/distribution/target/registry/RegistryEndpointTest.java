package dev.distribution.target.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.distribution.core.InvalidConfigurationException;
import org.junit.jupiter.api.Test;

class RegistryEndpointTest {
    @Test
    void portConnector() throws Exception {
        RegistryEndpoint endpoint = RegistryEndpoint.parse("nexus.example.com:8082", false, "<url>");
        assertThat(endpoint.reference("team/hello", "1.0")).isEqualTo("nexus.example.com:8082/team/hello:1.0");
    }

    @Test
    void portConnectorUsesHttps() throws Exception {
        RegistryEndpoint endpoint = RegistryEndpoint.parse("nexus.example.com:8082", false, "<url>");
        assertThat(endpoint.baseUri().toString()).isEqualTo("https://nexus.example.com:8082");
    }

    @Test
    void nexusPathRouting() throws Exception {
        RegistryEndpoint endpoint =
                RegistryEndpoint.parse("https://nexus.example.com/repository/devops_images/", false, "<url>");
        assertThat(endpoint.reference("app", "1.0")).isEqualTo("nexus.example.com/devops_images/app:1.0");
    }

    @Test
    void nexusPathRoutingApiBase() throws Exception {
        RegistryEndpoint endpoint =
                RegistryEndpoint.parse("https://nexus.example.com/repository/devops_images/", false, "<url>");
        assertThat(endpoint.baseUri().toString()).isEqualTo("https://nexus.example.com");
    }

    @Test
    void plainHttpNeedsPermission() {
        assertThatThrownBy(() -> RegistryEndpoint.parse("http://127.0.0.1:5000", false, "<url>"))
                .isInstanceOf(InvalidConfigurationException.class)
                .hasMessageContaining("allowInsecureRegistry");
    }

    @Test
    void plainHttpAllowed() throws Exception {
        assertThat(RegistryEndpoint.parse("http://127.0.0.1:5000", true, "<url>")
                        .insecure())
                .isTrue();
    }

    @Test
    void upperCaseRepositoryRejected() {
        assertThatThrownBy(() -> RegistryEndpoint.parse("https://nexus/repository/Docker-Hosted/", false, "<url>"))
                .isInstanceOf(InvalidConfigurationException.class)
                .hasMessageContaining("Docker-Hosted");
    }

    @Test
    void credentialsInUrlRejected() {
        assertThatThrownBy(() -> RegistryEndpoint.parse("https://user:hunter22@nexus:8082", false, "<url>"))
                .isInstanceOf(InvalidConfigurationException.class)
                .hasMessageNotContaining("hunter22");
    }
}
