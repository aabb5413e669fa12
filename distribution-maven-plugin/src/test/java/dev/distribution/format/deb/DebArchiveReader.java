package dev.distribution.format.deb;

import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.commons.compress.archivers.ar.ArArchiveEntry;
import org.apache.commons.compress.archivers.ar.ArArchiveInputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream;
import org.apache.commons.compress.compressors.xz.XZCompressorInputStream;

/** Reads a .deb back with commons-compress, independently of jdeb, for assertions. */
final class DebArchiveReader {
    /** One tar entry with its content (files only). */
    record Item(TarArchiveEntry entry, byte[] content) {
        String text() {
            return new String(content, StandardCharsets.UTF_8);
        }
    }

    final Map<String, Long> members = new LinkedHashMap<>();
    final Map<String, Item> control = new LinkedHashMap<>();
    final Map<String, Item> data = new LinkedHashMap<>();
    String debianBinary;

    static DebArchiveReader read(Path deb) throws IOException {
        DebArchiveReader reader = new DebArchiveReader();
        try (ArArchiveInputStream ar = new ArArchiveInputStream(new BufferedInputStream(Files.newInputStream(deb)))) {
            ArArchiveEntry member;
            while ((member = ar.getNextEntry()) != null) {
                reader.members.put(member.getName(), member.getLastModified());
                byte[] bytes = ar.readAllBytes();
                if (member.getName().equals("debian-binary")) {
                    reader.debianBinary = new String(bytes, StandardCharsets.US_ASCII);
                } else if (member.getName().startsWith("control.tar")) {
                    readTar(member.getName(), bytes, reader.control);
                } else if (member.getName().startsWith("data.tar")) {
                    readTar(member.getName(), bytes, reader.data);
                }
            }
        }
        return reader;
    }

    private static void readTar(String name, byte[] bytes, Map<String, Item> into) throws IOException {
        InputStream in = new ByteArrayInputStream(bytes);
        if (name.endsWith(".gz")) {
            in = new GzipCompressorInputStream(in);
        } else if (name.endsWith(".xz")) {
            in = new XZCompressorInputStream(in);
        }
        try (TarArchiveInputStream tar = new TarArchiveInputStream(in, "UTF-8")) {
            TarArchiveEntry entry;
            while ((entry = tar.getNextEntry()) != null) {
                into.put(entry.getName(), new Item(entry, tar.readAllBytes()));
            }
        }
    }
}
