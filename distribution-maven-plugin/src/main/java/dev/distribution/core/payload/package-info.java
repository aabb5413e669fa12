/**
 * The package contents model shared by every format: {@link dev.distribution.core.payload.Mapping}
 * is one {@code <file>}, {@code <directory>} or {@code <link>} element as the user wrote it, and
 * {@link dev.distribution.core.payload.Payload#resolve} turns a list of them into sorted, checked
 * {@link dev.distribution.core.payload.PayloadEntry} values with modes, owners and parent
 * directories filled in. Format writers read only entries, so the archive, deb, rpm, image and brew
 * formats agree on defaults and errors.
 */
package dev.distribution.core.payload;
