package dev.distribution.maven;

import java.util.List;

/**
 * The {@code <rpm>} block, read by the {@code rpm} and {@code deploy-rpm} goals. Every field is
 * optional; the header comes from the POM unless a field overrides it.
 *
 * <pre>{@code
 * <rpm>
 *   <summary>Says hello</summary>
 *   <requires><require>java-17-openjdk-headless</require></requires>
 *   <files>
 *     <file><source>target/hello.jar</source><target>/usr/share/hello/hello.jar</target></file>
 *     <file><source>src/main/dist/hello.conf</source><target>/etc/hello/hello.conf</target><config>true</config></file>
 *     <link><target>/usr/bin/hello</target><linkTo>/usr/share/hello/bin/hello</linkTo></link>
 *   </files>
 *   <repository>nexus-yum</repository>
 *   <path>el9/x86_64</path>
 * </rpm>
 * }</pre>
 */
public class RpmConfig {
    /** The package {@code Name}. Default: the artifactId. */
    String name;

    /**
     * The RPM {@code Version}, without '-'. Default: the project version mapped so that rpm orders
     * snapshots, pre-releases and releases as Maven does ({@code 1.0-rc1} becomes {@code 1.0~rc1}).
     */
    String version;

    /** The RPM {@code Release}, without '-'. Default: {@code 1}. */
    String release;

    /** The RPM {@code Epoch}, a number from 0. Default: none. */
    Integer epoch;

    /** The one-line {@code Summary}. Default: the POM {@code <name>}. */
    String summary;

    /** The {@code %description}. Default: the POM {@code <description>}, else the summary. */
    String description;

    /** The {@code License}, an SPDX expression. Default: the name of the POM's first license. */
    String license;

    /** The {@code URL}. Default: the POM {@code <url>}. */
    String url;

    /** The {@code Group}. Default: {@code Unspecified}. */
    String group;

    /** The {@code Vendor}. Default: the POM {@code <organization><name>}. */
    String vendor;

    /** The {@code Packager}, such as {@code Team <team@example.com>}. Default: none. */
    String packager;

    /** The {@code Arch}: noarch, x86_64, aarch64, i686, armv7hl, ppc64le, s390x, riscv64. Default: noarch. */
    String arch;

    /** {@code Requires}, one capability per element, such as {@code git >= 2.0}. */
    List<String> requires;

    /** {@code Provides}, one per element. The package always provides its own name. */
    List<String> provides;

    /** {@code Conflicts}, one per element. */
    List<String> conflicts;

    /** {@code Obsoletes}, one per element. */
    List<String> obsoletes;

    /** {@code Recommends} (weak dependency, installed by default by dnf), one per element. */
    List<String> recommends;

    /** {@code Suggests} (weak dependency, not installed by default), one per element. */
    List<String> suggests;

    /** The package contents, as the shared {@code <files>} mappings. */
    List<FileMappingConfig> files;

    /** Package paths marked {@code %doc}: files, or directories whose files are all documentation. */
    List<String> docs;

    /** Files the package owns but does not contain ({@code %ghost}), such as {@code /var/log/hello.log}; mode 0644, root. */
    List<String> ghosts;

    /** The {@code %pre} scriptlet, run by {@code /bin/sh} before installing. */
    String preInstall;

    /** The {@code %post} scriptlet, run by {@code /bin/sh} after installing. */
    String postInstall;

    /** The {@code %preun} scriptlet, run by {@code /bin/sh} before removing. */
    String preRemove;

    /** The {@code %postun} scriptlet, run by {@code /bin/sh} after removing. */
    String postRemove;

    /** The payload compressor: gzip, xz or zstd. Default: gzip. */
    String compression;

    /** The compressor level, 1 (fastest) to 9 (smallest). Default: 9. */
    Integer compressionLevel;

    /** Whether to sign the package. Default: true when a signing key is configured. */
    Boolean sign;

    /** The id of the repository to publish to. Default: the embedded static repository ({@code yum/}). */
    String repository;

    /** The folder under the repository root for the packages. Default: the root. */
    String path;

    /**
     * For a Nexus yum repository: its "Repodata Depth" setting, the minimum number of folders in
     * {@code <path>}. Default: 0.
     */
    Integer repodataDepth;
}
