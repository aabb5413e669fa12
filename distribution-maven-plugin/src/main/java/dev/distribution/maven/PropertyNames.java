package dev.distribution.maven;

/**
 * Every user property of the plugin, so that names stay consistent across goals and match
 * docs/configuration.md. Properties are {@code distribution.<block>.<parameter>}; the few that
 * apply to every goal are {@code distribution.<parameter>}.
 */
public final class PropertyNames {
    /** Skips every goal. */
    public static final String SKIP = "distribution.skip";
    /** Prints the plan and uploads nothing. */
    public static final String DRY_RUN = "distribution.dryRun";
    /** Replaces different files already published, where the repository permits it. */
    public static final String ALLOW_REDEPLOY = "distribution.allowRedeploy";
    /** The folder of the embedded static repository. */
    public static final String LOCAL_REPOSITORY = "distribution.localRepository";
    /** Connection timeout in seconds. */
    public static final String CONNECT_TIMEOUT = "distribution.connectTimeout";
    /** Read timeout in seconds. */
    public static final String READ_TIMEOUT = "distribution.readTimeout";
    /** Attempts per idempotent request. */
    public static final String RETRY_ATTEMPTS = "distribution.retryAttempts";
    /** A PEM file of extra trusted certificate authorities. */
    public static final String CA_BUNDLE = "distribution.caBundle";

    /** Skips the {@code archive} goal. */
    public static final String ARCHIVE_SKIP = "distribution.archive.skip";
    /** Archive formats to build. */
    public static final String ARCHIVE_FORMATS = "distribution.archive.formats";
    /** Whether the archive goal attaches its files to the project. */
    public static final String ARCHIVE_ATTACH = "distribution.archive.attach";

    /** Skips the {@code deploy-raw} goal. */
    public static final String RAW_SKIP = "distribution.raw.skip";
    /** The repository id of the {@code deploy-raw} goal. */
    public static final String RAW_REPOSITORY = "distribution.raw.repository";
    /** The path template under which raw files are published. */
    public static final String RAW_PATH = "distribution.raw.path";

    /** Skips the {@code deb} goal. */
    public static final String DEB_SKIP = "distribution.deb.skip";
    /** Skips the {@code deploy-deb} goal. */
    public static final String DEPLOY_DEB_SKIP = "distribution.deb.deploySkip";
    /** Whether the deb goal attaches the package to the project. */
    public static final String DEB_ATTACH = "distribution.deb.attach";
    /** The repository id of the {@code deploy-deb} goal. */
    public static final String DEB_REPOSITORY = "distribution.deb.repository";

    private PropertyNames() {}
}
