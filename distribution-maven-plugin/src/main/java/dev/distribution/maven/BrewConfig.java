package dev.distribution.maven;

import java.util.List;

/** The {@code <brew>} block of the {@code brew} and {@code deploy-brew} goals. */
public class BrewConfig {
    /** The formula name and file name. Default: {@code ${project.artifactId}}. */
    String name;

    /** The one-line description. Default: {@code ${project.description}}. */
    String desc;

    /** The project's web page. Default: {@code ${project.url}}. */
    String homepage;

    /** The SPDX license expression. Default: the name of the project's first license. */
    String license;

    /** The Homebrew version. Default: the project version mapped to Homebrew's ordering. */
    String version;

    /**
     * The id of a declared repository of type {@code git} holding the tap; its URL is the clone
     * URL. Omitted: the embedded tap {@code brew/homebrew-<tapName>.git}.
     */
    String repository;

    /** The name of the embedded tap, without {@code homebrew-}. Default: {@code tap}. */
    String tapName;

    /** The tap branch. Default: the branch the tap's {@code HEAD} names, {@code main} for an empty tap. */
    String branch;

    /** The author and committer of tap commits, as {@code Name <email>}. */
    String commitAuthor;

    /**
     * Comma-separated platforms ({@code os/arch}) the formula installs on; each needs a published
     * archive. Default: every macOS and Linux platform with a published archive.
     */
    String platforms;

    /** The id of the repository whose published archives the formula downloads. Default: any. */
    String archiveRepository;

    /**
     * The public download URL of an archive, with {@code {url}} (the recorded URL), {@code {file}}
     * and {@code {version}} (the project version). Default: the recorded URL.
     */
    String urlTemplate;

    /** Comma-separated formula dependencies, each {@code name} or {@code name:build}. */
    String depends;

    /** Executables of the archive installed into {@code bin}. */
    List<BinaryConfig> binaries;

    /** Man pages of the archive, such as {@code man/hello.1}. */
    List<String> manPages;

    /** Shell completion files of the archive. */
    CompletionsConfig completions;

    /** A Java launcher installed as the command. */
    LauncherConfig launcher;

    /** Arguments of the command in {@code test do}. Default: {@code --version}; {@code none} for no test. */
    String test;

    /** Text shown after installation. */
    String caveats;

    /** A {@code service do} block for {@code brew services}. */
    ServiceConfig service;

    /** Authentication for private download URLs, read from the installing user's environment. */
    PrivateDownloadConfig privateDownload;

    /** Comma-separated bottle tags, such as {@code arm64_sonoma,x86_64_linux}. Default: no bottles. */
    String bottles;

    /** The id of the raw repository ({@code nexus}, {@code webdav} or {@code static}) bottles go to. */
    String bottleRepository;

    /** The folder of the bottles under that repository. Default: {@code ${project.artifactId}/bottles}. */
    String bottlePath;

    /** The public URL of the bottle folder. Default: the URL the bottles were published to. */
    String bottleRootUrl;

    /** One {@code <binary>}: an executable of the archive. */
    public static class BinaryConfig {
        /** The path in the archive, below its top folder. */
        String source;

        /** The command name. Default: the file name. */
        String name;
    }

    /** The {@code <completions>} block. */
    public static class CompletionsConfig {
        /** The bash completion file in the archive. */
        String bash;

        /** The zsh completion file in the archive. */
        String zsh;

        /** The fish completion file in the archive. */
        String fish;
    }

    /** The {@code <launcher>} block: one of {@code jar} and {@code script}. */
    public static class LauncherConfig {
        /** A jar of the archive, run with {@code java -jar}. */
        String jar;

        /** A start script of the archive that reads {@code JAVA_HOME}. */
        String script;

        /** The command name. Default: the formula name. */
        String command;

        /** The major Java version, such as {@code 21}. Default: Homebrew's {@code openjdk}. */
        String java;
    }

    /** The {@code <service>} block. */
    public static class ServiceConfig {
        /** Space-separated arguments after the command. */
        String arguments;

        /** Restarts the command when it exits. Default: {@code true}. */
        Boolean keepAlive;
    }

    /** The {@code <privateDownload>} block. */
    public static class PrivateDownloadConfig {
        /** The environment variable with the secret; must start with {@code HOMEBREW_}. */
        String variable;

        /** The header name. Default: {@code Authorization}; {@code none} to send curl {@code --user}. */
        String header;

        /** The text before the secret. Default: {@code Bearer}. */
        String scheme;
    }
}
