package dev.distribution.target.staticrepo;

import dev.distribution.core.DistributionException;
import dev.distribution.core.PublishException;
import dev.distribution.http.Credentials;
import dev.distribution.http.HttpRequest;
import dev.distribution.http.HttpTransport;
import dev.distribution.http.TransportException;
import dev.distribution.http.UrlPaths;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Reads a file that a static repository already holds, such as the index a new version is merged
 * into. Implementations stream the file to disk.
 */
@FunctionalInterface
public interface RemoteFiles {

    /**
     * Copies the repository file at {@code path} to {@code destination}.
     *
     * @return false when the repository has no such file
     */
    boolean download(String path, Path destination) throws DistributionException;

    /** Reads files from a folder on disk. */
    static RemoteFiles directory(Path root) {
        return (path, destination) -> {
            Path source = root.resolve(path).normalize();
            if (!Files.isRegularFile(source)) {
                return false;
            }
            try {
                Files.copy(source, destination, StandardCopyOption.REPLACE_EXISTING);
                return true;
            } catch (IOException e) {
                throw new PublishException("Cannot read " + source + ": " + e.getMessage(), e);
            }
        };
    }

    /** Reads files with GET below a base URL; 404 and 410 mean absent. */
    static RemoteFiles http(HttpTransport http, String baseUrl, Credentials credentials) {
        return (path, destination) -> {
            URI uri = UrlPaths.resolve(baseUrl, path);
            String failure = http.execute(
                    HttpRequest.get(uri).credentials(credentials).build(), (status, reason, headers, body) -> {
                        if (status == 404 || status == 410) {
                            return "absent";
                        }
                        if (status < 200 || status >= 300) {
                            return "HTTP " + status + (reason == null ? "" : " " + reason);
                        }
                        Files.copy(body, destination, StandardCopyOption.REPLACE_EXISTING);
                        return null;
                    });
            if ("absent".equals(failure)) {
                return false;
            }
            if (failure != null) {
                throw new TransportException("GET " + uri + " failed: " + failure + ".", -1, uri.toString(), null);
            }
            return true;
        };
    }
}
