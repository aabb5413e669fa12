package dev.distribution.target.nexus;

import dev.distribution.core.DistributionException;
import dev.distribution.core.Repository;
import dev.distribution.core.Upload;
import dev.distribution.http.Credentials;
import dev.distribution.http.HttpTransport;
import dev.distribution.http.RequestBody;

/**
 * Publishes charts to a Nexus Repository 3 helm hosted repository. Nexus takes uploads only at the
 * repository root (since 3.71.0) and keeps {@code index.yaml} up to date itself, so only the
 * packages and provenance files are sent: with a PUT to {@code /repository/<name>/<file>}, or a
 * package through the components API ({@code helm.asset}). Nexus answers ChartMuseum's
 * {@code POST /api/charts} with 405, so that API is not used here.
 */
public final class NexusHelmTarget extends NexusHostedTarget {
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
        super(repository, nexusUrl, http, credentials, componentsApi);
    }

    @Override
    public void upload(Upload upload, boolean replace) throws DistributionException {
        if (upload.path().contains("/")) {
            throw new IllegalArgumentException("Nexus helm repositories take files only at the root: " + upload.path());
        }
        if (!usesComponentsApi() || !upload.path().endsWith(".tgz")) {
            super.upload(upload, replace);
            return;
        }
        postComponent(RequestBody.multipart()
                .file("helm.asset", upload.file(), upload.path(), "application/gzip")
                .build());
    }
}
