package dev.distribution.target.registry;

import dev.distribution.core.InvalidConfigurationException;
import dev.distribution.format.oci.ImageNames;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Objects;

/**
 * Where a registry's HTTP API lives and which prefix image names get there.
 *
 * <ul>
 *   <li>{@code host:5000} or {@code https://host:5000}: a registry, or a Nexus docker repository
 *       with its own port connector; images are {@code host:5000/<name>}.
 *   <li>{@code https://nexus.example.com/repository/docker-hosted/}: a Nexus repository with path
 *       based routing, the URL the Nexus UI shows; images are
 *       {@code nexus.example.com/docker-hosted/<name>}.
 *   <li>{@code https://host/prefix}: any other path becomes a name prefix.
 *   <li>{@code oci://host/prefix}: the form {@code helm} prints, reached over HTTPS.
 * </ul>
 *
 * @param baseUri the scheme, host and port, with no path
 * @param namePrefix the prefix of every repository name, empty or without a trailing '/'
 */
public record RegistryEndpoint(URI baseUri, String namePrefix) {
    public RegistryEndpoint {
        Objects.requireNonNull(baseUri, "baseUri");
        Objects.requireNonNull(namePrefix, "namePrefix");
    }

    /**
     * Parses a repository URL.
     *
     * @param allowInsecure whether {@code http://} is accepted; credentials then travel unencrypted
     * @param element the POM element, for messages
     * @throws InvalidConfigurationException when the URL is malformed, or plain HTTP without
     *     {@code allowInsecure}
     */
    public static RegistryEndpoint parse(String url, boolean allowInsecure, String element)
            throws InvalidConfigurationException {
        String accepted = "host[:port], https://host[:port][/prefix] or https://host/repository/<nexus repository>/";
        if (url == null || url.isBlank()) {
            throw new InvalidConfigurationException(element, null, accepted, "Set the registry URL.");
        }
        String text = url.trim();
        if (text.regionMatches(true, 0, "oci://", 0, 6)) {
            text = "https://" + text.substring(6);
        }
        if (!text.contains("://")) {
            text = "https://" + text;
        }
        URI uri;
        try {
            uri = new URI(text);
        } catch (URISyntaxException e) {
            throw new InvalidConfigurationException(element, url, accepted, "Fix the URL: " + e.getReason() + ".");
        }
        String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
        if (uri.getHost() == null || !(scheme.equals("https") || scheme.equals("http"))) {
            throw new InvalidConfigurationException(element, url, accepted, "Fix the URL.");
        }
        if (uri.getUserInfo() != null) {
            throw new InvalidConfigurationException(
                    element,
                    url.replace(uri.getUserInfo(), "****"),
                    accepted + ", without credentials",
                    "Remove the credentials from the URL and put them in a settings.xml <server>.");
        }
        if (scheme.equals("http") && !allowInsecure) {
            throw new InvalidConfigurationException(
                    element,
                    url,
                    "https:// URLs; http:// only with <allowInsecureRegistry>true</allowInsecureRegistry>",
                    "Use HTTPS, or allow plain HTTP explicitly with -Ddistribution.image.allowInsecureRegistry=true"
                            + " (credentials are then sent unencrypted).");
        }
        String path = uri.getPath() == null ? "" : uri.getPath().replaceAll("^/+|/+$", "");
        if (path.startsWith("repository/")) {
            path = path.substring("repository/".length());
        }
        if (!path.isEmpty()) {
            ImageNames.checkName(path, element + " (path of " + url + ")");
        }
        URI base = URI.create(scheme + "://" + uri.getRawAuthority());
        return new RegistryEndpoint(base, path);
    }

    /** The full repository name of image {@code name} at this registry. */
    public String repositoryName(String name) {
        return namePrefix.isEmpty() ? name : namePrefix + "/" + name;
    }

    /** The registry host and port as image references write it, for example {@code host:5000}. */
    public String host() {
        return baseUri.getRawAuthority();
    }

    /** Returns the reference a client pulls, for example {@code host:5000/team/hello:1.0}. */
    public String reference(String name, String tag) {
        return host() + "/" + repositoryName(name) + ":" + tag;
    }

    /** Returns the reference Helm reads, for example {@code oci://host:5000/charts/hello}. */
    public String ociReference(String name) {
        return "oci://" + host() + "/" + repositoryName(name);
    }

    /** Returns true when the registry is reached over plain HTTP. */
    public boolean insecure() {
        return baseUri.getScheme().equals("http");
    }
}
