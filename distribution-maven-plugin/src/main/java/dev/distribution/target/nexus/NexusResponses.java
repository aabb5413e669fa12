package dev.distribution.target.nexus;

import dev.distribution.http.HttpResponse;
import java.util.List;
import java.util.Locale;

/**
 * How Nexus Repository 3 says "this path is already published and may not be replaced". Current
 * versions answer 409 with the message in the reason phrase; versions up to about 3.2x and the
 * PyPI format answer 400; the components API puts it in a validation error body. The texts seen
 * are "cannot be updated", "does not allow updating" and "redeploy is not allowed".
 */
public final class NexusResponses {
    private static final List<String> ALREADY_PUBLISHED_TEXTS =
            List.of("cannot be updated", "does not allow updating", "redeploy is not allowed");

    private NexusResponses() {}

    /** Whether a 400 or 409 answer carries one of Nexus's "already exists" texts. */
    public static boolean isAlreadyPublished(HttpResponse response) {
        if (response.status() != 400 && response.status() != 409) {
            return false;
        }
        String text = ((response.reason() == null ? "" : response.reason()) + "\n"
                        + (response.body() == null ? "" : response.body()))
                .toLowerCase(Locale.ROOT);
        return ALREADY_PUBLISHED_TEXTS.stream().anyMatch(text::contains);
    }
}
