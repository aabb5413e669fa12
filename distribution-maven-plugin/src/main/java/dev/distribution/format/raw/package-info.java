/**
 * The generic-files format: reproducible {@code .tar.gz} and {@code .zip} archives built from a
 * resolved payload ({@link dev.distribution.format.raw.ArchiveWriter}), and the {@code SHA256SUMS}
 * file that lets users check downloads with {@code sha256sum -c} ({@link
 * dev.distribution.format.raw.Sha256Sums}).
 */
package dev.distribution.format.raw;
