package dev.distribution.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ProxySettingsTest {

    private static final ProxySettings PROXY =
            new ProxySettings("http", "proxy.corp", 3128, null, null, "a|*.b.com|127.*");

    @ParameterizedTest
    @CsvSource({
        "a,true",
        "A,true",
        "x.b.com,true",
        "deep.x.B.com,true",
        "127.0.0.1,true",
        "b.com,false",
        "ab,false",
        "c,false",
        "10.0.0.1,false"
    })
    void matchesNonProxyHosts(String host, boolean bypassed) {
        assertThat(PROXY.bypasses(host)).isEqualTo(bypassed);
    }

    @Test
    void acceptsCommaSeparator() {
        ProxySettings proxy = new ProxySettings("http", "p", 3128, null, null, "one, two");
        assertThat(proxy.bypasses("two")).isTrue();
    }

    @Test
    void nullNonProxyHostsBypassesNothing() {
        ProxySettings proxy = new ProxySettings("http", "p", 3128, null, null, null);
        assertThat(proxy.bypasses("127.0.0.1")).isFalse();
    }

    @Test
    void httpsUsesHttpsProxyFirst() {
        ProxySettings http = new ProxySettings("http", "plain", 1, null, null, null);
        ProxySettings https = new ProxySettings("https", "secure", 2, null, null, null);
        assertThat(ProxyRoutePlanner.select(List.of(http, https), "https", "repo"))
                .contains(https);
    }

    @Test
    void httpsFallsBackToHttpProxy() {
        ProxySettings http = new ProxySettings("http", "plain", 1, null, null, null);
        assertThat(ProxyRoutePlanner.select(List.of(http), "https", "repo")).contains(http);
    }

    @Test
    void httpIgnoresHttpsProxy() {
        ProxySettings https = new ProxySettings("https", "secure", 2, null, null, null);
        assertThat(ProxyRoutePlanner.select(List.of(https), "http", "repo")).isEmpty();
    }

    @Test
    void skipsBypassingProxy() {
        ProxySettings first = new ProxySettings("http", "first", 1, null, null, "repo");
        ProxySettings second = new ProxySettings("http", "second", 2, null, null, null);
        assertThat(ProxyRoutePlanner.select(List.of(first, second), "http", "repo"))
                .contains(second);
    }

    @Test
    void toStringMasksPassword() {
        ProxySettings proxy = new ProxySettings("http", "p", 3128, "user", "pr0xy-secret", null);
        assertThat(proxy.toString()).doesNotContain("pr0xy-secret");
    }
}
