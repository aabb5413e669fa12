package dev.distribution.format.python;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.distribution.core.InvalidConfigurationException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class CoreMetadataTest {
    @TempDir
    Path dir;

    /** A step that must be rejected. */
    interface Step {
        void run(CoreMetadataBuilder builder, Path dir) throws Exception;
    }

    static Stream<Arguments> badInput() {
        return Stream.of(
                Arguments.of("name of separators", "<python><name>", (Step) (b, d) -> b.name("-._")),
                Arguments.of("name with space", "<python><name>", (Step) (b, d) -> b.name("my tool")),
                Arguments.of("maven snapshot version", "<python><version>", (Step) (b, d) -> b.version("1.0-SNAPSHOT")),
                Arguments.of("missing readme", "<python><readme>", (Step) (b, d) -> b.readme(d.resolve("README.md"))),
                Arguments.of("readme of unknown type", "<python><readme>", (Step) (b, d) -> {
                    Files.writeString(d.resolve("README.adoc"), "= Title\n");
                    b.readme(d.resolve("README.adoc"));
                }),
                Arguments.of(
                        "missing license file", "<python><licenseFiles>", (Step) (b, d) -> b.licenseFile(d, "LICENSE")),
                Arguments.of("license file outside", "<python><licenseFiles>", (Step)
                        (b, d) -> b.licenseFile(d, "../LICENSE")),
                Arguments.of("bad license expression", "<python><license>", (Step) (b, d) -> b.license("MIT OR")),
                Arguments.of(
                        "license classifier with expression", "<python><classifiers>", (Step) (b, d) -> b.version("1.0")
                                .license("MIT")
                                .classifier("License :: OSI Approved :: MIT License")
                                .build()),
                Arguments.of("license with old metadata version", "<python><metadataVersion>", (Step) (b, d) ->
                        b.version("1.0").license("MIT").metadataVersion("2.1").build()),
                Arguments.of("unknown metadata version", "<python><metadataVersion>", (Step)
                        (b, d) -> b.metadataVersion("3.0")),
                Arguments.of("two-line summary", "<python><summary>", (Step) (b, d) -> b.summary("one\ntwo")),
                Arguments.of("bad requirement", "<python><depends>", (Step) (b, d) -> b.dependency("requests >>= 2")),
                Arguments.of(
                        "bad extra name", "<python><extras>", (Step) (b, d) -> b.optionalDependency("te st", "pytest")),
                Arguments.of("bad script target", "<python><scripts><hello>", (Step)
                        (b, d) -> b.consoleScript("hello", "not a target")),
                Arguments.of("long url label", "<python><urls>", (Step)
                        (b, d) -> b.projectUrl("A label longer than thirty-two characters", "https://example.com")),
                Arguments.of("relative url", "<python><urls><Homepage>", (Step)
                        (b, d) -> b.projectUrl("Homepage", "example.com")),
                Arguments.of(
                        "bad email", "<python><authors><email>", (Step) (b, d) -> b.author("Ann", "ann at example")),
                Arguments.of("classifier without separator", "<python><classifiers>", (Step)
                        (b, d) -> b.classifier("Python")),
                Arguments.of(
                        "bad requires-python", "<python><requiresPython>", (Step) (b, d) -> b.requiresPython("3.8+")),
                Arguments.of("missing version", "<python><version>", (Step) (b, d) -> b.build()),
                Arguments.of("native library", "<python><sources>", (Step) (b, d) -> {
                    Files.createDirectories(d.resolve("src/pkg"));
                    Files.writeString(d.resolve("src/pkg/__init__.py"), "");
                    Files.writeString(d.resolve("src/pkg/_speedups.cpython-311-x86_64-linux-gnu.so"), "ELF");
                    PythonSources.scan("<python><sources>", d.resolve("src"));
                }),
                Arguments.of("no python module", "<python><sources>", (Step) (b, d) -> {
                    Files.createDirectories(d.resolve("src"));
                    Files.writeString(d.resolve("src/notes.txt"), "");
                    PythonSources.scan("<python><sources>", d.resolve("src"));
                }));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badInput")
    void rejected(String label, String element, Step step) {
        CoreMetadataBuilder builder = CoreMetadata.builder();
        InvalidConfigurationException e =
                catchThrowableOfType(InvalidConfigurationException.class, () -> step.run(builder.name("tool"), dir));
        assertThat(e.getElement()).isEqualTo(element);
    }

    @Test
    void errorNamesValueAcceptedAndFix() throws Exception {
        InvalidConfigurationException e =
                catchThrowableOfType(InvalidConfigurationException.class, () -> CoreMetadata.builder()
                        .version("1.0-SNAPSHOT"));
        assertThat(e.getMessage())
                .isEqualTo("Invalid value '1.0-SNAPSHOT' for <python><version>. Accepted: a PEP 440 version such as"
                        + " 1.2.0, 1.2.0rc1, 1.2.0.post1 or 1.2.0.dev3. Set <python><version> to a PEP 440 version;"
                        + " Maven qualifiers such as -SNAPSHOT need mapping first (for example 1.2.0.dev0).");
    }

    @Test
    void pyprojectErrorNamesTheKey() throws Exception {
        Path file = dir.resolve("pyproject.toml");
        Files.writeString(file, "[project]\nname = \"bad name\"\n");
        InvalidConfigurationException e =
                catchThrowableOfType(InvalidConfigurationException.class, () -> CoreMetadata.builder()
                        .pyproject(file));
        assertThat(e.getElement()).isEqualTo(file + " [project] name");
    }

    @Test
    void pyprojectSyntaxError() throws Exception {
        Path file = dir.resolve("pyproject.toml");
        Files.writeString(file, "[project\nname = \"x\"\n");
        InvalidConfigurationException e =
                catchThrowableOfType(InvalidConfigurationException.class, () -> CoreMetadata.builder()
                        .pyproject(file));
        assertThat(e.getElement()).isEqualTo(file.toString());
    }

    @Test
    void licenseFileGlobMatchingNothing() throws Exception {
        Path file = dir.resolve("pyproject.toml");
        Files.writeString(file, "[project]\nname = \"x\"\nlicense-files = [\"LICEN[CS]E*\"]\n");
        InvalidConfigurationException e =
                catchThrowableOfType(InvalidConfigurationException.class, () -> CoreMetadata.builder()
                        .pyproject(file));
        assertThat(e.getInvalidValue()).isEqualTo("LICEN[CS]E*");
    }

    @Test
    void pyprojectValuesWinOverGoalValues() throws Exception {
        Path file = dir.resolve("pyproject.toml");
        Files.writeString(file, "[project]\nname = \"from-file\"\ndynamic = [\"version\"]\n");
        CoreMetadata metadata = CoreMetadata.builder()
                .name("from-pom")
                .version("2.0")
                .pyproject(file)
                .build();
        assertThat(metadata.name() + " " + metadata.version()).isEqualTo("from-file 2.0");
    }

    @Test
    void pyprojectReadsEveryTable() throws Exception {
        Files.writeString(dir.resolve("README.rst"), "Title\n=====\n");
        Files.writeString(dir.resolve("LICENSE.txt"), "MIT\n");
        Path file = dir.resolve("pyproject.toml");
        Files.writeString(
                file,
                """
                [project]
                name = "demo"
                version = "1.0"
                description = "Demo"
                readme = "README.rst"
                license = "MIT"
                license-files = ["LICEN[CS]E*"]
                requires-python = ">=3.9"
                authors = [{name = "Ann", email = "ann@example.com"}]
                keywords = ["a"]
                classifiers = ["Programming Language :: Python :: 3"]
                dependencies = ["requests>=2"]

                [project.optional-dependencies]
                Docs = ["sphinx; python_version >= '3.10'"]

                [project.urls]
                Homepage = "https://example.com"

                [project.scripts]
                demo = "demo:main"

                [project.gui-scripts]
                demo-gui = "demo.gui:run"

                [project.entry-points."demo.plugins"]
                extra = "demo.plugins:extra"
                """);
        assertThat(CoreMetadata.builder().pyproject(file).build().toText())
                .isEqualTo(
                        """
                        Metadata-Version: 2.4
                        Name: demo
                        Version: 1.0
                        Summary: Demo
                        Keywords: a
                        Author-email: Ann <ann@example.com>
                        License-Expression: MIT
                        License-File: LICENSE.txt
                        Project-URL: Homepage, https://example.com
                        Classifier: Programming Language :: Python :: 3
                        Requires-Python: >=3.9
                        Description-Content-Type: text/x-rst
                        Requires-Dist: requests>=2
                        Provides-Extra: docs
                        Requires-Dist: sphinx; (python_version >= '3.10') and extra == "docs"

                        Title
                        =====
                        """);
    }

    @Test
    void entryPointsFromPyproject() throws Exception {
        Path file = dir.resolve("pyproject.toml");
        Files.writeString(
                file,
                """
                [project]
                name = "demo"
                version = "1.0"
                [project.scripts]
                demo = "demo:main"
                [project.entry-points."demo.plugins"]
                extra = "demo.plugins:extra"
                """);
        assertThat(CoreMetadata.builder().pyproject(file).build().entryPointsText())
                .isEqualTo("[console_scripts]\ndemo = demo:main\n\n[demo.plugins]\nextra = demo.plugins:extra\n\n");
    }

    @Test
    void withoutLicenseMetadata21() throws Exception {
        assertThat(CoreMetadata.builder().name("a").version("1").build().metadataVersion())
                .isEqualTo("2.1");
    }
}
