package dev.distribution.format.raw;

import dev.distribution.core.payload.Mapping;
import dev.distribution.core.payload.Payload;
import dev.distribution.core.payload.PayloadEntry;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.List;
import java.util.Random;

/**
 * A source tree with the cases archives get wrong: an executable script, an empty directory, a
 * symbolic link, a 150-byte path, a non-ASCII name, a link target longer than 100 bytes, and a file
 * with another owner and mode.
 */
final class SampleTree {
    static final Instant TIMESTAMP = Instant.parse("2026-12-04T00:00:00Z");
    static final String ROOT = "hello-1.0";
    static final String SCRIPT = "#!/bin/sh\necho hello\n";
    static final String UMLAUT = "données/über.txt";

    /** A path of exactly 150 bytes, inside the archive's root folder. */
    static final String LONG_PATH = "deep/" + "a".repeat(70) + "/" + "b".repeat(68) + "/f.txt";

    static final String LONG_LINK_TARGET = "../" + LONG_PATH;

    final Path source;
    final List<PayloadEntry> entries;

    private SampleTree(Path source, List<PayloadEntry> entries) {
        this.source = source;
        this.entries = entries;
    }

    static SampleTree create(Path basedir) throws Exception {
        Path source = basedir.resolve("src");
        write(source.resolve("bin/hello.sh"), SCRIPT.getBytes(StandardCharsets.UTF_8));
        Files.setPosixFilePermissions(source.resolve("bin/hello.sh"), PosixFilePermissions.fromString("rwxr-xr-x"));
        Files.createDirectories(source.resolve("empty"));
        byte[] jar = new byte[100_000];
        new Random(42).nextBytes(jar);
        write(source.resolve("lib/app.jar"), jar);
        Files.createSymbolicLink(source.resolve("lib/current.jar"), Path.of("app.jar"));
        write(source.resolve(UMLAUT), "über\n".getBytes(StandardCharsets.UTF_8));
        write(source.resolve(LONG_PATH), "deep\n".getBytes(StandardCharsets.UTF_8));
        write(basedir.resolve("secret.conf"), "token=none\n".getBytes(StandardCharsets.UTF_8));

        List<Mapping> mappings = List.of(
                Mapping.directory(Path.of("src"), ""),
                Mapping.file(Path.of("secret.conf"), "etc/").withMode(0640).withOwner("daemon", "adm"),
                Mapping.link("bin/hi", "hello.sh"),
                Mapping.link("long-link", LONG_LINK_TARGET));
        return new SampleTree(source, Payload.resolve(mappings, basedir, "<archive><files>"));
    }

    /** Sets every source time to {@code time}, to show that source times do not reach the archive. */
    void touch(Instant time) throws IOException {
        try (var paths = Files.walk(source)) {
            for (Path path : paths.toList()) {
                if (!Files.isSymbolicLink(path)) {
                    Files.setLastModifiedTime(path, FileTime.from(time));
                }
            }
        }
    }

    private static void write(Path file, byte[] content) throws IOException {
        Files.createDirectories(file.getParent());
        Files.write(file, content);
    }
}
