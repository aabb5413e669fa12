package dev.distribution.core;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The publication record, {@code target/distribution/publication.json}: every file published,
 * where, with which digest and status. A line is written as soon as its file is done, so a build
 * that fails half way leaves an exact account, and the next run checks those files and skips the
 * ones already there.
 *
 * <p>Safe for several goals and threads of one build ({@code mvn -T}) and for concurrent builds
 * writing the same file: each update takes a file lock, re-reads the file, merges and replaces it
 * atomically.
 */
public final class PublicationLog {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private static final TypeReference<List<Publication>> ENTRIES = new TypeReference<>() {};

    private static final Map<Path, Object> MONITORS = new ConcurrentHashMap<>();

    private final Path file;

    /** Creates a log stored at {@code file}; the file and its folder are created on first write. */
    public PublicationLog(Path file) {
        this.file = file;
    }

    /** The JSON file this log writes. */
    public Path file() {
        return file;
    }

    /** Reads every entry; an absent file has none. */
    public List<Publication> read() throws IOException {
        if (!Files.exists(file)) {
            return List.of();
        }
        return List.copyOf(JSON.readValue(file.toFile(), ENTRIES));
    }

    /**
     * Adds or replaces the entry for the same repository and URL.
     */
    public void record(Publication publication) throws IOException {
        Path absolute = file.toAbsolutePath().normalize();
        Files.createDirectories(absolute.getParent());
        // A file lock guards against other processes only; threads of this JVM queue on the monitor
        // of the path, because a second lock on the same file from one JVM throws.
        synchronized (MONITORS.computeIfAbsent(absolute, key -> new Object())) {
            write(absolute, publication);
        }
    }

    private void write(Path absolute, Publication publication) throws IOException {
        Path lockFile = absolute.resolveSibling(absolute.getFileName() + ".lock");
        try (FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                FileLock ignored = channel.lock()) {
            Map<String, Publication> entries = new LinkedHashMap<>();
            for (Publication existing : read()) {
                entries.put(key(existing), existing);
            }
            entries.put(key(publication), publication);
            List<Publication> sorted = new ArrayList<>(entries.values());
            sorted.sort(Comparator.comparing(Publication::repositoryId).thenComparing(Publication::url));
            Path temporary = Files.createTempFile(absolute.getParent(), "publication", ".json.tmp");
            try {
                JSON.writeValue(temporary.toFile(), sorted);
                move(temporary, absolute);
            } finally {
                Files.deleteIfExists(temporary);
            }
        }
    }

    private static void move(Path source, Path target) throws IOException {
        try {
            Files.move(source, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(source, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private static String key(Publication publication) {
        return publication.repositoryId() + '\n' + publication.url();
    }
}
