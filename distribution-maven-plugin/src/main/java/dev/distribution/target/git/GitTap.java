package dev.distribution.target.git;

import dev.distribution.core.PublishException;
import dev.distribution.core.Redactor;
import dev.distribution.core.Reporter;
import dev.distribution.http.Credentials;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.ResetCommand;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.lib.Ref;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.lib.StoredConfig;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.transport.CredentialsProvider;
import org.eclipse.jgit.transport.PushResult;
import org.eclipse.jgit.transport.RefSpec;
import org.eclipse.jgit.transport.RemoteRefUpdate;
import org.eclipse.jgit.transport.UsernamePasswordCredentialsProvider;

/**
 * A git repository that receives generated files, such as a Homebrew tap receiving
 * {@code Formula/<name>.rb}. {@link #publish} clones the branch, writes the files, and when any
 * differs makes one commit and pushes it. When the server rejects the push because another push
 * came first (not a fast-forward), the branch is fetched again, the files are applied to the new
 * tip as a fresh single commit, and the push is tried once more. Either the whole commit reaches
 * the branch or nothing does: git updates a branch only to a complete pushed commit.
 *
 * <p>URLs may be {@code https://}, {@code http://}, {@code ssh://} or {@code git@host:path}
 * (keys and {@code known_hosts} from {@code ~/.ssh}), {@code git://} or {@code file://}. Not
 * thread-safe; one instance publishes once at a time.
 */
public class GitTap {
    /** The user name sent with a token; GitLab expects it with a token as password, GitHub ignores it. */
    static final String TOKEN_USER = "oauth2";

    private final String url;
    private final String branch;
    private final Credentials credentials;
    private final Path workDirectory;
    private final Reporter reporter;
    private final Redactor redactor;

    /**
     * Creates the tap.
     *
     * @param url the clone URL; not null
     * @param branch the branch to publish to; null for the repository's default branch, or
     *     {@code main} when the repository is empty
     * @param credentials for {@code http(s)} URLs: Basic is sent as user and password, a token or
     *     header value as the password of user {@value #TOKEN_USER}; ignored for other URLs
     * @param workDirectory the folder the repository is cloned into; emptied first
     * @param reporter receives one line per clone, commit and push
     * @param redactor masks the credentials in error messages
     */
    public GitTap(
            String url,
            String branch,
            Credentials credentials,
            Path workDirectory,
            Reporter reporter,
            Redactor redactor) {
        this.url = Objects.requireNonNull(url, "url");
        this.branch = branch;
        this.credentials = credentials == null ? new Credentials.None() : credentials;
        this.workDirectory = Objects.requireNonNull(workDirectory, "workDirectory");
        this.reporter = Objects.requireNonNull(reporter, "reporter");
        this.redactor = Objects.requireNonNull(redactor, "redactor");
        for (String secret : this.credentials.secrets()) {
            redactor.register(secret);
        }
    }

    /** Returns the clone URL. */
    public String url() {
        return url;
    }

    /**
     * The outcome of {@link #publish}.
     *
     * @param commit the id of the pushed commit; null when nothing changed
     * @param branch the branch published to
     */
    public record Result(String commit, String branch) {
        /** Whether a commit was pushed. */
        public boolean changed() {
            return commit != null;
        }
    }

