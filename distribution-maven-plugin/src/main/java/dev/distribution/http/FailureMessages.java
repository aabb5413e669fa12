package dev.distribution.http;

import java.io.IOException;
import java.net.ConnectException;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.UnknownHostException;
import java.security.cert.CertificateException;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import javax.net.ssl.SSLException;
import org.apache.hc.client5.http.ConnectTimeoutException;
import org.apache.hc.core5.http.NoHttpResponseException;
import org.apache.hc.core5.http.impl.EnglishReasonPhraseCatalog;

/** Builds the text of failures and retry lines, so that every format reports them the same way. */
final class FailureMessages {
    /** The number of characters of a response body quoted in a failure message. */
    static final int BODY_EXCERPT = 500;

    private FailureMessages() {}

    /** Returns {@code uri} as text with any user-info masked. */
    static String display(URI uri) {
        String userInfo = uri.getRawUserInfo();
        String text = uri.toString();
        if (userInfo == null) {
            return text;
        }
        int colon = userInfo.indexOf(':');
        String masked = colon >= 0 ? userInfo.substring(0, colon) + ":****" : "****";
        return text.replace(userInfo + "@", masked + "@");
    }

    /** Returns the reason phrase, or the standard one for {@code status} when the server sent none. */
    static String reason(int status, String sent) {
        if (sent != null && !sent.isBlank()) {
            return sent.trim();
        }
        String standard = EnglishReasonPhraseCatalog.INSTANCE.getReason(status, Locale.ENGLISH);
        return standard == null ? "" : standard;
    }

    /** Returns the status line text, for example {@code 503 Service Unavailable}. */
    static String statusText(int status, String reason) {
        return reason.isEmpty() ? Integer.toString(status) : status + " " + reason;
    }

    /**
     * Returns the message for a final error status: the request, the status and reason phrase
     * (Nexus puts its explanation there), a hint for the usual causes, and the start of a text body.
     */
    static String forStatus(
            HttpRequest request, String url, int status, String reason, int attempts, String contentType, String body) {
        StringBuilder message = new StringBuilder();
        message.append(request.method()).append(' ').append(url).append(" failed");
        if (attempts > 1) {
            message.append(" after ").append(attempts).append(" attempts");
        }
        message.append(": HTTP ").append(statusText(status, reason)).append('.');
        String hint = hint(request, status);
        if (!hint.isEmpty()) {
            message.append(' ').append(hint);
        }
        String excerpt = excerpt(contentType, body);
        if (!excerpt.isEmpty()) {
            message.append(" Response body: ").append(excerpt);
        }
        return message.toString();
    }

    private static String hint(HttpRequest request, int status) {
        String source = request.credentials().source();
        boolean hasCredentials = !(request.credentials() instanceof Credentials.None);
        String sourceText = source == null ? "the request" : source;
        switch (status) {
            case 401:
                return hasCredentials
                        ? "Check the credentials of " + sourceText + "."
                        : "No credentials were sent; add a settings.xml <server> whose id is the repository id.";
            case 403:
                return hasCredentials
                        ? "Check the credentials of " + sourceText + " and that this user may "
                                + (isRead(request) ? "read" : "write to") + " the repository."
                        : "No credentials were sent; add a settings.xml <server> whose id is the repository id.";
            case 404:
                return "The repository URL may be wrong; check it and that the repository exists.";
            case 405:
                return "The repository may not accept " + request.method()
                        + " requests at this URL; check the repository URL and its type.";
            case 407:
                return "The proxy requires authentication; check <username> and <password> of the settings.xml <proxy>.";
            case 413:
                return "The server or a proxy in front of it rejected the size of the request body.";
            default:
                return "";
        }
    }

    private static boolean isRead(HttpRequest request) {
        return request.method().equals("GET") || request.method().equals("HEAD");
    }

    /** Returns the first {@value #BODY_EXCERPT} characters of a text body, on one line; empty for binary bodies. */
    static String excerpt(String contentType, String body) {
        if (body == null || body.isBlank() || !isText(contentType)) {
            return "";
        }
        String line = body.strip().replaceAll("\\s+", " ");
        return line.length() <= BODY_EXCERPT ? line : line.substring(0, BODY_EXCERPT) + "...";
    }

    private static boolean isText(String contentType) {
        if (contentType == null) {
            return true;
        }
        String type = contentType.toLowerCase(Locale.ROOT);
        return type.startsWith("text/")
                || type.contains("json")
                || type.contains("xml")
                || type.startsWith("application/x-www-form-urlencoded");
    }

    /** Returns a short description of an I/O failure, for retry lines and messages. */
    static String forIoError(IOException error, URI uri, TransportSettings settings) {
        Optional<ProxySettings> proxy = ProxyRoutePlanner.select(settings.proxies(), uri.getScheme(), uri.getHost());
        String peer = proxy.map(p -> "proxy " + p.host() + ":" + p.port()).orElse(uri.getHost() + ":" + port(uri));
        String proxyHint = proxy.isPresent() ? "; check the settings.xml <proxy>" : "";

        if (error instanceof ConnectTimeoutException) {
            return "connect to " + peer + " timed out after " + seconds(settings.connectTimeout()) + proxyHint;
        }
        if (error instanceof ConnectException) {
            // HttpClient's message repeats the address: "Connect to http://h:1 [/h] failed: Connection refused".
            String cause = rootMessage(error);
            int failed = cause.indexOf(" failed: ");
            String reason = cause.startsWith("Connect to ") && failed > 0 ? cause.substring(failed + 9) : cause;
            return "cannot connect to " + peer + " (" + reason + ")" + proxyHint;
        }
        if (error instanceof SocketTimeoutException) {
            return "read timed out after " + seconds(settings.readTimeout()) + " without data from the server";
        }
        if (error instanceof UnknownHostException) {
            return "unknown host " + error.getMessage() + "; check the host name in the URL";
        }
        if (error instanceof NoHttpResponseException) {
            return "the server closed the connection without a response";
        }
        if (error instanceof RequestBodyException) {
            return error.getMessage();
        }
        if (error instanceof SSLException) {
            if (hasCause(error, CertificateException.class)) {
                return "TLS failed, the server's certificate is not trusted (" + rootMessage(error)
                        + "); if the server uses a private CA, add its certificate to the CA bundle (a PEM file)";
            }
            return "TLS failed: " + rootMessage(error);
        }
        if (error instanceof SocketException) {
            return "connection failed: " + rootMessage(error);
        }
        return error.getClass().getSimpleName() + ": " + rootMessage(error);
    }

    private static int port(URI uri) {
        if (uri.getPort() >= 0) {
            return uri.getPort();
        }
        return "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
    }

    private static boolean hasCause(Throwable error, Class<? extends Throwable> type) {
        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
            if (type.isInstance(cause)) {
                return true;
            }
        }
        return false;
    }

    private static String rootMessage(Throwable error) {
        Throwable root = error;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage();
        return message == null ? root.getClass().getSimpleName() : message;
    }

    /** Returns a wait as text: {@code 250 ms}, {@code 2 s} or {@code 1.5 s}. */
    static String seconds(Duration duration) {
        long millis = duration.toMillis();
        if (millis < 1000) {
            return millis + " ms";
        }
        if (millis % 1000 == 0) {
            return millis / 1000 + " s";
        }
        return String.format(Locale.ROOT, "%.1f s", millis / 1000.0);
    }
}
