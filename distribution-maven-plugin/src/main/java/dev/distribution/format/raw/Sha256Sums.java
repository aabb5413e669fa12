package dev.distribution.format.raw;

import dev.distribution.core.Checksums;
import dev.distribution.core.payload.Payload;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * A checksum file in the format {@code sha256sum} prints and {@code sha256sum -c} reads, so users
 * can verify downloads with the tool they already have.
 */
public final class Sha256Sums {
    /** Conventional name of the file. */
    public static final String FILE_NAME = "SHA256SUMS";

    private Sha256Sums() {}

    /**
     * Writes one {@code <hex>  <file name>} line per file, sorted by file name in byte order. Only
     * file names are written, so the checksum file must sit next to the files it lists. A name with
     * a backslash or a newline is escaped the way GNU {@code sha256sum} escapes it: the line starts
     * with a backslash, and the name has {@code \\} and {@code \n}.
     *
     * @param files the files to list; their names must differ
     * @param output the checksum file to write; replaced if it exists
     * @return {@code output}
     * @throws IllegalArgumentException when two files have the same name
     * @throws IOException when a file cannot be read or the output cannot be written
     */
    public static Path write(List<Path> files, Path output) throws IOException {
        List<Path> sorted = new ArrayList<>(files);
        sorted.sort(Comparator.comparing(file -> file.getFileName().toString(), Payload.PATH_ORDER));
        for (int i = 1; i < sorted.size(); i++) {
            if (sorted.get(i).getFileName().equals(sorted.get(i - 1).getFileName())) {
                throw new IllegalArgumentException("Two files are named "
                        + sorted.get(i).getFileName() + ": " + sorted.get(i - 1) + " and " + sorted.get(i));
            }
        }
        Path directory = output.toAbsolutePath().getParent();
        Files.createDirectories(directory);
        Path temporary = Files.createTempFile(directory, output.getFileName().toString(), ".part");
        try {
            try (Writer writer = Files.newBufferedWriter(temporary, StandardCharsets.UTF_8)) {
                for (Path file : sorted) {
                    writer.write(line(Checksums.sha256(file), file.getFileName().toString()));
                }
            }
            Files.move(temporary, output, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(temporary);
        }
        return output;
    }

    private static String line(String hex, String name) {
        if (name.indexOf('\\') < 0 && name.indexOf('\n') < 0 && name.indexOf('\r') < 0) {
            return hex + "  " + name + "\n";
        }
        String escaped = name.replace("\\", "\\\\").replace("\n", "\\n").replace("\r", "\\r");
        return "\\" + hex + "  " + escaped + "\n";
    }
}
