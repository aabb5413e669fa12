package dev.distribution.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TransportTlsTest {
    @TempDir
    static Path dir;

    private static SelfSignedCertificate loopback;
    private static SelfSignedCertificate otherName;
    private static ScriptedServer server;
    private static ScriptedServer wrongNameServer;

    @BeforeAll
    static void start() throws Exception {
        loopback = SelfSignedCertificate.generate(dir, "loopback", "ip:127.0.0.1");
        otherName = SelfSignedCertificate.generate(dir, "other", "dns:repo.other.example");
        server = ScriptedServer.startTls(loopback.serverContext());
        wrongNameServer = ScriptedServer.startTls(otherName.serverContext());
    }

    @AfterAll
    static void stop() {
        server.close();
        wrongNameServer.close();
    }

    @Test
    void untrustedCertificateRejected() {
        try (TransportFixture fixture = new TransportFixture()) {
            assertThatThrownBy(() -> fixture.transport.execute(
                            HttpRequest.get(server.url("/a")).build()))
                    .isInstanceOf(TransportException.class)
                    .hasMessageContaining("certificate is not trusted");
        }
    }

    @Test
    void untrustedCertificateNotRetried() {
        try (TransportFixture fixture = new TransportFixture()) {
            assertThatThrownBy(() -> fixture.transport.execute(
                            HttpRequest.get(server.url("/a")).build()))
                    .isInstanceOf(TransportException.class);
            assertThat(fixture.reporter.info).isEmpty();
        }
    }

    @Test
    void caBundleTrusted() throws Exception {
        try (TransportFixture fixture = new TransportFixture(settings -> settings.caBundle(loopback.pem))) {
            HttpResponse response =
                    fixture.transport.execute(HttpRequest.get(server.url("/a")).build());
            assertThat(response.status()).isEqualTo(200);
        }
    }

    @Test
    void hostnameStillVerified() {
        try (TransportFixture fixture = new TransportFixture(settings -> settings.caBundle(otherName.pem))) {
            assertThatThrownBy(() -> fixture.transport.execute(
                            HttpRequest.get(wrongNameServer.url("/a")).build()))
                    .isInstanceOf(TransportException.class)
                    .hasMessageContaining("TLS failed");
        }
    }

    @Test
    void httpsThroughProxyTunnel() throws Exception {
        String expected = "Basic " + java.util.Base64.getEncoder().encodeToString("puser:ppass-1".getBytes());
        try (TestProxy proxy = new TestProxy(expected);
                TransportFixture fixture = new TransportFixture(settings -> settings.caBundle(loopback.pem)
                        .proxies(List.of(
                                new ProxySettings("http", "127.0.0.1", proxy.port(), "puser", "ppass-1", null))))) {
            HttpResponse response = fixture.transport.execute(
                    HttpRequest.get(server.url("/tunnelled")).build());
            assertThat(response.status()).isEqualTo(200);
            assertThat(proxy.seen.get(0).requestLine()).isEqualTo("CONNECT 127.0.0.1:" + server.port() + " HTTP/1.1");
            assertThat(proxy.seen.get(0).proxyAuthorization()).isEqualTo(expected);
        }
    }

    @Test
    void tunnelRefusedGives407() throws Exception {
        String expected = "Basic " + java.util.Base64.getEncoder().encodeToString("puser:ppass-1".getBytes());
        try (TestProxy proxy = new TestProxy(expected);
                TransportFixture fixture = new TransportFixture(settings -> settings.caBundle(loopback.pem)
                        .proxies(List.of(
                                new ProxySettings("http", "127.0.0.1", proxy.port(), "puser", "wrong-pw-9", null))))) {
            assertThatThrownBy(() -> fixture.transport.executeOrThrow(
                            HttpRequest.get(server.url("/a")).build()))
                    .isInstanceOfSatisfying(TransportException.class, e -> assertThat(e.status())
                            .isEqualTo(407))
                    .hasMessageContaining("check <username> and <password> of the settings.xml <proxy>");
        }
    }

    @Test
    void bundleAddsToJdkTrust() throws Exception {
        int jdk = TrustMaterial.trustManager(null).getAcceptedIssuers().length;
        assertThat(TrustMaterial.trustManager(loopback.pem).getAcceptedIssuers())
                .hasSize(jdk + 1);
    }

    @Test
    void readsBundleWithComments() throws Exception {
        Path bundle = dir.resolve("bundle.pem");
        Files.writeString(
                bundle,
                "# Loopback test CA\n" + Files.readString(loopback.pem) + "\n# Other\n"
                        + Files.readString(otherName.pem));
        List<X509Certificate> certificates = TrustMaterial.readPem(bundle);
        assertThat(certificates).hasSize(2);
    }

    @Test
    void bundleWithoutCertificateRejected() throws Exception {
        Path bundle = dir.resolve("empty.pem");
        Files.writeString(bundle, "not a certificate\n");
        assertThatThrownBy(() -> TrustMaterial.readPem(bundle))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("No '-----BEGIN CERTIFICATE-----' block");
    }

    @Test
    void missingBundleFailsConstruction() {
        Path missing = dir.resolve("missing.pem");
        assertThatThrownBy(() -> new TransportFixture(settings -> settings.caBundle(missing)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("missing.pem");
    }
}
