package dev.distribution.http;

import dev.distribution.core.Redactor;
import dev.distribution.core.Reporter;
import java.io.Closeable;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import javax.net.ssl.SSLContext;
import org.apache.hc.client5.http.auth.AuthScope;
import org.apache.hc.client5.http.auth.UsernamePasswordCredentials;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.auth.BasicAuthCache;
import org.apache.hc.client5.http.impl.auth.BasicCredentialsProvider;
import org.apache.hc.client5.http.impl.auth.BasicScheme;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.CloseableHttpResponse;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManager;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.client5.http.protocol.HttpClientContext;
import org.apache.hc.client5.http.ssl.DefaultClientTlsStrategy;
import org.apache.hc.core5.http.ClassicHttpRequest;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpEntity;
import org.apache.hc.core5.http.HttpHost;
import org.apache.hc.core5.http.io.entity.EntityUtils;
import org.apache.hc.core5.http.message.BasicClassicHttpRequest;
import org.apache.hc.core5.io.CloseMode;
import org.apache.hc.core5.util.TimeValue;
import org.apache.hc.core5.util.Timeout;

/**
 * The one HTTP client of the build, on Apache HttpClient 5 (classic, blocking API). Every format
 * and target sends its requests here, so retries, proxies, TLS trust, credentials, redirects,
 * progress and secret redaction behave the same everywhere.
 *
 * <ul>
 *   <li>Credentials are sent preemptively; their values are registered with the {@link Redactor}.
 *       A URL's user-info becomes Basic credentials and is never sent in the URL.
 *   <li>Idempotent requests are retried with exponential backoff on I/O errors, 408, 429 and 5xx,
 *       honouring {@code Retry-After}; see {@link RetryPolicy}. Each retry is logged at info.
 *   <li>GET and HEAD follow redirects (301, 302, 303, 307, 308), and other methods follow 307 and
 *       308 with the same body; credential headers are dropped once a redirect leaves the
 *       original scheme, host and port.
 *   <li>Every exchange is logged at debug with its status and time, secrets masked.
 * </ul>
 *
 * <p>Thread-safe: one instance serves the whole build and may be called from several threads.
 */
public final class HttpTransport implements Closeable {
    /** The largest body that {@link #execute(HttpRequest)} buffers; the rest is dropped. */
    public static final int MAX_BUFFERED_BODY = 1024 * 1024;

    private static final int MAX_REDIRECTS = 10;

    private final TransportSettings settings;
    private final Reporter reporter;
    private final Redactor redactor;
    private final RetryPolicy retryPolicy;
    private final BasicAuthCache proxyAuthCache = new BasicAuthCache();
    private final CloseableHttpClient client;

    /**
     * Creates the transport and its connection pool.
     *
     * @throws IllegalArgumentException when the CA bundle of {@code settings} cannot be read
     */
    public HttpTransport(TransportSettings settings, Reporter reporter, Redactor redactor) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.reporter = Objects.requireNonNull(reporter, "reporter");
        this.redactor = Objects.requireNonNull(redactor, "redactor");
        this.retryPolicy = new RetryPolicy(settings);

