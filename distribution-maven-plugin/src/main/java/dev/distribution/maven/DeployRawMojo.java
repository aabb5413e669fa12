package dev.distribution.maven;

import dev.distribution.core.DistributionException;
import dev.distribution.core.InvalidConfigurationException;
import dev.distribution.core.Publication;
import dev.distribution.core.Repository;
import dev.distribution.core.Target;
import dev.distribution.core.Upload;
import dev.distribution.format.raw.ArchivePackager;
import dev.distribution.http.HttpTransport;
import dev.distribution.target.nexus.NexusRawTarget;
import dev.distribution.target.nexus.NexusRepositoryUrl;
import dev.distribution.target.staticrepo.DirectoryTarget;
import dev.distribution.target.webdav.HttpPutTarget;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Publishes the archives of the {@code archive} goal, and any configured files, under a path of a
 * raw repository: Nexus raw hosted (PUT or the components API), any HTTP PUT or WebDAV server, or
 * a folder. Without a repository, files go to the embedded repository's {@code raw/} folder.
 *
 * <pre>{@code
 * <raw>
 *   <repository>nexus-raw</repository>
 *   <path>${project.artifactId}/${project.version}</path>
 * </raw>
 * }</pre>
 */
@Mojo(name = "deploy-raw", defaultPhase = LifecyclePhase.DEPLOY, threadSafe = true)
public class DeployRawMojo extends AbstractPublishMojo {
    private static final String ELEMENT = "<raw>";

    /** The publishing configuration; see {@link RawConfig}. */
    @Parameter
    private RawConfig raw;

    /**
     * Skips this goal.
     *
     * <p>User property: {@code distribution.raw.skip}. Default: {@code false}.
     */
    @Parameter(property = PropertyNames.RAW_SKIP, defaultValue = "false")
    private boolean skipRaw;

    @Override
    protected boolean isGoalSkipped() {
        return skipRaw;
    }

    @Override
    protected String goalSkipProperty() {
        return PropertyNames.RAW_SKIP;
    }

    @Override
    protected void run() throws DistributionException, IOException {
        RawConfig config = BlockProperties.apply(raw, RawConfig.class, "distribution.raw", session.getUserProperties());
        String folder = normalizeFolder(
                config.path != null ? config.path : project.getArtifactId() + "/" + project.getVersion());
        List<Upload> uploads = uploads(config, folder);
        if (uploads.isEmpty()) {
            reporter().info("No raw files to publish: run the archive goal or configure <raw><files>.");
            return;
        }
        Repository repository = repository(config.repository, ELEMENT + "<repository>");
        List<Publication> publications;
        if (repository == null) {
            Path root = embeddedRepository("raw");
            publications = publisher().publish(new DirectoryTarget("embedded", root), uploads);
        } else {
            try (HttpTransport http = needsHttp(repository) ? openTransport() : null) {
                publications = publisher().publish(target(repository, config, http), uploads);
            }
        }
        report(publications);
        printFetchHints(publications);
    }

    private static boolean needsHttp(Repository repository) {
        return repository.type() != dev.distribution.core.RepositoryType.STATIC;
    }

    private Target target(Repository repository, RawConfig config, HttpTransport http)
            throws InvalidConfigurationException {
        String element = "<repositories><repository> '" + repository.id() + "'";
        switch (repository.type()) {
            case STATIC:
                return new DirectoryTarget(repository.id(), Path.of(repository.url()));
            case WEBDAV:
                return new HttpPutTarget(repository, http, credentials(repository));
            case NEXUS:
                String upload = declared(repository.id(), ELEMENT).getUpload();
                boolean componentsApi = upload != null && upload.trim().equalsIgnoreCase("components");
                if (upload != null && !componentsApi && !upload.trim().equalsIgnoreCase("native")) {
                    throw new InvalidConfigurationException(
                            element + "<upload>",
                            upload,
                            "native, components",
                            "Choose one of the two upload methods.");
                }
                return new NexusRawTarget(
                        repository,
                        NexusRepositoryUrl.parse(repository.url(), element + "<url>"),
                        http,
                        credentials(repository),
                        componentsApi);
            default:
                throw new InvalidConfigurationException(
                        ELEMENT + "<repository>",
                        repository.id() + " (type " + repository.type().id() + ")",
                        "a repository of type nexus, webdav or static",
                        "Point <raw><repository> at a raw repository.");
        }
    }

    private List<Upload> uploads(RawConfig config, String folder) throws IOException, InvalidConfigurationException {
        List<Upload> uploads = new ArrayList<>();
        Path checksums = null;
        Path manifest = buildDirectory().resolve("distribution").resolve(ArchiveMojo.MANIFEST);
        if ((config.archives == null || config.archives) && Files.isRegularFile(manifest)) {
            for (String line : Files.readAllLines(manifest)) {
                if (line.isBlank()) {
                    continue;
                }
                Path file = Path.of(line);
                if (file.getFileName().toString().equals(ArchivePackager.CHECKSUMS_FILE)) {
                    checksums = file;
                } else {
                    uploads.add(new Upload(file, folder + file.getFileName(), contentType(file)));
                }
            }
        }
        if (config.files != null) {
            for (int i = 0; i < config.files.size(); i++) {
                FileMappingConfig file = config.files.get(i);
                String element = ELEMENT + "<files><file>[" + (i + 1) + "]";
                if (file.source == null) {
                    throw new InvalidConfigurationException(
                            element + "<source>", null, "a file path", "Set the file to publish.");
                }
                String name = file.target == null || file.target.isBlank()
                        ? file.source.getName()
                        : file.target.replaceFirst("^/+", "");
                if (name.endsWith("/")) {
                    name += file.source.getName();
                }
                uploads.add(new Upload(file.source.toPath(), folder + name, contentType(file.source.toPath())));
            }
        }
        if (checksums != null) {
            // The checksum list goes last, so a client that finds it finds every file it lists.
            uploads.add(new Upload(checksums, folder + checksums.getFileName(), "text/plain"));
        }
        return uploads;
    }

    private static String normalizeFolder(String path) throws InvalidConfigurationException {
        String folder = path.trim().replace('\\', '/').replaceAll("/{2,}", "/").replaceFirst("^/+", "");
        for (String segment : folder.split("/")) {
            if (segment.equals("..") || segment.equals(".")) {
                throw new InvalidConfigurationException(
                        "<raw><path>",
                        path,
                        "a relative path without '.' or '..' segments",
                        "Remove the dot segments.");
            }
        }
        if (!folder.isEmpty() && !folder.endsWith("/")) {
            folder += "/";
        }
        return folder;
    }

    private static String contentType(Path file) {
        String name = file.getFileName().toString();
        if (name.endsWith(".tar.gz") || name.endsWith(".tgz")) {
            return "application/gzip";
        }
        if (name.endsWith(".zip")) {
            return "application/zip";
        }
        return "application/octet-stream";
    }

    private void printFetchHints(List<Publication> publications) {
        if (isDryRun() || publications.isEmpty()) {
            return;
        }
        reporter().info("Fetch and check:");
        for (Publication publication : publications) {
            String url = publication.url();
            String source = url.startsWith("http://") || url.startsWith("https://")
                    ? url
                    : Path.of(url).toUri().toString();
            reporter().info("  curl -fLO '" + source + "'");
        }
        if (publications.stream().anyMatch(p -> p.url().endsWith("/" + ArchivePackager.CHECKSUMS_FILE))) {
            reporter().info("  sha256sum -c " + ArchivePackager.CHECKSUMS_FILE);
        }
    }
}
