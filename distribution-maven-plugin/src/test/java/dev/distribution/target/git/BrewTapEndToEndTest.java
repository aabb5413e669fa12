package dev.distribution.target.git;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.distribution.core.Checksums;
import dev.distribution.core.PackageFile;
import dev.distribution.core.Platform;
import dev.distribution.core.Publication;
import dev.distribution.core.PublicationLog;
import dev.distribution.core.PublishOptions;
import dev.distribution.core.Publisher;
import dev.distribution.core.Redactor;
import dev.distribution.core.Reporter;
import dev.distribution.core.Upload;
import dev.distribution.core.payload.Mapping;
import dev.distribution.format.brew.BottleBuilder;
import dev.distribution.format.brew.BottleTag;
import dev.distribution.format.brew.Formula;
import dev.distribution.format.brew.FormulaName;
import dev.distribution.format.brew.FormulaWriter;
import dev.distribution.format.brew.PublishedArchives;
import dev.distribution.format.brew.RubyFormula;
import dev.distribution.format.raw.ArchiveFormat;
import dev.distribution.format.raw.ArchivePackager;
import dev.distribution.format.raw.ArchiveRequest;
import dev.distribution.http.Credentials;
import dev.distribution.target.staticrepo.DirectoryTarget;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.jgit.lib.PersonIdent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs the steps of the archive, deploy-raw, brew and deploy-brew goals in order: platform
 * archives published to a raw folder, bottles built and published, the formula written from the
 * publication record and pushed to a tap served by {@code git daemon}, then read back from a fresh
 * clone with ruby.
 */
class BrewTapEndToEndTest {
    private static final Instant TIME = Instant.parse("2026-12-04T00:00:00Z");
    private static final List<Platform> PLATFORMS =
            List.of(new Platform("darwin", "arm64"), new Platform("darwin", "amd64"), new Platform("linux", "amd64"));
    private static final PersonIdent AUTHOR = new PersonIdent("Release Bot", "release@example.com");

    @TempDir
    Path folder;

    @Test
    void formulaFromFreshClone() throws Exception {
        Path served = folder.resolve("served");
        GitCli.bare(served, "homebrew-tools.git");
        try (GitDaemon daemon = GitDaemon.serve(served)) {
            String url = daemon.url("homebrew-tools.git");

            release("1.0", url);

            Path clone = GitCli.cloneOf(url, folder.resolve("check"));
            Path formula = clone.resolve("Formula/hello-infra.rb");
            assertThat(RubyFormula.syntaxCheck(formula).exitCode()).isZero();
            JsonNode read = RubyFormula.read(formula, folder);
            assertThat(read.get("class").asText()).isEqualTo("HelloInfra");
            assertThat(read.get("version").asText()).isEqualTo("1.0");
            assertThat(read.get("urls")).hasSize(3);
            assertThat(read.get("bottle").get("sha256")).hasSize(2);
        }
    }

    @Test
    void digestsMatchPublishedFiles() throws Exception {
        Path remote = GitCli.bare(folder.resolve("remote"), "homebrew-tools.git");
        release("1.0", remote.toUri().toString());

        Path clone = GitCli.cloneOf(remote.toUri().toString(), folder.resolve("check"));
        JsonNode read = RubyFormula.read(clone.resolve("Formula/hello-infra.rb"), folder);

        for (JsonNode url : read.get("urls")) {
            Path published = Path.of(URI.create(url.get("url").asText()));
            assertThat(Checksums.sha256(published)).isEqualTo(url.get("sha256").asText());
        }
        String root = read.get("bottle").get("root_url").asText();
        for (JsonNode bottle : read.get("bottle").get("sha256")) {
            String fileName = "hello-infra--1.0." + bottle.get("tag").asText() + ".bottle.tar.gz";
            Path published = Path.of(URI.create(root + "/" + fileName));
            assertThat(Checksums.sha256(published))
                    .isEqualTo(bottle.get("sha256").asText());
        }
    }

    @Test
    void urlsPointAtRawRepository() throws Exception {
        Path remote = GitCli.bare(folder.resolve("remote"), "homebrew-tools.git");
        release("1.0", remote.toUri().toString());

        Path clone = GitCli.cloneOf(remote.toUri().toString(), folder.resolve("check"));
        JsonNode urls = RubyFormula.read(clone.resolve("Formula/hello-infra.rb"), folder)
                .get("urls");

        List<String> seen = new ArrayList<>();
        for (JsonNode url : urls) {
            String text = url.get("url").asText();
            seen.add(url.get("os").asText() + "/" + url.get("cpu").asText() + " "
                    + text.substring(text.lastIndexOf("/raw/") + 1));
        }
        assertThat(seen)
                .containsExactly(
                        "macos/arm raw/hello-infra/1.0/hello-infra-1.0-darwin-arm64.tar.gz",
                        "macos/intel raw/hello-infra/1.0/hello-infra-1.0-darwin-amd64.tar.gz",
                        "linux/intel raw/hello-infra/1.0/hello-infra-1.0-linux-amd64.tar.gz");
    }

    @Test
    void republishMakesNoCommit() throws Exception {
        Path remote = GitCli.bare(folder.resolve("remote"), "homebrew-tools.git");
        release("1.0", remote.toUri().toString());

        GitTap.Result second = release("1.0", remote.toUri().toString());

        assertThat(second.changed()).isFalse();
        assertThat(GitCli.commitCount(remote, "main")).isEqualTo(1);
    }

