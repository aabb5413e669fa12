package dev.distribution.core;

import java.util.Comparator;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Removes secrets from text before it reaches a log line, an exception message or a file. Every
 * password, token and passphrase the build reads is registered here, and the Maven log adapter
 * passes each line through {@link #redact(String)}. It also masks credentials embedded in URLs
 * ({@code https://user:secret@host}) and the value of {@code Authorization}-like headers.
 *
 * <p>Thread-safe. One instance lives for the whole build.
 */
public final class Redactor {
    /** The text that replaces a secret. */
    public static final String MASK = "****";

    private static final Pattern URL_USER_INFO = Pattern.compile("(?<=://)([^/@\\s:]+):([^/@\\s]+)@");
    private static final Pattern SECRET_HEADER = Pattern.compile(
            "(?i)((?:authorization|proxy-authorization|private-token|job-token|deploy-token|x-api-key)\\s*[:=]\\s*)([^\\r\\n\"]+)");

    private final Set<String> secrets = ConcurrentHashMap.newKeySet();

    /**
     * Registers a secret so that it is masked wherever it appears. Values shorter than 4
     * characters are still masked; null and empty values are ignored.
     */
    public void register(String secret) {
        if (secret != null && !secret.isEmpty()) {
            secrets.add(secret);
        }
    }

    /** Registers a secret given as characters. */
    public void register(char[] secret) {
        if (secret != null && secret.length > 0) {
            register(new String(secret));
        }
    }

    /** Returns {@code text} with every registered secret, URL password and secret header value masked. */
    public String redact(String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        String result = text;
        // Longest first, so that a secret containing another one is masked whole.
        for (String secret : secrets.stream()
                .sorted(Comparator.comparingInt(String::length).reversed())
                .toList()) {
            if (result.contains(secret)) {
                result = result.replace(secret, MASK);
            }
        }
        result = URL_USER_INFO.matcher(result).replaceAll("$1:" + Matcher.quoteReplacement(MASK) + "@");
        result = SECRET_HEADER.matcher(result).replaceAll("$1" + Matcher.quoteReplacement(MASK));
        return result;
    }
}
