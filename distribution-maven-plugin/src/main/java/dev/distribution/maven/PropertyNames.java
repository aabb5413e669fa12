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

    /** Skips the {@code brew} goal. */
    public static final String BREW_SKIP = "distribution.brew.skip";
    /** Skips the {@code deploy-brew} goal. */
    public static final String DEPLOY_BREW_SKIP = "distribution.brew.deploySkip";
    /** The formula name. */
    public static final String BREW_NAME = "distribution.brew.name";
    /** The formula version. */
    public static final String BREW_VERSION = "distribution.brew.version";
    /** The repository id of the tap. */
    public static final String BREW_REPOSITORY = "distribution.brew.repository";
    /** The name of the embedded tap. */
    public static final String BREW_TAP_NAME = "distribution.brew.tapName";
    /** The tap branch. */
    public static final String BREW_BRANCH = "distribution.brew.branch";
    /** The author of tap commits. */
    public static final String BREW_COMMIT_AUTHOR = "distribution.brew.commitAuthor";
    /** The platforms of the formula. */
    public static final String BREW_PLATFORMS = "distribution.brew.platforms";
    /** The repository whose published archives the formula downloads. */
    public static final String BREW_ARCHIVE_REPOSITORY = "distribution.brew.archiveRepository";
    /** The public download URL template of the archives. */
    public static final String BREW_URL_TEMPLATE = "distribution.brew.urlTemplate";
    /** The formula dependencies. */
    public static final String BREW_DEPENDS = "distribution.brew.depends";
    /** The arguments of the formula test. */
    public static final String BREW_TEST = "distribution.brew.test";
    /** The caveats text. */
    public static final String BREW_CAVEATS = "distribution.brew.caveats";
    /** The bottle tags. */
    public static final String BREW_BOTTLES = "distribution.brew.bottles";
    /** The raw repository of the bottles. */
    public static final String BREW_BOTTLE_REPOSITORY = "distribution.brew.bottleRepository";
    /** The folder of the bottles in their repository. */
    public static final String BREW_BOTTLE_PATH = "distribution.brew.bottlePath";
    /** The public URL of the bottle folder. */
    public static final String BREW_BOTTLE_ROOT_URL = "distribution.brew.bottleRootUrl";

    private PropertyNames() {}
}
