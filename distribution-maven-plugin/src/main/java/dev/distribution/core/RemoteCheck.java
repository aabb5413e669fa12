package dev.distribution.core;

import java.util.Objects;

/**
 * The result of comparing a local file with what a target holds.
 *
 * @param state absent, identical or different
 * @param remoteSha256 the SHA-256 of the remote file when known, otherwise null
 */
public record RemoteCheck(RemoteState state, String remoteSha256) {
    public RemoteCheck {
        Objects.requireNonNull(state, "state");
    }

    public static RemoteCheck absent() {
        return new RemoteCheck(RemoteState.ABSENT, null);
    }

    public static RemoteCheck identical(String sha256) {
        return new RemoteCheck(RemoteState.IDENTICAL, sha256);
    }

    public static RemoteCheck different(String remoteSha256) {
        return new RemoteCheck(RemoteState.DIFFERENT, remoteSha256);
    }
}
