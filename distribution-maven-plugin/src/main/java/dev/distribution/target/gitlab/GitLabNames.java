package dev.distribution.target.gitlab;

import dev.distribution.core.InvalidConfigurationException;
import java.util.regex.Pattern;

/**
 * The name rules of GitLab's generic package registry: package and file names may contain only
 * {@code A-Z a-z 0-9 . _ -}, and a version must match {@code \A(\.?[\w\+-]+\.?)+\z} (GitLab
 * documentation, "GitLab Generic Packages Repository").
 */
public final class GitLabNames {
    /** The characters a package or file name may contain, for error messages. */
    public static final String ACCEPTED_NAME = "letters A-Z and a-z, digits, '.', '_' and '-'";

    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9._-]+");
    private static final Pattern VERSION = Pattern.compile("(\\.?[A-Za-z0-9_+-]+\\.?)+");

    private GitLabNames() {}

    /** Checks a package name. */
    public static String packageName(String name, String element) throws InvalidConfigurationException {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new InvalidConfigurationException(
                    element,
                    name,
                    ACCEPTED_NAME,
                    "GitLab rejects other characters in package names; rename the package.");
        }
        return name;
    }

    /** Checks a package version. */
    public static String version(String version, String element) throws InvalidConfigurationException {
        if (version == null || !VERSION.matcher(version).matches()) {
            throw new InvalidConfigurationException(
                    element,
                    version,
                    "letters, digits, '_', '+' and '-', in parts separated by single dots",
                    "GitLab rejects this package version; set <gitlab><packageVersion>.");
        }
        return version;
    }

    /**
     * Checks a file name, or maps it when {@code map} is set: every character GitLab rejects
     * becomes {@code _}.
     *
     * @param file the local file, for the error message
     */
    public static String fileName(String name, boolean map, String file) throws InvalidConfigurationException {
        if (NAME.matcher(name).matches()) {
            return name;
        }
        if (map) {
            String mapped = name.replaceAll("[^A-Za-z0-9._-]", "_");
            if (NAME.matcher(mapped).matches()) {
                return mapped;
            }
        }
        throw new InvalidConfigurationException(
                "<gitlab> file name of " + file,
                name,
                ACCEPTED_NAME,
                "GitLab's generic package registry rejects this file name. Set <gitlab><files><file><target> to a"
                        + " valid name, or <gitlab><mapFileNames>true</mapFileNames> to replace each other character"
                        + " with '_'.");
    }
}
