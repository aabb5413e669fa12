package dev.distribution.target.nexus;

import dev.distribution.core.DistributionException;
import dev.distribution.core.Repository;
import dev.distribution.core.Upload;
import dev.distribution.http.Credentials;
import dev.distribution.http.HttpTransport;
import dev.distribution.http.RequestBody;
import java.net.URI;

/**
 * Publishes {@code .deb} files to a Nexus Repository 3 apt hosted repository. Nexus files each
 * package itself and rebuilds the signed metadata for the repository's one distribution and the
 * component {@code main}; the client only sends the package: a POST of the file body to the
 * repository URL, or the components API with the field {@code apt.asset}.
 *
 * <p>The check before the upload reads the package where Nexus stores it,
 * {@code pool/<first letter>/<package>/<file>}, so a package already there is skipped and a
 * different one is reported as a conflict.
 */
public final class NexusAptTarget extends NexusHostedTarget {
    /**
     * Creates the target.
     *
     * @param componentsApi true to upload through the components REST API instead of the POST
     */
    public NexusAptTarget(
            Repository repository,
            NexusRepositoryUrl nexusUrl,
            HttpTransport http,
            Credentials credentials,
            boolean componentsApi) {
        super(repository, nexusUrl, http, credentials, componentsApi);
    }

    /**
     * Returns the path Nexus stores a package under.
     *
     * <p>NOTE: taken from Nexus's documented browse layout; no Nexus server runs in these tests.
     */
    public static String poolPath(String packageName, String fileName) {
        return "pool/" + packageName.charAt(0) + "/" + packageName + "/" + fileName;
    }

    @Override
    public void upload(Upload upload, boolean replace) throws DistributionException {
        String contentType = "application/vnd.debian.binary-package";
        if (usesComponentsApi()) {
            postComponent(RequestBody.multipart()
                    .file("apt.asset", upload.file(), fileName(upload.path()), contentType)
                    .build());
        } else {
            post(URI.create(nexusUrl().contentUrl()), RequestBody.ofFile(upload.file(), contentType));
        }
    }
}
