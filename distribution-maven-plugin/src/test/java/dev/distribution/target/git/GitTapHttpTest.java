package dev.distribution.target.git;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.distribution.core.PublishException;
import dev.distribution.core.Redactor;
import dev.distribution.core.Reporter;
import dev.distribution.http.Credentials;
import java.nio.file.Path;
import java.util.Map;
import org.eclipse.jgit.lib.PersonIdent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Pushes over smart HTTP to Apache and git http-backend, which require Basic authentication to push. */
class GitTapHttpTest {
    private static final PersonIdent AUTHOR = new PersonIdent("Release Bot", "release@example.com");

    @TempDir
    Path folder;

    @Test
    void pushWithToken() throws Exception {
        GitCli.bare(folder.resolve("repos"), "homebrew-tap.git");
        git(folder.resolve("repos/homebrew-tap.git"), "config", "http.receivepack", "true");
        try (GitHttpServer server = GitHttpServer.serve(folder, GitTap.TOKEN_USER, "glpat-token-1")) {
            String url = server.url("homebrew-tap.git");
            GitTap tap = new GitTap(
                    url,
                    null,
                    new Credentials.Bearer("glpat-token-1", "test"),
                    folder.resolve("work"),
                    Reporter.SILENT,
                    new Redactor());

            GitTap.Result result = tap.publish(Map.of("Formula/hello.rb", "v1\n"), "hello 1.0", AUTHOR);

            Path clone = GitCli.cloneOf(url, folder.resolve("check"));
            assertThat(result.changed()).isTrue();
            assertThat(clone.resolve("Formula/hello.rb")).hasContent("v1");
        }
    }

    @Test
    void wrongTokenFailsRedacted() throws Exception {
        GitCli.bare(folder.resolve("repos"), "homebrew-tap.git");
        git(folder.resolve("repos/homebrew-tap.git"), "config", "http.receivepack", "true");
        Redactor redactor = new Redactor();
        try (GitHttpServer server = GitHttpServer.serve(folder, GitTap.TOKEN_USER, "glpat-token-1")) {
            GitTap tap = new GitTap(
                    server.url("homebrew-tap.git"),
                    null,
                    new Credentials.Bearer("wrong-token-9", "test"),
                    folder.resolve("work"),
                    Reporter.SILENT,
                    redactor);

            assertThatThrownBy(() -> tap.publish(Map.of("Formula/hello.rb", "v1\n"), "hello 1.0", AUTHOR))
                    .isInstanceOf(PublishException.class)
                    .hasMessageContaining(server.url("homebrew-tap.git"))
                    .satisfies(e -> assertThat(e.getMessage()).doesNotContain("wrong-token-9"));
        }
    }

    private static void git(Path repository, String... arguments) throws Exception {
        GitCli.git(repository, arguments);
    }
}
