package dev.distribution.core.payload;

import dev.distribution.core.InvalidConfigurationException;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * One {@code <file>}, {@code <directory>} or {@code <link>} element of a {@code <files>} block:
 * what to put into a package and where. {@link Payload#resolve} expands mappings into entries and
 * checks them.
 *
 * <p>A {@code FILE} mapping copies {@code source} (following a symbolic link) to {@code target}. A
 * target ending in {@code /} names a directory, and the source file name is appended. A {@code
 * DIRECTORY} mapping copies the files under {@code source} that match {@code includes} and none of
 * {@code excludes} to under {@code target}, and an empty source directory still gives a directory
 * entry. A {@code LINK} mapping creates a symbolic link at {@code target} that points to {@code
 * linkTo}.
 *
 * @param kind what the mapping creates
 * @param source the file or directory to copy, relative to the project base directory or
 *     absolute; null for a link
 * @param target where the entry goes inside the package, '/' separated; a leading '/' is ignored
 * @param mode the permission bits of files, such as {@code 0755}; null keeps 0755 for an
 *     executable source and 0644 otherwise
 * @param directoryMode the permission bits of directories created from the source tree; null
 *     means 0755
 * @param owner the owner name; null means {@code root}
 * @param group the group name; null means {@code root}
 * @param includes Ant-style patterns such as {@code **}{@code /*.sh}, relative to a directory
 *     source; empty means every file
 * @param excludes Ant-style patterns of files and directories to leave out
 * @param linkTo the link target of a {@code LINK}, absolute or relative to the link's directory
 * @param config whether the files are configuration files that a package manager keeps on
 *     upgrade
 */
public record Mapping(
        Kind kind,
        Path source,
        String target,
        Integer mode,
        Integer directoryMode,
        String owner,
        String group,
        List<String> includes,
        List<String> excludes,
        String linkTo,
        boolean config) {

    /** The kind of entry a mapping creates. */
    public enum Kind {
        /** One file, from the {@code <file>} element. */
        FILE,
        /** A directory tree, from the {@code <directory>} element. */
        DIRECTORY,
        /** A symbolic link, from the {@code <link>} element. */
        LINK;

        /** Returns the POM element name of this kind, such as {@code file}. */
        public String elementName() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /** Checks that the kind is set and copies the pattern lists; null lists become empty. */
    public Mapping {
        Objects.requireNonNull(kind, "kind");
        includes = includes == null ? List.of() : List.copyOf(includes);
        excludes = excludes == null ? List.of() : List.copyOf(excludes);
    }

    /** Creates a {@code FILE} mapping with default mode, owner and group. */
    public static Mapping file(Path source, String target) {
        return new Mapping(Kind.FILE, source, target, null, null, null, null, List.of(), List.of(), null, false);
    }

    /** Creates a {@code DIRECTORY} mapping of every file under {@code source}, with defaults. */
    public static Mapping directory(Path source, String target) {
        return new Mapping(Kind.DIRECTORY, source, target, null, null, null, null, List.of(), List.of(), null, false);
    }

    /** Creates a {@code LINK} mapping: a symbolic link at {@code target} pointing to {@code linkTo}. */
    public static Mapping link(String target, String linkTo) {
        return new Mapping(Kind.LINK, null, target, null, null, null, null, List.of(), List.of(), linkTo, false);
    }

    /** Returns a copy with the file mode set. */
    public Mapping withMode(Integer newMode) {
        return new Mapping(
                kind, source, target, newMode, directoryMode, owner, group, includes, excludes, linkTo, config);
    }

    /** Returns a copy with the directory mode set. */
    public Mapping withDirectoryMode(Integer newDirectoryMode) {
        return new Mapping(
                kind, source, target, mode, newDirectoryMode, owner, group, includes, excludes, linkTo, config);
    }

    /** Returns a copy with the owner and group set. */
    public Mapping withOwner(String newOwner, String newGroup) {
        return new Mapping(
                kind, source, target, mode, directoryMode, newOwner, newGroup, includes, excludes, linkTo, config);
    }

    /** Returns a copy with the include and exclude patterns set. */
    public Mapping withPatterns(List<String> newIncludes, List<String> newExcludes) {
        return new Mapping(
                kind, source, target, mode, directoryMode, owner, group, newIncludes, newExcludes, linkTo, config);
    }

    /** Returns a copy marked as configuration files. */
    public Mapping withConfig(boolean newConfig) {
        return new Mapping(
                kind, source, target, mode, directoryMode, owner, group, includes, excludes, linkTo, newConfig);
    }

    /**
     * Parses an octal permission string as written in a POM, such as {@code 0755} or {@code 644}.
     *
     * @param value the text; null or blank returns null (use the default)
     * @param element the POM element path, for the error message
     * @throws InvalidConfigurationException when the text is not octal or exceeds {@code 07777}
     */
    public static Integer parseMode(String value, String element) throws InvalidConfigurationException {
        if (value == null || value.isBlank()) {
            return null;
        }
        String trimmed = value.trim();
        if (!trimmed.matches("[0-7]{1,5}")) {
            throw new InvalidConfigurationException(
                    element, value, "an octal mode from 0000 to 7777", "Write the mode in octal, for example 0755.");
        }
        int mode = Integer.parseInt(trimmed, 8);
        if (mode > 07777) {
            throw new InvalidConfigurationException(
                    element, value, "an octal mode from 0000 to 7777", "Write the mode in octal, for example 0755.");
        }
        return mode;
    }
}
