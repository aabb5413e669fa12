package dev.distribution.target.registry;

import dev.distribution.core.InvalidConfigurationException;
import java.net.URI;
import java.util.regex.Pattern;

/**
 * Where a registry repository lives, parsed from a {@code registry} repository URL such as
 * {@code registry.example.com/team}, {@code 127.0.0.1:5000} or {@code http://127.0.0.1:5000/charts}.
 * Without a scheme the registry is reached over HTTPS, as every OCI client does; {@code http://}
 * asks for plain HTTP, for a registry on a trusted network.
 *
 * @param baseUrl the registry's base URL, such as {@code https://registry.example.com}, no trailing slash
 * @param host the host and port clients use in references
 * @param namespace the path below the host, possibly empty, without leading or trailing slash
 */
public record RegistryAddress(String baseUrl, String host, String namespace) {
    private static final Pattern COMPONENT = Pattern.compile("[a-z0-9]+((\\.|_|__|-+)[a-z0-9]+)*");

    /**
     * Parses a registry URL.
     *
     * @param element the POM element of the URL, for the error message
     */
    public static RegistryAddress parse(String url, String element) throws InvalidConfigurationException {
        String text = url.trim();
        String scheme = "https";
        if (text.startsWith("http://") || text.startsWith("https://")) {
            scheme = text.substring(0, text.indexOf(':'));
            text = text.substring(text.indexOf("//") + 2);
        } else if (text.startsWith("oci://")) {
            text = text.substring("oci://".length());
        }
        text = text.replaceAll("/+$", "");
        int slash = text.indexOf('/');
        String host = slash < 0 ? text : text.substring(0, slash);
        String namespace = slash < 0 ? "" : text.substring(slash + 1);
        String accepted = "host[:port][/namespace], optionally with http:// for a plain-HTTP registry;"
                + " namespace parts in lower case";
        try {
            URI parsed = URI.create(scheme + "://" + host + "/");
            if (parsed.getHost() == null || host.isEmpty()) {
                throw new IllegalArgumentException(host);
            }
        } catch (IllegalArgumentException e) {
            throw new InvalidConfigurationException(
                    element, url, accepted, "Write the registry host, for example registry.example.com/charts.");
        }
        if (!namespace.isEmpty()) {
            for (String component : namespace.split("/")) {
                if (!COMPONENT.matcher(component).matches()) {
                    throw new InvalidConfigurationException(
                            element,
                            url,
                            accepted,
                            "Use lower-case letters, digits and '.', '_' or '-' between them in '" + component + "'.");
                }
            }
        }
        return new RegistryAddress(scheme + "://" + host, host, namespace);
    }

    /** The repository name of an artifact below the namespace, such as {@code team/hello}. */
    public String repository(String name) {
        return namespace.isEmpty() ? name : namespace + "/" + name;
    }

    /** The reference clients use, such as {@code oci://registry.example.com/team/hello}. */
    public String ociReference(String name) {
        return "oci://" + host + "/" + repository(name);
    }
}
