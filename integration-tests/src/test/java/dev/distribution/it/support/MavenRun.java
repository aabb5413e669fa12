package dev.distribution.it.support;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Stream;
import org.apache.maven.shared.invoker.DefaultInvocationRequest;
import org.apache.maven.shared.invoker.DefaultInvoker;
import org.apache.maven.shared.invoker.InvocationRequest;
import org.apache.maven.shared.invoker.InvocationResult;
import org.apache.maven.shared.invoker.MavenInvocationException;

/**
 * A real Maven build of one sample project from {@code src/it/<name>}, run with the Maven Invoker
 * library by the Maven that runs the outer build.
 *
 * <p>{@link #of} copies the sample to a fresh folder {@code target/it-work/<work name>/project},
 * replacing {@code @pluginVersion@} and every {@code @KEY@} token the test gives (server URLs, for
 * example) in each UTF-8 text file. Each {@link #run} writes {@code build-<n>.log} next to the
 * project and keeps it, so a failed test leaves its logs on disk.
 *
 * <p>The build uses {@code target/it-repo} (where {@code invoker:install} put the plugin under
 * test) as its local repository and the user's local repository as a read-only tail, so
 * dependencies the outer build downloaded are not fetched again. Not thread-safe; one instance per
 * test.
 */
public final class MavenRun {
    /** Maximum duration of one build; the Maven process is stopped when it runs longer. */
    private static final int TIMEOUT_SECONDS = 240;

    private final Path workDirectory;
    private final Path projectDirectory;
    private final Map<String, String> properties = new LinkedHashMap<>();
    private final Map<String, String> environment = new LinkedHashMap<>();
    private final List<String> arguments = new ArrayList<>();
    private Path settingsFile;
    private int runs;

    private MavenRun(Path workDirectory, Path projectDirectory) {
        this.workDirectory = workDirectory;
        this.projectDirectory = projectDirectory;
    }

    /**
     * Copies sample {@code sample} to a fresh {@code target/it-work/<workName>/project}, deleting
     * what an earlier run left there, and filters its text files.
     *
     * @param sample a folder name under {@code src/it}
     * @param workName a path relative to {@code target/it-work}, unique per test, such as {@code
     *     RawIT/redeploy}
     * @param tokens values for {@code @KEY@} tokens, by key; {@code pluginVersion} is always set
     */
    public static MavenRun of(String sample, String workName, Map<String, String> tokens) throws IOException {
        Path source = ItEnvironment.samples().resolve(sample);
        if (!Files.isDirectory(source)) {
            throw new IllegalArgumentException("No sample project " + source);
        }
        Path work = ItEnvironment.freshFolder(workName);
        Path project = work.resolve("project");
        Map<String, String> allTokens = new LinkedHashMap<>(tokens);
        allTokens.put("pluginVersion", ItEnvironment.pluginVersion());
        copyFiltered(source, project, allTokens);
        // Maven's launcher searches upwards from the project for a .mvn folder and would find the
        // one of this repository. An empty one here makes the sample its own top-level project.
        Files.createDirectories(project.resolve(".mvn"));
        return new MavenRun(work, project);
    }

    /** Same as {@link #of(String, String, Map)} with no tokens but {@code pluginVersion}. */
    public static MavenRun of(String sample, String workName) throws IOException {
        return of(sample, workName, Map.of());
    }

    /** Returns the copied project's folder. */
    public Path projectDirectory() {
        return projectDirectory;
    }

    /** Returns the folder that contains the project, the settings file and the build logs. */
    public Path workDirectory() {
        return workDirectory;
    }

    /** Sets a {@code -Dname=value} user property for every later run. */
    public MavenRun property(String name, String value) {
        properties.put(name, value);
        return this;
    }

    /** Removes a user property set with {@link #property}. */
    public MavenRun removeProperty(String name) {
        properties.remove(name);
        return this;
    }

    /** Sets an environment variable of the Maven process for every later run. */
    public MavenRun environment(String name, String value) {
        environment.put(name, value);
        return this;
    }

    /** Adds command-line arguments, such as {@code -X}, for every later run. */
    public MavenRun arguments(String... extra) {
        arguments.addAll(Arrays.asList(extra));
        return this;
    }

    /** Removes every argument added with {@link #arguments}. */
    public MavenRun clearArguments() {
        arguments.clear();
        return this;
    }

