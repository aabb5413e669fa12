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

    /** Skips the {@code github-release} goal. */
    public static final String GITHUB_SKIP = "distribution.github.skip";
    /** The repository id of the {@code github-release} goal. */
    public static final String GITHUB_REPOSITORY = "distribution.github.repository";
    /** The GitHub API base URL. */
    public static final String GITHUB_API_URL = "distribution.github.apiUrl";
    /** The tag of the GitHub release. */
    public static final String GITHUB_TAG = "distribution.github.tag";
    /** The title of the GitHub release. */
    public static final String GITHUB_NAME = "distribution.github.name";
    /** Keeps the GitHub release a draft. */
    public static final String GITHUB_DRAFT = "distribution.github.draft";
    /** Marks the GitHub release as a pre-release. */
    public static final String GITHUB_PRERELEASE = "distribution.github.prerelease";
    /** Whether the GitHub release becomes the latest. */
    public static final String GITHUB_MAKE_LATEST = "distribution.github.makeLatest";
    /** The branch or commit a new tag is created from. */
    public static final String GITHUB_TARGET_COMMITISH = "distribution.github.targetCommitish";
    /** Replaces a different asset of the same name. */
    public static final String GITHUB_REPLACE_EXISTING = "distribution.github.replaceExisting";
    /** The environment variable holding the GitHub token. */
    public static final String GITHUB_TOKEN_ENVIRONMENT = "distribution.github.tokenEnvironment";
    /** The maximum total wait for GitHub's rate limits, in seconds. */
    public static final String GITHUB_MAX_RATE_LIMIT_WAIT = "distribution.github.maxRateLimitWait";

    /** Skips the {@code gitlab-release} goal. */
    public static final String GITLAB_SKIP = "distribution.gitlab.skip";
    /** The repository id of the {@code gitlab-release} goal. */
    public static final String GITLAB_REPOSITORY = "distribution.gitlab.repository";
    /** The GitLab v4 API base URL. */
    public static final String GITLAB_API_URL = "distribution.gitlab.apiUrl";
    /** The GitLab project id or path. */
    public static final String GITLAB_PROJECT = "distribution.gitlab.project";
    /** The generic package name. */
    public static final String GITLAB_PACKAGE_NAME = "distribution.gitlab.packageName";
    /** The generic package version. */
    public static final String GITLAB_PACKAGE_VERSION = "distribution.gitlab.packageVersion";
    /** The tag of the GitLab release. */
    public static final String GITLAB_TAG = "distribution.gitlab.tag";
    /** The title of the GitLab release. */
    public static final String GITLAB_NAME = "distribution.gitlab.name";
    /** The branch or commit a new tag is created from. */
    public static final String GITLAB_REF = "distribution.gitlab.ref";
    /** Replaces a different package file of the same name. */
    public static final String GITLAB_REPLACE_EXISTING = "distribution.gitlab.replaceExisting";
    /** Maps characters GitLab rejects in file names to '_'. */
    public static final String GITLAB_MAP_FILE_NAMES = "distribution.gitlab.mapFileNames";
    /** The environment variable holding the GitLab token. */
    public static final String GITLAB_TOKEN_ENVIRONMENT = "distribution.gitlab.tokenEnvironment";
    /** The kind of token in that variable: private, job or deploy. */
    public static final String GITLAB_TOKEN_TYPE = "distribution.gitlab.tokenType";
    /** Skips the {@code deb} goal. */
    public static final String DEB_SKIP = "distribution.deb.skip";
    /** Skips the {@code deploy-deb} goal. */
    public static final String DEPLOY_DEB_SKIP = "distribution.deb.deploySkip";
    /** Whether the deb goal attaches the package to the project. */
    public static final String DEB_ATTACH = "distribution.deb.attach";
    /** The repository id of the {@code deploy-deb} goal. */
    public static final String DEB_REPOSITORY = "distribution.deb.repository";
    /** Skips the {@code rpm} goal. */
    public static final String RPM_SKIP = "distribution.rpm.skip";
    /** Skips the {@code deploy-rpm} goal. */
    public static final String DEPLOY_RPM_SKIP = "distribution.deploy-rpm.skip";
    /** The repository id of the {@code deploy-rpm} goal. */
    public static final String RPM_REPOSITORY = "distribution.rpm.repository";
    /** The folder under the YUM repository root for the packages. */
    public static final String RPM_PATH = "distribution.rpm.path";
    /** The repodata depth of a Nexus yum repository. */
    public static final String RPM_REPODATA_DEPTH = "distribution.rpm.repodataDepth";
    /** The RPM Version override. */
    public static final String RPM_VERSION = "distribution.rpm.version";
    /** The RPM Release override. */
    public static final String RPM_RELEASE = "distribution.rpm.release";
    /** The RPM Arch. */
    public static final String RPM_ARCH = "distribution.rpm.arch";
    /** The RPM payload compressor. */
    public static final String RPM_COMPRESSION = "distribution.rpm.compression";
    /** Whether to sign the RPM package. */
    public static final String RPM_SIGN = "distribution.rpm.sign";
    /** Whether the rpm goal attaches the package to the project. */
    public static final String RPM_ATTACH = "distribution.rpm.attach";

    /** Skips the {@code python} goal. */
    public static final String PYTHON_SKIP = "distribution.python.skip";
    /** Skips the {@code deploy-python} goal. */
    public static final String DEPLOY_PYTHON_SKIP = "distribution.python.deploy.skip";
    /** Whether the python goal attaches its files to the project. */
    public static final String PYTHON_ATTACH = "distribution.python.attach";
    /** The repository id of the {@code deploy-python} goal. */
    public static final String PYTHON_REPOSITORY = "distribution.python.repository";
    /** The PEP 440 version of the Python distributions. */
    public static final String PYTHON_VERSION = "distribution.python.version";

    /** Skips the {@code image} and {@code deploy-image} goals. */
    public static final String IMAGE_SKIP = "distribution.image.skip";
    /** The prefix of the user properties that override {@code <image>} values. */
    public static final String IMAGE_PREFIX = "distribution.image";
    /** Extra image tags, comma-separated. */
    public static final String IMAGE_TAGS = "distribution.image.tags";

    /** Skips the {@code helm} goal. */
    public static final String HELM_SKIP = "distribution.helm.skip";
    /** Skips the {@code deploy-helm} goal. */
    public static final String HELM_DEPLOY_SKIP = "distribution.helm.deploy.skip";
    /** The chart folder. */
    public static final String HELM_CHART = "distribution.helm.chart";
    /** The chart version. */
    public static final String HELM_VERSION = "distribution.helm.version";
    /** The chart's {@code appVersion}. */
    public static final String HELM_APP_VERSION = "distribution.helm.appVersion";
    /** Whether the helm goal writes a signed provenance file. */
    public static final String HELM_SIGN = "distribution.helm.sign";
    /** Whether the helm goal attaches its files to the project. */
    public static final String HELM_ATTACH = "distribution.helm.attach";
    /** The repository id of the {@code deploy-helm} goal. */
    public static final String HELM_REPOSITORY = "distribution.helm.repository";

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
