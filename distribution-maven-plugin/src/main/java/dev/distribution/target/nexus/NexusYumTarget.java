package dev.distribution.target.nexus;

import dev.distribution.core.DistributionException;
import dev.distribution.core.InvalidConfigurationException;
import dev.distribution.core.Repository;
import dev.distribution.core.Upload;
import dev.distribution.http.Credentials;
import dev.distribution.http.HttpTransport;
import dev.distribution.http.RequestBody;

/**
 * Publishes RPM packages to a Nexus Repository 3 yum hosted repository, either with a PUT to
 * {@code /repository/<name>/<path>/<file>.rpm} or through the components API ({@code yum.directory},
 * {@code yum.asset}, {@code yum.asset.filename}). Nexus builds {@code repodata/} itself about a minute
 * after an upload, at the repository's "Repodata Depth", and rejects packages at a shallower path.
 */
public final class NexusYumTarget extends NexusHostedTarget {
    private static final String RPM_TYPE = "application/x-rpm";

    /**
     * Creates the target.
     *
     * @param componentsApi true to upload through the components REST API instead of PUT
     */
    public NexusYumTarget(
            Repository repository,
            NexusRepositoryUrl nexusUrl,
            HttpTransport http,
            Credentials credentials,
            boolean componentsApi) {
        super(repository, nexusUrl, http, credentials, componentsApi);
    }

    /**
     * Checks that a package folder is at least as deep as the repository's repodata depth, the check
     * Nexus makes when it receives the file, so that a wrong path fails before any upload.
     *
     * @param folder the folder under the repository root, '/' separated, may be empty
     * @param repodataDepth the repository's "Repodata Depth" setting, 0 to 5
     * @param element the POM element of the folder
     * @param depthElement the POM element of the depth
     * @throws InvalidConfigurationException when the depth is out of range or the folder too shallow
     */
    public static void checkDepth(String folder, int repodataDepth, String element, String depthElement)
            throws InvalidConfigurationException {
        if (repodataDepth < 0 || repodataDepth > 5) {
            throw new InvalidConfigurationException(
                    depthElement,
                    Integer.toString(repodataDepth),
                    "0 to 5, as set in the Nexus repository",
                    "Copy the repository's Repodata Depth from its settings page.");
        }
        int depth = 0;
        for (String segment : folder.split("/")) {
            if (!segment.isBlank()) {
                depth++;
            }
        }
        if (depth < repodataDepth) {
            throw new InvalidConfigurationException(
                    element,
                    folder.isEmpty() ? "(the repository root)" : folder,
                    "a path of at least " + repodataDepth + " folders, the repository's repodata depth",
                    "Nexus rejects packages above the repodata depth: give " + element + " " + repodataDepth
                            + " or more folders (for example 'el9/x86_64' for depth 2), or correct "
                            + depthElement + " if the repository's setting is lower.");
        }
    }

    @Override
    public void upload(Upload upload, boolean replace) throws DistributionException {
        if (!usesComponentsApi()) {
            super.upload(upload, replace);
            return;
        }
        String fileName = fileName(upload.path());
        postComponent(RequestBody.multipart()
                .text("yum.directory", componentDirectory(upload.path()))
                .file("yum.asset", upload.file(), fileName, RPM_TYPE)
                .text("yum.asset.filename", fileName)
                .build());
    }
}
