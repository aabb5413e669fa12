package dev.distribution.http;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A proxy as declared in a Maven settings.xml {@code <proxy>} element.
 *
 * @param protocol the scheme of the URLs the proxy serves, {@code http} or {@code https}; as in
 *     Maven, an {@code http} proxy also serves https URLs when no {@code https} proxy is declared.
 *     The transport always talks plain HTTP to the proxy and tunnels TLS with {@code CONNECT}.
 * @param host the proxy host
 * @param port the proxy port
 * @param username the proxy user, or null
 * @param password the proxy password, or null
 * @param nonProxyHosts the hosts reached directly, separated by {@code |} (a {@code ,} is accepted
 *     too), each with {@code *} as a wildcard, for example {@code localhost|*.corp.example|10.*};
 *     may be null
 */
public record ProxySettings(
        String protocol, String host, int port, String username, String password, String nonProxyHosts) {

    public ProxySettings {
        protocol = protocol == null || protocol.isBlank()
                ? "http"
                : protocol.trim().toLowerCase(Locale.ROOT);
        Objects.requireNonNull(host, "host");
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("Invalid proxy port " + port + " for proxy " + host);
        }
    }

    /** Returns whether {@code host} matches a {@code nonProxyHosts} pattern, so it is reached without the proxy. */
    public boolean bypasses(String host) {
        String name = host.toLowerCase(Locale.ROOT);
        if (name.startsWith("[") && name.endsWith("]")) {
            name = name.substring(1, name.length() - 1);
        }
        for (Pattern pattern : patterns()) {
            if (pattern.matcher(name).matches()) {
                return true;
            }
        }
        return false;
    }

    /** Returns whether the proxy has credentials. */
    public boolean hasCredentials() {
        return username != null && !username.isEmpty();
    }

    private List<Pattern> patterns() {
        List<Pattern> patterns = new ArrayList<>();
        if (nonProxyHosts == null) {
            return patterns;
        }
        for (String entry : nonProxyHosts.split("[|,]")) {
            String trimmed = entry.trim().toLowerCase(Locale.ROOT);
            if (trimmed.isEmpty()) {
                continue;
            }
            StringBuilder regex = new StringBuilder();
            for (String literal : trimmed.split("\\*", -1)) {
                if (regex.length() > 0) {
                    regex.append(".*");
                }
                regex.append(Pattern.quote(literal));
            }
            patterns.add(Pattern.compile(regex.toString()));
        }
        return patterns;
    }

    @Override
    public String toString() {
        return "ProxySettings[protocol=" + protocol + ", host=" + host + ", port=" + port + ", username=" + username
                + ", password=" + (password == null ? null : "****") + ", nonProxyHosts=" + nonProxyHosts + "]";
    }
}
