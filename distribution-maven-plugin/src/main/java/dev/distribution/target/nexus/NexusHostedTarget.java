package dev.distribution.target.nexus;

import dev.distribution.core.DistributionException;
import dev.distribution.core.Repository;
import dev.distribution.http.Credentials;
import dev.distribution.http.HttpRequest;
import dev.distribution.http.HttpResponse;
import dev.distribution.http.HttpTransport;
import dev.distribution.http.RequestBody;
import dev.distribution.target.webdav.HttpPutTarget;
import java.net.URI;

/**
 * Base of the targets for Nexus Repository 3 hosted repositories: content URLs under
 * {@code /repository/<name>/}, the components REST API, and Nexus's "already exists" answers
 * (400 or 409), which become {@link AlreadyPublishedException} so that the publisher compares
 * again.
 */
public abstract class NexusHostedTarget extends HttpPutTarget {
    private final NexusRepositoryUrl nexusUrl;
    private final boolean componentsApi;

    /**
     * Creates the target.
     *
     * @param componentsApi true to upload through the components REST API instead of the format's
     *     own upload
     */
    protected NexusHostedTarget(
            Repository repository,
            NexusRepositoryUrl nexusUrl,
            HttpTransport http,
            Credentials credentials,
            boolean componentsApi) {
        super(new Repository(repository.id(), repository.type(), nexusUrl.contentUrl()), http, credentials);
        this.nexusUrl = nexusUrl;
        this.componentsApi = componentsApi;
    }

    /** Returns the parsed repository URL. */
    protected NexusRepositoryUrl nexusUrl() {
        return nexusUrl;
    }

    /** Returns whether uploads go through the components REST API. */
    protected boolean usesComponentsApi() {
        return componentsApi;
    }

    /** Sends a multipart body to the components REST API, which returns 204 on success. */
    protected void postComponent(RequestBody body) throws DistributionException {
        post(nexusUrl.componentsApi(), body);
    }

    /**
     * Sends a POST and turns the response into success, {@link AlreadyPublishedException} or a
     * transport failure that keeps Nexus's reason phrase.
     */
    protected void post(URI uri, RequestBody body) throws DistributionException {
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

    /** Returns the folder of a repository path with a leading '/', as the components API expects it. */
    protected static String componentDirectory(String path) {
        int slash = path.lastIndexOf('/');
        return slash < 0 ? "/" : "/" + path.substring(0, slash);
    }

    /** Returns the file name of a repository path. */
    protected static String fileName(String path) {
        return path.substring(path.lastIndexOf('/') + 1);
    }

    @Override
    protected boolean isAlreadyPublished(HttpResponse response) {
        return NexusResponses.isAlreadyPublished(response);
    }
}
