package dev.distribution.format.rpm;

import static org.assertj.core.api.Assertions.assertThat;

import dev.distribution.core.payload.Mapping;
import dev.distribution.core.payload.Payload;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class YumIndexTest {
    private static final Instant TIME = Instant.parse("2026-12-04T10:00:00Z");

    @TempDir
    Path temp;

    private Path command(String version) throws Exception {
        Path script = temp.resolve("hello-" + version);
        Files.writeString(script, "#!/bin/sh\necho hello " + version + "\n");
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));
        return script;
    }

    /** Returns a package that dnf can install into an empty root: no requirements, no scriptlets. */
    private RpmRequest installable(String version, Path out) throws Exception {
        return new RpmRequest()
                .name("hello")
                .version(version)
                .summary("Says hello & <more>")
                .description("First line.\nSecond line.")
                .license("MIT")
                .entries(Payload.resolve(
                        List.of(Mapping.file(command(version), "/usr/bin/hello")), temp, "<rpm><files>"))
                .timestamp(TIME)
                .outputDirectory(out);
    }

    private RpmRequest rich(Path out) throws Exception {
        Path conf = Files.writeString(temp.resolve("rich.conf"), "a=b\n");
        Files.createDirectories(temp.resolve("empty"));
        return new RpmRequest()
                .name("rich")
                .version("2.0")
                .release("3")
                .epoch(1)
                .summary("Uses every field")
                .license("Apache-2.0")
                .url("https://example.invalid/rich")
                .vendor("Example")
                .packager("Builder <builder@example.invalid>")
                .arch("x86_64")
                .relation("requires", RpmRelation.parse("bash >= 4.0", "r"))
                .relation("requires", RpmRelation.parse("coreutils", "r"))
                .relation("provides", RpmRelation.parse("rich-api = 2", "r"))
                .relation("conflicts", RpmRelation.parse("poor < 1.0", "r"))
                .relation("obsoletes", RpmRelation.parse("rich-old <= 1:1.9-1", "r"))
                .relation("recommends", RpmRelation.parse("less", "r"))
                .relation("suggests", RpmRelation.parse("vim > 8", "r"))
                .entries(Payload.resolve(
                        List.of(
                                Mapping.file(conf, "/etc/rich/rich.conf").withConfig(true),
                                Mapping.directory(temp.resolve("empty"), "/var/lib/rich"),
                                Mapping.link("/usr/sbin/rich", "/opt/rich/bin/rich")),
                        temp,
                        "<rpm><files>"))
                .ghosts(List.of(new RpmRequest.Ghost("/var/log/rich.log", 0644, "root", "root")))
                .scriptlet(RpmRequest.Scriptlet.PRE, "true")
                .scriptlet(RpmRequest.Scriptlet.POSTUN, "true")
                .timestamp(TIME)
                .outputDirectory(out);
    }

    private static List<YumPackage> parse(Path root) throws Exception {
        return YumIndex.read(root);
    }

    @Test
    void sameAsCreaterepo() throws Exception {
        Path repo = Files.createDirectories(temp.resolve("repo"));
        RpmPackager.build(installable("1.0", repo.resolve("packages")), null);
        RpmPackager.build(rich(repo.resolve("packages")), null);
        List<YumPackage> packages = new ArrayList<>();
        for (String name : List.of("hello-1.0-1.noarch.rpm", "rich-2.0-3.x86_64.rpm")) {
            packages.add(RpmMetadataReader.read(repo.resolve("packages").resolve(name), "packages/" + name));
        }
        YumIndex.write(repo, packages, TIME, null);
        Path reference = Files.createDirectories(temp.resolve("reference"));
        RpmTools.ok(temp, "createrepo_c", "--no-database", "--outputdir", reference.toString(), repo.toString());
        Files.move(
                reference.resolve("repodata"),
                Files.createDirectories(temp.resolve("ref")).resolve("repodata"));

        List<YumPackage> ours = parse(repo);
        List<YumPackage> theirs = parse(temp.resolve("ref"));

        assertThat(ours).hasSize(2);
        assertThat(ours).containsExactlyInAnyOrderElementsOf(theirs);
    }

    @Test
    void primaryKeepsEpochAndEscapes() throws Exception {
        Path repo = Files.createDirectories(temp.resolve("repo"));
        Path rpm = RpmPackager.build(installable("1.0", repo), null);
        YumIndex.write(
                repo, List.of(RpmMetadataReader.read(rpm, rpm.getFileName().toString())), TIME, null);

        String primary = gunzip(
                repo.resolve(YumIndex.locations(repo.resolve(YumIndex.REPOMD)).get("primary")));

        assertThat(primary).contains("<version epoch=\"0\" ver=\"1.0\" rel=\"1\"/>");
        assertThat(primary).contains("<summary>Says hello &amp; &lt;more&gt;</summary>");
    }

    @Test
    void repomdChecksumsMatchFiles() throws Exception {
        Path repo = Files.createDirectories(temp.resolve("repo"));
        Path rpm = RpmPackager.build(installable("1.0", repo), null);
        YumIndex.write(
                repo, List.of(RpmMetadataReader.read(rpm, rpm.getFileName().toString())), TIME, null);
        String repomd = Files.readString(repo.resolve(YumIndex.REPOMD));
        Path primary =
                repo.resolve(YumIndex.locations(repo.resolve(YumIndex.REPOMD)).get("primary"));

        String sha256 = dev.distribution.core.Checksums.sha256(primary);
        String openSha256 = dev.distribution.core.Checksums.sha256(
                gunzip(primary).getBytes(java.nio.charset.StandardCharsets.UTF_8));

        assertThat(repomd).contains("<checksum type=\"sha256\">" + sha256 + "</checksum>");
        assertThat(repomd).contains("<open-checksum type=\"sha256\">" + openSha256 + "</open-checksum>");
    }

    @Test
    void updateKeepsExistingPackages() throws Exception {
        Path repo = Files.createDirectories(temp.resolve("repo"));
        Path first = RpmPackager.build(installable("1.0", repo), null);
        YumIndex.write(
                repo, List.of(RpmMetadataReader.read(first, first.getFileName().toString())), TIME, null);
        Path second = RpmPackager.build(installable("1.1", repo), null);
        Files.delete(first);

        List<YumPackage> merged = YumIndex.merge(
                YumIndex.read(repo),
                List.of(RpmMetadataReader.read(second, second.getFileName().toString())));
        YumIndex.write(repo, merged, TIME, null);

        assertThat(YumIndex.read(repo)).extracting(YumPackage::version).containsExactly("1.0", "1.1");
    }

    @Test
    void dnfInstallsFromSignedRepository() throws Exception {
        RpmTools.Key key = RpmTools.generateKey(temp);
        Path repo = Files.createDirectories(temp.resolve("repo"));
        List<YumPackage> packages = new ArrayList<>();
        for (String version : List.of("1.0~~20261204100000", "1.0~rc1")) {
            Path rpm = RpmPackager.build(installable(version, repo.resolve("Packages")), key.signer());
            packages.add(RpmMetadataReader.read(rpm, "Packages/" + rpm.getFileName()));
        }
        YumIndex.write(repo, packages, TIME, key.signer());

        try (StaticServer server = new StaticServer(repo)) {
            Dnf dnf = new Dnf(temp, server.url());
            assertThat(dnf.run("repoquery", "--latest-limit=1", "--qf=%{version}", "hello")
                            .output()
                            .strip())
                    .endsWith("1.0~rc1");

            Path release = RpmPackager.build(installable("1.0", repo.resolve("Packages")), key.signer());
            List<YumPackage> merged = YumIndex.merge(
                    YumIndex.read(repo), List.of(RpmMetadataReader.read(release, "Packages/" + release.getFileName())));
            YumIndex.write(repo, merged, TIME.plusSeconds(60), key.signer());

            assertThat(dnf.run("--refresh", "repoquery", "--latest-limit=1", "--qf=%{version}", "hello")
                            .output()
                            .strip())
                    .endsWith("\n1.0");
            RpmTools.Result install = dnf.run("install", "hello");
            assertThat(install.exitCode()).as(install.output()).isZero();
        }
        Path installed = temp.resolve("dnf/root/usr/bin/hello");
        assertThat(RpmTools.ok(temp, "sh", installed.toString())).isEqualTo("hello 1.0\n");
    }

    @Test
    void dnfRejectsUnsignedRepomd() throws Exception {
        RpmTools.Key key = RpmTools.generateKey(temp);
        Path repo = Files.createDirectories(temp.resolve("repo"));
        Path rpm = RpmPackager.build(installable("1.0", repo), key.signer());
        YumIndex.write(
                repo, List.of(RpmMetadataReader.read(rpm, rpm.getFileName().toString())), TIME, null);
        Files.copy(key.publicKey(), repo.resolve(YumIndex.PUBLIC_KEY));

        try (StaticServer server = new StaticServer(repo)) {
            RpmTools.Result result = new Dnf(temp, server.url()).run("makecache");

            assertThat(result.exitCode()).isNotZero();
        }
    }

    private static String gunzip(Path file) throws Exception {
        try (InputStream in = new GZIPInputStream(Files.newInputStream(file))) {
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
    }

    /** dnf against one repository, with gpgcheck and repo_gpgcheck, installing into a private root. */
    static final class Dnf {
        private final Path work;
        private final String url;

        Dnf(Path temp, String url) throws Exception {
            this.work = Files.createDirectories(temp.resolve("dnf"));
            this.url = url;
            Files.createDirectories(work.resolve("root/var/log"));
            Files.createDirectories(work.resolve("reposdir-empty"));
            Files.writeString(work.resolve("dnf.conf"), "[main]\ngpgcheck=1\nkeepcache=0\nmetadata_expire=0\n");
        }

        RpmTools.Result run(String... args) throws Exception {
            List<String> command = new ArrayList<>(List.of(
                    "dnf",
                    "-y",
                    "--config=" + work.resolve("dnf.conf"),
                    "--installroot=" + work.resolve("root"),
                    "--releasever=1",
                    "--setopt=reposdir=" + work.resolve("reposdir-empty"),
                    "--setopt=cachedir=" + work.resolve("cache"),
                    "--setopt=logdir=" + work.resolve("root/var/log"),
                    "--repofrompath=test," + url,
                    "--repo=test",
                    "--setopt=test.gpgcheck=1",
                    "--setopt=test.repo_gpgcheck=1",
                    "--setopt=test.gpgkey=" + url + YumIndex.PUBLIC_KEY));
            command.addAll(List.of(args));
            return RpmTools.run(work, command.toArray(String[]::new));
        }
    }
}
