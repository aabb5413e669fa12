package dev.distribution.core;

/**
 * How the publisher treats the target.
 *
 * @param dryRun print the plan and upload nothing
 * @param allowRedeploy replace a different file at the same path instead of failing; the target may
 *     still reject the overwrite
 */
public record PublishOptions(boolean dryRun, boolean allowRedeploy) {
    /** Uploads, never replaces. */
    public static final PublishOptions DEFAULT = new PublishOptions(false, false);
}
