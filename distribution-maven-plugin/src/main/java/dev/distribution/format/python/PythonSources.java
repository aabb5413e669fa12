package dev.distribution.format.python;

import dev.distribution.core.InvalidConfigurationException;
import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The files of a pure-Python source tree (by default {@code src/main/python}), in a fixed order.
 * Byte code caches and hidden files are left out; a compiled extension is rejected, because a
 * {@code py3-none-any} wheel must run on every platform.
 */
public final class PythonSources {
    /** Compiled extensions, including versioned shared objects such as {@code libfoo.so.1}. */
    private static final Pattern NATIVE = Pattern.compile("\\.(so|pyd|dylib|dll)(\\.\\d+)*$", Pattern.CASE_INSENSITIVE);

    private final Path root;
    private final List<String> files;

    private PythonSources(Path root, List<String> files) {
        this.root = root;
        this.files = files;
    }

    /**
     * Lists a source tree.
     *
     * @param element the POM element naming the directory, for error messages
     * @param root the directory holding the packages and modules
     * @throws InvalidConfigurationException when the directory is missing, holds no Python module or
     *     holds a compiled extension
     */
    public static PythonSources scan(String element, Path root) throws InvalidConfigurationException, IOException {
        if (!Files.isDirectory(root)) {
            throw new InvalidConfigurationException(
                    element,
                    root.toString(),
                    "a directory holding Python packages or modules",
                    "Put the sources in " + root + " or point " + element + " at them.");
        }
        List<String> found = new ArrayList<>();
        Files.walkFileTree(root, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                String name = dir.getFileName().toString();
                boolean skip = !dir.equals(root)
                        && (name.startsWith(".") || name.equals("__pycache__") || name.endsWith(".egg-info"));
                return skip ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                String name = file.getFileName().toString();
                if (Files.isRegularFile(file)
                        && !name.startsWith(".")
                        && !name.endsWith(".pyc")
                        && !name.endsWith(".pyo")) {
                    found.add(root.relativize(file).toString().replace('\\', '/'));
                }
                return FileVisitResult.CONTINUE;
            }
        });
        found.sort(null);
        for (String file : found) {
            if (isNative(file)) {
                throw new InvalidConfigurationException(
                        element,
                        file,
                        "pure-Python files: no compiled extensions (.so, .pyd, .dylib, .dll)",
                        "Remove the compiled library from " + root
                                + "; platform wheels with native code are built by the project's own Python"
                                + " tooling.");
            }
        }
        if (found.stream().noneMatch(file -> file.endsWith(".py"))) {
            throw new InvalidConfigurationException(
                    element,
                    root.toString(),
                    "a directory with at least one .py module",
                    "Add the project's packages to " + root + ".");
        }
        return new PythonSources(root, List.copyOf(found));
    }

    private static boolean isNative(String file) {
        return NATIVE.matcher(file).find();
    }

    /** The source directory. */
    public Path root() {
        return root;
    }

    /** The file paths relative to the root, with '/' separators, sorted. */
    public List<String> files() {
        return files;
    }

    /** Returns the file on disk for a relative path from {@link #files()}. */
    public Path resolve(String relative) {
        return root.resolve(relative);
    }
}
