package dev.distribution.format.brew;

import dev.distribution.core.InvalidConfigurationException;
import dev.distribution.core.Platform;
import dev.distribution.core.Publication;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Picks the formula's downloads from the publication record: for each platform, the published
 * {@code .tar.gz} (else {@code .zip}) archive whose name ends with the platform classifier, such
 * as {@code hello-1.0-darwin-arm64.tar.gz}. The URL and SHA-256 are those recorded when the file
 * was published, so the formula names exactly the bytes the repository serves.
 */
public final class PublishedArchives {
    /** The platforms a formula can name: macOS and Linux on Intel and ARM. */
    public static final List<Platform> BREW_PLATFORMS = List.of(
            new Platform("darwin", "arm64"),
            new Platform("darwin", "amd64"),
            new Platform("linux", "arm64"),
            new Platform("linux", "amd64"));

    private static final List<String> EXTENSIONS = List.of(".tar.gz", ".zip");

    private PublishedArchives() {}

    /**
     * Selects the downloads.
     *
     * @param published the publication record, plus in a dry run the uploads planned so far
     * @param archives the archive files built by the {@code archive} goal
     * @param repositoryId the repository whose publications count; null for any, which fails when
     *     one archive was published to two repositories
     * @param platforms the platforms the formula supports; null for every platform of
     *     {@link #BREW_PLATFORMS} with a published archive, or else the one archive without
     *     platform
     * @param urlTemplate the public URL with {@code {url}}, {@code {file}} and {@code {version}}
     *     placeholders; null for the recorded URL
     * @param version the value of {@code {version}}, the project version
     * @param element the POM element of the formula block, for error messages
     * @return one download per platform, in the order of {@code platforms}
     * @throws InvalidConfigurationException when a platform has no published archive, or the
     *     repository is ambiguous
     */
    public static List<Formula.Download> select(
            Collection<Publication> published,
            Collection<Path> archives,
            String repositoryId,
            List<Platform> platforms,
            String urlTemplate,
            String version,
            String element)
            throws InvalidConfigurationException {
        Set<String> archivePaths = new TreeSet<>();
        for (Path archive : archives) {
            archivePaths.add(archive.toAbsolutePath().normalize().toString());
        }
        Map<String, Publication> byFile = new LinkedHashMap<>();
        for (Publication publication : published) {
            String file =
                    Path.of(publication.file()).toAbsolutePath().normalize().toString();
            if (!archivePaths.contains(file)
                    || (repositoryId != null && !repositoryId.equals(publication.repositoryId()))
                    || !isFinished(publication)) {
                continue;
            }
            Publication earlier = byFile.put(file, publication);
            if (earlier != null && !earlier.repositoryId().equals(publication.repositoryId())) {
                throw new InvalidConfigurationException(
                        element + "<archiveRepository>",
                        null,
                        earlier.repositoryId() + ", " + publication.repositoryId(),
                        "The archive " + Path.of(file).getFileName()
                                + " was published to two repositories; name the one Homebrew downloads from.");
            }
        }
        List<Formula.Download> downloads = new ArrayList<>();
        if (platforms == null) {
            for (Platform platform : BREW_PLATFORMS) {
                Publication publication = find(byFile.values(), platform);
                if (publication != null) {
                    downloads.add(download(platform, publication, urlTemplate, version));
                }
            }
            if (downloads.isEmpty()) {
                Publication any = find(byFile.values(), null);
                if (any == null) {
                    throw new InvalidConfigurationException(
                            element + "<platforms>",
                            null,
                            "platforms with a published archive",
                            "No published archive was found in the publication record. Run the archive and"
                                    + " deploy-raw goals before this one, in the same build.");
                }
                downloads.add(download(null, any, urlTemplate, version));
            }
            return downloads;
        }
        for (Platform platform : platforms) {
            Publication publication = find(byFile.values(), platform);
            if (publication == null) {
                throw new InvalidConfigurationException(
                        element + "<platforms>",
                        platform.toString(),
                        "platforms with a published archive: " + describe(byFile.values()),
                        "Add " + platform + " to <archive><platforms> and publish it with deploy-raw, or remove"
                                + " it from <brew><platforms>.");
            }
            downloads.add(download(platform, publication, urlTemplate, version));
        }
        return downloads;
    }

    private static boolean isFinished(Publication publication) {
        // A dry run plans an upload without making it; its formula shows the URL the upload would have.
        return publication.status() == Publication.Status.UPLOADED
                || publication.status() == Publication.Status.PLANNED_UPLOAD
                || publication.status() == Publication.Status.ALREADY_PUBLISHED
                || publication.status() == Publication.Status.REPLACED;
    }

    private static Publication find(Collection<Publication> publications, Platform platform) {
        for (String extension : EXTENSIONS) {
            for (Publication publication : publications) {
                String name = Path.of(publication.file()).getFileName().toString();
                if (!name.endsWith(extension)) {
                    continue;
                }
                String base = name.substring(0, name.length() - extension.length());
                boolean matches = platform == null
                        ? BREW_PLATFORMS.stream().noneMatch(p -> base.endsWith("-" + p.classifier()))
                        : base.endsWith("-" + platform.classifier());
                if (matches) {
                    return publication;
                }
            }
        }
        return null;
    }

    private static String describe(Collection<Publication> publications) {
        List<String> names = new ArrayList<>();
        for (Publication publication : publications) {
            names.add(Path.of(publication.file()).getFileName().toString());
        }
        return names.isEmpty() ? "none" : String.join(", ", names);
    }

    private static Formula.Download download(
            Platform platform, Publication publication, String urlTemplate, String version) {
        String recorded = publication.url();
        if (!recorded.contains("://")) {
            // A folder target records a file path; curl, and so brew, read it as a file URL.
            recorded = Path.of(recorded).toUri().toString();
        }
        String url = urlTemplate == null
                ? recorded
                : urlTemplate
                        .replace("{url}", recorded)
                        .replace(
                                "{file}",
                                Path.of(publication.file()).getFileName().toString())
                        .replace("{version}", version);
        return new Formula.Download(platform, url, publication.sha256());
    }
}
