package dev.distribution.http;

import java.util.Locale;
import java.util.Set;

/** The header fields whose values are secrets: masked in logs and dropped on a redirect to another origin. */
final class SensitiveHeaders {
    private static final Set<String> NAMES = Set.of(
            "authorization",
            "proxy-authorization",
            "cookie",
            "private-token",
            "job-token",
            "deploy-token",
            "x-api-key",
            "x-jfrog-art-api",
            "x-nuget-apikey");

    private SensitiveHeaders() {}

    /** Returns whether {@code name} is one of the well-known credential headers. */
    static boolean isSensitive(String name) {
        return NAMES.contains(name.toLowerCase(Locale.ROOT));
    }

    /** Returns whether {@code name} carries a secret, given the credentials of the request. */
    static boolean isSensitive(String name, Credentials credentials) {
        return isSensitive(name)
                || (credentials instanceof Credentials.Header header
                        && header.name().equalsIgnoreCase(name));
    }
}
