package dev.distribution.target.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.distribution.core.InvalidConfigurationException;
import dev.distribution.core.Redactor;
import dev.distribution.core.Reporter;
import dev.distribution.http.Credentials;
import dev.distribution.http.HttpTransport;
import dev.distribution.http.TransportSettings;
import dev.distribution.testing.RecordingServer;
import dev.distribution.testing.RecordingServer.Request;
import dev.distribution.testing.RecordingServer.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Contract tests of the registry client's token authentication, as Nexus docker hosted and other
 * registries ask for it: 401 with a Bearer challenge, a token from the realm, the request again.
 */
class RegistryClientTokenTest {
    private RecordingServer server;
    private HttpTransport http;

    @BeforeEach
    void start() throws Exception {
        server = RecordingServer.start();
        http = new HttpTransport(TransportSettings.builder().maxAttempts(1).build(), Reporter.SILENT, new Redactor());
    }

    @AfterEach
    void stop() {
        http.close();
        server.close();
    }

    private boolean checkBlob() throws Exception {
        String challenge = "Bearer realm=\"" + server.url() + "/v2/token\",service=\"registry\"";
        server.on(
                "HEAD", "/v2/team/hello/blobs/sha256:abc", Response.of(401).withHeader("WWW-Authenticate", challenge));
        server.on("GET", "/v2/token", Response.of(200, "{\"token\":\"t0ken\"}"));
        server.on("HEAD", "/v2/team/hello/blobs/sha256:abc", Response.of(200));
        RegistryEndpoint endpoint = RegistryEndpoint.parse(server.url() + "/team", true, "<url>");
        RegistryClient registry = new RegistryClient(
                endpoint,
                endpoint.repositoryName("hello"),
                new Credentials.Basic("ci", "pw", "test"),
                http,
                Reporter.SILENT);
        return registry.hasBlob("sha256:abc");
    }

    @Test
    void retriesWithToken() throws Exception {
        assertThat(checkBlob()).isTrue();
    }

    @Test
    void asksRealmForPushScope() throws Exception {
        checkBlob();
        Request token = server.requests("GET").get(0);
        assertThat(token.rawQuery()).isEqualTo("service=registry&scope=repository%3Ateam%2Fhello%3Apull%2Cpush");
    }

    @Test
    void sendsBasicToRealm() throws Exception {
        checkBlob();
        assertThat(server.requests("GET").get(0).header("Authorization")).startsWith("Basic ");
    }

    @Test
    void sendsTokenOnRetry() throws Exception {
        checkBlob();
        assertThat(server.requests("HEAD").get(1).header("Authorization")).isEqualTo("Bearer t0ken");
    }

    @Test
    void parsesHostWithoutScheme() throws Exception {
        assertThat(RegistryEndpoint.parse("registry.example.com:8443/team", false, "<url>")
                        .ociReference("hello"))
                .isEqualTo("oci://registry.example.com:8443/team/hello");
    }

    @Test
    void defaultsToHttps() throws Exception {
        assertThat(RegistryEndpoint.parse("registry.example.com", false, "<url>")
                        .baseUri())
                .hasToString("https://registry.example.com");
    }

    @Test
    void rejectsUppercaseNamespace() {
        assertThatThrownBy(() ->
                        RegistryEndpoint.parse("registry.example.com/Team", false, "<repositories><repository><url>"))
                .isInstanceOf(InvalidConfigurationException.class)
                .hasMessageContaining("lower case");
    }
}
