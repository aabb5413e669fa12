package dev.distribution.core.payload;

import java.util.regex.Pattern;

/**
 * An Ant-style path pattern, as Maven's {@code <includes>} use them: {@code *} matches within one
 * path segment, {@code ?} matches one character, {@code **} matches any number of whole segments
 * (none included), and a pattern ending in {@code /} means everything below that directory. Paths
 * are '/' separated and relative; matching is case-sensitive.
 */
final class AntPattern {
    private final String text;
    private final Pattern regex;

    private AntPattern(String text, Pattern regex) {
        this.text = text;
        this.regex = regex;
    }

    /** Compiles a pattern; a backslash is read as a '/' so that Windows-style patterns work. */
    static AntPattern compile(String pattern) {
        String normalized = pattern.trim().replace('\\', '/');
        while (normalized.startsWith("/")) {
            normalized = normalized.substring(1);
        }
        if (normalized.endsWith("/")) {
            normalized = normalized + "**";
        }
        return new AntPattern(pattern, Pattern.compile(toRegex(normalized)));
    }

    /** Returns true when the relative path matches. */
    boolean matches(String relativePath) {
        return regex.matcher(relativePath).matches();
    }

    @Override
    public String toString() {
        return text;
    }

    private static String toRegex(String pattern) {
        StringBuilder regex = new StringBuilder();
        int i = 0;
        while (i < pattern.length()) {
            char c = pattern.charAt(i);
            boolean segmentStart = i == 0 || pattern.charAt(i - 1) == '/';
            if (c == '*' && pattern.startsWith("**", i) && segmentStart) {
                int after = i + 2;
                if (after == pattern.length()) {
                    // "dir/**" also matches "dir" itself, as in Ant.
                    if (regex.length() >= 1 && regex.charAt(regex.length() - 1) == '/') {
                        regex.setLength(regex.length() - 1);
                        regex.append("(?:/.*)?");
                    } else {
                        regex.append(".*");
                    }
                    i = after;
                    continue;
                }
                if (pattern.charAt(after) == '/') {
                    regex.append("(?:[^/]*/)*");
                    i = after + 1;
                    continue;
                }
            }
            switch (c) {
                case '*' -> regex.append("[^/]*");
                case '?' -> regex.append("[^/]");
                default -> {
                    if ("\\.[]{}()<>+-=!^$|&#~".indexOf(c) >= 0) {
                        regex.append('\\');
                    }
                    regex.append(c);
                }
            }
            i++;
        }
        return regex.toString();
    }
}
