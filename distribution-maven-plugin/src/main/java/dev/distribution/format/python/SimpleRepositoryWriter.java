package dev.distribution.format.python;

import dev.distribution.core.Checksums;
import dev.distribution.core.ConflictException;
import dev.distribution.core.RemoteState;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Publishes distribution files into a static simple repository on disk that pip reads over {@code
 * file://} or from any web server (see {@link SimpleIndex} for the layout).
 *
 * <p>Every file is compared first; a different file under an existing name fails the whole call
 * before anything is written, unless replacing was allowed. Then the distribution and metadata
 * files are written, then each project page, then the root page, each replaced in one atomic move,
 * so a client never reads a page that links to a missing file. A lock file serialises publishers in
 * other processes; a lock per directory serialises threads of this one.
 */
public final class SimpleRepositoryWriter {
    private static final Map<Path, Object> LOCKS = new ConcurrentHashMap<>();

    private final Path root;

    /**
     * Creates a writer.
     *
     * @param root the repository root; pages go to {@code root/simple/}, files to {@code root/packages/}
     */
    public SimpleRepositoryWriter(Path root) {
        this.root = root.toAbsolutePath().normalize();
    }

    /** Returns the repository root. */
    public Path root() {
        return root;
    }

    /** Returns the index URL pip takes, for example {@code file:///.../pypi/simple/}. */
    public String indexUrl() {
        String url = root.resolve("simple").toUri().toString();
        return url.endsWith("/") ? url : url + "/";
    }

    /**
     * The outcome for one file.
     *
     * @param file the distribution
     * @param location the published file
     * @param state what the repository held before: absent, identical (left as it was) or different
     *     (replaced, since replacing was allowed)
     */
    public record Result(DistributionFile file, Path location, RemoteState state) {}

    /**
     * Compares files with the repository without writing anything.
     *
     * @return one result per file, in the order given
     */
    public List<Result> plan(List<DistributionFile> files) throws IOException {
        List<Result> results = new ArrayList<>();
        Map<String, SimpleIndex.ProjectPage> pages = new LinkedHashMap<>();
        for (DistributionFile file : files) {
            String project = PythonNames.normalize(file.name());
            SimpleIndex.ProjectPage page = pages.computeIfAbsent(project, this::readPageUnchecked);
            SimpleIndex.FileEntry existing = page.file(file.fileName());
            Path location = root.resolve(SimpleIndex.filePath(project, file.fileName()));
            RemoteState state;
            if (existing == null && !Files.exists(location)) {
                state = RemoteState.ABSENT;
            } else {
                String remote = existing != null ? existing.sha256() : Checksums.sha256(location);
                state = Checksums.sha256(file.path()).equals(remote) ? RemoteState.IDENTICAL : RemoteState.DIFFERENT;
            }
            results.add(new Result(file, location, state));
        }
        return results;
    }

    /**
     * Publishes files and updates the pages.
     *
     * @param files the distributions; several projects may be mixed
     * @param allowReplace true to replace a different file of the same name
     * @return one result per file, in the order given
     * @throws ConflictException when a different file exists and replacing was not allowed; nothing
     *     is written then
     */
    public List<Result> publish(List<DistributionFile> files, boolean allowReplace)
            throws IOException, ConflictException {
        Object threadLock = LOCKS.computeIfAbsent(root, key -> new Object());
        synchronized (threadLock) {
            Files.createDirectories(root);
            try (FileChannel channel = FileChannel.open(
                            root.resolve(".lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                    FileLock lock = channel.lock()) {
                return publishLocked(files, allowReplace);
            }
        }
    }

    private List<Result> publishLocked(List<DistributionFile> files, boolean allowReplace)
            throws IOException, ConflictException {
        List<Result> results = plan(files);
        List<ConflictException.Conflict> conflicts = new ArrayList<>();
        for (Result result : results) {
            if (result.state() == RemoteState.DIFFERENT && !allowReplace) {
                conflicts.add(new ConflictException.Conflict(
                        result.location().toString(),
                        Checksums.sha256(result.file().path()),
                        Checksums.sha256Unchecked(result.location())));
            }
        }
        if (!conflicts.isEmpty()) {
            throw new ConflictException(
                    conflicts,
                    "Release a new version, or allow replacing with <allowRedeploy>true</allowRedeploy>"
                            + " (pip caches files by name, so clients may keep the old one).");
        }

        Map<String, SimpleIndex.ProjectPage> pages = new LinkedHashMap<>();
        for (Result result : results) {
            DistributionFile file = result.file();
            String project = PythonNames.normalize(file.name());
            SimpleIndex.ProjectPage page = pages.computeIfAbsent(project, this::readPageUnchecked);
            if (result.state() == RemoteState.IDENTICAL && page.file(file.fileName()) != null) {
                continue;
            }
            String metadataSha256 = null;
            if (file.isWheel()) {
                Path metadataFile = root.resolve(SimpleIndex.filePath(project, file.fileName() + ".metadata"));
                writeAtomically(metadataFile, file.metadataBytes());
                metadataSha256 = Checksums.sha256(file.metadataBytes());
            }
            String sha256 = copyAtomically(file.path(), result.location());
            page.put(
                    new SimpleIndex.FileEntry(
                            file.fileName(),
                            SimpleIndex.fileUrl(project, file.fileName()),
                            sha256,
                            file.metadata().first("Requires-Python"),
                            metadataSha256,
                            Files.size(result.location()),
                            null),
                    file.version());
        }
        for (SimpleIndex.ProjectPage page : pages.values()) {
            writeAtomically(root.resolve(SimpleIndex.projectJsonPath(page.name())), page.toJson());
            writeAtomically(root.resolve(SimpleIndex.projectHtmlPath(page.name())), page.toHtml());
        }
        SortedSet<String> projects = new TreeSet<>();
        Path rootJson = root.resolve(SimpleIndex.ROOT_JSON);
        if (Files.exists(rootJson)) {
            projects.addAll(SimpleIndex.parseRoot(Files.readAllBytes(rootJson)));
        }
        projects.addAll(pages.keySet());
        writeAtomically(rootJson, SimpleIndex.rootJson(projects));
        writeAtomically(root.resolve(SimpleIndex.ROOT_HTML), SimpleIndex.rootHtml(projects));
        return results;
    }

    private SimpleIndex.ProjectPage readPageUnchecked(String project) {
        Path json = root.resolve(SimpleIndex.projectJsonPath(project));
        try {
            return Files.exists(json)
                    ? SimpleIndex.ProjectPage.parse(project, Files.readAllBytes(json))
                    : new SimpleIndex.ProjectPage(project);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + json, e);
        }
    }

    /** Copies a file through a temporary file and returns its SHA-256, computed while copying. */
    private static String copyAtomically(Path source, Path target) throws IOException {
        Path temporary = Reproducible.temporaryNextTo(target);
        try {
            Reproducible.DigestingStream digesting;
            try (InputStream in = Files.newInputStream(source);
                    OutputStream out = Files.newOutputStream(temporary)) {
                digesting = new Reproducible.DigestingStream(out);
                in.transferTo(digesting);
            }
            Reproducible.moveInto(temporary, target);
            return HexFormat.of().formatHex(digesting.sha256());
        } finally {
            Files.deleteIfExists(temporary);
        }
    }

    private static void writeAtomically(Path target, byte[] content) throws IOException {
        Path temporary = Reproducible.temporaryNextTo(target);
        try {
            Files.write(temporary, content);
            Reproducible.moveInto(temporary, target);
        } finally {
            Files.deleteIfExists(temporary);
        }
    }
}
