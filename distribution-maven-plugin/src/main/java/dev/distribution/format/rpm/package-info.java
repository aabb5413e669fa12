/**
 * RPM packages and YUM repository metadata: {@link dev.distribution.format.rpm.RpmPackager} builds a
 * {@code .rpm} in the JVM with SHA-256 file and header digests and an optional RSA header signature;
 * {@link dev.distribution.format.rpm.YumIndex} writes and updates {@code repodata/}.
 */
package dev.distribution.format.rpm;
