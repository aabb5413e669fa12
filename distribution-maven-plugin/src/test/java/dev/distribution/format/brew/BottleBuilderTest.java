package dev.distribution.format.brew;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.distribution.core.InvalidConfigurationException;
import dev.distribution.core.Platform;
import dev.distribution.core.payload.Payload;
import dev.distribution.core.payload.PayloadEntry;
import dev.distribution.format.raw.ArchiveFormat;
import dev.distribution.format.raw.ArchiveWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BottleBuilderTest {
    private static final Instant TIME = Instant.parse("2026-12-04T00:00:00Z");

    @TempDir
    Path folder;

    @Test
    void kegLayout() throws Exception {
        BottleBuilder.Built built = build(binaryInstall(), "arm64_sonoma", archive("hello-1.0-darwin-arm64.tar.gz"));

        assertThat(tar("tzf", built.file()).lines().toList())
                .containsExactlyInAnyOrder(
                        "hello/",
                        "hello/1.0/",
                        "hello/1.0/INSTALL_RECEIPT.json",
                        "hello/1.0/bin/",
                        "hello/1.0/bin/hello",
                        "hello/1.0/etc/",
                        "hello/1.0/etc/bash_completion.d/",
                        "hello/1.0/etc/bash_completion.d/hello",
                        "hello/1.0/share/",
                        "hello/1.0/share/man/",
                        "hello/1.0/share/man/man1/",
                        "hello/1.0/share/man/man1/hello.1");
    }

    @Test
    void fileNameFollowsHomebrew() throws Exception {
        BottleBuilder.Built built = build(binaryInstall(), "x86_64_linux", archive("hello-1.0-linux-amd64.tar.gz"));

        assertThat(built.file().getFileName().toString()).isEqualTo("hello--1.0.x86_64_linux.bottle.tar.gz");
        assertThat(built.cellar()).isEqualTo("any_skip_relocation");
    }

    @Test
    void binaryKeepsContentAndMode() throws Exception {
        BottleBuilder.Built built = build(binaryInstall(), "arm64_sonoma", archive("hello-1.0-darwin-arm64.tar.gz"));

        assertThat(tar("xzOf", built.file(), "hello/1.0/bin/hello")).isEqualTo("#!/bin/sh\necho hello\n");
        assertThat(tar("tvzf", built.file(), "hello/1.0/bin/hello")).startsWith("-rwxr-xr-x");
    }

    @Test
    void jarLauncherRelocatable() throws Exception {
        Formula.Install install = new Formula.Install(
                List.of(),
                List.of(),
                null,
                null,
                null,
                new Formula.Launcher(Formula.Launcher.Kind.JAR, "lib/hello.jar", "hello", "21"));

        BottleBuilder.Built built = build(install, "arm64_sonoma", archive("hello-1.0-darwin-arm64.tar.gz"));

        assertThat(built.cellar()).isEqualTo("any");
        assertThat(tar("xzOf", built.file(), "hello/1.0/bin/hello"))
                .contains("@@HOMEBREW_PREFIX@@/opt/openjdk@21/libexec/openjdk.jdk/Contents/Home")
                .contains("-jar \"@@HOMEBREW_CELLAR@@/hello/1.0/libexec/lib/hello.jar\"");
        assertThat(tar("tzf", built.file())).contains("hello/1.0/libexec/lib/hello.jar");
        assertThat(tar("xzOf", built.file(), "hello/1.0/INSTALL_RECEIPT.json"))
                .contains("\"changed_files\": [\"bin/hello\"]");
    }

    @Test
    void reproducible() throws Exception {
        Path archive = archive("hello-1.0-darwin-arm64.tar.gz");
        byte[] first = Files.readAllBytes(
                build(binaryInstall(), "arm64_sonoma", archive).file());

        byte[] second = Files.readAllBytes(
                build(binaryInstall(), "arm64_sonoma", archive).file());

        assertThat(second).isEqualTo(first);
    }

    @Test
    void missingSourceNamesElement() throws Exception {
        Formula.Install install = new Formula.Install(
                List.of(new Formula.Binary("bin/absent", "hello")), List.of(), null, null, null, null);
        Path archive = archive("hello-1.0-darwin-arm64.tar.gz");

        assertThatThrownBy(() -> build(install, "arm64_sonoma", archive))
                .isInstanceOf(InvalidConfigurationException.class)
                .hasMessageContaining("'bin/absent' for <brew><install><binaries><binary><source>")
                .hasMessageContaining("tar tzf hello-1.0-darwin-arm64.tar.gz");
    }

    @Test
    void tagMapsToPlatform() throws Exception {
        assertThat(BottleTag.parse("arm64_sonoma", "<brew><bottles>").platform())
                .isEqualTo(new Platform("darwin", "arm64"));
        assertThat(BottleTag.parse("ventura", "<brew><bottles>").platform()).isEqualTo(new Platform("darwin", "amd64"));
        assertThat(BottleTag.parse("x86_64_linux", "<brew><bottles>").platform())
                .isEqualTo(new Platform("linux", "amd64"));
    }

    @Test
    void unknownTagRejected() {
        assertThatThrownBy(() -> BottleTag.parse("arm64_catalina", "<brew><bottles>"))
                .isInstanceOf(InvalidConfigurationException.class)
                .hasMessageContaining("Invalid value 'arm64_catalina' for <brew><bottles>");
    }

    private static Formula.Install binaryInstall() {
        return new Formula.Install(
                List.of(new Formula.Binary("bin/hello", "hello")),
                List.of("man/hello.1"),
                "completions/hello.bash",
                null,
                null,
                null);
    }

    private BottleBuilder.Built build(Formula.Install install, String tag, Path archive) throws Exception {
        return BottleBuilder.build(
                FormulaName.parse("hello", "<brew><name>"),
                "1.0",
                install,
                BottleTag.parse(tag, "<brew><bottles>"),
                archive,
                folder.resolve("work"),
                folder.resolve("bottles"),
                TIME);
    }

    /** Builds an archive with a top folder, as the archive goal does. */
    private Path archive(String name) throws IOException {
        Path sources = folder.resolve("sources");
        Files.createDirectories(sources);
        List<PayloadEntry> entries = new ArrayList<>();
        entries.add(file(sources, "bin/hello", "#!/bin/sh\necho hello\n", Payload.EXECUTABLE_MODE));
        entries.add(file(sources, "man/hello.1", ".TH HELLO 1\n", Payload.FILE_MODE));
        entries.add(file(sources, "completions/hello.bash", "complete -F _hello hello\n", Payload.FILE_MODE));
        entries.add(file(sources, "lib/hello.jar", "PK-not-really\n", Payload.FILE_MODE));
        Path archive = folder.resolve(name);
        ArchiveWriter.write(entries, "hello-1.0", ArchiveFormat.TAR_GZ, archive, TIME);
        return archive;
    }

    private static PayloadEntry file(Path sources, String path, String content, int mode) throws IOException {
        Path source = sources.resolve(path.replace('/', '_'));
        Files.writeString(source, content);
        return PayloadEntry.file(path, source, mode, Payload.ROOT, Payload.ROOT, Files.size(source));
    }

    private static String tar(String options, Path archive, String... members) throws Exception {
        List<String> command = new ArrayList<>(List.of("tar", options, archive.toString()));
        command.addAll(List.of(members));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        process.waitFor(60, TimeUnit.SECONDS);
        if (process.exitValue() != 0) {
            throw new IOException(command + " failed: " + output);
        }
        return output;
    }
}
