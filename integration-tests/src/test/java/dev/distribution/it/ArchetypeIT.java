package dev.distribution.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.distribution.it.support.DockerRegistry;
import dev.distribution.it.support.ItEnvironment;
import dev.distribution.it.support.MavenRun;
import dev.distribution.it.support.MavenSettings;
import dev.distribution.it.support.Nginx;
import dev.distribution.it.support.Processes;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.TestInstance;

/**
 * The archetypes, each generated in batch mode by {@code archetype:generate} from {@code
 * target/it-repo}; each generated project then runs {@code mvn deploy} without edits, once to the
 * embedded repository and once to nginx WebDAV standing in for Nexus (same URL layout,
 * {@code /repository/<name>/<path>}). Published files are fetched back with curl and checked with
 * sha256sum, and the command-line tool is run from its downloaded archive.
 *
 * <p>The company parent with its default coordinates is generated and installed once for the
 * class, because the other archetypes inherit it by default.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ArchetypeIT {
    private static final String USER = "deployer";
    private static final String PASSWORD = "Archetype-IT-s3cret-2291";
    private static final String ARCHETYPE_GROUP = "dev.distribution";

    private Nginx nginx;
    private String testName;

    @BeforeAll
    void installDefaultParent() throws IOException {
        MavenRun generated = generate("company-parent-archetype", "parent", Map.of());
        MavenRun.BuildResult install = generated.project("company-parent").run("install");
        assertThat(install.exitCode()).as(install.toString()).isZero();
    }

    @AfterEach
    void stopServer() {
        if (nginx != null) {
            nginx.close();
            nginx = null;
        }
    }

    @Test
    void cliDeploysToEmbedded(TestInfo info) throws Exception {
        testName = info.getTestMethod().orElseThrow().getName();
        MavenRun cli = generate("cli-archetype", testName, Map.of()).project("hello-cli");

        MavenRun.BuildResult deploy = cli.run("deploy");

        assertThat(deploy.exitCode()).as(deploy.toString()).isZero();
        Path published = cli.projectDirectory().resolve("target/distribution-repository/raw/hello-cli/1.0.0-SNAPSHOT");
        assertThat(names(published))
                .containsExactlyInAnyOrder(
                        "hello-cli-1.0.0-SNAPSHOT.tar.gz", "hello-cli-1.0.0-SNAPSHOT.zip", "SHA256SUMS");
        Processes.Result check = run(published, "sha256sum", "-c", "SHA256SUMS");
        assertThat(check.exitCode()).as(check.output()).isZero();
        assertThat(runLauncher(published, "hello-cli-1.0.0-SNAPSHOT.tar.gz", "hello-cli", "Ada"))
                .contains("Hello, Ada!");
        Path rpm;
        try (Stream<Path> files = Files.walk(cli.projectDirectory().resolve("target/distribution-repository/yum"))) {
            rpm = files.filter(file -> file.toString().endsWith(".rpm"))
                    .findFirst()
                    .orElseThrow();
        }
        Processes.Result contents = run(rpm.getParent(), "rpm", "-qpl", rpm.toString());
        assertThat(contents.output()).contains("/usr/bin/hello-cli");
        assertThat(contents.output()).contains("/usr/share/hello-cli/lib/picocli-4.7.7.jar");
        assertThat(contents.output()).contains("/usr/share/hello-cli/bin/hello-cli");
        Path deb;
        try (Stream<Path> files = Files.walk(cli.projectDirectory().resolve("target/distribution-repository/apt"))) {
            deb = files.filter(file -> file.toString().endsWith(".deb"))
                    .findFirst()
                    .orElseThrow();
        }
        Processes.Result debContents = run(deb.getParent(), "dpkg-deb", "-c", deb.toString());
        assertThat(debContents.output()).contains("./usr/share/hello-cli/lib/picocli-4.7.7.jar");
        assertThat(debContents.output()).contains("./usr/bin/hello-cli");
        // Repositories, versions and the archive layout live in the company parent.
        assertThat(Files.readAllLines(cli.projectDirectory().resolve("pom.xml")))
                .hasSizeLessThan(60);
    }

    @Test
    void cliDeploysToNexusUrl(TestInfo info) throws Exception {
        testName = info.getTestMethod().orElseThrow().getName();
        startNginx();
        Map<String, String> properties = Map.of("artifactId", "tool", "package", "com.example.tool");
        MavenRun cli = generate("cli-archetype", testName, properties)
                .project("tool")
                .settings(nexusSettings())
                .property("nexus.url", nexusUrl())
                // Nexus takes .deb files by POST, which nginx WebDAV does not serve.
                .property("distribution.deb.deploySkip", "true");

        MavenRun.BuildResult deploy = cli.run("deploy");

        assertThat(deploy.exitCode()).as(deploy.toString()).isZero();
        Path download = Files.createDirectories(cli.workDirectory().resolve("download"));
        String folder = "repository/raw-hosted/tool/1.0.0-SNAPSHOT/";
        for (String name : List.of("tool-1.0.0-SNAPSHOT.tar.gz", "tool-1.0.0-SNAPSHOT.zip", "SHA256SUMS")) {
            curl(folder + name, download.resolve(name));
        }
        Processes.Result check = run(download, "sha256sum", "-c", "SHA256SUMS");
        assertThat(check.exitCode()).as(check.output()).isZero();
        assertThat(runLauncher(download, "tool-1.0.0-SNAPSHOT.tar.gz", "tool", "Grace"))
                .contains("Hello, Grace!");
        // The jar went to the snapshot repository of the Maven format.
        Path metadata = download.resolve("maven-metadata.xml");
        curl("repository/maven-snapshots/com/example/tool/1.0.0-SNAPSHOT/maven-metadata.xml", metadata);
        assertThat(Files.readString(metadata)).contains("<artifactId>tool</artifactId>");
        assertThat(nginx.requests("PUT").stream().map(Nginx.Request::uri))
                .anyMatch(uri -> uri.startsWith("/repository/yum-hosted/") && uri.endsWith(".rpm"));
        assertThat(cli.projectDirectory().resolve("target/distribution-repository"))
                .doesNotExist();
    }

    @Test
    void serviceDeploysImageAndChart(TestInfo info) throws Exception {
        testName = info.getTestMethod().orElseThrow().getName();
        // The default base, eclipse-temurin:17-jre, is on Docker Hub, which this machine cannot reach.
        MavenRun service = generate("service-archetype", testName, Map.of())
                .project("hello-service")
                .property("distribution.image.base", "scratch");

        MavenRun.BuildResult deploy = service.run("deploy");

        assertThat(deploy.exitCode()).as(deploy.toString()).isZero();
        Path repository = service.projectDirectory().resolve("target/distribution-repository");
        Processes.Result index = run(
                repository,
                "skopeo",
                "inspect",
                "--raw",
                "oci:" + repository.resolve("oci/hello-service") + ":1.0.0-SNAPSHOT");
        assertThat(index.exitCode()).as(index.output()).isZero();
        assertThat(index.output()).contains("\"architecture\":\"amd64\"");
        assertThat(index.output()).contains("\"architecture\":\"arm64\"");
        Path charts = repository.resolve("helm/index.yaml");
        assertThat(Files.readString(charts)).contains("hello-service");
        try (Stream<Path> files = Files.list(repository.resolve("helm"))) {
            List<String> packages = files.map(file -> file.getFileName().toString())
                    .filter(name -> name.endsWith(".tgz"))
                    .toList();
            assertThat(packages).singleElement().asString().startsWith("hello-service-1.0.0-SNAPSHOT");
            Processes.Result listing = run(repository.resolve("helm"), "tar", "-tzf", packages.get(0));
            assertThat(listing.output()).contains("hello-service/templates/deployment.yaml");
        }

        startNginx();
        try (DockerRegistry registry = DockerRegistry.start(
                ItEnvironment.freshFolder("ArchetypeIT/" + testName + "-registry"), USER, PASSWORD)) {
            MavenRun.BuildResult nexus = service.settings(nexusSettings())
                    .property("nexus.url", nexusUrl())
                    .property("nexus.docker.url", registry.url() + "/repository/docker-hosted/")
                    .property("distribution.image.allowInsecureRegistry", "true")
                    .run("deploy");

            assertThat(nexus.exitCode()).as(nexus.toString()).isZero();
            String reference = "docker://" + registry.host() + "/docker-hosted/hello-service:1.0.0-SNAPSHOT";
            Processes.Result pushed = run(
                    repository,
                    "skopeo",
                    "inspect",
                    "--raw",
                    "--tls-verify=false",
                    "--creds",
                    USER + ":" + PASSWORD,
                    reference);
            assertThat(pushed.exitCode()).as(pushed.output()).isZero();
            assertThat(pushed.output()).contains("\"architecture\":\"arm64\"");
            assertThat(nginx.requests("PUT").stream().map(Nginx.Request::uri))
                    .anyMatch(uri -> uri.startsWith("/repository/helm-hosted/hello-service-1.0.0-SNAPSHOT"));
        }
    }

    @Test
    void pythonLibraryInstallsWithPip(TestInfo info) throws Exception {
        testName = info.getTestMethod().orElseThrow().getName();
        startNginx();
        MavenRun library =
                generate("python-library-archetype", testName, Map.of()).project("hello-lib");

        MavenRun.BuildResult embedded = library.run("deploy");
        MavenRun.BuildResult nexusPlan = library.settings(nexusSettings())
                .property("nexus.url", nexusUrl())
                .property("distribution.dryRun", "true")
                .run("deploy");

        assertThat(embedded.exitCode()).as(embedded.toString()).isZero();
        Path index = library.projectDirectory().resolve("target/distribution-repository/pypi/simple");
        Path site = Files.createDirectories(library.workDirectory().resolve("site-packages"));
        Processes.Result pip = run(
                library.workDirectory(),
                "python3",
                "-m",
                "pip",
                "install",
                "--no-deps",
                "--pre",
                "--disable-pip-version-check",
                "--target",
                site.toString(),
                "--index-url",
                index.toUri().toString(),
                "hello-lib");
        assertThat(pip.exitCode()).as(pip.output()).isZero();
        Processes.Result imported = run(site, "python3", "-c", "import hello_lib; print(hello_lib.greet('Ada'))");
        assertThat(imported.output()).contains("Hello, Ada!");
        // No PyPI upload server runs here, so the Nexus wiring is checked with a dry run, which
        // reads the project's simple page on the server before it would upload.
        assertThat(nexusPlan.exitCode()).as(nexusPlan.toString()).isZero();
        assertThat(nexusPlan.log()).contains(nexusUrl() + "/repository/pypi-hosted/");
        assertThat(nginx.requests("GET").stream().map(Nginx.Request::uri))
                .contains("/repository/pypi-hosted/simple/hello-lib/");
    }

    @Test
    void parentWithNexusUrlDeploys(TestInfo info) throws Exception {
        testName = info.getTestMethod().orElseThrow().getName();
        startNginx();
        Map<String, String> parentProperties = new LinkedHashMap<>();
        parentProperties.put("groupId", "com.acme");
        parentProperties.put("artifactId", "acme-parent");
        parentProperties.put("version", "1.0.0");
        parentProperties.put("nexusUrl", nginx.putUrl());
        parentProperties.put("serverIdPrefix", "acme");
        parentProperties.put("rawRepository", "files");
        MavenSettings settings = new MavenSettings()
                .server("acme-raw", USER, PASSWORD)
                .server("acme-yum", USER, PASSWORD)
                .server("acme-maven", USER, PASSWORD);
        MavenRun generated = generate("company-parent-archetype", testName, parentProperties);
        MavenRun parent = generated.project("acme-parent").settings(settings);

        MavenRun.BuildResult parentDeploy = parent.run("deploy");

        assertThat(parentDeploy.exitCode()).as(parentDeploy.toString()).isZero();
        Path pom = parent.projectDirectory().resolve("pom.xml");
        assertThat(Files.readString(pom)).contains("<nexus.url>" + nexusUrl() + "</nexus.url>");
        Path fetchedPom = parent.workDirectory().resolve("acme-parent-1.0.0.pom");
        curl("repository/maven-releases/com/acme/acme-parent/1.0.0/acme-parent-1.0.0.pom", fetchedPom);
        assertThat(Files.readString(fetchedPom)).isEqualTo(Files.readString(pom));

        Map<String, String> cliProperties = new LinkedHashMap<>();
        cliProperties.put("groupId", "com.acme");
        cliProperties.put("artifactId", "acme-tool");
        cliProperties.put("version", "2.1.0");
        cliProperties.put("parentArtifactId", "acme-parent");
        cliProperties.put("parentVersion", "1.0.0");
        cliProperties.put("commandName", "acme");
        cliProperties.put("releaseHost", "gitlab");
        cliProperties.put("releaseUrl", "https://gitlab.example.com/acme/tools/acme-tool");
        MavenRun cli = generate("cli-archetype", testName + "-cli", cliProperties)
                .project("acme-tool")
                .settings(settings)
                .property("distribution.deb.deploySkip", "true");

        MavenRun.BuildResult cliDeploy = cli.run("deploy");

        assertThat(cliDeploy.exitCode()).as(cliDeploy.toString()).isZero();
        // No GitLab runs here; without a token the release waits for -Ddistribution.gitlab.skip=false.
        assertThat(cliDeploy.log()).contains("Skipping: distribution.gitlab.skip is set.");
        assertThat(Files.readString(cli.projectDirectory().resolve("pom.xml")))
                .contains("<url>https://gitlab.example.com/acme/tools/acme-tool</url>");
        Path download = Files.createDirectories(cli.workDirectory().resolve("download"));
        for (String name : List.of("acme-tool-2.1.0.tar.gz", "SHA256SUMS")) {
            curl("repository/files/acme-tool/2.1.0/" + name, download.resolve(name));
        }
        Processes.Result check = run(download, "sha256sum", "-c", "--ignore-missing", "SHA256SUMS");
        assertThat(check.exitCode()).as(check.output()).isZero();
        assertThat(runLauncher(download, "acme-tool-2.1.0.tar.gz", "acme", "--version"))
                .contains("acme 2.1.0");
    }

    @Test
    void invalidPropertiesFailClearly(TestInfo info) throws Exception {
        testName = info.getTestMethod().orElseThrow().getName();
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put("artifactId", "broken-parent");
        properties.put("nexusUrl", "https://nexus.example.com/repository/raw-hosted/");
        properties.put("rawRepository", "raw hosted");
        MavenRun run = archetypeGenerate("company-parent-archetype", testName, properties);

        MavenRun.BuildResult result = run.run(generateGoal());

        assertThat(result.exitCode()).as(result.toString()).isNotZero();
        assertThat(result.log()).contains("-DnexusUrl=https://nexus.example.com/repository/raw-hosted/ is invalid");
        assertThat(result.log()).contains("-DrawRepository=raw hosted is invalid");
        assertThat(run.projectDirectory().resolve("broken-parent")).doesNotExist();
    }

    @Test
    void invalidCliPropertiesFail(TestInfo info) throws Exception {
        testName = info.getTestMethod().orElseThrow().getName();
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put("artifactId", "broken-cli");
        properties.put("package", "com.example.1tool");
        properties.put("releaseHost", "github");
        MavenRun run = archetypeGenerate("cli-archetype", testName, properties);

        MavenRun.BuildResult result = run.run(generateGoal());

        assertThat(result.exitCode()).as(result.toString()).isNotZero();
        assertThat(result.log()).contains("-Dpackage=com.example.1tool is invalid");
        assertThat(result.log()).contains("-DreleaseUrl=none is invalid");
        assertThat(run.projectDirectory().resolve("broken-cli")).doesNotExist();
    }

    /** Runs archetype:generate in batch mode and checks that it succeeded. */
    private static MavenRun generate(String archetype, String workName, Map<String, String> properties)
            throws IOException {
        MavenRun run = archetypeGenerate(archetype, workName, properties);
        MavenRun.BuildResult result = run.run(generateGoal());
        assertThat(result.exitCode()).as(result.toString()).isZero();
        return run;
    }

    private static MavenRun archetypeGenerate(String archetype, String workName, Map<String, String> properties)
            throws IOException {
        MavenRun run = MavenRun.inEmptyFolder("ArchetypeIT/" + workName)
                .property("archetypeGroupId", ARCHETYPE_GROUP)
                .property("archetypeArtifactId", archetype)
                .property("archetypeVersion", ItEnvironment.pluginVersion())
                // Only the local repository: no archetype catalog is downloaded.
                .property("archetypeCatalog", "local")
                .property("interactiveMode", "false");
        properties.forEach(run::property);
        return run;
    }

    private static String generateGoal() {
        return "org.apache.maven.plugins:maven-archetype-plugin:" + ItEnvironment.archetypePluginVersion()
                + ":generate";
    }

    private void startNginx() throws IOException {
        nginx = Nginx.start(ItEnvironment.freshFolder("ArchetypeIT/" + testName + "-nginx"), USER, PASSWORD);
    }

    /** The settings.xml servers of the default company parent, with the nginx user. */
    private static MavenSettings nexusSettings() {
        return new MavenSettings()
                .server("nexus-raw", USER, PASSWORD)
                .server("nexus-pypi", USER, PASSWORD)
                .server("nexus-docker", USER, PASSWORD)
                .server("nexus-helm", USER, PASSWORD)
                .server("nexus-yum", USER, PASSWORD)
                .server("nexus-apt", USER, PASSWORD)
                .server("nexus-maven", USER, PASSWORD);
    }

    /** The Nexus base URL the generated projects get: nginx's write port, without the trailing slash. */
    private String nexusUrl() {
        return nginx.putUrl().replaceAll("/+$", "");
    }

    /** Downloads a file anonymously from nginx's read port with curl. */
    private void curl(String path, Path file) throws IOException {
        Processes.Result result = run(file.getParent(), "curl", "-fsS", "-o", file.toString(), nginx.readUrl() + path);
        assertThat(result.exitCode())
                .as("curl " + path + ": " + result.output())
                .isZero();
    }

    /** Unpacks a tool archive and runs its launcher from {@code bin/}; returns the output. */
    private static String runLauncher(Path folder, String archive, String command, String... arguments)
            throws IOException {
        Path unpacked = Files.createDirectories(folder.resolveSibling(folder.getFileName() + "-unpacked"));
        Processes.Result untar =
                run(unpacked, "tar", "-xzf", folder.resolve(archive).toString());
        assertThat(untar.exitCode()).as(untar.output()).isZero();
        Path launcher;
        try (Stream<Path> files = Files.walk(unpacked)) {
            launcher = files.filter(file -> file.endsWith(Path.of("bin", command)))
                    .findFirst()
                    .orElseThrow(() -> new AssertionError("No bin/" + command + " in " + archive));
        }
        List<String> commandLine = new java.util.ArrayList<>(List.of(launcher.toString()));
        commandLine.addAll(List.of(arguments));
        Processes.Result result = Processes.run(commandLine, unpacked, Duration.ofSeconds(60));
        assertThat(result.exitCode()).as(result.output()).isZero();
        return result.output();
    }

    private static Processes.Result run(Path directory, String... command) throws IOException {
        return Processes.run(List.of(command), directory, Duration.ofSeconds(60));
    }

    private static List<String> names(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(file -> file.getFileName().toString()).sorted().toList();
        }
    }
}
