package dev.distribution.maven;

/**
 * The {@code helm-chart} packaging, for modules whose only product is a chart. Its lifecycle
 * mapping and artifact handler live in {@code META-INF/plexus/components.xml}: {@code package} runs
 * the {@code helm} goal, {@code install} the install plugin, {@code deploy} the {@code deploy-helm}
 * goal. The project needs the plugin with {@code <extensions>true</extensions>}.
 */
final class HelmChartPackaging {
    /** The packaging and artifact type id. */
    static final String ID = "helm-chart";

    private HelmChartPackaging() {}
}
