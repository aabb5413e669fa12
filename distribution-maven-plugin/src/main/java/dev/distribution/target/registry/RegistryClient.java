package dev.distribution.target.registry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.distribution.core.PublishException;
import dev.distribution.core.Redactor;
import dev.distribution.core.Reporter;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A client for the registry HTTP API of the OCI distribution specification v1.1, for one
 * repository: checks blobs and manifests, uploads blobs (streamed from disk, monolithic
 * {@code POST} then {@code PUT}) and puts manifests.
 *
 * <p>Authentication follows the registry's {@code WWW-Authenticate} challenge: Basic, or a Bearer
 * token fetched from the realm with {@code repository:<name>:pull,push} scope (Docker's token
 * protocol, as Nexus's Docker Bearer Token realm uses). Connection failures, 408, 429 and 5xx are
 * retried with exponential backoff, restarting a blob upload from its {@code POST}. Redirects are
 * not followed, so credentials never reach another host.
 *
 * <p>Not thread-safe: one client per push.
 */
public final class RegistryClient {
    /** Every manifest type accepted when reading a tag. */
    static final String MANIFEST_ACCEPT = String.join(
            ", ",
            "application/vnd.oci.image.index.v1+json",
            "application/vnd.oci.image.manifest.v1+json",
            "application/vnd.docker.distribution.manifest.list.v2+json",
            "application/vnd.docker.distribution.manifest.v2+json");

    private static final Pattern CHALLENGE_PARAMETER = Pattern.compile("(\\w+)=\"([^\"]*)\"");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final RegistryEndpoint endpoint;
    private final String repository;
    private final RegistryCredentials credentials;
    private final String credentialsSource;
    private final Reporter reporter;
    private final HttpClient http;
    private int maxAttempts = 4;
    private Duration firstBackoff = Duration.ofMillis(500);
    private String authorization;

    /**
     * Creates a client.
     *
     * @param repository the full repository name, for example {@code docker-hosted/team/hello}
     * @param credentials the credentials, or null for anonymous access
     * @param credentialsSource where the credentials come from, for messages, for example
     *     {@code settings.xml server 'nexus-docker'}
     * @param redactor receives the password, so that no log line shows it
     */
    public RegistryClient(
            RegistryEndpoint endpoint,
            String repository,
            RegistryCredentials credentials,
            String credentialsSource,
            Reporter reporter,
            Redactor redactor) {
        this.endpoint = Objects.requireNonNull(endpoint, "endpoint");
        this.repository = Objects.requireNonNull(repository, "repository");
        this.credentials = credentials;
        this.credentialsSource = credentialsSource;
        this.reporter = Objects.requireNonNull(reporter, "reporter");
        if (credentials != null) {
            redactor.register(credentials.password());
        }
        this.http = HttpClient.newBuilder()
                .connectTimeout(Duration.ofSeconds(30))
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    /** Sets how often a failed request is tried in all, and the first wait; for tests. */
    RegistryClient retries(int maxAttempts, Duration firstBackoff) {
        this.maxAttempts = maxAttempts;
        this.firstBackoff = firstBackoff;
        return this;
    }

    /**
     * Returns the digest of the manifest that {@code reference} (a tag or digest) points to, or an
     * empty value when there is none.
     */
    public Optional<String> manifestDigest(String reference) throws PublishException {
        URI uri = uri("/manifests/" + reference);
        HttpResponse<byte[]> response = retrying(
                "check " + display(uri),
                () -> send(HttpRequest.newBuilder(uri)
                        .method("HEAD", HttpRequest.BodyPublishers.noBody())
                        .header("Accept", MANIFEST_ACCEPT)));
        if (response.statusCode() == 404) {
            return Optional.empty();
        }
        expect(response, "HEAD", uri, 200);
        Optional<String> digest = response.headers().firstValue("Docker-Content-Digest");
        if (digest.isPresent()) {
            return digest;
        }
        // Registries need not send the header; the digest of the body is the same value.
        HttpResponse<byte[]> get = retrying(
                "read " + display(uri),
                () -> send(HttpRequest.newBuilder(uri).GET().header("Accept", MANIFEST_ACCEPT)));
        expect(get, "GET", uri, 200);
        return Optional.of(sha256(get.body()));
    }

    /** Returns true when the repository has the blob. */
    public boolean hasBlob(String digest) throws PublishException {
        URI uri = uri("/blobs/" + digest);
        HttpResponse<byte[]> response = retrying(
                "check " + display(uri),
                () -> send(HttpRequest.newBuilder(uri).method("HEAD", HttpRequest.BodyPublishers.noBody())));
        if (response.statusCode() == 404) {
            return false;
        }
        expect(response, "HEAD", uri, 200);
        return true;
    }

    /**
     * Uploads a blob, streaming it from {@code file}. A failed attempt starts a new upload
     * session, since a registry may have kept part of the old one.
     */
    public void uploadBlob(Path file, String digest) throws PublishException {
        URI start = uri("/blobs/uploads/");
        retrying(
                "upload " + digest + " to " + display(start),
                () -> {
                    HttpResponse<byte[]> session =
                            send(HttpRequest.newBuilder(start).POST(HttpRequest.BodyPublishers.noBody()));
                    if (session.statusCode() != 202) {
                        return session;
                    }
                    String location = session.headers()
                            .firstValue("Location")
                            .orElseThrow(() -> new IOException("The registry sent no Location for the upload"));
                    URI upload = start.resolve(location);
                    String separator = upload.getRawQuery() == null ? "?" : "&";
                    URI put = URI.create(
                            upload + separator + "digest=" + URLEncoder.encode(digest, StandardCharsets.UTF_8));
                    return send(HttpRequest.newBuilder(put)
                            .timeout(Duration.ofHours(1))
                            .header("Content-Type", "application/octet-stream")
                            .PUT(HttpRequest.BodyPublishers.ofFile(file)));
                },
                response -> expect(response, "upload of " + digest + " to", start, 201));
    }

    /** Puts a manifest or index under {@code reference}, a tag or its digest. */
    public void putManifest(String reference, byte[] content, String mediaType) throws PublishException {
        URI uri = uri("/manifests/" + reference);
        HttpResponse<byte[]> response = retrying(
                "put " + display(uri),
                () -> send(HttpRequest.newBuilder(uri)
                        .header("Content-Type", mediaType)
                        .PUT(HttpRequest.BodyPublishers.ofByteArray(content))));
        expect(response, "PUT", uri, 201);
    }

    /** The address of the repository's API, for messages. */
    public String location() {
        return endpoint.baseUri() + "/v2/" + repository;
    }

    private URI uri(String path) {
        return URI.create(endpoint.baseUri() + "/v2/" + repository + path);
    }

    private static String display(URI uri) {
        return uri.getScheme() + "://" + uri.getRawAuthority() + uri.getRawPath();
    }

    /** Sends a request with the current authorization, answering one challenge if needed. */
    private HttpResponse<byte[]> send(HttpRequest.Builder builder) throws IOException, InterruptedException {
        builder.timeout(Duration.ofMinutes(5));
        HttpRequest request = authorized(builder).build();
        HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
        if (response.statusCode() != 401) {
            return response;
        }
        String previous = authorization;
        authenticate(response);
        if (Objects.equals(previous, authorization)) {
            return response;
        }
        HttpRequest retry = authorized(builder).build();
        return http.send(retry, HttpResponse.BodyHandlers.ofByteArray());
    }

    private HttpRequest.Builder authorized(HttpRequest.Builder builder) {
        if (authorization != null) {
            builder.setHeader("Authorization", authorization);
        }
        return builder;
    }

    /** Sets {@link #authorization} from a 401 challenge; leaves it unchanged when nothing helps. */
    private void authenticate(HttpResponse<byte[]> challenge) throws IOException, InterruptedException {
        String header = challenge.headers().firstValue("WWW-Authenticate").orElse("");
        String scheme = header.split(" ", 2)[0].toLowerCase(Locale.ROOT);
        if (credentials == null && !scheme.equals("bearer")) {
            return;
        }
        if (scheme.equals("basic")) {
            authorization = basic();
        } else if (scheme.equals("bearer")) {
            Map<String, String> parameters = new LinkedHashMap<>();
            Matcher matcher = CHALLENGE_PARAMETER.matcher(header);
            while (matcher.find()) {
                parameters.put(matcher.group(1).toLowerCase(Locale.ROOT), matcher.group(2));
            }
            String token = fetchToken(parameters);
            if (token != null) {
                authorization = "Bearer " + token;
            }
        }
    }

    private String basic() {
        String pair = credentials.username() + ":" + credentials.password();
        return "Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8));
    }

    private String fetchToken(Map<String, String> challenge) throws IOException, InterruptedException {
        String realm = challenge.get("realm");
        if (realm == null) {
            return null;
        }
        StringBuilder url = new StringBuilder(realm).append(realm.contains("?") ? "&" : "?");
        if (challenge.containsKey("service")) {
            url.append("service=")
                    .append(URLEncoder.encode(challenge.get("service"), StandardCharsets.UTF_8))
                    .append('&');
        }
        url.append("scope=")
                .append(URLEncoder.encode("repository:" + repository + ":pull,push", StandardCharsets.UTF_8));
        URI tokenUri = URI.create(url.toString());
        if (credentials != null && tokenUri.getScheme().equals("http") && !endpoint.insecure()) {
            throw new IOException("The registry asks for credentials at a plain HTTP token service: " + realm);
        }
        HttpRequest.Builder request = HttpRequest.newBuilder(tokenUri).GET().timeout(Duration.ofMinutes(1));
        if (credentials != null) {
            request.header("Authorization", basic());
        }
        HttpResponse<byte[]> response = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        if (response.statusCode() != 200) {
            return null;
        }
        JsonNode body = JSON.readTree(response.body());
        String token = body.path("token").asText(body.path("access_token").asText(null));
        return token == null || token.isEmpty() ? null : token;
    }

    /** Fails with the registry's own error text for any status but {@code expected}. */
    private void expect(HttpResponse<byte[]> response, String method, URI uri, int expected) throws PublishException {
        int status = response.statusCode();
        if (status == expected) {
            return;
        }
        String detail = errorDetail(response);
        if (status == 401) {
            throw new RegistryAuthenticationException(
                    credentials == null
                            ? "The registry " + endpoint.host() + " requires authentication (HTTP 401" + detail
                                    + "). Add a settings.xml <server> with the registry's credentials."
                            : "The registry " + endpoint.host() + " rejected the credentials of user '"
                                    + credentials.username() + "' (HTTP 401" + detail + "). Check the password or"
                                    + " token of " + credentialsSource + ".");
        }
        if (status == 403) {
            throw new RegistryAuthenticationException("The registry " + endpoint.host() + " denied " + method + " "
                    + display(uri) + " (HTTP 403" + detail + "). Give user '"
                    + (credentials == null ? "anonymous" : credentials.username())
                    + "' the right to push to " + repository + ".");
        }
        throw new PublishException(method + " " + display(uri) + " failed: HTTP " + status + detail + ".", null);
    }

    private static String errorDetail(HttpResponse<byte[]> response) {
        try {
            JsonNode body = JSON.readTree(response.body());
            StringBuilder detail = new StringBuilder();
            for (JsonNode error : body.path("errors")) {
                detail.append(detail.length() == 0 ? ": " : "; ")
                        .append(error.path("code").asText())
                        .append(' ')
                        .append(error.path("message").asText());
            }
            return detail.toString();
        } catch (IOException | RuntimeException notJson) {
            return "";
        }
    }

    private interface Call {
        HttpResponse<byte[]> run() throws IOException, InterruptedException;
    }

    private interface Check {
        void accept(HttpResponse<byte[]> response) throws PublishException;
    }

    private HttpResponse<byte[]> retrying(String description, Call call) throws PublishException {
        return retrying(description, call, response -> {});
    }

    /** Runs {@code call}, retrying on connection failures, 408, 429 and 5xx; then applies {@code check}. */
    private HttpResponse<byte[]> retrying(String description, Call call, Check check) throws PublishException {
        Duration wait = firstBackoff;
        for (int attempt = 1; ; attempt++) {
            String failure;
            Duration retryAfter = null;
            try {
                HttpResponse<byte[]> response = call.run();
                int status = response.statusCode();
                if (status != 408 && status != 429 && status < 500) {
                    check.accept(response);
                    return response;
                }
                failure = "HTTP " + status + errorDetail(response);
                retryAfter = retryAfter(response);
                if (attempt >= maxAttempts) {
                    check.accept(response);
                    return response;
                }
            } catch (IOException e) {
                failure = e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
                if (attempt >= maxAttempts) {
                    throw new PublishException(
                            "Cannot " + description + " after " + attempt + " attempts: " + failure, e);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new PublishException("Interrupted while trying to " + description, e);
            }
            Duration pause = retryAfter != null ? retryAfter : wait;
            reporter.warn("Retrying to " + description + " in " + pause.toMillis() + " ms (attempt " + (attempt + 1)
                    + " of " + maxAttempts + ") after " + failure);
            sleep(pause);
            wait = wait.multipliedBy(2);
        }
    }

    private static Duration retryAfter(HttpResponse<byte[]> response) {
        Optional<String> header = response.headers().firstValue("Retry-After");
        if (header.isEmpty() || !header.get().trim().matches("[0-9]{1,4}")) {
            return null;
        }
        return Duration.ofSeconds(Math.min(60, Long.parseLong(header.get().trim())));
    }

    private static void sleep(Duration duration) throws PublishException {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PublishException("Interrupted while waiting to retry", e);
        }
    }

    private static String sha256(byte[] content) {
        try {
            return "sha256:"
                    + java.util.HexFormat.of()
                            .formatHex(java.security.MessageDigest.getInstance("SHA-256")
                                    .digest(content));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The registry rejected the credentials, or the user may not push. */
    public static final class RegistryAuthenticationException extends PublishException {
        private static final long serialVersionUID = 1L;

        RegistryAuthenticationException(String message) {
            super(message);
        }
    }
}
