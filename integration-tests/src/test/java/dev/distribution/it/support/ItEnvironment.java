package dev.distribution.it.support;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * The paths and versions that the failsafe configuration in {@code integration-tests/pom.xml}
 * passes to the test JVM as system properties.
 */
public final class ItEnvironment {
    private ItEnvironment() {}

    /** Returns the home of the Maven that runs the outer build ({@code maven.home}). */
    public static Path mavenHome() {
        Path home = path("maven.home");
        if (!Files.isExecutable(home.resolve("bin/mvn"))) {
            throw new IllegalStateException("maven.home has no bin/mvn: " + home);
        }
        return home;
    }

    /** Returns {@code target/it-repo}, which contains the plugin under test ({@code it.localRepository}). */
    public static Path localRepository() {
        return path("it.localRepository");
    }

    /** Returns the user's local repository, read as a tail by the sample builds. */
    public static Path localRepositoryTail() {
        return path("it.localRepositoryTail");
    }

    /** Returns the version of the plugin under test ({@code it.pluginVersion}). */
    public static String pluginVersion() {
        return value("it.pluginVersion");
    }

    /** Returns {@code src/it}, the folder of the sample projects ({@code it.samples}). */
    public static Path samples() {
        return path("it.samples");
    }

    /** Returns {@code target/it-work}, where tests copy samples and start servers. */
    public static Path workDirectory() {
        return path("it.workDirectory");
    }

    /**
     * Returns {@code target/it-work/<name>} as a new empty folder, deleting what an earlier run
     * left there.
     *
     * @param name a relative path, unique per test, such as {@code RawIT/redeploy}
     */
    public static Path freshFolder(String name) throws IOException {
        Path folder = workDirectory().resolve(name).normalize();
        if (!folder.startsWith(workDirectory()) || folder.equals(workDirectory())) {
            throw new IllegalArgumentException("Not a folder inside " + workDirectory() + ": " + name);
        }
        deleteRecursively(folder);
        return Files.createDirectories(folder);
    }

    static void deleteRecursively(Path path) throws IOException {
        if (!Files.exists(path, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        try (Stream<Path> files = Files.walk(path)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(file);
            }
        }
    }

    private static Path path(String name) {
        return Path.of(value(name)).toAbsolutePath().normalize();
    }

    private static String value(String name) {
        String value = System.getProperty(name);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException(
                    "System property " + name
                            + " is not set; run the integration tests through Maven: ./mvnw -B verify -pl integration-tests -am");
        }
        return value;
    }
}
