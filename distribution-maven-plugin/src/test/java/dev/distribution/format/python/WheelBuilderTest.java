package dev.distribution.format.python;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.TimeZone;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WheelBuilderTest {
    private static final Instant TIME = Instant.parse("2026-12-04T10:15:30Z");

    @TempDir
    Path dir;

    private Path buildWheel(Path project, CoreMetadata metadata, Path out) throws Exception {
        PythonSources sources = PythonSources.scan("<python><sources>", project.resolve("src/main/python"));
        return new WheelBuilder(metadata, sources, TIME).build(out);
    }

    private Path sampleWheel() throws Exception {
        Path project = PythonTools.sampleProject(dir.resolve("project"));
        return buildWheel(project, PythonTools.sampleMetadata(project).build(), dir.resolve("out"));
    }

    private static List<String> names(Path wheel) throws Exception {
        try (ZipFile zip = new ZipFile(wheel.toFile())) {
            return Collections.list(zip.entries()).stream()
                    .map(ZipEntry::getName)
                    .toList();
        }
    }

    private static String read(Path wheel, String name) throws Exception {
        try (ZipFile zip = new ZipFile(wheel.toFile())) {
            return new String(zip.getInputStream(zip.getEntry(name)).readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void fileName() throws Exception {
        assertThat(sampleWheel().getFileName()).hasToString("hello_pkg-1.2.0rc1-py3-none-any.whl");
    }

    @Test
    void entriesSortedWithDistInfoLast() throws Exception {
        assertThat(names(sampleWheel()))
                .containsExactly(
                        "hello_pkg/__init__.py",
                        "hello_pkg/cli.py",
                        "hello_pkg/data.json",
                        "hello_pkg-1.2.0rc1.dist-info/METADATA",
                        "hello_pkg-1.2.0rc1.dist-info/WHEEL",
                        "hello_pkg-1.2.0rc1.dist-info/entry_points.txt",
                        "hello_pkg-1.2.0rc1.dist-info/RECORD");
    }

    @Test
    void recordListsDigestsAndSizes() throws Exception {
        Path wheel = sampleWheel();
        List<String> expected = new ArrayList<>();
        try (ZipFile zip = new ZipFile(wheel.toFile())) {
            for (ZipEntry entry : Collections.list(zip.entries())) {
                if (entry.getName().endsWith("/RECORD")) {
                    expected.add(entry.getName() + ",,");
                    continue;
                }
                byte[] bytes = zip.getInputStream(entry).readAllBytes();
                String digest = Base64.getUrlEncoder()
                        .withoutPadding()
                        .encodeToString(MessageDigest.getInstance("SHA-256").digest(bytes));
                expected.add(entry.getName() + ",sha256=" + digest + "," + bytes.length);
            }
        }
        assertThat(read(wheel, "hello_pkg-1.2.0rc1.dist-info/RECORD").lines().toList())
                .isEqualTo(expected);
    }

    @Test
    void entryPoints() throws Exception {
        assertThat(read(sampleWheel(), "hello_pkg-1.2.0rc1.dist-info/entry_points.txt"))
                .isEqualTo("[console_scripts]\nhello = hello_pkg.cli:main\n\n");
    }

    @Test
    void wheelFile() throws Exception {
        assertThat(read(sampleWheel(), "hello_pkg-1.2.0rc1.dist-info/WHEEL"))
                .contains("Root-Is-Purelib: true\nTag: py3-none-any\n");
    }

    @Test
    void entryTimesAreTheBuildTime() throws Exception {
        try (ZipFile zip = new ZipFile(sampleWheel().toFile())) {
            assertThat(Collections.list(zip.entries()).stream()
                            .map(ZipEntry::getTimeLocal)
                            .distinct())
                    .containsExactly(java.time.LocalDateTime.of(2026, 12, 4, 10, 15, 30));
        }
    }

    @Test
    void reproducibleAcrossTimeZones() throws Exception {
        Path project = PythonTools.sampleProject(dir.resolve("project"));
        CoreMetadata metadata = PythonTools.sampleMetadata(project).build();
        byte[] first = Files.readAllBytes(buildWheel(project, metadata, dir.resolve("a")));
        TimeZone original = TimeZone.getDefault();
        byte[] second;
        try {
            TimeZone.setDefault(TimeZone.getTimeZone("Pacific/Auckland"));
            second = Files.readAllBytes(buildWheel(project, metadata, dir.resolve("b")));
        } finally {
            TimeZone.setDefault(original);
        }
        assertThat(second).isEqualTo(first);
    }

    @Test
    void licenseFilesUnderDistInfo() throws Exception {
        Path project = PythonTools.sampleProject(dir.resolve("project"));
        CoreMetadata metadata = PythonTools.sampleMetadata(project)
                .license("MIT")
                .licenseFile(project, "LICENSE")
                .build();
        assertThat(names(buildWheel(project, metadata, dir.resolve("out"))))
                .contains("hello_pkg-1.2.0rc1.dist-info/licenses/LICENSE");
    }

    @Test
    void licenseGivesMetadata24() throws Exception {
        Path project = PythonTools.sampleProject(dir.resolve("project"));
        CoreMetadata metadata = PythonTools.sampleMetadata(project)
                .license("MIT")
                .licenseFile(project, "LICENSE")
                .build();
        assertThat(metadata.toText())
                .startsWith("Metadata-Version: 2.4\n")
                .contains("License-Expression: MIT\nLicense-File: LICENSE\n");
    }

    @Test
    void twineCheckPasses() throws Exception {
        Path wheel = sampleWheel();
        PythonTools.Run run =
                PythonTools.run(dir, PythonTools.PYTHON, "-m", "twine", "check", "--strict", wheel.toString());
        assertThat(run.output()).contains("PASSED");
    }

    /**
     * twine 4.0.2 cannot read metadata 2.4, so the licensed metadata is validated with a current
     * {@code packaging} ({@code Metadata.from_email(validate=True)}), where a local index offers one.
     */
    @Test
    void metadata24ValidForPackaging() throws Exception {
        Path localIndex = Path.of("/opt/pypi/simple");
        Assumptions.assumeTrue(Files.isDirectory(localIndex.resolve("packaging")), "no local index with packaging");
        Path project = PythonTools.sampleProject(dir.resolve("project"));
        CoreMetadata metadata = PythonTools.sampleMetadata(project)
                .license("MIT")
                .licenseFile(project, "LICENSE")
                .build();
        Path file = dir.resolve("METADATA");
        Files.write(file, metadata.toBytes());
        Path venv = PythonTools.venv(dir);
        PythonTools.Run install = PythonTools.run(
                dir,
                venv.resolve("bin/pip").toString(),
                "install",
                "--index-url",
                localIndex.toUri().toString(),
                "packaging>=24.1");
        assertThat(install.exitCode()).as(install.output()).isZero();
        PythonTools.Run check = PythonTools.run(
                dir,
                venv.resolve("bin/python").toString(),
                "-c",
                "import sys; from packaging.metadata import Metadata;"
                        + " m = Metadata.from_email(open(sys.argv[1], 'rb').read(), validate=True);"
                        + " print(m.metadata_version, m.license_expression, m.license_files)",
                file.toString());
        assertThat(check.output()).isEqualTo("2.4 MIT ['LICENSE']\n");
    }

    @Test
    void metadataMatchesSetuptools() throws Exception {
        Path reference = dir.resolve("reference");
        Files.createDirectories(reference.resolve("src/hello_pkg"));
        Files.writeString(reference.resolve("src/hello_pkg/__init__.py"), "VALUE = 42\n");
        Files.writeString(reference.resolve("src/hello_pkg/cli.py"), "def main():\n    print(\"hi\")\n");
        Files.writeString(reference.resolve("README.md"), "# Hello\n\nSome *text*.\n");
        Files.writeString(
                reference.resolve("pyproject.toml"),
                """
                [build-system]
                requires = ["setuptools>=61"]
                build-backend = "setuptools.build_meta"

                [project]
                name = "Hello.Pkg"
                version = "1.2.0-RC1"
                description = "A small test package"
                readme = "README.md"
                requires-python = ">=3.8"
                authors = [{name = "Ann Author", email = "ann@example.com"}, {name = "Bob"}]
                maintainers = [{email = "ops@example.com"}]
                keywords = ["alpha", "beta"]
                classifiers = ["Programming Language :: Python :: 3", "Operating System :: OS Independent"]
                dependencies = ["requests>=2.0", "tomli; python_version < \\"3.11\\""]

                [project.optional-dependencies]
                test = ["pytest>=7", "coverage[toml]"]

                [project.urls]
                Homepage = "https://example.com/hello"
                Source = "https://example.com/hello.git"

                [project.scripts]
                hello = "hello_pkg.cli:main"
                """);
        PythonTools.Run build = PythonTools.run(
                reference, PythonTools.PYTHON, "-m", "build", "--wheel", "--no-isolation", "--outdir", "dist");
        assertThat(build.exitCode()).as(build.output()).isZero();
        Path theirs = Files.list(reference.resolve("dist"))
                .filter(p -> p.toString().endsWith(".whl"))
                .findFirst()
                .orElseThrow();

        Path ours = sampleWheel();
        assertThat(MetadataComparison.differences(dir, ours, theirs)).isEqualTo("{}");
    }
}
