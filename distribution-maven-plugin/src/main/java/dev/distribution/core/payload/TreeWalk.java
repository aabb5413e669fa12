package dev.distribution.core.payload;

import dev.distribution.core.InvalidConfigurationException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Lists what a {@code <directory>} mapping copies: the files, links and directories under a source
 * directory that match the include patterns and none of the exclude patterns. Symbolic links are
 * reported as links and not followed, so a link to a directory cannot loop or pull in files from
 * outside the source.
 */
final class TreeWalk {
    /** One item under the source; {@code relativePath} is '/' separated and in NFC. */
    record Found(PayloadEntry.Type type, String relativePath, Path file, String linkTarget) {}

    private final Path root;
    private final List<AntPattern> includes;
    private final List<AntPattern> excludes;

    TreeWalk(Path root, List<AntPattern> includes, List<AntPattern> excludes) {
        this.root = root;
        this.includes = includes;
        this.excludes = excludes;
    }

    /**
     * Walks the tree. A directory is listed when it matches the patterns or contains something listed,
     * so {@code **}{@code /*.sh} keeps the directories of the scripts and drops the others.
     *
     * @param element the mapping's POM element, for errors about items that cannot be packaged
     */
    List<Found> run(String element) throws InvalidConfigurationException {
        List<Found> found = new ArrayList<>();
        List<Found> directories = new ArrayList<>();
        List<String> unsupported = new ArrayList<>();
        try {
            Files.walkFileTree(root, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attributes) {
                    if (dir.equals(root)) {
                        return FileVisitResult.CONTINUE;
                    }
                    String relative = relativePath(dir);
                    if (matchesAny(excludes, relative)) {
                        return FileVisitResult.SKIP_SUBTREE;
                    }
                    directories.add(new Found(PayloadEntry.Type.DIRECTORY, relative, null, null));
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) throws IOException {
                    String relative = relativePath(file);
                    if (!selected(relative)) {
                        return FileVisitResult.CONTINUE;
                    }
                    if (attributes.isSymbolicLink()) {
                        String target = Payload.nfc(Files.readSymbolicLink(file).toString())
                                .replace(file.getFileSystem().getSeparator(), "/");
                        found.add(new Found(PayloadEntry.Type.SYMLINK, relative, null, target));
                    } else if (attributes.isRegularFile()) {
                        found.add(new Found(PayloadEntry.Type.FILE, relative, file, null));
                    } else {
                        unsupported.add(relative);
                    }
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFileFailed(Path file, IOException e) throws IOException {
                    throw e;
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the directory " + root, e);
        }
        if (!unsupported.isEmpty()) {
            unsupported.sort(Payload.PATH_ORDER);
            throw new InvalidConfigurationException(
                    element + "<source>",
                    root.toString(),
                    "regular files, directories and symbolic links",
                    "Exclude the special files " + unsupported + " with <excludes>.");
        }
        Set<String> listedParents = new HashSet<>();
        for (Found item : found) {
            addParents(item.relativePath(), listedParents);
        }
        for (Found directory : directories) {
            String relative = directory.relativePath();
            boolean everything = includes.isEmpty();
            if (everything || matchesAny(includes, relative) || listedParents.contains(relative)) {
                found.add(directory);
            }
        }
        return found;
    }

    private boolean selected(String relative) {
        return (includes.isEmpty() || matchesAny(includes, relative)) && !matchesAny(excludes, relative);
    }

    private String relativePath(Path path) {
        List<String> names = new ArrayList<>();
        for (Path name : root.relativize(path)) {
            names.add(name.toString());
        }
        return Payload.nfc(String.join("/", names));
    }

    private static boolean matchesAny(List<AntPattern> patterns, String relative) {
        for (AntPattern pattern : patterns) {
            if (pattern.matches(relative)) {
                return true;
            }
        }
        return false;
    }

    private static void addParents(String relative, Set<String> parents) {
        int slash = relative.lastIndexOf('/');
        while (slash > 0) {
            relative = relative.substring(0, slash);
            parents.add(relative);
            slash = relative.lastIndexOf('/');
        }
    }
}
