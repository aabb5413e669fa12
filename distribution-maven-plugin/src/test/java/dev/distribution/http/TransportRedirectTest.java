package dev.distribution.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.distribution.http.ScriptedServer.Reply;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class TransportRedirectTest {
    private ScriptedServer origin;
    private ScriptedServer other;
    private TransportFixture fixture;

    private static final Credentials BASIC = new Credentials.Basic("deployer", "redirect-pw", "test");

    @BeforeEach
    void start() throws Exception {
        origin = ScriptedServer.start();
        other = ScriptedServer.start();
        fixture = new TransportFixture();
    }

    @AfterEach
    void stop() {
        fixture.close();
        origin.close();
        other.close();
    }

    @Test
    void getFollowsSameOrigin() throws Exception {
        origin.reply(Reply.withHeader(302, "Location", "/moved"), Reply.of(200, "here"));
        HttpResponse response = fixture.transport.execute(
                HttpRequest.get(origin.url("/a")).credentials(BASIC).build());
        assertThat(response.body()).isEqualTo("here");
    }

    @Test
    void sameOriginKeepsAuthorization() throws Exception {
        origin.reply(Reply.withHeader(301, "Location", "/moved"), Reply.of(200));
        fixture.transport.execute(
                HttpRequest.get(origin.url("/a")).credentials(BASIC).build());
        assertThat(origin.received().get(1).header("Authorization")).isNotNull();
    }

    @Test
    void otherHostGetsNoAuthorization() throws Exception {
        origin.reply(Reply.withHeader(302, "Location", other.url("/blob").toString()));
        fixture.transport.execute(
                HttpRequest.get(origin.url("/a")).credentials(BASIC).build());
        assertThat(other.received().get(0).header("Authorization")).isNull();
    }

    @Test
    void otherHostGetsNoTokenHeader() throws Exception {
        origin.reply(Reply.withHeader(307, "Location", other.url("/blob").toString()));
        fixture.transport.execute(HttpRequest.get(origin.url("/a"))
                .credentials(new Credentials.Header("PRIVATE-TOKEN", "glpat-1", "test"))
                .build());
        assertThat(other.received().get(0).header("PRIVATE-TOKEN")).isNull();
    }

    @Test
    void otherHostGetsNoManualTokenHeader() throws Exception {
        origin.reply(Reply.withHeader(307, "Location", other.url("/blob").toString()));
        fixture.transport.execute(HttpRequest.get(origin.url("/a"))
                .header("JOB-TOKEN", "job-1")
                .header("Accept", "application/json")
                .build());
        assertThat(other.received().get(0).header("JOB-TOKEN")).isNull();
        assertThat(other.received().get(0).header("Accept")).isEqualTo("application/json");
    }

    @Test
    void backToOriginStaysWithoutAuthorization() throws Exception {
        origin.reply(Reply.withHeader(302, "Location", other.url("/hop").toString()), Reply.of(200));
        other.reply(Reply.withHeader(302, "Location", origin.url("/final").toString()));
        fixture.transport.execute(
                HttpRequest.get(origin.url("/a")).credentials(BASIC).build());
        assertThat(origin.received().get(1).header("Authorization")).isNull();
    }

    @Test
    void putFollows307WithBody() throws Exception {
        origin.reply(Reply.withHeader(307, "Location", "/elsewhere/a.txt"), Reply.of(201));
        HttpResponse response = fixture.transport.execute(
                HttpRequest.put(origin.url("/a.txt"), RequestBody.ofString("payload", "text/plain"))
                        .build());
        assertThat(response.status()).isEqualTo(201);
        assertThat(origin.received().get(1).body()).asString().isEqualTo("payload");
    }

    @Test
    void putFollows308ToOtherHostWithoutCredentials() throws Exception {
        origin.reply(Reply.withHeader(308, "Location", other.url("/a.txt").toString()));
        fixture.transport.execute(HttpRequest.put(origin.url("/a.txt"), RequestBody.ofString("p", "text/plain"))
                .credentials(BASIC)
                .build());
        assertThat(other.received().get(0).header("Authorization")).isNull();
    }

    @Test
    void putDoesNotFollow302() throws Exception {
        origin.reply(Reply.withHeader(302, "Location", "/elsewhere"));
        HttpResponse response =
                fixture.transport.execute(HttpRequest.put(origin.url("/a.txt"), RequestBody.ofString("p", "text/plain"))
                        .build());
        assertThat(response.status()).isEqualTo(302);
    }

    @Test
    void headFollows303AsHead() throws Exception {
        origin.reply(Reply.withHeader(303, "Location", "/other"), Reply.of(200));
        fixture.transport.execute(HttpRequest.head(origin.url("/a")).build());
        assertThat(origin.received().get(1).method()).isEqualTo("HEAD");
    }

    @Test
    void redirectLoopStops() throws Exception {
        for (int i = 0; i < 20; i++) {
            origin.reply(Reply.withHeader(302, "Location", "/loop"));
        }
        HttpResponse response =
                fixture.transport.execute(HttpRequest.get(origin.url("/loop")).build());
        assertThat(response.status()).isEqualTo(302);
    }
}
