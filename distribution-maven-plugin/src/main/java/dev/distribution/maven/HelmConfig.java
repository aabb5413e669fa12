package dev.distribution.maven;

/** The {@code <helm>} block of the {@code helm} and {@code deploy-helm} goals. */
public class HelmConfig {
    /**
     * The chart folder, relative to the project folder. Default: the one folder under {@code src/main/helm} that contains a Chart.yaml.
     * User property: {@code distribution.helm.chart}.
     */
    String chart;

    /**
     * The chart version, SemVer 2. Default: the project version mapped to SemVer 2
     * ({@code 1.0-SNAPSHOT} becomes a pre-release of {@code 1.0.0}). User property:
     * {@code distribution.helm.version}.
     */
    String version;

    /**
     * The {@code appVersion} written into Chart.yaml. Default: the project version. User property:
     * {@code distribution.helm.appVersion}.
     */
    String appVersion;

    /**
     * Writes a signed provenance file {@code <chart>-<version>.tgz.prov} with the key of
     * {@code <signing>}. Default: {@code false}. User property: {@code distribution.helm.sign}.
     */
    Boolean sign;

    /** The signing key: {@code keyFile} or {@code key}, and {@code keyId}; see {@link SigningConfig}. */
    SigningConfig signing;

    /**
     * Attaches the package (and provenance file) to the project. Default: {@code true}. User property:
     * {@code distribution.helm.attach}.
     */
    Boolean attach;

    /**
     * The id of a declared repository of type {@code nexus}, {@code chartmuseum}, {@code registry},
     * {@code webdav} or {@code static}. Omitted: the embedded static repository
     * {@code target/distribution-repository/helm}. User property: {@code distribution.helm.repository}.
     */
    String repository;
}
