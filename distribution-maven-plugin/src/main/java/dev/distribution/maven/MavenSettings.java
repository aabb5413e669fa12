package dev.distribution.maven;

import dev.distribution.core.InvalidConfigurationException;
import dev.distribution.core.Redactor;
import dev.distribution.http.Credentials;
import dev.distribution.http.ProxySettings;
import java.util.ArrayList;
import java.util.List;
import org.apache.maven.settings.Proxy;
import org.apache.maven.settings.Server;
import org.apache.maven.settings.Settings;
import org.apache.maven.settings.building.SettingsProblem;
import org.apache.maven.settings.crypto.DefaultSettingsDecryptionRequest;
import org.apache.maven.settings.crypto.SettingsDecrypter;
import org.apache.maven.settings.crypto.SettingsDecryptionResult;
import org.codehaus.plexus.util.xml.Xpp3Dom;

/**
 * Reads credentials and proxies from settings.xml, decrypting passwords encrypted with
 * {@code mvn --encrypt-password}. Every secret read is registered with the build's redactor.
 *
 * <p>A server becomes credentials this way: an {@code <httpHeaders>} property in its
 * {@code <configuration>} (for example {@code PRIVATE-TOKEN}) is sent as that header; a username
 * and password are sent as Basic authentication; a password without username is sent as a Bearer
 * token.
 */
final class MavenSettings {
    private final Settings settings;
    private final SettingsDecrypter decrypter;
    private final Redactor redactor;

    MavenSettings(Settings settings, SettingsDecrypter decrypter, Redactor redactor) {
        this.settings = settings;
        this.decrypter = decrypter;
        this.redactor = redactor;
    }

    /** Returns the credentials of the server whose id is {@code serverId}, or none when there is no such server. */
    Credentials credentials(String serverId) throws InvalidConfigurationException {
        Server server = settings == null ? null : settings.getServer(serverId);
        if (server == null) {
            return new Credentials.None();
        }
        Server decrypted = decrypt(server);
        String source = "settings.xml <server> '" + serverId + "'";
        redactor.register(decrypted.getPassword());
        redactor.register(decrypted.getPassphrase());
        Credentials header = headerCredentials(decrypted, source);
        if (header != null) {
            return header;
        }
        String username = decrypted.getUsername();
        String password = decrypted.getPassword();
        if (password == null || password.isEmpty()) {
            return new Credentials.None();
        }
        if (username == null || username.isEmpty()) {
            return new Credentials.Bearer(password, source);
        }
        return new Credentials.Basic(username, password, source);
    }

    /** Returns the decrypted password of a server, or null when the server or its password is missing. */
    char[] password(String serverId) throws InvalidConfigurationException {
        Server server = settings == null ? null : settings.getServer(serverId);
        if (server == null) {
            return null;
        }
        Server decrypted = decrypt(server);
        String secret = decrypted.getPassphrase() != null ? decrypted.getPassphrase() : decrypted.getPassword();
        redactor.register(secret);
        return secret == null ? null : secret.toCharArray();
    }

    private Credentials headerCredentials(Server server, String source) {
        if (!(server.getConfiguration() instanceof Xpp3Dom configuration)) {
            return null;
        }
        Xpp3Dom headers = configuration.getChild("httpHeaders");
        if (headers == null) {
            return null;
        }
        for (Xpp3Dom property : headers.getChildren("property")) {
            Xpp3Dom name = property.getChild("name");
            Xpp3Dom value = property.getChild("value");
            if (name != null && value != null && value.getValue() != null) {
                redactor.register(value.getValue());
                return new Credentials.Header(
                        name.getValue().trim(), value.getValue().trim(), source);
            }
        }
        return null;
    }

    /** Returns the active proxies with decrypted passwords. */
    List<ProxySettings> proxies() throws InvalidConfigurationException {
        List<ProxySettings> result = new ArrayList<>();
        if (settings == null) {
            return result;
        }
        for (Proxy proxy : settings.getProxies()) {
            if (!proxy.isActive()) {
                continue;
            }
            SettingsDecryptionResult decrypted = decrypter.decrypt(new DefaultSettingsDecryptionRequest(proxy));
            failOnProblems(decrypted, "proxy '" + proxy.getId() + "'");
            Proxy plain = decrypted.getProxy();
            redactor.register(plain.getPassword());
            result.add(new ProxySettings(
                    plain.getProtocol(),
                    plain.getHost(),
                    plain.getPort(),
                    plain.getUsername(),
                    plain.getPassword(),
                    plain.getNonProxyHosts()));
        }
        return result;
    }

    private Server decrypt(Server server) throws InvalidConfigurationException {
        SettingsDecryptionResult result = decrypter.decrypt(new DefaultSettingsDecryptionRequest(server));
        failOnProblems(result, "server '" + server.getId() + "'");
        return result.getServer();
    }

    private static void failOnProblems(SettingsDecryptionResult result, String what)
            throws InvalidConfigurationException {
        for (SettingsProblem problem : result.getProblems()) {
            if (problem.getSeverity() != SettingsProblem.Severity.WARNING) {
                throw new InvalidConfigurationException(
                        "settings.xml " + what + " <password>",
                        "(encrypted)",
                        "a plain password or one encrypted with 'mvn --encrypt-password' under a readable"
                                + " settings-security.xml master password",
                        "Decryption failed: " + problem.getMessage()
                                + ". Check ~/.m2/settings-security.xml or re-encrypt the password.");
            }
        }
    }
}
