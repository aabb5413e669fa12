package dev.distribution.target.registry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.distribution.core.PublishException;
import dev.distribution.core.Reporter;
import dev.distribution.http.Credentials;
import dev.distribution.http.HttpRequest;
import dev.distribution.http.HttpResponse;
import dev.distribution.http.HttpTransport;
import dev.distribution.http.RequestBody;
import dev.distribution.http.TransportException;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A client for the registry HTTP API of the OCI distribution specification v1.1, bound to one
 * repository: checks blobs and manifests, uploads blobs (streamed from disk, a monolithic
 * {@code POST} then {@code PUT}) and puts manifests. Requests go through the project's
 * {@link HttpTransport}, which retries idempotent requests, honours proxies and redacts secrets.
 *
 * <p>Authentication follows the registry's {@code WWW-Authenticate} challenge. The configured
 * credentials are sent first; when the registry answers with a Bearer challenge, a token with
 * {@code repository:<name>:pull,push} scope is fetched from the realm with those credentials
 * (Docker's token protocol, which Nexus's Docker Bearer Token realm speaks) and used from then on.
 *
 * <p>A blob upload that fails part way is started again with a new upload session, because a
 * registry may keep part of the failed body in the old one.
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

    /** Upload sessions tried per blob before the push fails. */
    static final int UPLOAD_ATTEMPTS = 3;

    private static final Pattern CHALLENGE_PARAMETER = Pattern.compile("(\\w+)=\"([^\"]*)\"");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final RegistryEndpoint endpoint;
    private final String repository;
    private final Credentials configured;
    private final HttpTransport http;
    private final Reporter reporter;
    private Credentials current;

    /**
     * Creates a client.
     *
     * @param repository the full repository name, for example {@code docker-hosted/team/hello}
     * @param credentials the credentials from settings.xml, or {@link Credentials#none()}
     */
    public RegistryClient(
            RegistryEndpoint endpoint,
            String repository,
            Credentials credentials,
            HttpTransport http,
            Reporter reporter) {
        this.endpoint = Objects.requireNonNull(endpoint, "endpoint");
        this.repository = Objects.requireNonNull(repository, "repository");
        this.configured = Objects.requireNonNull(credentials, "credentials");
        this.http = Objects.requireNonNull(http, "http");
        this.reporter = Objects.requireNonNull(reporter, "reporter");
        this.current = credentials;
    }

    /**
     * Returns the digest of the manifest that {@code reference} (a tag or digest) points to, or an
     * empty value when there is none.
     */
    public Optional<String> manifestDigest(String reference) throws PublishException {
        URI uri = uri("/manifests/" + reference);
        HttpResponse response = send(() -> HttpRequest.head(uri).header("Accept", MANIFEST_ACCEPT));
        if (response.status() == 404) {
            return Optional.empty();
        }
        expect(response, "HEAD", uri, 200);
        Optional<String> digest = response.header("Docker-Content-Digest");
        if (digest.isPresent()) {
            return digest;
        }
        // Registries need not send the header; the digest of the body is the same value.
        HttpResponse get = send(() -> HttpRequest.get(uri).header("Accept", MANIFEST_ACCEPT));
        expect(get, "GET", uri, 200);
        return Optional.of(sha256(get.body().getBytes(StandardCharsets.UTF_8)));
    }

    /** Returns true when the repository has the blob. */
    public boolean hasBlob(String digest) throws PublishException {
        URI uri = uri("/blobs/" + digest);
        HttpResponse response = send(() -> HttpRequest.head(uri));
        if (response.status() == 404) {
            return false;
        }
        expect(response, "HEAD", uri, 200);
        return true;
    }

    /** Uploads a blob, streaming it from {@code file}. */
    public void uploadBlob(Path file, String digest) throws PublishException {
        uploadBlob(() -> RequestBody.ofFile(file, "application/octet-stream"), digest);
    }

    /** Uploads a small blob held in memory, such as a config blob. */
    public void uploadBlob(byte[] content, String digest) throws PublishException {
        uploadBlob(() -> RequestBody.ofBytes(content, "application/octet-stream"), digest);
    }

    private void uploadBlob(Supplier<RequestBody> body, String digest) throws PublishException {
        URI start = uri("/blobs/uploads/");
        for (int attempt = 1; ; attempt++) {
            String failure;
            try {
                HttpResponse session = send(() -> HttpRequest.post(start, RequestBody.ofBytes(new byte[0], null)));
                if (session.status() != 202) {
                    expect(session, "POST", start, 202);
                }
                String location = session.header("Location")
                        .orElseThrow(() -> new PublishException(
                                "The registry sent no Location header for the" + " upload session at " + start));
                URI upload = start.resolve(location);
                String separator = upload.getRawQuery() == null ? "?" : "&";
                URI put =
                        URI.create(upload + separator + "digest=" + URLEncoder.encode(digest, StandardCharsets.UTF_8));
                HttpResponse response = send(() -> HttpRequest.put(put, body.get()));
                if (response.status() == 201) {
                    return;
                }
                if (response.status() == 401 || response.status() == 403 || attempt >= UPLOAD_ATTEMPTS) {
                    expect(response, "PUT", start, 201);
                }
                failure = "HTTP " + response.status() + errorDetail(response);
            } catch (RegistryAuthenticationException e) {
                throw e;
            } catch (TransportException e) {
                if (attempt >= UPLOAD_ATTEMPTS) {
                    throw e;
                }
                failure = e.getMessage();
            }
            reporter.warn("Upload of " + digest + " failed (" + failure + "); starting a new upload session, attempt "
                    + (attempt + 1) + " of " + UPLOAD_ATTEMPTS + ".");
        }
    }

    /** Puts a manifest or index under {@code reference}, a tag or its digest. */
    public void putManifest(String reference, byte[] content, String mediaType) throws PublishException {
        URI uri = uri("/manifests/" + reference);
        HttpResponse response = send(() -> HttpRequest.put(uri, RequestBody.ofBytes(content, mediaType)));
        expect(response, "PUT", uri, 201);
    }

    /** The address of the repository's API, for messages. */
    public String location() {
        return endpoint.baseUri() + "/v2/" + repository;
    }

    private URI uri(String path) {
        return URI.create(endpoint.baseUri() + "/v2/" + repository + path);
    }

    /** Makes a fresh request builder, so that a request can be sent again with new credentials. */
    private interface RequestFactory {
        HttpRequest.Builder create();
    }

    /** Sends a request with the current credentials, answering one authentication challenge. */
    private HttpResponse send(RequestFactory factory) throws TransportException {
        HttpResponse response =
                http.execute(factory.create().credentials(current).build());
        if (response.status() != 401) {
            return response;
        }
        Credentials before = current;
        authenticate(response);
        if (current.equals(before)) {
            return response;
        }
        return http.execute(factory.create().credentials(current).build());
    }

    /** Replaces {@link #current} with a Bearer token when the challenge asks for one and one is granted. */
    private void authenticate(HttpResponse challenge) throws TransportException {
        String header = challenge.header("WWW-Authenticate").orElse("");
        if (!header.toLowerCase(Locale.ROOT).startsWith("bearer ")) {
            return;
        }
        Map<String, String> parameters = new LinkedHashMap<>();
        Matcher matcher = CHALLENGE_PARAMETER.matcher(header);
        while (matcher.find()) {
            parameters.put(matcher.group(1).toLowerCase(Locale.ROOT), matcher.group(2));
        }
        String realm = parameters.get("realm");
        if (realm == null) {
            return;
        }
        StringBuilder url = new StringBuilder(realm).append(realm.contains("?") ? "&" : "?");
        if (parameters.containsKey("service")) {
            url.append("service=")
                    .append(URLEncoder.encode(parameters.get("service"), StandardCharsets.UTF_8))
                    .append('&');
        }
        url.append("scope=")
                .append(URLEncoder.encode("repository:" + repository + ":pull,push", StandardCharsets.UTF_8));
        URI tokenUri = URI.create(url.toString());
        Credentials tokenCredentials = configured instanceof Credentials.Bearer ? Credentials.none() : configured;
        if (tokenUri.getScheme().equals("http")
                && !endpoint.insecure()
                && !(tokenCredentials instanceof Credentials.None)) {
            reporter.warn("Not sending credentials to the plain HTTP token service " + tokenUri.getRawAuthority()
                    + " of an HTTPS registry.");
            return;
        }
        HttpResponse response = http.execute(
                HttpRequest.get(tokenUri).credentials(tokenCredentials).build());
        if (response.status() != 200) {
            reporter.debug("Token service " + tokenUri.getRawAuthority() + " returned HTTP " + response.status());
            return;
        }
        try {
            JsonNode body = JSON.readTree(response.body());
            String token = body.path("token").asText(body.path("access_token").asText(""));
            if (!token.isEmpty()) {
                current = new Credentials.Bearer(token, "a token for " + source());
            }
        } catch (IOException e) {
            reporter.debug("Token service " + tokenUri.getRawAuthority() + " returned no JSON: " + e.getMessage());
        }
    }

    private String source() {
        return configured.source() == null ? "anonymous access" : configured.source();
    }

    /** Fails with the registry's own error text for any status but {@code expected}. */
    private void expect(HttpResponse response, String method, URI uri, int expected) throws PublishException {
        int status = response.status();
        if (status == expected) {
            return;
        }
        String detail = errorDetail(response);
        String display = uri.getScheme() + "://" + uri.getRawAuthority() + uri.getRawPath();
        if (status == 401) {
            throw new RegistryAuthenticationException(
                    configured instanceof Credentials.None
                            ? "The registry " + endpoint.host() + " requires authentication (HTTP 401" + detail
                                    + "). Add a settings.xml <server> whose id is the repository id or "
                                    + endpoint.host()
                                    + "."
                            : "The registry " + endpoint.host() + " rejected the credentials"
                                    + (configured instanceof Credentials.Basic basic
                                            ? " of user '" + basic.username() + "'"
                                            : "")
                                    + " (HTTP 401" + detail + "). Check the password or token of " + source() + ".");
        }
        if (status == 403) {
            throw new RegistryAuthenticationException("The registry " + endpoint.host() + " denied " + method + " "
                    + display + " (HTTP 403" + detail + "). Give the account of " + source()
                    + " the right to push to " + repository + ".");
        }
        throw new PublishException(
                method + " " + display + " failed: HTTP " + status + " " + response.reason() + detail + ".");
    }

    private static String errorDetail(HttpResponse response) {
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

    private static String sha256(byte[] content) {
        try {
            return "sha256:"
                    + HexFormat.of()
                            .formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    /** The registry rejected the credentials, or the account may not push. */
    public static final class RegistryAuthenticationException extends PublishException {
        private static final long serialVersionUID = 1L;

        RegistryAuthenticationException(String message) {
            super(message);
        }
    }
}
