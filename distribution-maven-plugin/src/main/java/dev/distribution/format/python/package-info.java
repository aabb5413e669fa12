/**
 * Pure-Python distributions built in the JVM: the core metadata model (from a {@code pyproject.toml}
 * or from the goal's values), the {@code py3-none-any} wheel, the source distribution and the static
 * simple repository (PEP 503 HTML and PEP 691 JSON) that pip installs from.
 *
 * <p>Imports only {@code dev.distribution.core}.
 */
package dev.distribution.format.python;
