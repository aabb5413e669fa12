package dev.distribution.target.nexus;

import dev.distribution.core.DistributionException;
import dev.distribution.core.Repository;
import dev.distribution.core.Upload;
import dev.distribution.http.Credentials;
import dev.distribution.http.HttpRequest;
import dev.distribution.http.HttpResponse;
import dev.distribution.http.HttpTransport;
import dev.distribution.http.RequestBody;
import dev.distribution.target.webdav.HttpPutTarget;
import java.net.URI;

/**
 * Publishes files to a Nexus Repository 3 raw hosted repository, either with a PUT to
 * {@code /repository/<name>/<path>} or through the components API ({@code raw.directory},
 * {@code raw.asset1}, {@code raw.asset1.filename}, answered with 204). Both ways treat Nexus's
 * "already exists" answers as a reason to compare again rather than as a crash.
 */
public final class NexusRawTarget extends HttpPutTarget {
    private final NexusRepositoryUrl nexusUrl;
    private final boolean componentsApi;

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
        super(new Repository(repository.id(), repository.type(), nexusUrl.contentUrl()), http, credentials);
        this.nexusUrl = nexusUrl;
        this.componentsApi = componentsApi;
    }

    @Override
    public void upload(Upload upload, boolean replace) throws DistributionException {
        if (!componentsApi) {
            super.upload(upload, replace);
            return;
        }
        int slash = upload.path().lastIndexOf('/');
        String directory = slash < 0 ? "/" : "/" + upload.path().substring(0, slash);
        String fileName = upload.path().substring(slash + 1);
        URI uri = nexusUrl.componentsApi();
        RequestBody body = RequestBody.multipart()
                .text("raw.directory", directory)
                .file("raw.asset1", upload.file(), fileName, "application/octet-stream")
                .text("raw.asset1.filename", fileName)
                .build();
        HttpResponse response = http().execute(
                        HttpRequest.post(uri, body).credentials(credentials()).build());
        if (response.isSuccessful()) {
            return;
        }
        if (isAlreadyPublished(response)) {
            throw new AlreadyPublishedException(describe(response));
        }
        throw failure("POST", uri, response);
    }

    @Override
    protected boolean isAlreadyPublished(HttpResponse response) {
        return NexusResponses.isAlreadyPublished(response);
    }
}
