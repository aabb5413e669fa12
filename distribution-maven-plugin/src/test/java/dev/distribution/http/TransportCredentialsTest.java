package dev.distribution.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.distribution.http.ScriptedServer.Reply;
import java.net.URI;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class TransportCredentialsTest {
    private ScriptedServer server;
    private TransportFixture fixture;

    @BeforeEach
    void start() throws Exception {
        server = ScriptedServer.start();
        fixture = new TransportFixture();
    }

    @AfterEach
    void stop() {
        fixture.close();
        server.close();
    }

    @Test
    void basicSentPreemptively() throws Exception {
        Credentials basic = new Credentials.Basic("deployer", "s3cret-pw", "settings.xml <server> 'nexus'");
        fixture.transport.execute(
                HttpRequest.get(server.url("/a")).credentials(basic).build());
        assertThat(server.received().get(0).header("Authorization")).isEqualTo("Basic ZGVwbG95ZXI6czNjcmV0LXB3");
    }

    @Test
    void bearerSent() throws Exception {
        fixture.transport.execute(HttpRequest.get(server.url("/a"))
                .credentials(new Credentials.Bearer("tok-abc", "env GITHUB_TOKEN"))
                .build());
        assertThat(server.received().get(0).header("Authorization")).isEqualTo("Bearer tok-abc");
    }

    @Test
    void privateTokenSent() throws Exception {
        fixture.transport.execute(HttpRequest.get(server.url("/a"))
                .credentials(new Credentials.Header("PRIVATE-TOKEN", "glpat-xyz", "settings.xml <server> 'gl'"))
                .build());
        assertThat(server.received().get(0).header("PRIVATE-TOKEN")).isEqualTo("glpat-xyz");
    }

    @Test
    void jobTokenSentWithoutAuthorization() throws Exception {
        fixture.transport.execute(HttpRequest.get(server.url("/a"))
                .credentials(new Credentials.Header("JOB-TOKEN", "job-123", "env CI_JOB_TOKEN"))
                .build());
        assertThat(server.received().get(0).header("Authorization")).isNull();
    }

    @Test
    void userInfoBecomesBasic() throws Exception {
        URI url = URI.create("http://ui-user:ui-pass@127.0.0.1:" + server.port() + "/a");
        fixture.transport.execute(HttpRequest.get(url).build());
        assertThat(server.received().get(0).header("Authorization")).isEqualTo("Basic dWktdXNlcjp1aS1wYXNz");
    }

    @Test
    void secretsAbsentFromDebugLog() throws Exception {
        Credentials basic = new Credentials.Basic("deployer", "s3cret-pw", "settings.xml <server> 'nexus'");
        fixture.transport.execute(
                HttpRequest.get(server.url("/a")).credentials(basic).build());
        assertThat(String.join("\n", fixture.reporter.allLines()))
                .doesNotContain("s3cret-pw")
                .doesNotContain("ZGVwbG95ZXI6czNjcmV0LXB3");
    }

    @Test
    void debugLogMasksAuthorization() throws Exception {
        Credentials basic = new Credentials.Basic("deployer", "s3cret-pw", "settings.xml <server> 'nexus'");
        fixture.transport.execute(
                HttpRequest.get(server.url("/a")).credentials(basic).build());
        assertThat(fixture.reporter.debug).anyMatch(line -> line.contains("Authorization: ****"));
    }

    @Test
    void debugLogHasMethodUrlStatus() throws Exception {
        server.reply(Reply.of(201));
        fixture.transport.execute(HttpRequest.put(server.url("/raw/a.txt"), RequestBody.ofString("x", "text/plain"))
                .build());
        assertThat(fixture.reporter.debug)
                .anyMatch(
                        line -> line.matches("HTTP PUT " + server.url("/raw/a.txt") + " -> 201 Created in \\d+ ms.*"));
    }

    @Test
    void debugLogMasksCustomHeader() throws Exception {
        fixture.transport.execute(HttpRequest.get(server.url("/a"))
                .credentials(new Credentials.Header("X-Custom-Auth", "custom-secret", "test"))
                .build());
        assertThat(String.join("\n", fixture.reporter.debug)).doesNotContain("custom-secret");
    }

    @Test
    void secretAbsentFromException() throws Exception {
        server.reply(Reply.of(401, "bad credentials for user deployer with password s3cret-pw"));
        Credentials basic = new Credentials.Basic("deployer", "s3cret-pw", "settings.xml <server> 'nexus'");
        assertThatThrownBy(() -> fixture.transport.executeOrThrow(
                        HttpRequest.get(server.url("/a")).credentials(basic).build()))
                .isInstanceOf(TransportException.class)
                .message()
                .doesNotContain("s3cret-pw");
    }

    @Test
    void userInfoMaskedInMessages() throws Exception {
        server.reply(Reply.of(404));
        URI url = URI.create("http://ui-user:ui-pass@127.0.0.1:" + server.port() + "/a");
        assertThatThrownBy(() ->
                        fixture.transport.executeOrThrow(HttpRequest.get(url).build()))
                .isInstanceOf(TransportException.class)
                .message()
                .doesNotContain("ui-pass");
    }

    @Test
    void userInfoAbsentFromLog() throws Exception {
        URI url = URI.create("http://ui-user:ui-pass@127.0.0.1:" + server.port() + "/a");
        fixture.transport.execute(HttpRequest.get(url).build());
        assertThat(String.join("\n", fixture.reporter.allLines())).doesNotContain("ui-pass");
    }

    @Test
    void debugLogKeepsPlainHeaders() throws Exception {
        fixture.transport.execute(HttpRequest.put(server.url("/a"), RequestBody.ofString("abc", "text/plain"))
                .credentials(new Credentials.Header("PRIVATE-TOKEN", "glpat-xyz", "test"))
                .header("X-Trace", "t-1")
                .build());
        assertThat(fixture.reporter.debug.get(0)).contains("X-Trace: t-1, Content-Length: 3, PRIVATE-TOKEN: ****");
    }
}