    @Test
    void newVersionIsOneCommit() throws Exception {
        Path remote = GitCli.bare(folder.resolve("remote"), "homebrew-tools.git");
        release("1.0", remote.toUri().toString());
        String before = GitCli.git(remote, "show", "main:Formula/hello-infra.rb");

        release("1.1", remote.toUri().toString());

        Path clone = GitCli.cloneOf(remote.toUri().toString(), folder.resolve("check"));
        JsonNode read = RubyFormula.read(clone.resolve("Formula/hello-infra.rb"), folder);
        assertThat(GitCli.commitCount(remote, "main")).isEqualTo(2);
        assertThat(GitCli.git(remote, "log", "-1", "--format=%s", "main").trim())
                .isEqualTo("hello-infra 1.1");
        assertThat(read.get("version").asText()).isEqualTo("1.1");
        assertThat(read.get("urls").get(0).get("url").asText()).endsWith("/hello-infra-1.1-darwin-arm64.tar.gz");
        assertThat(before).doesNotContain(read.get("urls").get(0).get("sha256").asText());
    }

    /** Runs the four goals' steps for one version and pushes the formula to the tap. */
    private GitTap.Result release(String version, String tapUrl) throws Exception {
        Path build = folder.resolve("build-" + version);
        Path repository = folder.resolve("repository");
        PublicationLog log = new PublicationLog(build.resolve("publication.json"));
        Publisher publisher = new Publisher(Reporter.SILENT, log, new PublishOptions(false, false));

        // archive
        Path sources = build.resolve("sources");
        Files.createDirectories(sources);
        Map<Platform, List<Mapping>> platformFiles = new LinkedHashMap<>();
        for (Platform platform : PLATFORMS) {
            Path binary = sources.resolve("hello-" + platform.classifier());
            Files.writeString(binary, "#!/bin/sh\necho hello " + version + " " + platform + "\n");
            platformFiles.put(
                    platform, List.of(Mapping.file(binary, "bin/hello-infra").withMode(0755)));
        }
        List<PackageFile> archives = ArchivePackager.build(
                new ArchiveRequest(
                        "hello-infra-" + version,
                        "hello-infra-" + version,
                        List.of(ArchiveFormat.TAR_GZ),
                        version,
                        List.of(),
                        platformFiles,
                        build,
                        build.resolve("raw"),
                        TIME,
                        false),
                Reporter.SILENT);

        // deploy-raw
        DirectoryTarget raw = new DirectoryTarget("embedded", repository.resolve("raw"));
        List<Upload> uploads = new ArrayList<>();
        for (PackageFile archive : archives) {
            uploads.add(new Upload(archive.path(), "hello-infra/" + version + "/" + archive.fileName()));
        }
        publisher.publish(raw, uploads);

        // brew
        FormulaName name = FormulaName.parse("hello-infra", "<brew><name>");
        Formula.Install install = new Formula.Install(
                List.of(new Formula.Binary("bin/hello-infra", "hello-infra")), List.of(), null, null, null, null);
        List<BottleBuilder.Built> bottles = new ArrayList<>();
        for (String tag : List.of("arm64_sonoma", "x86_64_linux")) {
            BottleTag bottleTag = BottleTag.parse(tag, "<brew><bottles>");
            Path archive = archives.stream()
                    .filter(file -> bottleTag.platform().classifier().equals(file.classifier()))
                    .findFirst()
                    .orElseThrow()
                    .path();
            bottles.add(BottleBuilder.build(
                    name, version, install, bottleTag, archive, build.resolve("work"), build.resolve("bottles"), TIME));
        }

        // deploy-brew
        List<Formula.Download> downloads = PublishedArchives.select(
                log.read(), archives.stream().map(PackageFile::path).toList(), null, null, null, version, "<brew>");
        List<Upload> bottleUploads = new ArrayList<>();
        for (BottleBuilder.Built bottle : bottles) {
            bottleUploads.add(new Upload(
                    bottle.file(), "hello-infra/bottles/" + bottle.file().getFileName()));
        }
        List<Publication> published = publisher.publish(raw, bottleUploads);
        List<Formula.Bottle> bottleLines = new ArrayList<>();
        for (int i = 0; i < bottles.size(); i++) {
            bottleLines.add(new Formula.Bottle(
                    bottles.get(i).tag().tag(),
                    bottles.get(i).cellar(),
                    published.get(i).sha256()));
        }
        String rootUrl =
                repository.resolve("raw/hello-infra/bottles").toUri().toString().replaceFirst("/$", "");
        Formula formula = new Formula(
                name,
                "Says hello",
                "https://example.com/hello",
                "MIT",
                version,
                downloads,
                List.of(),
                install,
                "--version",
                null,
                null,
                null,
                new Formula.Bottles(rootUrl, bottleLines));
        GitTap tap =
                new GitTap(tapUrl, null, new Credentials.None(), build.resolve("tap"), Reporter.SILENT, new Redactor());
        return tap.publish(Map.of(name.path(), FormulaWriter.render(formula)), name + " " + version, AUTHOR);
    }
}
