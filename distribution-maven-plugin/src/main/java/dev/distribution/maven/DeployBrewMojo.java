package dev.distribution.maven;

import dev.distribution.core.DistributionException;
import dev.distribution.core.InvalidConfigurationException;
import dev.distribution.core.Publication;
import dev.distribution.core.Repository;
import dev.distribution.core.RepositoryType;
import dev.distribution.core.Target;
import dev.distribution.core.Upload;
import dev.distribution.format.brew.BottleTag;
import dev.distribution.format.brew.Formula;
import dev.distribution.format.brew.FormulaWriter;
import dev.distribution.format.brew.PublishedArchives;
import dev.distribution.http.Credentials;
import dev.distribution.http.HttpTransport;
import dev.distribution.target.git.GitTap;
import dev.distribution.target.git.LocalTap;
import dev.distribution.target.nexus.NexusRawTarget;
import dev.distribution.target.nexus.NexusRepositoryUrl;
import dev.distribution.target.staticrepo.DirectoryTarget;
import dev.distribution.target.webdav.HttpPutTarget;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.eclipse.jgit.lib.PersonIdent;

/**
 * Writes {@code Formula/<name>.rb} from what this build published and pushes it to the tap.
 * Archive URLs and SHA-256 digests come from the publication record of {@code deploy-raw} (list
 * that goal first); bottles built by the {@code brew} goal are published to a raw repository
 * first, and their recorded digests go into the {@code bottle do} block. An unchanged formula
 * makes no commit.
 *
 * <pre>{@code
 * <brew>
 *   <repository>tap</repository>   <!-- a <repository> of type git: the homebrew-<tap> clone URL -->
 *   <urlTemplate>https://downloads.example.com/{file}</urlTemplate>
 * </brew>
 * }</pre>
 */
@Mojo(name = "deploy-brew", defaultPhase = LifecyclePhase.DEPLOY, threadSafe = true)
public class DeployBrewMojo extends AbstractPublishMojo {
    private static final String ELEMENT = BrewFormulas.ELEMENT;

    /** The formula configuration; see {@link BrewConfig}. */
    @Parameter
    private BrewConfig brew;

    /**
     * Skips this goal.
     *
     * <p>User property: {@code distribution.brew.deploySkip}. Default: {@code false}.
     */
    @Parameter(property = PropertyNames.DEPLOY_BREW_SKIP, defaultValue = "false")
    private boolean skipDeployBrew;

    @Override
    protected boolean isGoalSkipped() {
        return skipDeployBrew;
    }

    @Override
    protected String goalSkipProperty() {
        return PropertyNames.DEPLOY_BREW_SKIP;
    }

    @Override
    protected void run() throws DistributionException, IOException {
        BrewConfig config =
                BlockProperties.apply(brew, BrewConfig.class, "distribution.brew", session.getUserProperties());
        BrewFormulas formulas = new BrewFormulas(config, project, outputTimestamp());
        formulas.validate();
        String[] author = formulas.author();
        Repository tapRepository = repository(config.repository, ELEMENT + "<repository>");
        if (tapRepository != null && tapRepository.type() != RepositoryType.GIT) {
            throw new InvalidConfigurationException(
                    ELEMENT + "<repository>",
                    tapRepository.id() + " (type " + tapRepository.type().id() + ")",
                    "a repository of type git",
                    "Declare the tap as <repository> with <type>git</type> and its clone URL.");
        }
        String tapName = config.tapName != null ? config.tapName.trim() : "tap";
        if (!tapName.matches("[a-z0-9][a-z0-9._-]*")) {
            throw new InvalidConfigurationException(
                    ELEMENT + "<tapName>", tapName, "lower-case letters, digits, '.', '_' and '-'", "Rename the tap.");
        }

        List<Publication> published = new ArrayList<>(publicationLog().read());
        if (isDryRun()) {
            // A dry run records nothing, so the archives deploy-raw planned are only in the summary.
            published.addAll(BuildSummary.snapshot());
        }
        List<Formula.Download> downloads = PublishedArchives.select(
                published,
                BrewMojo.ArchiveManifest.archives(buildDirectory()),
                blank(config.archiveRepository) ? null : config.archiveRepository.trim(),
                formulas.platforms(),
                blank(config.urlTemplate) ? null : config.urlTemplate.trim(),
                project.getVersion(),
                ELEMENT);
        List<BuiltBottle> bottles = builtBottles(formulas.bottleTags());
        GitTap tap = tap(config, tapRepository, tapName);
        if (!isDryRun() || tapRepository != null) {
            tap.check();
        }

        // Every check above runs before the first upload below.
        Formula.Bottles bottleBlock = publishBottles(config, bottles);
        Formula formula = formulas.formula(downloads, bottleBlock);
        String ruby = FormulaWriter.render(formula);
        Path file = buildDirectory()
                .resolve("distribution")
                .resolve("brew")
                .resolve(formula.name().path());
        Files.createDirectories(file.getParent());
        Files.writeString(file, ruby, StandardCharsets.UTF_8);
        reporter().info("Wrote " + file);
        if (isDryRun()) {
            reporter().info("Dry run: the tap is not changed. The formula would be:");
            ruby.lines().forEach(line -> reporter().info("  " + line));
            return;
        }

        GitTap.Result result = tap.publish(
                Map.of(formula.name().path(), ruby),
                formula.name() + " " + formula.version(),
                new PersonIdent(author[0], author[1]));
        reporter().info("Install with:");
        reporter()
                .info("  brew tap <user>/" + tapName + " "
                        + BuildSecrets.redactor().redact(tap.url()));
        reporter().info("  brew install <user>/" + tapName + "/" + formula.name());
        if (!result.changed()) {
            reporter().info("The tap already had formula " + formula.name() + " " + formula.version() + ".");
        }
    }

