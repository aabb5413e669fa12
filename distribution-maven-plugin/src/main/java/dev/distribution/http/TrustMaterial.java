package dev.distribution.http;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;

/**
 * The certificates that TLS connections trust: the JDK's trust store, plus the CA certificates of
 * an optional PEM bundle. Verification is never switched off.
 */
public final class TrustMaterial {
    private static final Pattern PEM_CERTIFICATE =
            Pattern.compile("-----BEGIN CERTIFICATE-----([A-Za-z0-9+/=\\s]+?)-----END CERTIFICATE-----");

    private TrustMaterial() {}

    /**
     * Reads every {@code CERTIFICATE} block of a PEM file. Text between the blocks, such as the
     * comments of distribution CA bundles, is ignored.
     *
     * @throws IOException when the file cannot be read, contains no certificate or a malformed one
     */
    public static List<X509Certificate> readPem(Path file) throws IOException {
        String text = Files.readString(file, StandardCharsets.US_ASCII);
        List<X509Certificate> certificates = new ArrayList<>();
        CertificateFactory factory;
        try {
            factory = CertificateFactory.getInstance("X.509");
        } catch (CertificateException e) {
            throw new IllegalStateException("The JDK has no X.509 certificate factory", e);
        }
        Matcher matcher = PEM_CERTIFICATE.matcher(text);
        while (matcher.find()) {
            byte[] der = Base64.getMimeDecoder().decode(matcher.group(1));
            try {
                certificates.add((X509Certificate) factory.generateCertificate(new ByteArrayInputStream(der)));
            } catch (CertificateException e) {
                throw new IOException(
                        "Certificate " + (certificates.size() + 1) + " in " + file + " is malformed: " + e.getMessage(),
                        e);
            }
        }
        if (certificates.isEmpty()) {
            throw new IOException("No '-----BEGIN CERTIFICATE-----' block found in " + file
                    + "; the CA bundle must be a PEM file of X.509 certificates");
        }
        return certificates;
    }

    /**
     * Returns an SSL context that trusts the JDK's default CAs (those of {@code javax.net.ssl.trustStore}
     * when set) plus every certificate in {@code caBundle}.
     *
     * @param caBundle a PEM file, or null for the JDK's CAs only
     */
    public static SSLContext sslContext(Path caBundle) throws IOException {
        try {
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, new TrustManager[] {trustManager(caBundle)}, null);
            return context;
        } catch (GeneralSecurityException e) {
            throw new IOException("Cannot set up TLS trust: " + e.getMessage(), e);
        }
    }

    static X509TrustManager trustManager(Path caBundle) throws IOException, GeneralSecurityException {
        X509TrustManager jdk = defaultTrustManager(null);
        if (caBundle == null) {
            return jdk;
        }
        // One trust manager with every anchor, because JSSE consults only the first X509TrustManager.
        KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
        store.load(null, null);
        int index = 0;
        for (X509Certificate certificate : jdk.getAcceptedIssuers()) {
            store.setCertificateEntry("jdk-" + index++, certificate);
        }
        index = 0;
        for (X509Certificate certificate : readPem(caBundle)) {
            store.setCertificateEntry("bundle-" + index++, certificate);
        }
        return defaultTrustManager(store);
    }

    private static X509TrustManager defaultTrustManager(KeyStore store) throws GeneralSecurityException {
        TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        factory.init(store);
        for (TrustManager manager : factory.getTrustManagers()) {
            if (manager instanceof X509TrustManager x509) {
                return x509;
            }
        }
        throw new GeneralSecurityException("The JDK provides no X509TrustManager");
    }
}
