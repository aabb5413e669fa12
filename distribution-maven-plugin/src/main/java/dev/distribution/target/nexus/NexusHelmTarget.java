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
 * Publishes charts to a Nexus Repository 3 helm hosted repository. Nexus takes uploads only at the
 * repository root (since 3.71.0) and keeps {@code index.yaml} up to date itself, so only the
 * packages and provenance files are sent: with a PUT to {@code /repository/<name>/<file>}, or a
 * package through the components API ({@code helm.asset}). Nexus answers ChartMuseum's
 * {@code POST /api/charts} with 405, so that API is not used here.
 */
public final class NexusHelmTarget extends HttpPutTarget {
    private final NexusRepositoryUrl nexusUrl;
    private final boolean componentsApi;

    /**
     * Creates the target.
     *
     * @param componentsApi true to send packages through the components REST API instead of PUT;
     *     provenance files always go with PUT, which the components API has no field for
     */
    public NexusHelmTarget(
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
        if (upload.path().contains("/")) {
            throw new IllegalArgumentException("Nexus helm repositories take files only at the root: " + upload.path());
        }
        if (!componentsApi || !upload.path().endsWith(".tgz")) {
            super.upload(upload, replace);
            return;
        }
        URI uri = nexusUrl.componentsApi();
        RequestBody body = RequestBody.multipart()
                .file("helm.asset", upload.file(), upload.path(), "application/gzip")
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
