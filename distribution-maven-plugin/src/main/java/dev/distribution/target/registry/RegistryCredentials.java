package dev.distribution.target.registry;

import java.util.Objects;

/**
 * A user name and password or token for a registry, usually from the settings.xml
 * {@code <server>} whose id is the repository id or the registry host.
 */
public record RegistryCredentials(String username, String password) {
    public RegistryCredentials {
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(password, "password");
    }

    /** Never shows the password. */
    @Override
    public String toString() {
        return "RegistryCredentials[username=" + username + ", password=****]";
    }
}
