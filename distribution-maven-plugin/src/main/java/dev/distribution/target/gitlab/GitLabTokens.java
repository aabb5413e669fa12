package dev.distribution.target.gitlab;

import dev.distribution.core.InvalidConfigurationException;
import dev.distribution.http.Credentials;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** The three token headers GitLab accepts, and the choice of token from the environment. */
public final class GitLabTokens {
    /** The header of personal, project and group access tokens. */
    public static final String PRIVATE_TOKEN = "PRIVATE-TOKEN";
    /** The header of a CI job's {@code CI_JOB_TOKEN}. */
    public static final String JOB_TOKEN = "JOB-TOKEN";
    /** The header of deploy tokens. */
    public static final String DEPLOY_TOKEN = "Deploy-Token";

    private GitLabTokens() {}

    /** Returns the header name of a token type: {@code private}, {@code job} or {@code deploy}. */
    public static String header(String type, String element) throws InvalidConfigurationException {
        String value = type == null ? "private" : type.trim().toLowerCase(Locale.ROOT);
        return switch (value) {
            case "private" -> PRIVATE_TOKEN;
            case "job" -> JOB_TOKEN;
            case "deploy" -> DEPLOY_TOKEN;
            default ->
                throw new InvalidConfigurationException(
                        element, type, "private, job, deploy", "Name the kind of token the variable holds.");
        };
    }

    /**
     * Picks the token from the environment: the variable {@code variable} sent in the header of
     * {@code type}, else {@code CI_JOB_TOKEN} as {@code JOB-TOKEN} when running in GitLab CI.
     *
     * @return the credentials, or empty when neither is set
     * @throws InvalidConfigurationException when a token is set but malformed
     */
    public static Optional<Credentials> fromEnvironment(
            Map<String, String> env, String variable, String type, String element)
            throws InvalidConfigurationException {
        String token = env.get(variable);
        if (token != null && !token.isBlank()) {
            return Optional.of(new Credentials.Header(
                    header(type, element + "<tokenType>"),
                    check(token, "environment variable " + variable),
                    "environment variable " + variable));
        }
        String jobToken = env.get("CI_JOB_TOKEN");
        if (jobToken != null && !jobToken.isBlank() && "true".equals(env.get("GITLAB_CI"))) {
            return Optional.of(new Credentials.Header(
                    JOB_TOKEN,
                    check(jobToken, "environment variable CI_JOB_TOKEN"),
                    "environment variable CI_JOB_TOKEN"));
        }
        return Optional.empty();
    }

    /**
     * Checks that a token can be sent in a header: not empty, and no spaces or control characters,
     * which usually mean a copy-paste error.
     */
    public static String check(String token, String source) throws InvalidConfigurationException {
        String trimmed = token.trim();
        if (trimmed.isEmpty() || trimmed.chars().anyMatch(c -> c <= ' ' || c >= 127)) {
            // The value itself is never shown: it is a secret.
            throw new InvalidConfigurationException(
                    source,
                    "(hidden)",
                    "a token of printable ASCII characters without spaces",
                    "Set the token again without spaces or line breaks.");
        }
        return trimmed;
    }
}
