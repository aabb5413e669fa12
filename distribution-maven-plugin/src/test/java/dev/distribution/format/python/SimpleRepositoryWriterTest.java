package dev.distribution.format.python;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.distribution.core.Checksums;
import dev.distribution.core.ConflictException;
import dev.distribution.core.RemoteState;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SimpleRepositoryWriterTest {
    private static final Instant TIME = Instant.parse("2026-12-04T10:15:30Z");

    @TempDir
    Path dir;

    private List<DistributionFile> build(String version, String valueLine, boolean license) throws Exception {
        Path project = PythonTools.sampleProject(dir.resolve("project-" + version));
        Files.writeString(project.resolve("src/main/python/hello_pkg/__init__.py"), valueLine + "\n");
        CoreMetadataBuilder builder = PythonTools.sampleMetadata(project).version(version);
        if (license) {
            builder.license("MIT").licenseFile(project, "LICENSE");
        }
        CoreMetadata metadata = builder.build();
        PythonSources sources = PythonSources.scan("<python><sources>", project.resolve("src/main/python"));
        Path out = dir.resolve("dist-" + version);
        return List.of(
                DistributionFile.read("<file>", new WheelBuilder(metadata, sources, TIME).build(out)),
                DistributionFile.read("<file>", new SdistBuilder(metadata, sources, TIME).build(out)));
    }

    private String page(SimpleRepositoryWriter writer, String path) throws Exception {
        return Files.readString(writer.root().resolve(path), StandardCharsets.UTF_8);
    }

    @Test
    void pipInstallsFromFileIndex() throws Exception {
        SimpleRepositoryWriter writer = new SimpleRepositoryWriter(dir.resolve("repo/pypi"));
        writer.publish(build("1.0.0", "VALUE = 42", true), false);
        Path venv = PythonTools.venv(dir);
        PythonTools.Run install = PythonTools.run(
                dir,
                venv.resolve("bin/pip").toString(),
                "install",
                "--no-deps",
                "--index-url",
                writer.indexUrl(),
                "Hello_Pkg");
        assertThat(install.exitCode()).as(install.output()).isZero();
        PythonTools.Run script = PythonTools.run(dir, venv.resolve("bin/hello").toString());
        assertThat(script.output()).isEqualTo("hello from cli\n");
        PythonTools.Run module = PythonTools.run(
                dir,
                venv.resolve("bin/python").toString(),
                "-c",
                "import hello_pkg, importlib.metadata as m; print(hello_pkg.VALUE, m.version('hello-pkg'))");
        assertThat(module.output()).isEqualTo("42 1.0.0\n");
    }

    @Test
    void pipPicksTheHighestRelease() throws Exception {
        SimpleRepositoryWriter writer = new SimpleRepositoryWriter(dir.resolve("repo/pypi"));
        writer.publish(build("1.0.0.dev0", "VALUE = 1", false), false);
        writer.publish(build("1.0.0rc1", "VALUE = 2", false), false);
        writer.publish(build("1.0.0", "VALUE = 3", false), false);
        Path venv = PythonTools.venv(dir);
        PythonTools.run(
                dir,
                venv.resolve("bin/pip").toString(),
                "install",
                "--no-deps",
                "--index-url",
                writer.indexUrl(),
                "hello-pkg");
        PythonTools.Run module = PythonTools.run(
                dir, venv.resolve("bin/python").toString(), "-c", "import hello_pkg; print(hello_pkg.VALUE)");
        assertThat(module.output()).isEqualTo("3\n");
    }

    @Test
    void projectPageLinksWithHashes() throws Exception {
        SimpleRepositoryWriter writer = new SimpleRepositoryWriter(dir.resolve("repo/pypi"));
        List<DistributionFile> files = build("1.0.0", "VALUE = 42", false);
        writer.publish(files, false);
        String sha = Checksums.sha256(files.get(0).path());
        assertThat(page(writer, "simple/hello-pkg/index.html"))
                .contains("<a href=\"../../packages/hello-pkg/hello_pkg-1.0.0-py3-none-any.whl#sha256=" + sha + "\"");
    }

    @Test
    void requiresPythonEscaped() throws Exception {
        SimpleRepositoryWriter writer = new SimpleRepositoryWriter(dir.resolve("repo/pypi"));
        writer.publish(build("1.0.0", "VALUE = 42", false), false);
        assertThat(page(writer, "simple/hello-pkg/index.html")).contains("data-requires-python=\"&gt;=3.8\"");
    }

    @Test
    void metadataFileNextToWheel() throws Exception {
        SimpleRepositoryWriter writer = new SimpleRepositoryWriter(dir.resolve("repo/pypi"));
        writer.publish(build("1.0.0", "VALUE = 42", false), false);
        byte[] metadata = Files.readAllBytes(
                writer.root().resolve("packages/hello-pkg/hello_pkg-1.0.0-py3-none-any.whl.metadata"));
        assertThat(page(writer, "simple/hello-pkg/index.html"))
                .contains("data-core-metadata=\"sha256=" + Checksums.sha256(metadata) + "\"");
    }

    @Test
    void jsonPageListsFiles() throws Exception {
        SimpleRepositoryWriter writer = new SimpleRepositoryWriter(dir.resolve("repo/pypi"));
        writer.publish(build("1.0.0", "VALUE = 42", false), false);
        SimpleIndex.ProjectPage page = SimpleIndex.ProjectPage.parse(
                "hello-pkg", Files.readAllBytes(writer.root().resolve("simple/hello-pkg/index.json")));
        assertThat(page.files().stream().map(SimpleIndex.FileEntry::fileName))
                .containsExactly("hello_pkg-1.0.0-py3-none-any.whl", "hello_pkg-1.0.0.tar.gz");
    }

    @Test
    void newVersionsMerge() throws Exception {
        SimpleRepositoryWriter writer = new SimpleRepositoryWriter(dir.resolve("repo/pypi"));
        writer.publish(build("1.0.0", "VALUE = 1", false), false);
        writer.publish(build("1.1.0", "VALUE = 2", false), false);
        SimpleIndex.ProjectPage page = SimpleIndex.ProjectPage.parse(
                "hello-pkg", Files.readAllBytes(writer.root().resolve("simple/hello-pkg/index.json")));
        assertThat(page.files()).hasSize(4);
    }

    @Test
    void rootListsEveryProject() throws Exception {
        SimpleRepositoryWriter writer = new SimpleRepositoryWriter(dir.resolve("repo/pypi"));
        writer.publish(build("1.0.0", "VALUE = 1", false), false);
        Path other = PythonTools.sampleProject(dir.resolve("other"));
        CoreMetadata metadata =
                CoreMetadata.builder().name("Other_Tool").version("2.0").build();
        PythonSources sources = PythonSources.scan("<python><sources>", other.resolve("src/main/python"));
        writer.publish(
                List.of(DistributionFile.read(
                        "<file>", new WheelBuilder(metadata, sources, TIME).build(dir.resolve("other-dist")))),
                false);
        assertThat(SimpleIndex.parseRoot(Files.readAllBytes(writer.root().resolve("simple/index.json"))))
                .containsExactly("hello-pkg", "other-tool");
    }

    @Test
    void identicalFileSkipped() throws Exception {
        SimpleRepositoryWriter writer = new SimpleRepositoryWriter(dir.resolve("repo/pypi"));
        List<DistributionFile> files = build("1.0.0", "VALUE = 1", false);
        writer.publish(files, false);
        assertThat(writer.publish(files, false).stream().map(SimpleRepositoryWriter.Result::state))
                .containsOnly(RemoteState.IDENTICAL);
    }

    @Test
    void differentFileFails() throws Exception {
        SimpleRepositoryWriter writer = new SimpleRepositoryWriter(dir.resolve("repo/pypi"));
        writer.publish(build("1.0.0", "VALUE = 1", false), false);
        Files.delete(dir.resolve("dist-1.0.0").resolve("hello_pkg-1.0.0-py3-none-any.whl"));
        List<DistributionFile> changed = build("1.0.0", "VALUE = 2", false);
        assertThatThrownBy(() -> writer.publish(changed, false)).isInstanceOf(ConflictException.class);
    }

    @Test
    void conflictWritesNothing() throws Exception {
        SimpleRepositoryWriter writer = new SimpleRepositoryWriter(dir.resolve("repo/pypi"));
        writer.publish(build("1.0.0", "VALUE = 1", false), false);
        String before = page(writer, "simple/hello-pkg/index.json");
        List<DistributionFile> changed = build("1.0.0", "VALUE = 2", false);
        try {
            writer.publish(changed, false);
        } catch (ConflictException expected) {
            // the page must be unchanged
        }
        assertThat(page(writer, "simple/hello-pkg/index.json")).isEqualTo(before);
    }
}