    /**
     * Writes the files into the repository and pushes them in one commit, unless every file already
     * has this content.
     *
     * @param files the content of each file, by path relative to the repository root
     * @param message the commit message
     * @param author the author and committer of the commit
     * @return the pushed commit, or a result without commit when nothing changed
     * @throws PublishException when the clone, the commit or the push fails; nothing is pushed then
     */
    public Result publish(Map<String, String> files, String message, PersonIdent author) throws PublishException {
        try (Git git = open()) {
            String target = git.getRepository().getBranch();
            RevCommit commit = commitFiles(git, files, message, author);
            if (commit == null) {
                reporter.info("Tap " + redactor.redact(url) + " already has this content; nothing committed.");
                return new Result(null, target);
            }
            beforePush(git);
            RemoteRefUpdate.Status status = push(git, target);
            if (isRejectedAsStale(status)) {
                reporter.info("Push to " + redactor.redact(url) + " was rejected (" + status
                        + "); fetching the branch and applying the change again.");
                commit = reapply(git, target, files, message, author);
                if (commit == null) {
                    reporter.info("The branch " + target + " already has this content; nothing committed.");
                    return new Result(null, target);
                }
                beforePush(git);
                status = push(git, target);
            }
            if (status != RemoteRefUpdate.Status.OK) {
                throw new PublishException("Push of " + commit.getName() + " to branch " + target + " of "
                        + redactor.redact(url) + " failed: " + status
                        + (isRejectedAsStale(status)
                                ? ", again after a fresh fetch. Others are pushing to the tap at the same time;"
                                        + " run the deploy again."
                                : ". Check that the credentials may push to this branch and that it is not"
                                        + " protected against pushes."));
            }
            reporter.info("Pushed " + commit.getName() + " to branch " + target + " of " + redactor.redact(url));
            return new Result(commit.getName(), target);
        } catch (GitAPIException | IOException e) {
            throw new PublishException(
                    "Git operation on tap " + redactor.redact(url) + " failed: " + redactor.redact(e.getMessage()), e);
        }
    }

    /**
     * Called after the commit and before each push attempt. Does nothing; tests override it to
     * simulate another push arriving first.
     */
    protected void beforePush(Git git) throws IOException, GitAPIException {}

    /**
     * Checks that the tap can be read and has the configured branch, without changing anything,
     * so that a wrong URL or token fails before other files are published.
     *
     * @return the branch {@link #publish} would push to
     * @throws PublishException when the tap cannot be reached or lacks the configured branch
     */
    public String check() throws PublishException {
        return targetBranch(listRemote());
    }

    private Map<String, Ref> listRemote() throws PublishException {
        try {
            return Git.lsRemoteRepository()
                    .setRemote(url)
                    .setCredentialsProvider(credentialsProvider())
                    .setHeads(true)
                    .callAsMap();
        } catch (GitAPIException | RuntimeException e) {
            throw new PublishException(
                    "Cannot clone the tap " + redactor.redact(url) + ": "
                            + redactor.redact(String.valueOf(e.getMessage()))
                            + ". Check the URL, that the server is reachable, and for https that the settings.xml"
                            + " <server> with the repository id holds a token that may read and push.",
                    e);
        }
    }

    /**
     * Creates a work tree on the tip of the target branch. A fresh {@code init} plus a fetch of
     * that one branch, rather than a clone, because a clone of an empty repository or of one
     * whose {@code HEAD} names a missing branch leaves no branch to commit on.
     */
    private Git open() throws PublishException, IOException {
        deleteTree(workDirectory);
        Files.createDirectories(workDirectory);
        Map<String, Ref> remoteRefs = listRemote();
        String target = targetBranch(remoteRefs);
        try {
            Git git = Git.init()
                    .setDirectory(workDirectory.toFile())
                    .setInitialBranch(target)
                    .call();
            StoredConfig config = git.getRepository().getConfig();
            config.setString("remote", "origin", "url", url);
            config.setString("remote", "origin", "fetch", "+refs/heads/*:refs/remotes/origin/*");
            config.save();
            if (remoteRefs.containsKey(Constants.R_HEADS + target)) {
                fetchAndReset(git, target);
            }
            reporter.info("Cloned branch " + target + " of tap " + redactor.redact(url));
            return git;
        } catch (GitAPIException e) {
            throw new PublishException(
                    "Cannot fetch branch " + target + " of the tap " + redactor.redact(url) + ": "
                            + redactor.redact(String.valueOf(e.getMessage())),
                    e);
        }
    }

