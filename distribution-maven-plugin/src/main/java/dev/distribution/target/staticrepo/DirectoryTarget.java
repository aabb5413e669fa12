package dev.distribution.target.staticrepo;

import dev.distribution.core.Checksums;
import dev.distribution.core.DistributionException;
import dev.distribution.core.PublishException;
import dev.distribution.core.RemoteCheck;
import dev.distribution.core.Target;
import dev.distribution.core.Upload;
import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Publishes files into a folder on disk: the embedded default repository, or a static repository
 * served by any web server. A file is copied next to its final name and then moved into place, so
 * a reader never sees half a file.
 */
public final class DirectoryTarget implements Target {
    private final String repositoryId;
    private final Path root;

    /**
     * Creates the target.
     *
     * @param repositoryId the id shown in logs and the publication record
     * @param root the folder that receives the files; created when missing
     */
    public DirectoryTarget(String repositoryId, Path root) {
        this.repositoryId = repositoryId;
        this.root = root.toAbsolutePath().normalize();
    }

    @Override
    public String repositoryId() {
        return repositoryId;
    }

    @Override
    public String location(String path) {
        return resolve(path).toString();
    }

    @Override
    public RemoteCheck check(Upload upload, String localSha256) throws DistributionException {
        Path target = resolve(upload.path());
        if (!Files.exists(target)) {
            return RemoteCheck.absent();
        }
        try {
            String existing = Checksums.sha256(target);
            return existing.equals(localSha256) ? RemoteCheck.identical(existing) : RemoteCheck.different(existing);
        } catch (IOException e) {
            throw new PublishException("Cannot read " + target + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void upload(Upload upload, boolean replace) throws DistributionException {
        Path target = resolve(upload.path());
        try {
            Files.createDirectories(target.getParent());
            Path temporary = Files.createTempFile(target.getParent(), "." + target.getFileName(), ".part");
            try {
                Files.copy(upload.file(), temporary, StandardCopyOption.REPLACE_EXISTING);
                if (!replace && Files.exists(target)) {
                    throw new AlreadyPublishedException(target + " appeared while publishing.");
                }
                try {
                    Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                } catch (AtomicMoveNotSupportedException e) {
                    Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING);
                }
            } finally {
                Files.deleteIfExists(temporary);
            }
        } catch (IOException e) {
            throw new PublishException("Cannot write " + target + ": " + e.getMessage(), e);
        }
    }

    private Path resolve(String path) {
        Path resolved = root.resolve(path).normalize();
        if (!resolved.startsWith(root)) {
            throw new IllegalArgumentException("Path escapes the repository folder: " + path);
        }
        return resolved;
    }
}
