package dev.distribution.format.deb;

import dev.distribution.core.payload.PayloadEntry;
import java.nio.file.Path;
import java.util.Objects;

/**
 * One entry of a package's data archive: a file copied from disk, a directory (possibly empty) or a
 * symbolic link, with its mode and owner.
 *
 * @param kind what the entry is
 * @param path the absolute install path, such as {@code /usr/bin/hello}
 * @param source the file to copy, for {@link Kind#FILE} only
 * @param linkTarget where a {@link Kind#SYMLINK} points, absolute or relative
 * @param mode the permission bits, such as {@code 0755}
 * @param user the owner name
 * @param uid the owner id
 * @param group the group name
 * @param gid the group id
 * @param config true when dpkg should treat the file as a conffile and keep local changes
 */
public record DebEntry(
        Kind kind,
        String path,
        Path source,
        String linkTarget,
        int mode,
        String user,
        long uid,
        String group,
        long gid,
        boolean config) {

    /** The default mode of files. */
    public static final int FILE_MODE = 0644;

    /** The default mode of directories. */
    public static final int DIRECTORY_MODE = 0755;

    /** The mode every symbolic link has. */
    public static final int SYMLINK_MODE = 0777;

    /** What an entry is. */
    public enum Kind {
        FILE,
        DIRECTORY,
        SYMLINK
    }

    public DebEntry {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(group, "group");
    }

    /** A file copied from {@code source}, owned by root with mode 0644. */
    public static DebEntry file(Path source, String path) {
        return new DebEntry(Kind.FILE, path, source, null, FILE_MODE, "root", 0, "root", 0, false);
    }

    /** A directory, owned by root with mode 0755; it is created even when nothing is installed in it. */
    public static DebEntry directory(String path) {
        return new DebEntry(Kind.DIRECTORY, path, null, null, DIRECTORY_MODE, "root", 0, "root", 0, false);
    }

    /** A symbolic link at {@code path} pointing to {@code linkTarget}. */
    public static DebEntry symlink(String path, String linkTarget) {
        return new DebEntry(Kind.SYMLINK, path, null, linkTarget, SYMLINK_MODE, "root", 0, "root", 0, false);
    }

    /**
     * Converts an entry of the shared payload model. Paths become absolute; owners keep their names
     * with id 0, because dpkg looks a name up on the installing machine and uses the id only when the
     * name is unknown there.
     */
    public static DebEntry of(PayloadEntry entry) {
        String path = "/" + entry.path();
        return switch (entry.type()) {
            case FILE ->
                new DebEntry(
                        Kind.FILE,
                        path,
                        entry.source(),
                        null,
                        entry.mode(),
                        entry.owner(),
                        0,
                        entry.group(),
                        0,
                        entry.config());
            case DIRECTORY ->
                new DebEntry(Kind.DIRECTORY, path, null, null, entry.mode(), entry.owner(), 0, entry.group(), 0, false);
            case SYMLINK ->
                new DebEntry(
                        Kind.SYMLINK,
                        path,
                        null,
                        entry.linkTarget(),
                        SYMLINK_MODE,
                        entry.owner(),
                        0,
                        entry.group(),
                        0,
                        false);
        };
    }

    /** Returns a copy with other permission bits. */
    public DebEntry withMode(int newMode) {
        return new DebEntry(kind, path, source, linkTarget, newMode, user, uid, group, gid, config);
    }

    /** Returns a copy with another owner. */
    public DebEntry withOwner(String newUser, long newUid, String newGroup, long newGid) {
        return new DebEntry(kind, path, source, linkTarget, mode, newUser, newUid, newGroup, newGid, config);
    }

    /** Returns a copy marked as a conffile. */
    public DebEntry asConfig() {
        return new DebEntry(kind, path, source, linkTarget, mode, user, uid, group, gid, true);
    }
}
