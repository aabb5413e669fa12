package dev.distribution.format.python;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SdistBuilderTest {
    private static final Instant TIME = Instant.parse("2026-12-04T10:15:30Z");

    @TempDir
    Path dir;

    private Path build(CoreMetadataBuilder metadata, Path project, Path out) throws Exception {
        PythonSources sources = PythonSources.scan("<python><sources>", project.resolve("src/main/python"));
        return new SdistBuilder(metadata.build(), sources, TIME).build(out);
    }

    private Path sample(Path out) throws Exception {
        Path project = PythonTools.sampleProject(dir.resolve("project"));
        return build(PythonTools.sampleMetadata(project), project, out);
    }

    private static List<TarArchiveEntry> entries(Path sdist) throws Exception {
        List<TarArchiveEntry> entries = new ArrayList<>();
        try (InputStream in = Files.newInputStream(sdist);
                TarArchiveInputStream tar = new TarArchiveInputStream(new GZIPInputStream(in))) {
            TarArchiveEntry entry;
            while ((entry = tar.getNextEntry()) != null) {
                entries.add(entry);
            }
        }
        return entries;
    }

    @Test
    void fileName() throws Exception {
        assertThat(sample(dir.resolve("out")).getFileName()).hasToString("hello_pkg-1.2.0rc1.tar.gz");
    }

    @Test
    void entries() throws Exception {
        assertThat(entries(sample(dir.resolve("out"))).stream().map(TarArchiveEntry::getName))
                .containsExactly(
                        "hello_pkg-1.2.0rc1/",
                        "hello_pkg-1.2.0rc1/PKG-INFO",
                        "hello_pkg-1.2.0rc1/README.md",
                        "hello_pkg-1.2.0rc1/pyproject.toml",
                        "hello_pkg-1.2.0rc1/src/",
                        "hello_pkg-1.2.0rc1/src/hello_pkg/",
                        "hello_pkg-1.2.0rc1/src/hello_pkg/__init__.py",
                        "hello_pkg-1.2.0rc1/src/hello_pkg/cli.py",
                        "hello_pkg-1.2.0rc1/src/hello_pkg/data.json");
    }

    @Test
    void ownersAreFixed() throws Exception {
        assertThat(entries(sample(dir.resolve("out"))).stream()
                        .map(e -> e.getUserName() + ":" + e.getGroupName() + ":" + e.getLongUserId())
                        .distinct())
                .containsExactly("root:root:0");
    }

    @Test
    void timesAreTheBuildTime() throws Exception {
        assertThat(entries(sample(dir.resolve("out"))).stream()
                        .map(e -> e.getModTime().toInstant())
                        .distinct())
                .containsExactly(TIME);
    }

    @Test
    void reproducible() throws Exception {
        byte[] first = Files.readAllBytes(sample(dir.resolve("a")));
        assertThat(Files.readAllBytes(sample(dir.resolve("b")))).isEqualTo(first);
    }

    @Test
    void twineCheckPasses() throws Exception {
        Path sdist = sample(dir.resolve("out"));
        PythonTools.Run run =
                PythonTools.run(dir, PythonTools.PYTHON, "-m", "twine", "check", "--strict", sdist.toString());
        assertThat(run.output()).contains("PASSED");
    }

    @Test
    void readBackMetadata() throws Exception {
        DistributionFile file = DistributionFile.read("<file>", sample(dir.resolve("out")));
        assertThat(file.metadata().all("Requires-Dist")).contains("coverage[toml]; extra == \"test\"");
    }

    /** Setuptools builds a wheel from the sdist with the same files as ours. */
    @Test
    void setuptoolsBuildsTheSameWheel() throws Exception {
        Path project = PythonTools.sampleProject(dir.resolve("project"));
        CoreMetadata metadata = PythonTools.sampleMetadata(project).build();
        PythonSources sources = PythonSources.scan("<python><sources>", project.resolve("src/main/python"));
        Path sdist = new SdistBuilder(metadata, sources, TIME).build(dir.resolve("out"));
        Path ours = new WheelBuilder(metadata, sources, TIME).build(dir.resolve("out"));
        PythonTools.Run unpack = PythonTools.run(dir, "tar", "xzf", sdist.toString());
        assertThat(unpack.exitCode()).isZero();
        PythonTools.Run build = PythonTools.run(
                dir.resolve("hello_pkg-1.2.0rc1"),
                PythonTools.PYTHON,
                "-m",
                "build",
                "--wheel",
                "--no-isolation",
                "--outdir",
                dir.resolve("theirs").toString());
        assertThat(build.exitCode()).as(build.output()).isZero();
        Path theirs;
        try (var files = Files.list(dir.resolve("theirs"))) {
            theirs = files.findFirst().orElseThrow();
        }
        assertThat(moduleFiles(theirs)).isEqualTo(moduleFiles(ours));
    }

    /**
     * A licensed sdist needs setuptools 77 or newer (PEP 639); Debian 12 has 66, so this runs only
     * where a local index under /opt/pypi offers a newer one.
     */
    @Test
    void licensedSdistBuildsWithNewSetuptools() throws Exception {
        Path localIndex = Path.of("/opt/pypi/simple");
        Assumptions.assumeTrue(Files.isDirectory(localIndex.resolve("setuptools")), "no local index with setuptools");
        Path project = PythonTools.sampleProject(dir.resolve("project"));
        CoreMetadata metadata = PythonTools.sampleMetadata(project)
                .license("MIT")
                .licenseFile(project, "LICENSE")
                .build();
        PythonSources sources = PythonSources.scan("<python><sources>", project.resolve("src/main/python"));
        Path sdist = new SdistBuilder(metadata, sources, TIME).build(dir.resolve("out"));
        Path ours = new WheelBuilder(metadata, sources, TIME).build(dir.resolve("out"));
        Path venv = PythonTools.venv(dir);
        PythonTools.Run build = PythonTools.run(
                dir,
                venv.resolve("bin/pip").toString(),
                "wheel",
                "--no-deps",
                "--index-url",
                localIndex.toUri().toString(),
                "-w",
                dir.resolve("theirs").toString(),
                sdist.toString());
        assertThat(build.exitCode()).as(build.output()).isZero();
        Path theirs;
        try (var files = Files.list(dir.resolve("theirs"))) {
            theirs = files.findFirst().orElseThrow();
        }
        // setuptools 77 and later add "Dynamic: license-file" to every wheel with license files.
        assertThat(MetadataComparison.differences(dir, ours, theirs, "Dynamic")).isEqualTo("{}");
    }

    private static List<String> moduleFiles(Path wheel) throws Exception {
        try (ZipFile zip = new ZipFile(wheel.toFile())) {
            return Collections.list(zip.entries()).stream()
                    .map(ZipEntry::getName)
                    .filter(name -> !name.contains(".dist-info/"))
                    .sorted()
                    .toList();
        }
    }
}