    /**
     * Writes {@code settings} to {@code settings.xml} in the work folder and passes it to every
     * later run with {@code -s}.
     */
    public MavenRun settings(MavenSettings settings) throws IOException {
        settingsFile = workDirectory.resolve("settings.xml");
        settings.write(settingsFile);
        return this;
    }

    /**
     * Runs Maven in batch mode with the given goals and waits for it.
     *
     * @return the exit code and the whole output, which is also kept in {@code build-<n>.log}
     */
    public BuildResult run(String... goals) throws IOException {
        runs++;
        Path logFile = workDirectory.resolve("build-" + runs + ".log");
        StringBuilder log = new StringBuilder();
        InvocationRequest request = request(List.of(goals));
        try (BufferedWriter writer = Files.newBufferedWriter(logFile, StandardCharsets.UTF_8)) {
            // The Invoker calls the handlers from its stdout and stderr pumping threads.
            Object lock = new Object();
            request.setOutputHandler(line -> append(lock, log, writer, line));
            request.setErrorHandler(line -> append(lock, log, writer, line));
            DefaultInvoker invoker = new DefaultInvoker();
            InvocationResult result = invoker.execute(request);
            if (result.getExecutionException() != null) {
                throw new IOException("Maven could not be run in " + projectDirectory, result.getExecutionException());
            }
            synchronized (lock) {
                return new BuildResult(result.getExitCode(), log.toString(), logFile);
            }
        } catch (MavenInvocationException e) {
            throw new IOException("Maven could not be run in " + projectDirectory, e);
        }
    }

    private InvocationRequest request(List<String> goals) {
        InvocationRequest request = new DefaultInvocationRequest();
        request.setMavenHome(ItEnvironment.mavenHome().toFile());
        request.setBaseDirectory(projectDirectory.toFile());
        request.setGoals(goals);
        request.setBatchMode(true);
        request.setShowErrors(true);
        request.setNoTransferProgress(true);
        request.setTimeoutInSeconds(TIMEOUT_SECONDS);
        request.setLocalRepositoryDirectory(ItEnvironment.localRepository().toFile());
        Properties userProperties = new Properties();
        userProperties.setProperty(
                "maven.repo.local.tail", ItEnvironment.localRepositoryTail().toString());
        properties.forEach(userProperties::setProperty);
        request.setProperties(userProperties);
        if (settingsFile != null) {
            request.setUserSettingsFile(settingsFile.toFile());
        }
        // Short-lived JVMs start faster with the serial collector and the client compiler only.
        String mavenOpts = System.getenv().getOrDefault("MAVEN_OPTS", "");
        request.setMavenOpts((mavenOpts + " -XX:+UseSerialGC -XX:TieredStopAtLevel=1").strip());
        environment.forEach(request::addShellEnvironment);
        request.addArgs(arguments);
        return request;
    }

    private static void append(Object lock, StringBuilder log, BufferedWriter writer, String line) {
        synchronized (lock) {
            log.append(line).append('\n');
            try {
                writer.write(line);
                writer.newLine();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    private static void copyFiltered(Path source, Path target, Map<String, String> tokens) throws IOException {
        try (Stream<Path> files = Files.walk(source)) {
            for (Path file : (Iterable<Path>) files::iterator) {
                Path copy = target.resolve(source.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(copy);
                    continue;
                }
                byte[] bytes = Files.readAllBytes(file);
                String text = decodeUtf8(bytes);
                if (text != null) {
                    for (Map.Entry<String, String> token : tokens.entrySet()) {
                        text = text.replace("@" + token.getKey() + "@", token.getValue());
                    }
                    bytes = text.getBytes(StandardCharsets.UTF_8);
                }
                Files.write(copy, bytes);
                if (Files.isExecutable(file)) {
                    copy.toFile().setExecutable(true);
                }
            }
        }
    }

    /** Returns the text of a strict UTF-8 file, or null for a binary file that must stay as is. */
    private static String decodeUtf8(byte[] bytes) {
        try {
            return StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }

    /**
     * The outcome of one Maven run.
     *
     * @param exitCode Maven's exit code, 0 for success
     * @param log stdout and stderr, line by line
     * @param logFile where the same text is kept on disk
     */
    public record BuildResult(int exitCode, String log, Path logFile) {
        /** Returns whether Maven ended with exit code 0. */
        public boolean succeeded() {
            return exitCode == 0;
        }

        /** Returns a short description for assertion messages: exit code and log file. */
        @Override
        public String toString() {
            return "Maven exit code " + exitCode + ", log " + logFile;
        }
    }
}
