package dev.distribution.http;

import java.net.URI;
import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * An immutable HTTP request for {@link HttpTransport}. Build one with {@link #get(URI)}, {@link
 * #put(URI, RequestBody)} and the other factories, then {@link Builder#build()}.
 *
 * <p>A request is idempotent by default for GET, HEAD, PUT, DELETE and OPTIONS, and not for POST
 * and PATCH; only idempotent requests are retried after the server may have seen them.
 */
public final class HttpRequest {
    // Fields the transport derives itself; a second value would make the request malformed.
    private static final Set<String> MANAGED_HEADERS = Set.of("content-length", "transfer-encoding", "host");
    private static final Set<String> IDEMPOTENT_METHODS = Set.of("GET", "HEAD", "PUT", "DELETE", "OPTIONS", "TRACE");

    private final String method;
    private final URI uri;
    private final List<Map.Entry<String, String>> headers;
    private final RequestBody body;
    private final Credentials credentials;
    private final boolean idempotent;

    private HttpRequest(Builder builder) {
        this.method = builder.method;
        this.uri = builder.uri;
        this.headers = List.copyOf(builder.headers);
        this.body = builder.body;
        this.credentials = builder.credentials;
        this.idempotent = builder.idempotent != null ? builder.idempotent : IDEMPOTENT_METHODS.contains(method);
    }

    /** Starts a GET request. */
    public static Builder get(URI uri) {
        return new Builder("GET", uri, null);
    }

    /** Starts a HEAD request. */
    public static Builder head(URI uri) {
        return new Builder("HEAD", uri, null);
    }

    /** Starts a PUT request with {@code body}. */
    public static Builder put(URI uri, RequestBody body) {
        return new Builder("PUT", uri, Objects.requireNonNull(body, "body"));
    }

    /** Starts a POST request with {@code body}. */
    public static Builder post(URI uri, RequestBody body) {
        return new Builder("POST", uri, Objects.requireNonNull(body, "body"));
    }

    /** Starts a DELETE request. */
    public static Builder delete(URI uri) {
        return new Builder("DELETE", uri, null);
    }

    /** Starts a PATCH request with {@code body}. */
    public static Builder patch(URI uri, RequestBody body) {
        return new Builder("PATCH", uri, Objects.requireNonNull(body, "body"));
    }

    /** Starts a request with any method; {@code body} may be null. */
    public static Builder method(String method, URI uri, RequestBody body) {
        return new Builder(method, uri, body);
    }

    /** Returns the method, in upper case. */
    public String method() {
        return method;
    }

    /** Returns the absolute http or https URI. */
    public URI uri() {
        return uri;
    }

    /** Returns the header fields set with {@link Builder#header}, in order; credentials are not among them. */
    public List<Map.Entry<String, String>> headers() {
        return headers;
    }

    /** Returns the body, if any. */
    public Optional<RequestBody> body() {
        return Optional.ofNullable(body);
    }

    /** Returns the credentials sent preemptively. */
    public Credentials credentials() {
        return credentials;
    }

    /** Returns whether sending the request twice has the same effect as sending it once. */
    public boolean idempotent() {
        return idempotent;
    }

    /** Returns a builder that starts as a copy of this request. */
    Builder toBuilder() {
        Builder builder = new Builder(method, uri, body);
        builder.headers.addAll(headers);
        builder.credentials = credentials;
        builder.idempotent = idempotent;
        return builder;
    }

    @Override
    public String toString() {
        return method + " " + uri;
    }

    /** Builds a {@link HttpRequest}. */
    public static final class Builder {
        private final String method;
        private URI uri;
        private final List<Map.Entry<String, String>> headers = new ArrayList<>();
        private RequestBody body;
        private Credentials credentials = Credentials.none();
        private Boolean idempotent;

        private Builder(String method, URI uri, RequestBody body) {
            Objects.requireNonNull(method, "method");
            if (!method.matches("[A-Za-z]+")) {
                throw new IllegalArgumentException("Invalid HTTP method '" + method + "'");
            }
            this.method = method.toUpperCase(Locale.ROOT);
            this.body = body;
            uri(uri);
        }

        /** Replaces the URI; it must be absolute, with scheme http or https. */
        Builder uri(URI uri) {
            Objects.requireNonNull(uri, "uri");
            String scheme = uri.getScheme();
            if (scheme == null
                    || !(scheme.equalsIgnoreCase("http") || scheme.equalsIgnoreCase("https"))
                    || uri.getHost() == null) {
                throw new IllegalArgumentException(
                        "Invalid request URL '" + uri + "': expected an absolute http:// or https:// URL");
            }
            this.uri = uri;
            return this;
        }

        /** Removes every field named {@code name}. */
        Builder removeHeader(String name) {
            headers.removeIf(field -> field.getKey().equalsIgnoreCase(name));
            return this;
        }

        /** Adds a header field; repeated names are sent in order. */
        public Builder header(String name, String value) {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(value, "value");
            if (name.isEmpty() || name.chars().anyMatch(c -> c <= ' ' || c == ':' || c >= 127)) {
                throw new IllegalArgumentException("Invalid header name '" + name + "'");
            }
            if (MANAGED_HEADERS.contains(name.toLowerCase(Locale.ROOT))) {
                throw new IllegalArgumentException(
                        "Header " + name + " is set by the transport from the body and the URL; remove it");
            }
            if (value.indexOf('\r') >= 0 || value.indexOf('\n') >= 0) {
                throw new IllegalArgumentException("Header " + name + " contains a line break");
            }
            headers.add(new AbstractMap.SimpleImmutableEntry<>(name, value));
            return this;
        }

        /** Sets the credentials, sent preemptively with the first request. */
        public Builder credentials(Credentials credentials) {
            this.credentials = Objects.requireNonNull(credentials, "credentials");
            return this;
        }

        /** Overrides whether the request may be sent again after the server may have seen it. */
        public Builder idempotent(boolean idempotent) {
            this.idempotent = idempotent;
            return this;
        }

        /** Returns the request. */
        public HttpRequest build() {
            return new HttpRequest(this);
        }
    }
}
