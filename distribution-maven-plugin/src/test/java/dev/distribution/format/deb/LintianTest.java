package dev.distribution.format.deb;

import static org.assertj.core.api.Assertions.assertThat;

import dev.distribution.core.Reporter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.commons.compress.compressors.gzip.GzipCompressorOutputStream;
import org.apache.commons.compress.compressors.gzip.GzipParameters;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs lintian on an example package with the files Debian policy requires (copyright, changelog,
 * a manual page) and expects no error and only the warnings listed in {@link #EXPECTED_WARNINGS}.
 */
class LintianTest {
    /**
     * Warnings that come from the example's content, not from the packager: its changelog closes no
     * bug report, which only matters for uploads to Debian itself.
     */
    static final List<String> EXPECTED_WARNINGS = List.of("initial-upload-closes-no-bugs");

    @TempDir
    Path work;

    @Test
    void noErrors() throws Exception {
        Path bin = Files.writeString(work.resolve("hello"), "#!/bin/sh\necho hello\n");
        Path copyright = Files.writeString(
                work.resolve("copyright"),
                """
                Format: https://www.debian.org/doc/packaging-manuals/copyright-format/1.0/
                Upstream-Name: hello
                Source: https://example.com/hello

                Files: *
                Copyright: 2026 Jane Doe <jane@example.com>
                License: Apache-2.0
                 On Debian systems, the full text of the Apache License 2.0 can be found
                 in /usr/share/common-licenses/Apache-2.0.
                """);
        Path changelog = gzip(
                work.resolve("changelog.gz"),
                """
                hello (1.0-1) unstable; urgency=medium

                  * First release.

                 -- Jane Doe <jane@example.com>  Tue, 01 Dec 2026 10:15:30 +0000
                """);
        Path manual = gzip(
                work.resolve("hello.1.gz"),
                """
                .TH HELLO 1
                .SH NAME
                hello \\- print a greeting
                .SH SYNOPSIS
                .B hello
                .SH DESCRIPTION
                Prints a greeting.
                """);
        Path conf = Files.writeString(work.resolve("hello.conf"), "greeting=hello\n");
        DebControl control = DebControl.builder()
                .artifactId("hello")
                .mavenVersion("1.0")
                .revision("1")
                .summary("print a friendly greeting")
                .description("Hello prints a greeting on standard output.\n\nIt exists to test packaging.")
                .maintainer("Jane Doe <jane@example.com>")
                .section("utils")
                .homepage("https://example.com/hello")
                .build();
        List<DebEntry> entries = List.of(
                DebEntry.file(bin, "/usr/bin/hello").withMode(0755),
                DebEntry.file(copyright, "/usr/share/doc/hello/copyright"),
                DebEntry.file(changelog, "/usr/share/doc/hello/changelog.Debian.gz"),
                DebEntry.file(manual, "/usr/share/man/man1/hello.1.gz"),
                DebEntry.file(conf, "/etc/hello.conf").asConfig());
        Path postinst = Files.writeString(
                work.resolve("postinst"), "#!/bin/sh\nset -e\nmkdir -p /var/lib/hello\n#DEBHELPER#\nexit 0\n");
        DebPackageSpec spec = new DebPackageSpec(
                control,
                entries,
                List.of(),
                Map.of(MaintainerScript.POSTINST, postinst),
                null,
                java.time.Instant.parse("2026-12-01T10:15:30Z"),
                "xz");
        Path deb = new DebPackager(Reporter.SILENT, name -> null)
                .build(spec, work.resolve("out"))
                .file();

        Tools.Result lintian = Tools.run(null, "lintian", "--no-cfg", "--tag-display-limit", "0", deb.toString());
        List<String> errors =
                lintian.output().lines().filter(line -> line.startsWith("E: ")).toList();
        assertThat(errors).as(lintian.output()).isEmpty();
        List<String> warnings = lintian.output()
                .lines()
                .filter(line -> line.startsWith("W: "))
                .map(line -> line.split(" ")[2])
                .toList();
        assertThat(warnings).as(lintian.output()).isSubsetOf(EXPECTED_WARNINGS);
    }

    /** Compresses like {@code gzip -9n}, which lintian expects for manual pages and changelogs. */
    private static Path gzip(Path target, String text) throws Exception {
        GzipParameters parameters = new GzipParameters();
        parameters.setCompressionLevel(9);
        try (GzipCompressorOutputStream out =
                new GzipCompressorOutputStream(Files.newOutputStream(target), parameters)) {
            out.write(text.getBytes(StandardCharsets.UTF_8));
        }
        return target;
    }
}
