package dev.distribution.maven;

import dev.distribution.core.Redactor;

/**
 * The build's one {@link Redactor}. Secrets read by any goal (settings.xml passwords, tokens,
 * signing passphrases) are registered here, so every goal's log lines mask all of them; one
 * Maven JVM runs one build at a time, and masking extra values is harmless.
 */
final class BuildSecrets {
    private static final Redactor REDACTOR = new Redactor();

    private BuildSecrets() {}

    static Redactor redactor() {
        return REDACTOR;
    }
}
