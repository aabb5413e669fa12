package dev.distribution.maven;

import dev.distribution.core.InvalidConfigurationException;
import dev.distribution.core.payload.Mapping;
import java.io.File;
import java.util.List;

/**
 * One entry of a {@code <files>} block: a {@code <file>}, a {@code <directory>} or a {@code
 * <link>}. The element name is for the reader; the kind follows from the values: {@code linkTo}
 * makes a symbolic link, a source folder copies its files, a source file copies one file.
 */
public class FileMappingConfig {
    /** The file or folder to copy, relative to the project's base folder. */
    File source;

    /**
     * Where it goes inside the package: a path such as {@code lib/app.jar} or {@code /usr/bin}. A
     * target ending in '/' keeps the source file name. For a link, the path of the link itself.
     */
    String target;

    /** POSIX permissions in octal, for example {@code 0755}. Default: 0755 for executable sources, else 0644. */
    String mode;

    /** POSIX permissions of the folders created, in octal. Default: {@code 0755}. */
    String directoryMode;

    /** The owner user name. Default: {@code root}. */
    String owner;

    /** The owner group name. Default: {@code root}. */
    String group;

    /** For a folder: Ant-style patterns of the files to take, for example {@code **}{@code /*.sh}. Default: all. */
    List<String> includes;

    /** For a folder: Ant-style patterns of the files to leave out. */
    List<String> excludes;

    /** For a link: the path the link points to. */
    String linkTo;

    /** Marks a configuration file that the package manager keeps on upgrade (deb conffiles, rpm %config(noreplace)). */
    boolean config;

    /**
     * Converts the entry to the engine's mapping.
     *
     * @param element the POM element path of this entry, for error messages
     */
    Mapping toMapping(String element) throws InvalidConfigurationException {
        Mapping.Kind kind;
        if (linkTo != null && !linkTo.isBlank()) {
            kind = Mapping.Kind.LINK;
        } else if (source == null) {
            throw new InvalidConfigurationException(
                    element + "<source>",
                    null,
                    "a file or folder path relative to the project",
                    "Set <source>, or <linkTo> for a symbolic link.");
        } else if (source.isDirectory()) {
            kind = Mapping.Kind.DIRECTORY;
        } else {
            kind = Mapping.Kind.FILE;
        }
        return new Mapping(
                kind,
                source == null ? null : source.toPath(),
                target,
                Mapping.parseMode(mode, element + "<mode>"),
                Mapping.parseMode(directoryMode, element + "<directoryMode>"),
                owner,
                group,
                includes == null ? List.of() : List.copyOf(includes),
                excludes == null ? List.of() : List.copyOf(excludes),
                linkTo,
                config);
    }

    /** Converts a list of entries, numbering elements from 1 as the POM reader sees them. */
    static List<Mapping> toMappings(List<FileMappingConfig> files, String element)
            throws InvalidConfigurationException {
        if (files == null) {
            return List.of();
        }
        java.util.ArrayList<Mapping> mappings = new java.util.ArrayList<>();
        for (int i = 0; i < files.size(); i++) {
            mappings.add(files.get(i).toMapping(element + "[" + (i + 1) + "]"));
        }
        return mappings;
    }
}
