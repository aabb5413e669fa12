package dev.distribution.target.chartmuseum;

import dev.distribution.core.DistributionException;
import dev.distribution.core.Repository;
import dev.distribution.core.Upload;
import dev.distribution.http.Credentials;
import dev.distribution.http.HttpRequest;
import dev.distribution.http.HttpResponse;
import dev.distribution.http.HttpTransport;
import dev.distribution.http.RequestBody;
import dev.distribution.http.UrlPaths;
import dev.distribution.target.webdav.HttpPutTarget;
import java.net.URI;

/**
 * Publishes charts to ChartMuseum: a package with {@code POST /api/charts}, a provenance file with
 * {@code POST /api/prov}, each with the file as the request body. ChartMuseum serves what it stores
 * under {@code /charts/<file>}, which is where the target compares content before an upload, and
 * rebuilds its {@code index.yaml} itself. A replacement the user allowed is sent with
 * {@code ?force}, ChartMuseum's flag for overwriting a stored version.
 *
 * <p>The repository URL is ChartMuseum's base URL, including a context path or a multitenant
 * repository path such as {@code https://charts.example.com/org/team/}.
 */
public final class ChartMuseumTarget extends HttpPutTarget {
    private final String base;

    /** Creates the target for a repository of type {@code chartmuseum}. */
    public ChartMuseumTarget(Repository repository, HttpTransport http, Credentials credentials) {
        super(repository, http, credentials);
        this.base = repository.url().endsWith("/") ? repository.url() : repository.url() + "/";
    }

    @Override
    protected URI uri(String path) {
        return UrlPaths.resolve(base, "charts/" + path);
    }

    @Override
    public void upload(Upload upload, boolean replace) throws DistributionException {
        boolean provenance = upload.path().endsWith(".prov");
        URI uri = apiUri(provenance ? "prov" : "charts", replace);
        String type = provenance ? "application/pgp-signature" : "application/gzip";
        HttpResponse response = http().execute(HttpRequest.post(uri, RequestBody.ofFile(upload.file(), type))
                .credentials(credentials())
                .build());
        if (response.isSuccessful()) {
            return;
        }
        if (response.status() == 409) {
            throw new AlreadyPublishedException(describe(response));
        }
        throw failure("POST", uri, response);
    }

    /** The API endpoint, {@code api/charts} or {@code api/prov}, below a multitenant path when there is one. */
    private URI apiUri(String kind, boolean force) {
        URI root = URI.create(base);
        String path = root.getRawPath() == null || root.getRawPath().isEmpty() ? "/" : root.getRawPath();
        // ChartMuseum puts the tenant path after /api/: /org/team/ becomes /api/org/team/charts.
        String api = "api" + path + kind + (force ? "?force" : "");
        return root.resolve("/").resolve(api);
    }
}
