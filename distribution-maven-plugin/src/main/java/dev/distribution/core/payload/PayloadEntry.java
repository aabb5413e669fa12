package dev.distribution.core.payload;

import java.nio.file.Path;
import java.text.Normalizer;
import java.util.Objects;

/**
 * One entry of a package after {@link Payload#resolve}: a file, a directory or a symbolic link, with
 * the attributes every format writes. Format writers take a list of these and need no file system
 * checks of their own, because the constructor rejects entries they could not write.
 *
 * @param type what the entry is
 * @param path the path inside the package: relative, '/' separated, without a leading or trailing
 *     '/', without empty, {@code .} or {@code ..} segments, in Unicode NFC
 * @param source the file whose content the entry has; set for {@code FILE} only
 * @param linkTarget the target of a {@code SYMLINK}, as the link stores it; null otherwise
 * @param mode the POSIX permission bits, {@code 0} to {@code 07777}, without file type bits
 * @param owner the owner name, such as {@code root}
 * @param group the group name, such as {@code root}
 * @param size the content size in bytes of a {@code FILE}; 0 for the other types
 * @param config whether a package manager keeps local changes to this file on upgrade
 */
public record PayloadEntry(
        Type type,
        String path,
        Path source,
        String linkTarget,
        int mode,
        String owner,
        String group,
        long size,
        boolean config) {

    /** The kind of an entry. */
    public enum Type {
        /** A regular file with content from {@link PayloadEntry#source()}. */
        FILE,
        /** A directory. */
        DIRECTORY,
        /** A symbolic link to {@link PayloadEntry#linkTarget()}. */
        SYMLINK
    }

    /**
     * Checks the path rules and that each type has its fields.
     *
     * @throws IllegalArgumentException when a field breaks the rules above
     */
    public PayloadEntry {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(owner, "owner");
        Objects.requireNonNull(group, "group");
        checkPath(path);
        if (mode < 0 || mode > 07777) {
            throw new IllegalArgumentException(
                    "Mode " + Integer.toOctalString(mode) + " of " + path + " is not between 0 and 07777");
        }
        if (size < 0 || (type != Type.FILE && size != 0)) {
            throw new IllegalArgumentException("Size " + size + " is invalid for the " + type + " " + path);
        }
        if ((type == Type.FILE) != (source != null)) {
            throw new IllegalArgumentException("A source is required for a FILE and forbidden otherwise: " + path);
        }
        if ((type == Type.SYMLINK) != (linkTarget != null && !linkTarget.isEmpty())) {
            throw new IllegalArgumentException(
                    "A link target is required for a SYMLINK and forbidden otherwise: " + path);
        }
    }

    /** Creates a file entry. */
    public static PayloadEntry file(String path, Path source, int mode, String owner, String group, long size) {
        return new PayloadEntry(Type.FILE, path, source, null, mode, owner, group, size, false);
    }

    /** Creates a directory entry. */
    public static PayloadEntry directory(String path, int mode, String owner, String group) {
        return new PayloadEntry(Type.DIRECTORY, path, null, null, mode, owner, group, 0, false);
    }

    /** Creates a symbolic link entry with mode 0777, the mode links have on Linux. */
    public static PayloadEntry symlink(String path, String linkTarget, String owner, String group) {
        return new PayloadEntry(Type.SYMLINK, path, null, linkTarget, 0777, owner, group, 0, false);
    }

    /** Returns the last segment of the path. */
    public String name() {
        return path.substring(path.lastIndexOf('/') + 1);
    }

    /** Returns true for a file whose owner may execute it. */
    public boolean isExecutable() {
        return type == Type.FILE && (mode & 0100) != 0;
    }

    private static void checkPath(String path) {
        Objects.requireNonNull(path, "path");
        if (path.isEmpty()) {
            throw new IllegalArgumentException("The path of an entry is empty");
        }
        if (!Normalizer.isNormalized(path, Normalizer.Form.NFC)) {
            throw new IllegalArgumentException("The path " + path + " is not in Unicode NFC");
        }
        if (path.indexOf('\0') >= 0 || path.indexOf('\\') >= 0) {
            throw new IllegalArgumentException("The path " + path + " contains a NUL or a backslash");
        }
        for (String segment : path.split("/", -1)) {
            if (segment.isEmpty() || segment.equals(".") || segment.equals("..")) {
                throw new IllegalArgumentException(
                        "The path " + path + " has an empty, '.' or '..' segment, or a leading or trailing '/'");
            }
        }
    }
}
