package dev.distribution.maven;

import java.io.File;
import java.util.List;

/**
 * The {@code <deb>} block of the {@code deb} and {@code deploy-deb} goals. Every text, number and
 * boolean field can also be set with the user property {@code distribution.deb.<field>}, for
 * example {@code -Ddistribution.deb.revision=2}.
 */
public class DebConfig {
    /**
     * The id of a declared repository of type {@code nexus} (apt hosted), {@code aptly},
     * {@code webdav} (a static APT repository on any HTTP PUT server) or {@code static} (a folder).
     * Omitted: the embedded static repository under {@code target/distribution-repository/apt/}.
     */
    String repository;

    /** The package name. Default: the artifactId in lower case, other characters replaced by '-'. */
    String packageName;

    /** An explicit Debian version, used as given. Default: the project version mapped to Debian's order. */
    String version;

    /** The epoch put before a mapped version. Default: none. */
    Integer epoch;

    /** The Debian revision put after a mapped version, such as {@code 1}. Default: none. */
    String revision;

    /** The architecture: {@code all}, {@code amd64}, {@code arm64}... Default: {@code all}, or the platform's. */
    String architecture;

    /** A platform such as {@code linux/arm64} that gives the architecture when none is set. */
    String platform;

    /** The maintainer, {@code Name <email>}. Default: the first POM developer with an e-mail address. */
    String maintainer;

    /** The one-line summary. Default: the POM name. */
    String summary;

    /** The extended description. Default: the POM description. */
    String description;

    /** The section. Default: {@code misc}. */
    String section;

    /** The priority. Default: {@code optional}. */
    String priority;

    /** The home page. Default: the POM url. */
    String homepage;

    /** Packages this one needs, comma separated, such as {@code default-jre-headless (>= 2:1.17)}. */
    String depends;

    /** Packages needed before this one is even unpacked. */
    String preDepends;

    /** Packages installed along by default. */
    String recommends;

    /** Packages that enhance this one. */
    String suggests;

    /** Packages that cannot be installed at the same time. */
    String conflicts;

    /** Packages this one breaks. */
    String breaks;

    /** Virtual packages this one provides. */
    String provides;

    /** Packages whose files this one replaces. */
    String replaces;

    /** The entries the package installs: {@code <file>}, {@code <directory>} and {@code <link>} entries with absolute targets. */
    List<FileMappingConfig> files;

    /** Installed paths dpkg treats as conffiles, besides files marked {@code <config>true</config>}. */
    List<String> conffiles;

    /** Maintainer scripts. */
    DebScriptsConfig scripts;

    /** A systemd unit file, installed to {@code /lib/systemd/system/} and enabled on install. */
    File systemdUnit;

    /** The data compression: {@code gzip} (default), {@code xz} or {@code none}. */
    String compression;

    /** The APT distribution of a static or aptly repository. Default: {@code stable}. */
    String distribution;

    /** The APT component. Default: {@code main}. */
    String component;

    /** Architectures a static repository indexes, comma separated. Default: {@code amd64,arm64}. */
    String architectures;

    /** The {@code Origin} of a static repository's Release file. */
    String origin;

    /** The {@code Label} of a static repository's Release file. */
    String label;

    /** For aptly: the local repository the packages are added to. Default: {@code <distribution>-<component>}. */
    String aptlyRepository;

    /** For aptly: the publishing prefix. Default: {@code .} (the root). */
    String aptlyPrefix;

    /** The key that signs a static repository's Release file; see {@link SigningConfig}. */
    SigningConfig signing;
}