    /** Returns the configured branch, else the branch the remote HEAD names, else {@code main}. */
    private String targetBranch(Map<String, Ref> remoteRefs) throws PublishException {
        if (branch != null) {
            if (!remoteRefs.isEmpty() && !remoteRefs.containsKey(Constants.R_HEADS + branch)) {
                throw new PublishException("The tap " + redactor.redact(url) + " has no branch '" + branch
                        + "'. Create it, or remove <branch> to use the default branch.");
            }
            return branch;
        }
        Ref head = remoteRefs.get(Constants.HEAD);
        if (head != null && head.isSymbolic()) {
            return Repository.shortenRefName(head.getTarget().getName());
        }
        if (head != null) {
            for (Ref ref : remoteRefs.values()) {
                if (ref.getName().startsWith(Constants.R_HEADS)
                        && head.getObjectId().equals(ref.getObjectId())) {
                    return Repository.shortenRefName(ref.getName());
                }
            }
        }
        return remoteRefs.containsKey(Constants.R_HEADS + "master")
                        && !remoteRefs.containsKey(Constants.R_HEADS + "main")
                ? "master"
                : "main";
    }

    private RevCommit commitFiles(Git git, Map<String, String> files, String message, PersonIdent author)
            throws IOException, GitAPIException {
        boolean changed = false;
        Path root = workDirectory.toAbsolutePath().normalize();
        for (Map.Entry<String, String> file : files.entrySet()) {
            Path path = root.resolve(file.getKey()).normalize();
            if (!path.startsWith(root) || path.equals(root)) {
                throw new IllegalArgumentException("Path outside the repository: " + file.getKey());
            }
            byte[] content = file.getValue().getBytes(StandardCharsets.UTF_8);
            if (Files.isRegularFile(path) && java.util.Arrays.equals(Files.readAllBytes(path), content)) {
                continue;
            }
            Files.createDirectories(path.getParent());
            Files.write(path, content);
            git.add().addFilepattern(file.getKey()).call();
            changed = true;
        }
        if (!changed) {
            return null;
        }
        return git.commit()
                .setMessage(message)
                .setAuthor(author)
                .setCommitter(author)
                .setSign(false)
                .call();
    }

    private RevCommit reapply(Git git, String target, Map<String, String> files, String message, PersonIdent author)
            throws IOException, GitAPIException {
        fetchAndReset(git, target);
        return commitFiles(git, files, message, author);
    }

    /** Moves the work tree to the remote tip of the branch, dropping any local commit. */
    private void fetchAndReset(Git git, String target) throws IOException, GitAPIException {
        git.fetch()
                .setRemote("origin")
                .setRefSpecs(
                        new RefSpec("+" + Constants.R_HEADS + target + ":" + Constants.R_REMOTES + "origin/" + target))
                .setCredentialsProvider(credentialsProvider())
                .call();
        ObjectId tip = git.getRepository().resolve(Constants.R_REMOTES + "origin/" + target);
        git.reset().setMode(ResetCommand.ResetType.HARD).setRef(tip.getName()).call();
    }

    private RemoteRefUpdate.Status push(Git git, String target) throws GitAPIException {
        Iterable<PushResult> results = git.push()
                .setRemote("origin")
                .setRefSpecs(new RefSpec(Constants.HEAD + ":" + Constants.R_HEADS + target))
                .setCredentialsProvider(credentialsProvider())
                .call();
        for (PushResult result : results) {
            for (RemoteRefUpdate update : result.getRemoteUpdates()) {
                if (update.getStatus() != RemoteRefUpdate.Status.OK && update.getMessage() != null) {
                    reporter.warn("The server answered: " + redactor.redact(update.getMessage()));
                }
                return update.getStatus();
            }
        }
        return RemoteRefUpdate.Status.NOT_ATTEMPTED;
    }

    private static boolean isRejectedAsStale(RemoteRefUpdate.Status status) {
        return status == RemoteRefUpdate.Status.REJECTED_NONFASTFORWARD
                || status == RemoteRefUpdate.Status.REJECTED_REMOTE_CHANGED;
    }

    private CredentialsProvider credentialsProvider() {
        if (credentials instanceof Credentials.Basic basic) {
            return new UsernamePasswordCredentialsProvider(basic.username(), basic.password());
        }
        if (credentials instanceof Credentials.Bearer bearer) {
            return new UsernamePasswordCredentialsProvider(TOKEN_USER, bearer.token());
        }
        if (credentials instanceof Credentials.Header header) {
            return new UsernamePasswordCredentialsProvider(TOKEN_USER, header.value());
        }
        return null;
    }

    private static void deleteTree(Path folder) throws IOException {
        if (!Files.exists(folder)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(folder)) {
            for (Path path : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