    /** Creates the tap client; the embedded tap is created first unless this is a dry run. */
    private GitTap tap(BrewConfig config, Repository tapRepository, String tapName) throws DistributionException {
        String url;
        Credentials credentials;
        if (tapRepository == null) {
            Path embedded = embeddedRepository("brew");
            url = isDryRun()
                    ? embedded.resolve("homebrew-" + tapName + ".git").toUri().toString()
                    : LocalTap.ensure(embedded, tapName);
            credentials = new Credentials.None();
        } else {
            url = tapRepository.url();
            credentials = credentials(tapRepository);
        }
        return new GitTap(
                url,
                blank(config.branch) ? null : config.branch.trim(),
                credentials,
                buildDirectory().resolve("distribution").resolve("brew").resolve("tap"),
                reporter(),
                BuildSecrets.redactor());
    }

    private record BuiltBottle(BottleTag tag, String cellar, Path file) {}

    private List<BuiltBottle> builtBottles(List<BottleTag> tags) throws IOException, InvalidConfigurationException {
        List<BuiltBottle> bottles = new ArrayList<>();
        if (tags.isEmpty()) {
            return bottles;
        }
        Path manifest = buildDirectory().resolve("distribution").resolve(BrewMojo.BOTTLE_MANIFEST);
        List<String> lines = Files.isRegularFile(manifest) ? Files.readAllLines(manifest) : List.of();
        for (BottleTag tag : tags) {
            BuiltBottle found = null;
            for (String line : lines) {
                String[] fields = line.split("\t", 3);
                if (fields.length == 3 && fields[0].equals(tag.tag())) {
                    found = new BuiltBottle(tag, fields[1], Path.of(fields[2]));
                }
            }
            if (found == null || !Files.isRegularFile(found.file())) {
                throw new InvalidConfigurationException(
                        ELEMENT + "<bottles>",
                        tag.tag(),
                        "tags the brew goal built in this build",
                        "Run the brew goal (phase package) before deploy-brew, with the same <brew> block.");
            }
            bottles.add(found);
        }
        return bottles;
    }

    private Formula.Bottles publishBottles(BrewConfig config, List<BuiltBottle> bottles)
            throws DistributionException, IOException {
        if (bottles.isEmpty()) {
            return null;
        }
        String folder = blank(config.bottlePath)
                ? project.getArtifactId() + "/bottles/"
                : config.bottlePath.trim().replaceFirst("^/+", "").replaceFirst("/*$", "/");
        if (folder.contains("..") || folder.equals("/")) {
            throw new InvalidConfigurationException(
                    ELEMENT + "<bottlePath>", config.bottlePath, "a relative folder without '..'", "Fix the folder.");
        }
        List<Upload> uploads = new ArrayList<>();
        for (BuiltBottle bottle : bottles) {
            uploads.add(new Upload(bottle.file(), folder + bottle.file().getFileName(), "application/gzip"));
        }
        Repository repository = repository(config.bottleRepository, ELEMENT + "<bottleRepository>");
        List<Publication> publications;
        Target target;
        if (repository == null) {
            target = new DirectoryTarget("embedded", embeddedRepository("raw"));
            publications = publisher().publish(target, uploads);
        } else {
            try (HttpTransport http = repository.type() == RepositoryType.STATIC ? null : openTransport()) {
                target = rawTarget(repository, http);
                publications = publisher().publish(target, uploads);
            }
        }
        report(publications);
        String rootUrl;
        if (!blank(config.bottleRootUrl)) {
            rootUrl = config.bottleRootUrl.trim().replaceFirst("/+$", "");
        } else {
            String first = publications.get(0).url();
            rootUrl = first.contains("://") ? first : Path.of(first).toUri().toString();
            rootUrl = rootUrl.substring(0, rootUrl.lastIndexOf('/'));
        }
        List<Formula.Bottle> lines = new ArrayList<>();
        for (int i = 0; i < bottles.size(); i++) {
            lines.add(new Formula.Bottle(
                    bottles.get(i).tag().tag(),
                    bottles.get(i).cellar(),
                    publications.get(i).sha256()));
        }
        return new Formula.Bottles(rootUrl, lines);
    }

    private Target rawTarget(Repository repository, HttpTransport http) throws InvalidConfigurationException {
        String element = "<repositories><repository> '" + repository.id() + "'";
        return switch (repository.type()) {
            case STATIC -> new DirectoryTarget(repository.id(), Path.of(repository.url()));
            case WEBDAV -> new HttpPutTarget(repository, http, credentials(repository));
            case NEXUS ->
                new NexusRawTarget(
                        repository,
                        NexusRepositoryUrl.parse(repository.url(), element + "<url>"),
                        http,
                        credentials(repository),
                        false);
            default ->
                throw new InvalidConfigurationException(
                        ELEMENT + "<bottleRepository>",
                        repository.id() + " (type " + repository.type().id() + ")",
                        "a repository of type nexus, webdav or static",
                        "Point <brew><bottleRepository> at a raw repository with anonymous read.");
        };
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
