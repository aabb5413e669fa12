/**
 * Version mapping: the one place that turns a Maven project version into the version of each package
 * format (Debian upstream version, RPM version and release, PEP 440, SemVer 2.0.0, OCI tag, Homebrew)
 * and checks explicit versions against each format's grammar.
 *
 * <p>{@link dev.distribution.version.MavenVersion} parses the project version;
 * {@link dev.distribution.version.VersionMapper} maps it so that the format's own comparison keeps
 * Maven's order, with snapshots before every pre-release of the same version and numbered by the
 * build's output timestamp; {@link dev.distribution.version.InvalidVersionException} carries the
 * rejected value, the format, its grammar and the fix. The package imports nothing else of the
 * project.
 */
package dev.distribution.version;
