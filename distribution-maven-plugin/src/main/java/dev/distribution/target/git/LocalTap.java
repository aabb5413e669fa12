package dev.distribution.target.git;

import dev.distribution.core.PublishException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;

/**
 * The embedded tap: a bare repository {@code homebrew-<tap>.git} in a folder, created on first
 * use, so that {@code brew tap <user>/<tap> file:///.../homebrew-<tap>.git} works without a server.
 */
public final class LocalTap {
    private LocalTap() {}

    /**
     * Creates the bare repository unless it exists.
     *
     * @param folder the folder that holds the repository, such as
     *     {@code target/distribution-repository/brew}
     * @param tap the tap name without the {@code homebrew-} prefix
     * @return the {@code file://} URL of the repository
     * @throws PublishException when the repository cannot be created
     */
    public static String ensure(Path folder, String tap) throws PublishException {
        Path repository =
                folder.resolve("homebrew-" + tap + ".git").toAbsolutePath().normalize();
        try {
            if (!Files.isRegularFile(repository.resolve("HEAD"))) {
                Files.createDirectories(repository);
                try (Git ignored = Git.init()
                        .setBare(true)
                        .setInitialBranch("main")
                        .setDirectory(repository.toFile())
                        .call()) {
                    // Only the repository on disk is needed.
                }
            }
        } catch (GitAPIException | IOException e) {
            throw new PublishException("Cannot create the tap repository " + repository + ": " + e.getMessage(), e);
        }
        return repository.toUri().toString();
    }
}
