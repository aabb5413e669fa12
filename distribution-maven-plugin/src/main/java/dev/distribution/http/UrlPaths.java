package dev.distribution.http;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;

/** Builds request URLs from a repository's base URL and a file path. */
public final class UrlPaths {
    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    private UrlPaths() {}

    /**
     * Percent-encodes each segment of {@code path} and keeps the {@code /} between segments.
     *
     * <p>Kept as they are: the unreserved characters of RFC 3986 (letters, digits, {@code - . _ ~})
     * and {@code ! $ & ' ( ) * , = : @}. Everything else is encoded as UTF-8 bytes, including space
     * ({@code %20}), {@code # ? [ ] %}, {@code ;} (which Jetty, and so Nexus, reads as the start of
     * path parameters) and {@code +} (which some servers decode as a space).
     *
     * @throws IllegalArgumentException when a segment is {@code .} or {@code ..}, because servers
     *     resolve those instead of storing a file with that name
     */
    public static String encodePath(String path) {
        StringBuilder encoded = new StringBuilder(path.length() + 16);
        for (String segment : path.split("/", -1)) {
            if (segment.equals(".") || segment.equals("..")) {
                throw new IllegalArgumentException("Invalid path '" + path + "': it contains a '" + segment
                        + "' segment; use a path without '.' or '..' segments");
            }
            encodeSegment(segment, encoded);
            encoded.append('/');
        }
        encoded.setLength(encoded.length() - 1);
        return encoded.toString();
    }

    /**
     * Returns {@code baseUrl} joined with {@code relativePath}. The base may end with {@code /} or
     * not, and a leading {@code /} of the path is ignored, so {@code resolve("http://h/repo", "/a b")}
     * and {@code resolve("http://h/repo/", "a b")} both return {@code http://h/repo/a%20b}. The base
     * is used as written (it is already a URL); the path is raw text, encoded with {@link
     * #encodePath(String)}.
     *
     * @throws IllegalArgumentException when the base is not an absolute http or https URL, or has
     *     a query or fragment
     */
    public static URI resolve(String baseUrl, String relativePath) {
        URI base;
        try {
            base = new URI(baseUrl);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("Invalid URL '" + baseUrl + "': " + e.getReason(), e);
        }
        String scheme = base.getScheme();
        if (scheme == null
                || !(scheme.equalsIgnoreCase("http") || scheme.equalsIgnoreCase("https"))
                || base.getRawAuthority() == null) {
            throw new IllegalArgumentException(
                    "Invalid URL '" + baseUrl + "': expected an absolute http:// or https:// URL");
        }
        if (base.getRawQuery() != null || base.getRawFragment() != null) {
            throw new IllegalArgumentException(
                    "Invalid URL '" + baseUrl + "': a repository URL must not have a query or fragment");
        }
        String path = relativePath;
        while (path.startsWith("/")) {
            path = path.substring(1);
        }
        String prefix = baseUrl.endsWith("/") ? baseUrl : baseUrl + "/";
        return URI.create(prefix + encodePath(path));
    }

    private static void encodeSegment(String segment, StringBuilder out) {
        for (byte b : segment.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if (isKept(c)) {
                out.append((char) c);
            } else {
                out.append('%').append(HEX[c >> 4]).append(HEX[c & 0xf]);
            }
        }
    }

    private static boolean isKept(int c) {
        return (c >= 'a' && c <= 'z')
                || (c >= 'A' && c <= 'Z')
                || (c >= '0' && c <= '9')
                || "-._~!$&'()*,=:@".indexOf(c) >= 0;
    }
}
