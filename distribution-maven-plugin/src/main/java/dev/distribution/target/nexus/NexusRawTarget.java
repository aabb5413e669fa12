package dev.distribution.target.nexus;

import dev.distribution.core.DistributionException;
import dev.distribution.core.Repository;
import dev.distribution.core.Upload;
import dev.distribution.http.Credentials;
import dev.distribution.http.HttpTransport;
import dev.distribution.http.RequestBody;

/**
 * Publishes files to a Nexus Repository 3 raw hosted repository, either with a PUT to
 * {@code /repository/<name>/<path>} or through the components API ({@code raw.directory},
 * {@code raw.asset1}, {@code raw.asset1.filename}, answered with 204). Both ways treat Nexus's
 * "already exists" answers as a reason to compare again rather than as a crash.
 */
public final class NexusRawTarget extends NexusHostedTarget {
    /**
     * Creates the target.
     *
     * @param componentsApi true to upload through the components REST API instead of PUT
     */
    public NexusRawTarget(
            Repository repository,
            NexusRepositoryUrl nexusUrl,
            HttpTransport http,
            Credentials credentials,
            boolean componentsApi) {
        super(repository, nexusUrl, http, credentials, componentsApi);
    }

    @Override
    public void upload(Upload upload, boolean replace) throws DistributionException {
        if (!usesComponentsApi()) {
            super.upload(upload, replace);
            return;
        }
        String fileName = fileName(upload.path());
        postComponent(RequestBody.multipart()
                .text("raw.directory", componentDirectory(upload.path()))
                .file("raw.asset1", upload.file(), fileName, "application/octet-stream")
                .text("raw.asset1.filename", fileName)
                .build());
    }
}
