package dev.distribution.http;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Objects;

/**
 * Credentials sent preemptively with a request. Every variant except {@link None} names its
 * {@code source} (for example {@code settings.xml <server> 'nexus-raw'}) so that a 401 or 403
 * message can tell the user which credentials to check. {@code toString()} never shows a secret.
 */
public sealed interface Credentials
        permits Credentials.None, Credentials.Basic, Credentials.Bearer, Credentials.Header {

    /** Returns the credentials that send nothing. */
    static Credentials none() {
        return new None();
    }

    /** The description of where the credentials came from, or null for {@link None}. */
    String source();

    /** The secret values to register with the {@code Redactor}. */
    List<String> secrets();

    /** No credentials. */
    record None() implements Credentials {
        @Override
        public String source() {
            return null;
        }

        @Override
        public List<String> secrets() {
            return List.of();
        }
    }

    /** HTTP Basic authentication (RFC 7617), with the user name and password encoded as UTF-8. */
    record Basic(String username, String password, String source) implements Credentials {
        public Basic {
            Objects.requireNonNull(username, "username");
            Objects.requireNonNull(password, "password");
        }

        /** Returns the value of the {@code Authorization} header. */
        public String authorization() {
            String pair = username + ":" + password;
            return "Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8));
        }

        @Override
        public List<String> secrets() {
            // The encoded pair is as secret as the password: it decodes to it.
            return List.of(password, authorization().substring("Basic ".length()));
        }

        @Override
        public String toString() {
            return "Basic[username=" + username + ", password=****, source=" + source + "]";
        }
    }

    /** A bearer token (RFC 6750) sent as {@code Authorization: Bearer <token>}. */
    record Bearer(String token, String source) implements Credentials {
        public Bearer {
            Objects.requireNonNull(token, "token");
        }

        @Override
        public List<String> secrets() {
            return List.of(token);
        }

        @Override
        public String toString() {
            return "Bearer[token=****, source=" + source + "]";
        }
    }

    /** A token sent in a header of its own, for example GitLab's {@code PRIVATE-TOKEN} or {@code JOB-TOKEN}. */
    record Header(String name, String value, String source) implements Credentials {
        public Header {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(value, "value");
            if (name.isBlank() || name.chars().anyMatch(c -> c <= ' ' || c == ':' || c >= 127)) {
                throw new IllegalArgumentException("Invalid header name '" + name + "'");
            }
        }

        @Override
        public List<String> secrets() {
            return List.of(value);
        }

        @Override
        public String toString() {
            return "Header[name=" + name + ", value=****, source=" + source + "]";
        }
    }
}
