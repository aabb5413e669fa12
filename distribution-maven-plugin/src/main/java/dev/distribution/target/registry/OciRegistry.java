package dev.distribution.target.registry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.distribution.core.PublishException;
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
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The few calls of the OCI distribution API that a push needs: check and upload blobs, read and
 * write manifests. Authentication follows the registry's challenge: Basic credentials are sent as
 * they are, and when the registry answers 401 with {@code WWW-Authenticate: Bearer}, a token for
 * the repository's pull and push scope is fetched from the named realm with those credentials and
 * used instead (Docker's token protocol, as Nexus, Harbor and Docker Hub speak it).
 */
public final class OciRegistry {
    /** The manifest media type Helm and every current registry use. */
    public static final String MANIFEST_TYPE = "application/vnd.oci.image.manifest.v1+json";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern CHALLENGE_PARAMETER = Pattern.compile("(\\w+)=\"([^\"]*)\"");

    private final HttpTransport http;
    private final RegistryAddress address;
    private final Credentials basic;
    private final Map<String, Credentials> tokens = new LinkedHashMap<>();

    /**
     * Creates a client.
     *
     * @param credentials the settings.xml credentials of the registry; {@link Credentials#none()} for
     *     anonymous pushes
     */
    public OciRegistry(HttpTransport http, RegistryAddress address, Credentials credentials) {
        this.http = http;
        this.address = address;
        this.basic = credentials;
    }

    /** Whether the repository holds a blob. */
    public boolean hasBlob(String repository, String digest) throws TransportException, PublishException {
        HttpResponse response = send(repository, HttpRequest.head(uri(repository, "blobs/" + digest)));
        if (response.status() == 404) {
            return false;
        }
        check(response, "HEAD", uri(repository, "blobs/" + digest));
        return true;
    }

    /** Uploads a blob in one request after opening an upload session; the body is streamed from disk. */
    public void pushBlob(String repository, String digest, RequestBody body)
            throws TransportException, PublishException {
        URI start = uri(repository, "blobs/uploads/");
        HttpResponse opened = send(
                repository,
                HttpRequest.post(start, RequestBody.ofBytes(new byte[0], null)).idempotent(true));
        check(opened, "POST", start);
        String location = opened.header("Location")
                .orElseThrow(() -> new PublishException("POST " + start + " answered without a Location header."));
        URI session = start.resolve(location);
        String separator = session.getRawQuery() == null ? "?" : "&";
        URI put = URI.create(session + separator + "digest=" + URLEncoder.encode(digest, StandardCharsets.UTF_8));
        HttpResponse stored = send(repository, HttpRequest.put(put, body));
        check(stored, "PUT", put);
    }

    /** Uploads a file as a blob unless the repository already has it. */
    public void ensureBlob(String repository, String digest, Path file, String mediaType)
            throws TransportException, PublishException {
        if (!hasBlob(repository, digest)) {
            pushBlob(repository, digest, RequestBody.ofFile(file, "application/octet-stream"));
        }
    }

    /** Uploads bytes as a blob unless the repository already has them. */
    public void ensureBlob(String repository, String digest, byte[] bytes) throws TransportException, PublishException {
        if (!hasBlob(repository, digest)) {
            pushBlob(repository, digest, RequestBody.ofBytes(bytes, "application/octet-stream"));
        }
    }

    /** The digest of the manifest a tag points to, or empty when the tag does not exist. */
    public Optional<String> manifestDigest(String repository, String tag) throws TransportException, PublishException {
        URI uri = uri(repository, "manifests/" + tag);
        HttpResponse response = send(
                repository,
                HttpRequest.head(uri).header("Accept", MANIFEST_TYPE + ", application/vnd.oci.image.index.v1+json"));
        if (response.status() == 404) {
            return Optional.empty();
        }
        check(response, "HEAD", uri);
        return response.header("Docker-Content-Digest");
    }

    /** Writes a manifest under a tag. */
    public void putManifest(String repository, String tag, byte[] manifest)
            throws TransportException, PublishException {
        URI uri = uri(repository, "manifests/" + tag);
        HttpResponse response = send(repository, HttpRequest.put(uri, RequestBody.ofBytes(manifest, MANIFEST_TYPE)));
        check(response, "PUT", uri);
    }

    /** The URL of the repository's API path below {@code /v2/<repository>/}. */
    public URI uri(String repository, String path) {
        return URI.create(address.baseUrl() + "/v2/" + repository + "/" + path);
    }

    private HttpResponse send(String repository, HttpRequest.Builder request)
            throws TransportException, PublishException {
        Credentials token = tokens.get(repository);
        HttpResponse response =
                http.execute(request.credentials(token != null ? token : basic).build());
        if (response.status() != 401 || token != null) {
            return response;
        }
        Optional<String> challenge =
                response.header("WWW-Authenticate").filter(h -> h.regionMatches(true, 0, "Bearer ", 0, 7));
        if (challenge.isEmpty()) {
            return response;
        }
        Credentials fetched = fetchToken(repository, challenge.get());
        tokens.put(repository, fetched);
        return http.execute(request.credentials(fetched).build());
    }

    private Credentials fetchToken(String repository, String challenge) throws TransportException, PublishException {
        Map<String, String> parameters = new LinkedHashMap<>();
        Matcher matcher = CHALLENGE_PARAMETER.matcher(challenge);
        while (matcher.find()) {
            parameters.put(matcher.group(1).toLowerCase(java.util.Locale.ROOT), matcher.group(2));
        }
        String realm = parameters.get("realm");
        if (realm == null) {
            throw new PublishException(
                    "The registry " + address.host() + " asked for a token without naming its realm.");
        }
        StringBuilder query = new StringBuilder(realm).append(realm.contains("?") ? '&' : '?');
        if (parameters.containsKey("service")) {
            query.append("service=")
                    .append(URLEncoder.encode(parameters.get("service"), StandardCharsets.UTF_8))
                    .append('&');
        }
        query.append("scope=")
                .append(URLEncoder.encode("repository:" + repository + ":pull,push", StandardCharsets.UTF_8));
        URI uri = URI.create(query.toString());
        HttpResponse response =
                http.execute(HttpRequest.get(uri).credentials(basic).build());
        check(response, "GET", uri);
        try {
            JsonNode body = JSON.readTree(response.body());
            JsonNode token = body.hasNonNull("token") ? body.get("token") : body.get("access_token");
            if (token == null || token.asText().isEmpty()) {
                throw new PublishException("The token service " + realm + " answered without a token.");
            }
            return new Credentials.Bearer(token.asText(), "token from " + realm);
        } catch (IOException e) {
            throw new PublishException("The token service " + realm + " answered with invalid JSON.", e);
        }
    }

    private void check(HttpResponse response, String method, URI uri) throws TransportException {
        if (response.isSuccessful()) {
            return;
        }
        String hint =
                switch (response.status()) {
                    case 401, 403 ->
                        " Check the settings.xml <server> credentials for " + address.host()
                                + " and their permission to push to it.";
                    case 404 -> " Check the registry URL " + address.baseUrl() + ".";
                    default -> "";
                };
        String body = response.body().strip();
        throw new TransportException(
                method + " " + uri + " failed: HTTP " + response.status() + " " + response.reason()
                        + (body.isEmpty() ? "" : ": " + (body.length() > 300 ? body.substring(0, 300) + "..." : body))
                        + "." + hint,
                response.status(),
                uri.toString(),
                null);
    }
}
