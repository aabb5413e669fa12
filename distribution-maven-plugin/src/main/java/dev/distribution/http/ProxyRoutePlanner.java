package dev.distribution.http;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.apache.hc.client5.http.impl.DefaultSchemePortResolver;
import org.apache.hc.client5.http.impl.routing.DefaultRoutePlanner;
import org.apache.hc.core5.http.HttpHost;
import org.apache.hc.core5.http.protocol.HttpContext;

/**
 * Picks the settings.xml proxy for each target host the way Maven does: the first proxy for the
 * target's scheme whose {@code nonProxyHosts} does not match the host; for https targets, an
 * {@code http} proxy when no {@code https} proxy applies.
 */
final class ProxyRoutePlanner extends DefaultRoutePlanner {
    private final List<ProxySettings> proxies;

    ProxyRoutePlanner(List<ProxySettings> proxies) {
        super(DefaultSchemePortResolver.INSTANCE);
        this.proxies = proxies;
    }

    @Override
    protected HttpHost determineProxy(HttpHost target, HttpContext context) {
        return select(proxies, target.getSchemeName(), target.getHostName())
                .map(proxy -> new HttpHost("http", proxy.host(), proxy.port()))
                .orElse(null);
    }

    /** Returns the proxy for a URL with {@code scheme} and {@code host}, if any. */
    static Optional<ProxySettings> select(List<ProxySettings> proxies, String scheme, String host) {
        String wanted = scheme.toLowerCase(Locale.ROOT);
        Optional<ProxySettings> match = first(proxies, wanted, host);
        if (match.isEmpty() && wanted.equals("https")) {
            match = first(proxies, "http", host);
        }
        return match;
    }

    private static Optional<ProxySettings> first(List<ProxySettings> proxies, String protocol, String host) {
        return proxies.stream()
                .filter(proxy -> proxy.protocol().equals(protocol))
                .filter(proxy -> !proxy.bypasses(host))
                .findFirst();
    }
}
