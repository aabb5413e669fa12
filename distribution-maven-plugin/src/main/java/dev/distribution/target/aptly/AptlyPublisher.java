package dev.distribution.target.aptly;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.distribution.core.Checksums;
import dev.distribution.core.ConflictException;
import dev.distribution.core.DistributionException;
import dev.distribution.core.PublishException;
import dev.distribution.core.Reporter;
import dev.distribution.core.Repository;
import dev.distribution.http.Credentials;
import dev.distribution.http.HttpRequest;
import dev.distribution.http.HttpResponse;
import dev.distribution.http.HttpTransport;
import dev.distribution.http.RequestBody;
import dev.distribution.http.UrlPaths;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Publishes {@code .deb} files through aptly's REST API: each file is uploaded to
 * {@code /api/files/<folder>}, added to a local repository (created on first use), and the
 * repository's publication is created or updated, signed by aptly with a key from the aptly server's
 * own keyring.
 *
 * <p>aptly answers a package that conflicts with a published one (same name, version and
 * architecture, other content) with HTTP 200 and the file under {@code FailedFiles}; this class
 * turns that into a {@link ConflictException} before the publication is touched.
 */
public final class AptlyPublisher {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** The aptly settings of one publication. */
    public record Settings(
            String localRepository,
            String prefix,
            String distribution,
            String component,
            List<String> architectures,
            String gpgKey) {}

    private final Repository repository;
    private final HttpTransport http;
    private final Credentials credentials;
    private final Settings settings;
    private final Reporter reporter;

    /**
     * Creates the publisher.
     *
     * @param repository the aptly server; its URL is the API root, such as {@code http://host:8080/}
     */
    public AptlyPublisher(
            Repository repository, HttpTransport http, Credentials credentials, Settings settings, Reporter reporter) {
        this.repository = repository;
        this.http = http;
        this.credentials = credentials;
        this.settings = settings;
        this.reporter = reporter;
    }

    /**
     * Adds the packages and publishes.
     *
     * @throws ConflictException when aptly rejects a package because the same name, version and
     *     architecture exist with other content
     */
    public void publish(List<Path> debs) throws DistributionException {
        ensureLocalRepository();
        List<ConflictException.Conflict> conflicts = new ArrayList<>();
        for (Path deb : debs) {
            String sha256;
            try {
                sha256 = Checksums.sha256(deb);
            } catch (IOException e) {
                throw new PublishException("Could not read " + deb + ": " + e.getMessage(), e);
            }
            String folder = "distribution-" + sha256.substring(0, 16);
            URI upload = api("api/files/" + folder);
            HttpRequest uploadRequest = HttpRequest.post(
                            upload,
                            RequestBody.multipart()
                                    .file(
                                            "file",
                                            deb,
                                            deb.getFileName().toString(),
                                            "application/vnd.debian.binary-package")
                                    .build())
                    .credentials(credentials)
                    .build();
            HttpResponse uploaded = http.execute(uploadRequest);
            if (!uploaded.isSuccessful()) {
                throw http.failure(uploadRequest, uploaded);
            }
            URI add = api("api/repos/" + settings.localRepository() + "/file/" + folder);
            HttpRequest addRequest = HttpRequest.post(add, RequestBody.ofString("", "application/json"))
                    .credentials(credentials)
                    .build();
            HttpResponse added = http.execute(addRequest);
            if (!added.isSuccessful()) {
                throw http.failure(addRequest, added);
            }
            JsonNode report = parse(added, add);
            if (report.path("FailedFiles").size() > 0) {
                String warnings = report.path("Report").path("Warnings").toString();
                reporter.warn("aptly did not add " + deb.getFileName() + ": " + warnings);
                conflicts.add(new ConflictException.Conflict(
                        repository.url() + " repository '" + settings.localRepository() + "': " + deb.getFileName(),
                        sha256,
                        null));
            } else {
                reporter.info(
                        "Added " + deb.getFileName() + " to aptly repository '" + settings.localRepository() + "'");
            }
        }
        if (!conflicts.isEmpty()) {
            throw new ConflictException(
                    conflicts,
                    "aptly already holds these packages with other content (same name, version and architecture)."
                            + " Raise the version, or remove the package from the aptly repository first.");
        }
        publishRepository();
    }

