package dev.distribution.core.payload;

import dev.distribution.core.InvalidConfigurationException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Expands {@link Mapping}s into the sorted, checked list of {@link PayloadEntry}s that every
 * format writes. All checks of the user's {@code <files>} block happen here, before anything is
 * built or uploaded.
 */
public final class Payload {
    /** Default owner and group of every entry. */
    public static final String ROOT = "root";

    /** Mode of files whose source is not executable, and of files on file systems without POSIX modes. */
    public static final int FILE_MODE = 0644;

    /** Mode of executable files and of directories. */
    public static final int EXECUTABLE_MODE = 0755;

    /** Orders paths by the unsigned bytes of their UTF-8 form, the order {@code LC_ALL=C sort} gives. */
    public static final Comparator<String> PATH_ORDER =
            (a, b) -> Arrays.compareUnsigned(a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));

    /**
     * User and group names: POSIX portable file name characters, not starting with a digit, '.' or
     * '-', and at most 32 characters, the size of the tar header field.
     */
    private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_.-]{0,30}\\$?");

    private static final String TARGET_ACCEPTED =
            "a '/' separated path inside the package without '..' segments or backslashes";

    private Payload() {}

    /**
     * Expands mappings into entries sorted by {@link #PATH_ORDER}. The parent directories of every
     * entry are added with mode 0755 and owner root unless a mapping creates them. Symbolic links
     * found under a directory source are kept as links, never followed.
     *
     * @param mappings the mappings in POM order
     * @param basedir the directory relative sources are resolved against, usually the project's
     * @param element the POM element path of the {@code <files>} block, such as {@code
     *     <archive><files>}; errors append the mapping, such as {@code <file>[2]<source>}
     * @return the entries, sorted, each path once
     * @throws InvalidConfigurationException when a source is missing or of the wrong kind, a target
     *     escapes the package root, two mappings produce the same path, or a value is invalid
     * @throws UncheckedIOException when a source directory cannot be read
     */
    public static List<PayloadEntry> resolve(List<Mapping> mappings, Path basedir, String element)
            throws InvalidConfigurationException {
        Resolution resolution = new Resolution();
        Map<Mapping.Kind, Integer> counts = new EnumMap<>(Mapping.Kind.class);
        for (Mapping mapping : mappings) {
            int index = counts.merge(mapping.kind(), 1, Integer::sum);
            String mappingElement = element + "<" + mapping.kind().elementName() + ">[" + index + "]";
            String owner = checkName(mapping.owner(), mappingElement + "<owner>");
            String group = checkName(mapping.group(), mappingElement + "<group>");
            checkMode(mapping.mode(), mappingElement + "<mode>");
            checkMode(mapping.directoryMode(), mappingElement + "<directoryMode>");
            switch (mapping.kind()) {
                case FILE -> resolveFile(mapping, basedir, mappingElement, owner, group, resolution);
                case DIRECTORY -> resolveDirectory(mapping, basedir, mappingElement, owner, group, resolution);
                case LINK -> resolveLink(mapping, mappingElement, owner, group, resolution);
            }
        }
        return resolution.sortedWithParents();
    }

    private static void resolveFile(
            Mapping mapping, Path basedir, String element, String owner, String group, Resolution resolution)
            throws InvalidConfigurationException {
        Path source = existingSource(mapping, basedir, element);
        if (Files.isDirectory(source)) {
            throw new InvalidConfigurationException(
                    element + "<source>",
                    mapping.source().toString(),
                    "a regular file",
                    "The source is a directory: use a <directory> element for it, or name a file.");
        }
        if (!Files.isRegularFile(source)) {
            throw new InvalidConfigurationException(
                    element + "<source>", mapping.source().toString(), "a regular file", "Name a regular file.");
        }
        String rawTarget = mapping.target() == null ? "" : mapping.target();
        String target = normalizeTarget(rawTarget, element + "<target>");
        if (target.isEmpty() || rawTarget.endsWith("/")) {
            String fileName = nfc(source.getFileName().toString());
            target = target.isEmpty() ? fileName : target + "/" + fileName;
        }
        int mode = mapping.mode() != null ? mapping.mode() : defaultFileMode(source);
        PayloadEntry entry = new PayloadEntry(
                PayloadEntry.Type.FILE, target, source, null, mode, owner, group, size(source), mapping.config());
        resolution.add(entry, element);
    }

    private static void resolveDirectory(
            Mapping mapping, Path basedir, String element, String owner, String group, Resolution resolution)
            throws InvalidConfigurationException {
        Path source = existingSource(mapping, basedir, element);
        if (!Files.isDirectory(source)) {
            throw new InvalidConfigurationException(
                    element + "<source>",
                    mapping.source().toString(),
                    "a directory",
                    "The source is a file: use a <file> element for it, or name a directory.");
        }
        String target = normalizeTarget(mapping.target() == null ? "" : mapping.target(), element + "<target>");
        int directoryMode = mapping.directoryMode() != null ? mapping.directoryMode() : EXECUTABLE_MODE;
        if (!target.isEmpty()) {
            resolution.add(PayloadEntry.directory(target, directoryMode, owner, group), element);
        }
        List<AntPattern> includes = compile(mapping.includes());
        List<AntPattern> excludes = compile(mapping.excludes());
        TreeWalk walk = new TreeWalk(source, includes, excludes);
        for (TreeWalk.Found found : walk.run(element)) {
            String path = target.isEmpty() ? found.relativePath() : target + "/" + found.relativePath();
            PayloadEntry entry;
            try {
                entry = toEntry(mapping, found, path, directoryMode, owner, group);
            } catch (IllegalArgumentException e) {
                throw new InvalidConfigurationException(
                        element + "<source>",
                        found.relativePath(),
                        "file names without backslashes or NUL characters",
                        "Rename the file, or exclude it with <excludes>. " + e.getMessage() + ".");
            }
            resolution.add(entry, element);
        }
    }

    private static PayloadEntry toEntry(
            Mapping mapping, TreeWalk.Found found, String path, int directoryMode, String owner, String group) {
        return switch (found.type()) {
            case DIRECTORY -> PayloadEntry.directory(path, directoryMode, owner, group);
            case SYMLINK -> PayloadEntry.symlink(path, found.linkTarget(), owner, group);
            case FILE ->
                new PayloadEntry(
                        PayloadEntry.Type.FILE,
                        path,
                        found.file(),
                        null,
                        mapping.mode() != null ? mapping.mode() : defaultFileMode(found.file()),
                        owner,
                        group,
                        size(found.file()),
                        mapping.config());
        };
    }

    private static void resolveLink(Mapping mapping, String element, String owner, String group, Resolution resolution)
            throws InvalidConfigurationException {
        String target = normalizeTarget(mapping.target() == null ? "" : mapping.target(), element + "<target>");
        if (target.isEmpty()) {
            throw new InvalidConfigurationException(
                    element + "<target>",
                    mapping.target(),
                    TARGET_ACCEPTED,
                    "Set the path of the link, such as bin/hello.");
        }
        String linkTo = mapping.linkTo();
        if (linkTo == null || linkTo.isBlank() || linkTo.indexOf('\0') >= 0) {
            throw new InvalidConfigurationException(
                    element + "<linkTo>",
                    linkTo,
                    "the path the link points to, absolute or relative to the link's directory",
                    "Set <linkTo>, for example ../share/hello/bin/hello.");
        }
        resolution.add(PayloadEntry.symlink(target, nfc(linkTo), owner, group), element);
    }

    private static Path existingSource(Mapping mapping, Path basedir, String element)
            throws InvalidConfigurationException {
        if (mapping.source() == null) {
            throw new InvalidConfigurationException(
                    element + "<source>",
                    null,
                    "a path relative to the project directory or absolute",
                    "Set <source> to the " + mapping.kind().elementName() + " to copy.");
        }
        Path source = basedir.resolve(mapping.source()).normalize();
        if (!Files.exists(source)) {
            throw new InvalidConfigurationException(
                    element + "<source>",
                    mapping.source().toString(),
                    "an existing " + mapping.kind().elementName(),
                    "Nothing exists at " + source + ": correct the path, or build the "
                            + mapping.kind().elementName() + " in an earlier phase.");
        }
        return source;
    }

    /**
     * Normalizes a target to the entry path form: NFC, no leading or trailing '/', no empty or
     * {@code .} segments. Returns the empty string for the package root.
     */
    static String normalizeTarget(String target, String element) throws InvalidConfigurationException {
        if (target.indexOf('\\') >= 0 || target.indexOf('\0') >= 0) {
            throw new InvalidConfigurationException(
                    element, target, TARGET_ACCEPTED, "Separate directories with '/' only.");
        }
        List<String> segments = new ArrayList<>();
        for (String segment : nfc(target).split("/")) {
            if (segment.equals("..")) {
                throw new InvalidConfigurationException(
                        element,
                        target,
                        TARGET_ACCEPTED,
                        "Remove the '..' segments: a target may not leave the package root.");
            }
            if (!segment.isEmpty() && !segment.equals(".")) {
                segments.add(segment);
            }
        }
        return String.join("/", segments);
    }

    private static String checkName(String name, String element) throws InvalidConfigurationException {
        if (name == null) {
            return ROOT;
        }
        if (!NAME.matcher(name).matches()) {
            throw new InvalidConfigurationException(
                    element,
                    name,
                    "a user or group name: a letter or '_', then up to 30 letters, digits, '_', '.' or '-'",
                    "Use the account name as the target system knows it, such as root or daemon.");
        }
        return name;
    }

    private static void checkMode(Integer mode, String element) throws InvalidConfigurationException {
        if (mode != null && (mode < 0 || mode > 07777)) {
            throw new InvalidConfigurationException(
                    element,
                    Integer.toOctalString(mode),
                    "an octal mode from 0000 to 7777",
                    "Write the mode in octal, for example 0755.");
        }
    }

    private static List<AntPattern> compile(List<String> patterns) {
        return patterns.stream()
                .filter(pattern -> pattern != null && !pattern.isBlank())
                .map(AntPattern::compile)
                .toList();
    }

    /**
     * Returns 0755 when the owner may execute the source, else 0644. File systems without POSIX
     * permissions give 0644, so a script packaged on Windows needs an explicit {@code <mode>}.
     */
    static int defaultFileMode(Path file) {
        PosixFileAttributeView view = Files.getFileAttributeView(file, PosixFileAttributeView.class);
        if (view == null) {
            return FILE_MODE;
        }
        try {
            boolean executable = view.readAttributes().permissions().contains(PosixFilePermission.OWNER_EXECUTE);
            return executable ? EXECUTABLE_MODE : FILE_MODE;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the permissions of " + file, e);
        }
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the size of " + file, e);
        }
    }

    static String nfc(String text) {
        return Normalizer.normalize(text, Normalizer.Form.NFC);
    }

    /** Entries collected so far, keyed by path, with the element that created each. */
    private static final class Resolution {
        private final Map<String, PayloadEntry> entries = new HashMap<>();
        private final Map<String, String> origins = new HashMap<>();

        /**
         * Adds an entry. Two directories with equal attributes merge. Any other repeat of a path is
         * an error.
         */
        void add(PayloadEntry entry, String element) throws InvalidConfigurationException {
            PayloadEntry existing = entries.get(entry.path());
            if (existing == null) {
                entries.put(entry.path(), entry);
                origins.put(entry.path(), element);
                return;
            }
            String existingOrigin = origins.get(entry.path());
            boolean bothDirectories =
                    existing.type() == PayloadEntry.Type.DIRECTORY && entry.type() == PayloadEntry.Type.DIRECTORY;
            if (bothDirectories && existing.equals(entry)) {
                return;
            }
            throw new InvalidConfigurationException(
                    element + "<target>",
                    "/" + entry.path(),
                    "a path that no other mapping creates",
                    bothDirectories
                            ? "The directory is also created by " + existingOrigin
                                    + " with another mode, owner or group: make them agree."
                            : "The path is also created by " + existingOrigin
                                    + ": change one target, or exclude the file from one <directory>.");
        }

        /** Adds the missing parent directories and sorts; a file or link may not be a parent. */
        List<PayloadEntry> sortedWithParents() throws InvalidConfigurationException {
            List<String> paths = new ArrayList<>(entries.keySet());
            paths.sort(PATH_ORDER);
            for (String path : paths) {
                int slash = path.lastIndexOf('/');
                while (slash > 0) {
                    String parent = path.substring(0, slash);
                    PayloadEntry existing = entries.get(parent);
                    if (existing == null) {
                        entries.put(parent, PayloadEntry.directory(parent, EXECUTABLE_MODE, ROOT, ROOT));
                        origins.put(parent, null);
                    } else if (existing.type() != PayloadEntry.Type.DIRECTORY) {
                        throw new InvalidConfigurationException(
                                origins.get(path) + "<target>",
                                "/" + path,
                                "a path whose parents are directories",
                                "/" + parent + " is a " + existing.type().name().toLowerCase(java.util.Locale.ROOT)
                                        + " created by " + origins.get(parent) + ": change one of the targets.");
                    }
                    slash = parent.lastIndexOf('/');
                }
            }
            List<PayloadEntry> sorted = new ArrayList<>(entries.values());
            sorted.sort(Comparator.comparing(PayloadEntry::path, PATH_ORDER));
            return List.copyOf(sorted);
        }
    }
}
