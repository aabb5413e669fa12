package dev.distribution.format.brew;

import dev.distribution.core.Platform;
import java.util.List;
import java.util.Objects;

/**
 * The content of one Homebrew formula, rendered to Ruby by {@link FormulaWriter}.
 *
 * @param name the formula name and class name
 * @param desc the one-line description; null for none
 * @param homepage the project's web page; null for none
 * @param license the SPDX license expression; null for none
 * @param version the Homebrew version
 * @param downloads one archive per platform, or one without platform for every machine; not empty
 * @param dependencies the {@code depends_on} lines, in order
 * @param install what {@code def install} does
 * @param testArguments the arguments the {@code test do} block runs the command with, such as
 *     {@code --version}; null for no test block
 * @param caveats the text of {@code def caveats}; null for none
 * @param service the {@code service do} block; null for none
 * @param privateDownload how Homebrew authenticates downloads; null for anonymous downloads
 * @param bottles the {@code bottle do} block; null for none
 */
public record Formula(
        FormulaName name,
        String desc,
        String homepage,
        String license,
        String version,
        List<Download> downloads,
        List<Dependency> dependencies,
        Install install,
        String testArguments,
        String caveats,
        Service service,
        PrivateDownload privateDownload,
        Bottles bottles) {

    public Formula {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(install, "install");
        downloads = List.copyOf(downloads);
        dependencies = List.copyOf(dependencies);
        if (downloads.isEmpty()) {
            throw new IllegalArgumentException("A formula needs at least one download");
        }
    }

    /**
     * One archive Homebrew downloads.
     *
     * @param platform the machine it is for; null for every machine
     * @param url the public download URL
     * @param sha256 the lower-case hex SHA-256 of the published file
     */
    public record Download(Platform platform, String url, String sha256) {
        public Download {
            Objects.requireNonNull(url, "url");
            Objects.requireNonNull(sha256, "sha256");
        }
    }

    /**
     * One {@code depends_on} line.
     *
     * @param formula the formula depended on, such as {@code openjdk@21}
     * @param kind {@code build}, {@code test}, {@code optional} or {@code recommended}; null for a
     *     runtime dependency
     */
    public record Dependency(String formula, String kind) {}

    /**
     * What {@code def install} copies from the unpacked archive into the keg. Paths are relative to
     * the archive's top folder, which Homebrew enters before installing when the archive has a
     * single one.
     *
     * @param binaries executables installed into {@code bin}
     * @param manPages man pages, installed into {@code manN} by their file extension
     * @param bashCompletion the bash completion file; null for none
     * @param zshCompletion the zsh completion file; null for none
     * @param fishCompletion the fish completion file; null for none
     * @param launcher a Java launcher; null for none
     */
    public record Install(
            List<Binary> binaries,
            List<String> manPages,
            String bashCompletion,
            String zshCompletion,
            String fishCompletion,
            Launcher launcher) {
        public Install {
            binaries = List.copyOf(binaries);
            manPages = List.copyOf(manPages);
        }

        /** The command the test and service run: the launcher's, else the first binary's. */
        public String command() {
            if (launcher != null) {
                return launcher.command();
            }
            return binaries.isEmpty() ? null : binaries.get(0).name();
        }
    }

    /**
     * An executable of the archive.
     *
     * @param source its path in the archive
     * @param name its name in {@code bin}
     */
    public record Binary(String source, String name) {}

    /**
     * A command that starts a Java application. The whole archive goes to {@code libexec}, and
     * {@code bin/<command>} runs the application with the JDK named by {@code javaVersion}.
     *
     * @param kind whether the target is a jar run with {@code java -jar} or a start script of the
     *     archive that reads {@code JAVA_HOME}
     * @param path the jar or script in the archive
     * @param command the command name in {@code bin}
     * @param javaVersion the major Java version, such as {@code 21}; null for Homebrew's default
     *     {@code openjdk}
     */
    public record Launcher(Kind kind, String path, String command, String javaVersion) {
        /** What the launcher starts. */
        public enum Kind {
            /** {@code java -jar} on a jar. */
            JAR,
            /** A start script of the archive, given {@code JAVA_HOME}. */
            SCRIPT
        }

        /** The JDK formula, {@code openjdk} or {@code openjdk@<version>}. */
        public String jdkFormula() {
            return javaVersion == null ? "openjdk" : "openjdk@" + javaVersion;
        }
    }

    /**
     * The {@code service do} block, for {@code brew services start}.
     *
     * @param arguments the arguments after the command
     * @param keepAlive whether launchd or systemd restarts the command when it exits
     */
    public record Service(List<String> arguments, boolean keepAlive) {
        public Service {
            arguments = List.copyOf(arguments);
        }
    }

    /**
     * Authentication Homebrew sends when it downloads the archives and bottles. The secret is read
     * from an environment variable on the installing machine, never written into the formula.
     * Homebrew passes only variables whose names start with {@code HOMEBREW_} to formula code.
     *
     * @param header the header name, such as {@code Authorization}; null to send the variable as
     *     curl's {@code --user user:password}
     * @param scheme the text before the secret in the header, such as {@code Bearer}; null or empty
     *     for the bare secret
     * @param variable the environment variable holding the secret
     */
    public record PrivateDownload(String header, String scheme, String variable) {}

    /**
     * The {@code bottle do} block.
     *
     * @param rootUrl the URL of the folder holding the bottle files
     * @param bottles one line per tag, in order
     */
    public record Bottles(String rootUrl, List<Bottle> bottles) {
        public Bottles {
            bottles = List.copyOf(bottles);
        }
    }

    /**
     * One published bottle.
     *
     * @param tag the platform tag
     * @param cellar {@code any_skip_relocation} or {@code any}
     * @param sha256 the lower-case hex SHA-256 of the published bottle file
     */
    public record Bottle(String tag, String cellar, String sha256) {}
}
