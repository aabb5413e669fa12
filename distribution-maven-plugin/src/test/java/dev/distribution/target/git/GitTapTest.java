package dev.distribution.target.git;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.distribution.core.PublishException;
import dev.distribution.core.Redactor;
import dev.distribution.core.Reporter;
import dev.distribution.http.Credentials;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.lib.PersonIdent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GitTapTest {
    private static final PersonIdent AUTHOR = new PersonIdent("Release Bot", "release@example.com");
    private static final String FORMULA = "Formula/hello.rb";

    @TempDir
    Path folder;

    @Test
    void pushOverFileUrl() throws Exception {
        Path remote = GitCli.bare(folder.resolve("remote"), "homebrew-tap.git");

        GitTap.Result result = tap(remote.toUri().toString()).publish(Map.of(FORMULA, "v1\n"), "hello 1.0", AUTHOR);

        Path clone = GitCli.cloneOf(remote.toUri().toString(), folder.resolve("check"));
        assertThat(result.changed()).isTrue();
        assertThat(Files.readString(clone.resolve(FORMULA))).isEqualTo("v1\n");
        assertThat(GitCli.git(clone, "log", "-1", "--format=%an <%ae> %s").trim())
                .isEqualTo("Release Bot <release@example.com> hello 1.0");
    }

    @Test
    void pushOverGitDaemon() throws Exception {
        Path base = folder.resolve("served");
        GitCli.bare(base, "homebrew-tap.git");
        try (GitDaemon daemon = GitDaemon.serve(base)) {
            String url = daemon.url("homebrew-tap.git");

            tap(url).publish(Map.of(FORMULA, "v1\n"), "hello 1.0", AUTHOR);

            Path clone = GitCli.cloneOf(url, folder.resolve("check"));
            assertThat(Files.readString(clone.resolve(FORMULA))).isEqualTo("v1\n");
        }
    }

    @Test
    void unchangedMakesNoCommit() throws Exception {
        Path remote = GitCli.bare(folder.resolve("remote"), "homebrew-tap.git");
        String url = remote.toUri().toString();
        tap(url).publish(Map.of(FORMULA, "v1\n"), "hello 1.0", AUTHOR);

        GitTap.Result second = tap(url).publish(Map.of(FORMULA, "v1\n"), "hello 1.0", AUTHOR);

        assertThat(second.changed()).isFalse();
        assertThat(GitCli.commitCount(remote, "main")).isEqualTo(1);
    }

    @Test
    void changeIsOneCommit() throws Exception {
        Path remote = GitCli.bare(folder.resolve("remote"), "homebrew-tap.git");
        String url = remote.toUri().toString();
        tap(url).publish(Map.of(FORMULA, "v1\n"), "hello 1.0", AUTHOR);

        tap(url).publish(Map.of(FORMULA, "v2\n", "Formula/other.rb", "x\n"), "hello 2.0", AUTHOR);

        assertThat(GitCli.commitCount(remote, "main")).isEqualTo(2);
        assertThat(GitCli.git(remote, "show", "--name-only", "--format=%s", "main")
                        .trim())
                .isEqualTo("hello 2.0\n\nFormula/hello.rb\nFormula/other.rb");
    }

    @Test
    void keepsOtherFormulae() throws Exception {
        Path remote = GitCli.bare(folder.resolve("remote"), "homebrew-tap.git");
        String url = remote.toUri().toString();
        Path other = GitCli.cloneOf(url, folder.resolve("other"));
        Files.createDirectories(other.resolve("Formula"));
        Files.writeString(other.resolve("Formula/tool.rb"), "tool\n");
        GitCli.git(other, "add", ".");
        GitCli.git(other, "commit", "-q", "-m", "tool 1.0");
        GitCli.git(other, "push", "-q", "origin", "HEAD:main");

        tap(url).publish(Map.of(FORMULA, "v1\n"), "hello 1.0", AUTHOR);

        Path clone = GitCli.cloneOf(url, folder.resolve("check"));
        assertThat(clone.resolve("Formula/tool.rb")).hasContent("tool");
    }

    @Test
    void retriesAfterConcurrentPush() throws Exception {
        Path remote = GitCli.bare(folder.resolve("remote"), "homebrew-tap.git");
        String url = remote.toUri().toString();
        tap(url).publish(Map.of(FORMULA, "v1\n"), "hello 1.0", AUTHOR);
        GitTap racing = new RacingTap(url, folder, 1);

        GitTap.Result result = racing.publish(Map.of(FORMULA, "v2\n"), "hello 2.0", AUTHOR);

        Path clone = GitCli.cloneOf(url, folder.resolve("check"));
        assertThat(result.changed()).isTrue();
        assertThat(clone.resolve(FORMULA)).hasContent("v2");
        assertThat(clone.resolve("Formula/racer-1.rb")).exists();
        assertThat(GitCli.git(clone, "log", "--format=%s").trim()).isEqualTo("hello 2.0\nracer 1\nhello 1.0");
    }

    @Test
    void failsWhenRejectedTwice() throws Exception {
        Path remote = GitCli.bare(folder.resolve("remote"), "homebrew-tap.git");
        String url = remote.toUri().toString();
        tap(url).publish(Map.of(FORMULA, "v1\n"), "hello 1.0", AUTHOR);
        GitTap racing = new RacingTap(url, folder, 2);

        assertThatThrownBy(() -> racing.publish(Map.of(FORMULA, "v2\n"), "hello 2.0", AUTHOR))
                .isInstanceOf(PublishException.class)
                .hasMessageContaining("REJECTED_NONFASTFORWARD, again after a fresh fetch");
        assertThat(GitCli.git(remote, "log", "--format=%s", "main").trim()).isEqualTo("racer 2\nracer 1\nhello 1.0");
    }

    @Test
    void hookRejectionFailsClearly() throws Exception {
        // Served by git daemon, because JGit pushes to file:// URLs in-process and runs no hooks.
        Path base = folder.resolve("served");
        Path remote = GitCli.bare(base, "homebrew-tap.git");
        Path hook = remote.resolve("hooks/pre-receive");
        Files.writeString(hook, "#!/bin/sh\necho 'formula changes need review' >&2\nexit 1\n");
        hook.toFile().setExecutable(true);
        try (GitDaemon daemon = GitDaemon.serve(base)) {
            GitTap tap = tap(daemon.url("homebrew-tap.git"));

            assertThatThrownBy(() -> tap.publish(Map.of(FORMULA, "v1\n"), "hello 1.0", AUTHOR))
                    .isInstanceOf(PublishException.class)
                    .hasMessageContaining("REJECTED_OTHER_REASON")
                    .hasMessageContaining("Check that the credentials may push to this branch");
        }
        assertThat(GitCli.git(remote, "for-each-ref").trim()).isEmpty();
    }

    @Test
    void unreachableTapNamesUrl() throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = socket.getLocalPort();
        }
        String url = "git://127.0.0.1:" + port + "/homebrew-tap.git";

        assertThatThrownBy(() -> tap(url).publish(Map.of(FORMULA, "v1\n"), "hello 1.0", AUTHOR))
                .isInstanceOf(PublishException.class)
                .hasMessageContaining("Cannot clone the tap " + url)
                .hasMessageContaining("Check the URL");
    }

    @Test
    void checkChangesNothing() throws Exception {
        Path remote = GitCli.bare(folder.resolve("remote"), "homebrew-tap.git");

        String branch = tap(remote.toUri().toString()).check();

        assertThat(branch).isEqualTo("main");
        assertThat(GitCli.git(remote, "for-each-ref").trim()).isEmpty();
    }

    @Test
    void checkFailsForUnreachableTap() throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = socket.getLocalPort();
        }

        assertThatThrownBy(() ->
                        tap("git://127.0.0.1:" + port + "/homebrew-tap.git").check())
                .isInstanceOf(PublishException.class)
                .hasMessageContaining("Cannot clone the tap");
    }

    @Test
    void missingBranchRejected() throws Exception {
        Path remote = GitCli.bare(folder.resolve("remote"), "homebrew-tap.git");
        String url = remote.toUri().toString();
        tap(url).publish(Map.of(FORMULA, "v1\n"), "hello 1.0", AUTHOR);
        GitTap tap = new GitTap(
                url, "release", new Credentials.None(), folder.resolve("work"), Reporter.SILENT, new Redactor());

        assertThatThrownBy(() -> tap.publish(Map.of(FORMULA, "v1\n"), "hello 1.0", AUTHOR))
                .isInstanceOf(PublishException.class)
                .hasMessageContaining("has no branch 'release'");
    }

    @Test
    void tokenNotInMessage() throws Exception {
        Redactor redactor = new Redactor();
        int port;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = socket.getLocalPort();
        }
        GitTap tap = new GitTap(
                "http://127.0.0.1:" + port + "/homebrew-tap.git",
                null,
                new Credentials.Bearer("tok-123456", "test"),
                folder.resolve("work"),
                Reporter.SILENT,
                redactor);

        assertThatThrownBy(() -> tap.publish(Map.of(FORMULA, "v1\n"), "hello 1.0", AUTHOR))
                .isInstanceOf(PublishException.class)
                .satisfies(e -> assertThat(redactor.redact(e.getMessage())).doesNotContain("tok-123456"));
    }

    @Test
    void localTapCreatedOnce() throws Exception {
        String first = LocalTap.ensure(folder.resolve("brew"), "tools");
        tap(first).publish(Map.of(FORMULA, "v1\n"), "hello 1.0", AUTHOR);

        String second = LocalTap.ensure(folder.resolve("brew"), "tools");

        assertThat(second).isEqualTo(first);
        assertThat(GitCli.commitCount(folder.resolve("brew/homebrew-tools.git"), "main"))
                .isEqualTo(1);
    }

    private GitTap tap(String url) {
        return new GitTap(url, null, new Credentials.None(), folder.resolve("work"), Reporter.SILENT, new Redactor());
    }

    /** A tap where another client pushes a commit just before each of the first pushes. */
    private static final class RacingTap extends GitTap {
        private final String url;
        private final Path folder;
        private final int races;
        private final AtomicInteger count = new AtomicInteger();

        RacingTap(String url, Path folder, int races) {
            super(url, null, new Credentials.None(), folder.resolve("racing-work"), Reporter.SILENT, new Redactor());
            this.url = url;
            this.folder = folder;
            this.races = races;
        }

        @Override
        protected void beforePush(Git git) throws IOException {
            int race = count.incrementAndGet();
            if (race > races) {
                return;
            }
            try {
                Path other = GitCli.cloneOf(url, folder.resolve("racer-" + race));
                Files.writeString(other.resolve("Formula/racer-" + race + ".rb"), "racer\n");
                GitCli.git(other, "add", ".");
                GitCli.git(other, "commit", "-q", "-m", "racer " + race);
                GitCli.git(other, "push", "-q", "origin", "HEAD:main");
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException(e);
            }
        }
    }
}