    private void ensureLocalRepository() throws DistributionException {
        URI uri = api("api/repos/" + settings.localRepository());
        HttpResponse response =
                http.execute(HttpRequest.get(uri).credentials(credentials).build());
        if (response.isSuccessful()) {
            return;
        }
        if (response.status() != 404) {
            throw http.failure(HttpRequest.get(uri).build(), response);
        }
        ObjectNode body = JSON.createObjectNode()
                .put("Name", settings.localRepository())
                .put("DefaultDistribution", settings.distribution())
                .put("DefaultComponent", settings.component());
        postJson(api("api/repos"), body);
        reporter.info("Created aptly repository '" + settings.localRepository() + "'");
    }

    private void publishRepository() throws DistributionException {
        String prefix = urlPrefix(settings.prefix());
        URI list = api("api/publish");
        HttpResponse published =
                http.execute(HttpRequest.get(list).credentials(credentials).build());
        if (!published.isSuccessful()) {
            throw http.failure(HttpRequest.get(list).build(), published);
        }
        boolean exists = false;
        for (JsonNode publication : parse(published, list)) {
            String existingPrefix = publication.path("Prefix").asText();
            if (existingPrefix.equals(settings.prefix())
                    && publication.path("Distribution").asText().equals(settings.distribution())) {
                exists = true;
            }
        }
        ObjectNode signing = JSON.createObjectNode();
        if (settings.gpgKey() == null) {
            signing.put("Skip", true);
            reporter.warn(
                    "The aptly publication is unsigned: set <deb><signing><keyId> to a key in the aptly server's keyring.");
        } else {
            signing.put("GpgKey", settings.gpgKey()).put("Batch", true);
        }
        if (exists) {
            ObjectNode body = JSON.createObjectNode();
            body.set("Signing", signing);
            URI update = api("api/publish/" + prefix + "/" + settings.distribution());
            send(HttpRequest.put(update, json(body)).credentials(credentials).build());
            reporter.info("Updated the aptly publication " + settings.prefix() + " " + settings.distribution());
        } else {
            ObjectNode body =
                    JSON.createObjectNode().put("SourceKind", "local").put("Distribution", settings.distribution());
            ArrayNode sources = body.putArray("Sources");
            sources.addObject().put("Name", settings.localRepository()).put("Component", settings.component());
            ArrayNode architectures = body.putArray("Architectures");
            settings.architectures().forEach(architectures::add);
            body.set("Signing", signing);
            postJson(api("api/publish/" + prefix), body);
            reporter.info("Published aptly repository '" + settings.localRepository() + "' as " + settings.prefix()
                    + " " + settings.distribution());
        }
    }

    /** aptly writes the root prefix as ":." in URLs and a '/' inside a prefix as '_'. */
    static String urlPrefix(String prefix) {
        if (prefix == null || prefix.isEmpty() || prefix.equals(".")) {
            return ":.";
        }
        return prefix.replace("_", "__").replace('/', '_');
    }

    private void postJson(URI uri, ObjectNode body) throws DistributionException {
        send(HttpRequest.post(uri, json(body)).credentials(credentials).build());
    }

    private void send(HttpRequest request) throws DistributionException {
        HttpResponse response = http.execute(request);
        if (!response.isSuccessful()) {
            throw http.failure(request, response);
        }
    }

    private static RequestBody json(JsonNode body) {
        return RequestBody.ofString(body.toString(), "application/json");
    }

    private static JsonNode parse(HttpResponse response, URI uri) throws PublishException {
        try {
            return JSON.readTree(response.body() == null ? "" : response.body());
        } catch (IOException e) {
            throw new PublishException("aptly answered " + uri + " with a body that is not JSON: " + e.getMessage(), e);
        }
    }

    private URI api(String path) {
        return UrlPaths.resolve(repository.url(), path);
    }
}