        SSLContext sslContext;
        try {
            sslContext = TrustMaterial.sslContext(settings.caBundle());
        } catch (IOException e) {
            throw new IllegalArgumentException(
                    "Invalid CA bundle " + settings.caBundle() + ": " + e.getMessage()
                            + ". Set it to a readable PEM file of CA certificates.",
                    e);
        }
        ConnectionConfig connectionConfig = ConnectionConfig.custom()
                .setConnectTimeout(Timeout.of(settings.connectTimeout()))
                .setSocketTimeout(Timeout.of(settings.readTimeout()))
                // Checks a connection idle for over 1 s before reuse, which lowers the chance that a POST
                // fails on a connection the server has closed.
                .setValidateAfterInactivity(TimeValue.ofSeconds(1))
                .build();
        PoolingHttpClientConnectionManager connections = PoolingHttpClientConnectionManagerBuilder.create()
                .setTlsSocketStrategy(new DefaultClientTlsStrategy(sslContext))
                .setDefaultConnectionConfig(connectionConfig)
                .setMaxConnTotal(64)
                .setMaxConnPerRoute(16)
                .build();
        BasicCredentialsProvider proxyCredentials = new BasicCredentialsProvider();
        for (ProxySettings proxy : settings.proxies()) {
            redactor.register(proxy.password());
            if (proxy.hasCredentials()) {
                char[] password = proxy.password() == null
                        ? new char[0]
                        : proxy.password().toCharArray();
                UsernamePasswordCredentials credentials = new UsernamePasswordCredentials(proxy.username(), password);
                proxyCredentials.setCredentials(new AuthScope(proxy.host(), proxy.port()), credentials);
                // Sends Proxy-Authorization with the first request instead of after a 407, so a large
                // body is not sent twice.
                BasicScheme scheme = new BasicScheme(StandardCharsets.UTF_8);
                scheme.initPreemptive(credentials);
                proxyAuthCache.put(new HttpHost("http", proxy.host(), proxy.port()), scheme);
            }
        }
        RequestConfig requestConfig = RequestConfig.custom()
                .setResponseTimeout(Timeout.of(settings.readTimeout()))
                .setRedirectsEnabled(false)
                .build();
        this.client = HttpClients.custom()
                .setConnectionManager(connections)
                .setRoutePlanner(new ProxyRoutePlanner(settings.proxies()))
                .setDefaultCredentialsProvider(proxyCredentials)
                .setDefaultRequestConfig(requestConfig)
                .setUserAgent(settings.userAgent())
                // Retries and redirects are decided here, with logging and credential stripping.
                .disableAutomaticRetries()
                .disableRedirectHandling()
                // Remote files are hashed as stored, so no transparent decompression.
                .disableContentCompression()
                .disableCookieManagement()
                .build();
    }

    /**
     * Sends the request, with retries when {@link HttpRequest#idempotent()} and redirects, and
     * returns the final response with at most {@link #MAX_BUFFERED_BODY} bytes of its body as text.
     * A non-2xx final status is returned, not thrown; see {@link #executeOrThrow(HttpRequest)}.
     *
     * @throws TransportException when no response could be received
     */
    public HttpResponse execute(HttpRequest request) throws TransportException {
        return send(request, new BufferingReader()).value();
    }

    /**
     * Sends the request like {@link #execute(HttpRequest)} and hands the streamed body of the final
     * response to {@code handler}, whatever its status. The handler's stream is not retried once it
     * has been handed over, because the handler may have consumed part of it.
     *
     * @throws TransportException when no response could be received, or the handler failed
     */
    public <T> T execute(HttpRequest request, ResponseHandler<T> handler) throws TransportException {
        @SuppressWarnings("unchecked")
        T value = (T) send(request, new StreamingReader<>(handler, false)).value();
        return value;
    }

    /**
     * Sends the request like {@link #execute(HttpRequest)} and throws unless the final status is 2xx.
     *
     * @throws TransportException on a non-2xx status, with the reason phrase and a hint, or when no
     *     response could be received
     */
    public HttpResponse executeOrThrow(HttpRequest request) throws TransportException {
        Outcome<HttpResponse> outcome = send(request, new BufferingReader());
        HttpResponse response = outcome.value();
        if (!response.isSuccessful()) {
            throw failure(outcome.request(), response, outcome.attempts());
        }
        return response;
    }

    /**
     * Sends the request like {@link #execute(HttpRequest, ResponseHandler)}, but calls the handler
     * only for a 2xx status and throws a {@link TransportException} for any other.
     */
    public <T> T executeOrThrow(HttpRequest request, ResponseHandler<T> handler) throws TransportException {
        Outcome<Object> outcome = send(request, new StreamingReader<>(handler, true));
        if (outcome.value() instanceof HttpResponse error) {
            throw failure(outcome.request(), error, outcome.attempts());
        }
        @SuppressWarnings("unchecked")
        T value = (T) outcome.value();
        return value;
    }

    /**
     * Returns the exception for a final response that the caller does not accept, worded like the
     * transport's own: request, status, reason phrase, hint and the start of the body.
     */
    public TransportException failure(HttpRequest request, HttpResponse response) {
        return failure(request, response, 1);
    }

    private TransportException failure(HttpRequest request, HttpResponse response, int attempts) {
        String url = redactor.redact(FailureMessages.display(request.uri()));
        String message = FailureMessages.forStatus(
                request,
                url,
                response.status(),
                response.reason(),
                attempts,
                response.header("Content-Type").orElse(null),
                response.body());
        return new TransportException(redactor.redact(message), response.status(), url, null);
    }

    /** Closes the connection pool. */
    @Override
    public void close() {
        client.close(CloseMode.GRACEFUL);
    }

    private record Outcome<T>(T value, HttpRequest request, int attempts) {}

    /** Reads the final response of an exchange. */
    private interface ResponseReader<T> {
        T read(HttpRequest request, ClassicHttpResponse response) throws IOException;

        /** Returns whether a failure while reading may be retried like a failed exchange. */
        boolean restartable();
    }

    private <T> Outcome<T> send(HttpRequest original, ResponseReader<T> reader) throws TransportException {
        HttpRequest request = prepare(original);
        String url = redactor.redact(FailureMessages.display(request.uri()));
        int maxAttempts = settings.maxAttempts();
        for (int attempt = 1; ; attempt++) {
            Exchange<T> exchange;
            try {
                exchange = sendOnce(request, reader, attempt, attempt < maxAttempts);
            } catch (ReaderException e) {
                String message = request.method() + " " + url + " failed while reading the response: "
                        + FailureMessages.forIoError(e.cause(), request.uri(), settings);
                throw new TransportException(redactor.redact(message), e.status(), url, e.cause());
            } catch (IOException e) {
                String description = FailureMessages.forIoError(e, request.uri(), settings);
                if (attempt < maxAttempts && retryPolicy.retriesIoError(request, e)) {
                    waitBeforeRetry(request, url, attempt, retryPolicy.backoff(attempt), description);
                    continue;
                }
                String message = request.method() + " " + url + " failed"
                        + (attempt > 1 ? " after " + attempt + " attempts" : "") + ": " + description;
                throw new TransportException(redactor.redact(message), -1, url, e);
            }
            if (exchange.retryDelay() != null) {
                waitBeforeRetry(request, url, attempt, exchange.retryDelay(), exchange.retryReason());
                continue;
            }
            return new Outcome<>(exchange.value(), request, attempt);
        }
    }

    /** Registers the request's secrets and moves any user-info of the URL into Basic credentials. */
    private HttpRequest prepare(HttpRequest request) {
        request.credentials().secrets().forEach(redactor::register);
        String userInfo = request.uri().getUserInfo();
        if (userInfo == null) {
            return request;
        }
        int colon = userInfo.indexOf(':');
        String username = colon >= 0 ? userInfo.substring(0, colon) : userInfo;
        String password = colon >= 0 ? userInfo.substring(colon + 1) : "";
        redactor.register(password);
        HttpRequest.Builder builder = request.toBuilder().uri(withoutUserInfo(request.uri()));
        if (request.credentials() instanceof Credentials.None) {
            Credentials.Basic basic = new Credentials.Basic(username, password, "the user-info of the URL");
            basic.secrets().forEach(redactor::register);
            builder.credentials(basic);
        }
        return builder.build();
    }

    private static URI withoutUserInfo(URI uri) {
        if (uri.getRawUserInfo() == null) {
            return uri;
        }
        try {
            return new URI(uri.getScheme(), null, uri.getHost(), uri.getPort(), null, null, null)
                    .resolve(uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery()));
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("Invalid URL " + FailureMessages.display(uri), e);
        }
    }

    private void waitBeforeRetry(HttpRequest request, String url, int attempt, Duration delay, String reason)
            throws TransportException {
        reporter.info(redactor.redact("Retrying " + request.method() + " " + url + " in "
                + FailureMessages.seconds(delay) + " (attempt " + (attempt + 1) + " of " + settings.maxAttempts()
                + "): " + reason));
        try {
            settings.sleeper().sleep(delay);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TransportException(
                    redactor.redact(request.method() + " " + url + " was interrupted while waiting to retry"),
                    -1,
                    url,
                    e);
        }
    }

    /** The result of one attempt: a value, or the wait before the next attempt. */
    private record Exchange<T>(T value, Duration retryDelay, String retryReason) {}

    private <T> Exchange<T> sendOnce(HttpRequest original, ResponseReader<T> reader, int attempt, boolean mayRetry)
            throws IOException {
        HttpRequest current = original;
        for (int redirects = 0; ; redirects++) {
            long start = System.nanoTime();
            ClassicHttpRequest request = toClassic(current);
            String sentHeaders = describeHeaders(current, request);
            HttpClientContext context = HttpClientContext.create();
            context.setAuthCache(proxyAuthCache);
            ClassicHttpResponse response;
            try {
                response = client.executeOpen(null, request, context);
            } catch (IOException e) {
                logExchange(current, sentHeaders, "failed: " + e, start);
                throw e;
            }
            try {
                int status = response.getCode();
                String reason = FailureMessages.reason(status, response.getReasonPhrase());
                logExchange(current, sentHeaders, "-> " + FailureMessages.statusText(status, reason), start);

                Optional<HttpRequest> next = redirectTarget(current, response);
                if (next.isPresent() && redirects < MAX_REDIRECTS) {
                    discardSmallBody(response);
                    current = next.get();
                    continue;
                }
                if (mayRetry && retryPolicy.retriesStatus(current, status)) {
                    Optional<String> retryAfter = Optional.ofNullable(response.getFirstHeader("Retry-After"))
                            .map(Header::getValue);
                    Duration delay = retryPolicy.retryAfter(retryAfter).orElseGet(() -> retryPolicy.backoff(attempt));
                    discardSmallBody(response);
                    return new Exchange<>(null, delay, FailureMessages.statusText(status, reason));
                }
                if (reader.restartable()) {
                    return new Exchange<>(reader.read(current, response), null, null);
                }
                try {
                    return new Exchange<>(reader.read(current, response), null, null);
                } catch (IOException e) {
                    throw new ReaderException(status, e);
                }
            } finally {
                closeWithoutDraining(response);
            }
        }
    }

    /** Reads a short body to its end, so the connection can be reused. */
    private static void discardSmallBody(ClassicHttpResponse response) {
        HttpEntity entity = response.getEntity();
        if (entity != null && entity.getContentLength() >= 0 && entity.getContentLength() <= 64 * 1024) {
            try {
                EntityUtils.consume(entity);
            } catch (IOException e) {
                // The connection is dropped when the response is closed.
            }
        }
    }

    /**
     * Closes the response. A body read to its end has already returned its connection to the
     * pool. Any other connection is dropped, because a graceful close would read the rest of the body.
     */
    private static void closeWithoutDraining(ClassicHttpResponse response) throws IOException {
        if (response instanceof CloseableHttpResponse closeable) {
            closeable.close(CloseMode.IMMEDIATE);
        } else {
            response.close();
        }
    }

    private ClassicHttpRequest toClassic(HttpRequest request) {
        BasicClassicHttpRequest classic = new BasicClassicHttpRequest(request.method(), request.uri());
        for (Map.Entry<String, String> header : request.headers()) {
            classic.addHeader(header.getKey(), header.getValue());
        }
        Credentials credentials = request.credentials();
        if (credentials instanceof Credentials.Basic basic) {
            classic.setHeader("Authorization", basic.authorization());
        } else if (credentials instanceof Credentials.Bearer bearer) {
            classic.setHeader("Authorization", "Bearer " + bearer.token());
        } else if (credentials instanceof Credentials.Header header) {
            classic.setHeader(header.name(), header.value());
        }
        request.body()
                .ifPresent(body -> classic.setEntity(new BodyEntity(
                        body,
                        reporter,
                        request.method() + " " + redactor.redact(FailureMessages.display(request.uri())),
                        settings.progressThreshold())));
        return classic;
    }

    /**
     * Returns the request's header fields for the debug log, secrets masked and listed last,
     * because the Redactor masks everything after a credential header name up to the end of the line.
     */
    private static String describeHeaders(HttpRequest request, ClassicHttpRequest sent) {
        List<String> plain = new ArrayList<>();
        List<String> masked = new ArrayList<>();
        for (Header header : sent.getHeaders()) {
            if (SensitiveHeaders.isSensitive(header.getName(), request.credentials())) {
                masked.add(header.getName() + ": " + Redactor.MASK);
            } else {
                plain.add(header.getName() + ": " + header.getValue());
            }
        }
        HttpEntity entity = sent.getEntity();
        if (entity != null) {
            plain.add("Content-Length: " + entity.getContentLength());
        }
        plain.addAll(masked);
        return String.join(", ", plain);
    }

    private void logExchange(HttpRequest request, String headers, String result, long startNanos) {
        long millis = (System.nanoTime() - startNanos) / 1_000_000;
        String line = "HTTP " + request.method() + " " + FailureMessages.display(request.uri()) + " " + result + " in "
                + millis + " ms; request headers: " + headers;
        reporter.debug(redactor.redact(line));
    }

    /**
     * Returns the request to send next when {@code response} is a redirect that this request
     * follows: GET and HEAD follow 301, 302, 303, 307 and 308; other methods follow 307 and 308
     * only (bodies are always re-sendable). Credentials are dropped when the new URL has another
     * scheme, host or port.
     */
    private Optional<HttpRequest> redirectTarget(HttpRequest request, ClassicHttpResponse response) {
        int status = response.getCode();
        boolean readOnly = request.method().equals("GET") || request.method().equals("HEAD");
        boolean follows = readOnly
                ? status == 301 || status == 302 || status == 303 || status == 307 || status == 308
                : status == 307 || status == 308;
        Header location = response.getFirstHeader("Location");
        if (!follows || location == null) {
            return Optional.empty();
        }

        URI target;
        HttpRequest.Builder next;
        try {
            target = request.uri().resolve(new URI(location.getValue().trim()));
            // Rejects anything but an absolute http or https URL.
            next = request.toBuilder().uri(withoutUserInfo(target));
        } catch (URISyntaxException | IllegalArgumentException e) {
            reporter.debug(redactor.redact("Not following the redirect of " + request.method() + " "
                    + FailureMessages.display(request.uri()) + ": unsupported Location " + location.getValue()));
            return Optional.empty();
        }

        if (!sameOrigin(request.uri(), target)) {
            for (Map.Entry<String, String> header : request.headers()) {
                if (SensitiveHeaders.isSensitive(header.getKey(), request.credentials())) {
                    next.removeHeader(header.getKey());
                }
            }
            next.credentials(Credentials.none());
        }
        return Optional.of(next.build());
    }

    private static boolean sameOrigin(URI a, URI b) {
        return a.getScheme().equalsIgnoreCase(b.getScheme())
                && a.getHost().equalsIgnoreCase(b.getHost())
                && port(a) == port(b);
    }

    private static int port(URI uri) {
        if (uri.getPort() >= 0) {
            return uri.getPort();
        }
        return uri.getScheme().equalsIgnoreCase("https") ? 443 : 80;
    }

    /** An I/O failure inside a response handler that already received the stream; never retried. */
    private static final class ReaderException extends IOException {
        private static final long serialVersionUID = 1L;
        private final int status;

        ReaderException(int status, IOException cause) {
            super(cause.getMessage(), cause);
            this.status = status;
        }

        int status() {
            return status;
        }

        IOException cause() {
            return (IOException) getCause();
        }
    }

    private static Headers headersOf(ClassicHttpResponse response) {
        List<Map.Entry<String, String>> fields = new ArrayList<>();
        for (Header header : response.getHeaders()) {
            fields.add(new AbstractMap.SimpleImmutableEntry<>(header.getName(), header.getValue()));
        }
        return Headers.of(fields);
    }

    /** Buffers up to {@link #MAX_BUFFERED_BODY} bytes of the body as text. */
    private static final class BufferingReader implements ResponseReader<HttpResponse> {
        @Override
        public HttpResponse read(HttpRequest request, ClassicHttpResponse response) throws IOException {
            int status = response.getCode();
            String reason = FailureMessages.reason(status, response.getReasonPhrase());
            HttpEntity entity = response.getEntity();
            String body = "";
            if (entity != null) {
                // The stream is left open: closing it would read the rest of a longer body, while
                // closing the response instead drops the connection.
                InputStream in = entity.getContent();
                body = new String(in.readNBytes(MAX_BUFFERED_BODY), charsetOf(entity));
            }
            return new HttpResponse(status, reason, headersOf(response), body);
        }

        @Override
        public boolean restartable() {
            return true;
        }

        private static Charset charsetOf(HttpEntity entity) {
            try {
                ContentType type = ContentType.parseLenient(entity.getContentType());
                Charset charset = type == null ? null : type.getCharset();
                return charset == null ? StandardCharsets.UTF_8 : charset;
            } catch (RuntimeException e) {
                return StandardCharsets.UTF_8;
            }
        }
    }

    /**
     * Hands the body stream to a {@link ResponseHandler}, with progress for large bodies. With
     * {@code successOnly}, a non-2xx response is buffered and returned as an {@link HttpResponse}
     * for the caller to turn into an exception.
     */
    private final class StreamingReader<T> implements ResponseReader<Object> {
        private final ResponseHandler<T> handler;
        private final boolean successOnly;

        StreamingReader(ResponseHandler<T> handler, boolean successOnly) {
            this.handler = Objects.requireNonNull(handler, "handler");
            this.successOnly = successOnly;
        }

        @Override
        public Object read(HttpRequest request, ClassicHttpResponse response) throws IOException {
            int status = response.getCode();
            if (successOnly && (status < 200 || status >= 300)) {
                return new BufferingReader().read(request, response);
            }
            String reason = FailureMessages.reason(status, response.getReasonPhrase());
            HttpEntity entity = response.getEntity();
            long length = entity == null ? 0 : entity.getContentLength();
            InputStream raw = entity == null ? InputStream.nullInputStream() : entity.getContent();
            boolean report = length > settings.progressThreshold();
            String label = request.method() + " " + redactor.redact(FailureMessages.display(request.uri()));
            // Closing the body stream would read the rest of the body. Closing the response instead
            // drops the connection of a handler that stops early.
            try (Reporter.Progress progress = report ? reporter.progress(label, length) : Reporter.Progress.NONE) {
                return handler.handle(status, reason, headersOf(response), new ProgressInputStream(raw, progress));
            }
        }

        @Override
        public boolean restartable() {
            return false;
        }
    }

    private static final class ProgressInputStream extends FilterInputStream {
        private final Reporter.Progress progress;

        ProgressInputStream(InputStream in, Reporter.Progress progress) {
            super(in);
            this.progress = progress;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                progress.advance(1);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int read = super.read(buffer, offset, length);
            if (read > 0) {
                progress.advance(read);
            }
            return read;
        }
    }
}
