package dev.distribution.maven;

import dev.distribution.core.DistributionException;
import dev.distribution.core.InvalidConfigurationException;
import dev.distribution.format.helm.Chart;
import dev.distribution.format.helm.ChartLinter;
import dev.distribution.format.helm.ChartPackager;
import dev.distribution.format.helm.Provenance;
import dev.distribution.signing.OpenPgpSigner;
import dev.distribution.version.InvalidVersionException;
import dev.distribution.version.VersionMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.apache.maven.plugins.annotations.Component;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProjectHelper;
import org.apache.maven.settings.Settings;
import org.apache.maven.settings.crypto.SettingsDecrypter;

/**
 * Lints the chart under {@code src/main/helm/<chart>} and packages it as a reproducible
 * {@code <chart>-<version>.tgz}, with an optional signed provenance file, without a helm binary.
 * Chart.yaml's {@code version} becomes the project version mapped to SemVer 2 and its
 * {@code appVersion} the project version, unless configured:
 *
 * <pre>{@code
 * <helm>
 *   <version>1.4.0</version>
 *   <appVersion>${project.version}</appVersion>
 *   <sign>true</sign>
 * </helm>
 * }</pre>
 */
@Mojo(name = "helm", defaultPhase = LifecyclePhase.PACKAGE, threadSafe = true)
public class HelmMojo extends AbstractDistributionMojo {
    /** Manifest of the files this goal built, read by {@code deploy-helm}. */
    static final String MANIFEST = "helm-files.txt";

    private static final String ELEMENT = "<helm>";

    /** The chart and its version; see {@link HelmConfig}. */
    @Parameter
    private HelmConfig helm;

    /**
     * Skips this goal.
     *
     * <p>User property: {@code distribution.helm.skip}. Default: {@code false}.
     */
    @Parameter(property = PropertyNames.HELM_SKIP, defaultValue = "false")
    private boolean skipHelm;

    /** The user's settings.xml, for the signing passphrase. */
    @Parameter(defaultValue = "${settings}", readonly = true)
    private Settings settings;

    @Component
    private SettingsDecrypter settingsDecrypter;

    @Component
    private MavenProjectHelper projectHelper;

    @Override
    protected boolean isGoalSkipped() {
        return skipHelm;
    }

    @Override
    protected String goalSkipProperty() {
        return PropertyNames.HELM_SKIP;
    }

    @Override
    protected void run() throws DistributionException, IOException {
        HelmConfig config =
                BlockProperties.apply(helm, HelmConfig.class, "distribution.helm", session.getUserProperties());
        Path folder = chartFolder(config);
        String version = config.version != null ? config.version.trim() : semver(project.getVersion());
        String appVersion = config.appVersion != null ? config.appVersion : project.getVersion();
        Chart chart = ChartLinter.lint(folder, version, appVersion, ELEMENT + "<chart>");
        OpenPgpSigner signer = Boolean.TRUE.equals(config.sign)
                ? Signing.signer(
                        config.signing,
                        new MavenSettings(settings, settingsDecrypter, BuildSecrets.redactor()),
                        basedir())
                : null;
        Path output = buildDirectory().resolve("distribution").resolve("helm");
        Path tgz = ChartPackager.write(chart, output, outputTimestamp());
        reporter().info("Built " + tgz);
        List<Path> built = new ArrayList<>(List.of(tgz));
        if (signer != null) {
            Path prov = Provenance.write(chart, tgz, signer);
            reporter().info("Signed " + prov + " with key " + signer.key().keyId());
            built.add(prov);
        }
        Files.write(
                buildDirectory().resolve("distribution").resolve(MANIFEST),
                built.stream().map(Path::toString).toList());
        if (config.attach == null || config.attach) {
            attach(tgz, built);
        }
    }

    private void attach(Path tgz, List<Path> built) {
        if (HelmChartPackaging.ID.equals(project.getPackaging())) {
            project.getArtifact().setFile(tgz.toFile());
        } else {
            projectHelper.attachArtifact(project, "tgz", "helm", tgz.toFile());
        }
        if (built.size() > 1) {
            String classifier = HelmChartPackaging.ID.equals(project.getPackaging()) ? null : "helm";
            projectHelper.attachArtifact(
                    project, "tgz.prov", classifier, built.get(1).toFile());
        }
    }

    private String semver(String mavenVersion) throws InvalidConfigurationException {
        try {
            return new VersionMapper(outputTimestamp()).semver(mavenVersion);
        } catch (InvalidVersionException e) {
            throw new InvalidConfigurationException(
                    ELEMENT + "<version>", mavenVersion, "a project version that maps to SemVer 2", e.getFix());
        }
    }

    private Path chartFolder(HelmConfig config) throws InvalidConfigurationException, IOException {
        if (config.chart != null) {
            return basedir().resolve(config.chart.trim()).toAbsolutePath().normalize();
        }
        Path root = basedir().resolve("src/main/helm");
        List<Path> charts = List.of();
        if (Files.isDirectory(root)) {
            try (Stream<Path> folders = Files.list(root)) {
                charts = folders.filter(f -> Files.isRegularFile(f.resolve("Chart.yaml")))
                        .sorted()
                        .toList();
            }
        }
        if (charts.size() != 1) {
            throw new InvalidConfigurationException(
                    ELEMENT + "<chart>",
                    charts.isEmpty()
                            ? null
                            : charts.stream()
                                    .map(p -> p.getFileName().toString())
                                    .toList()
                                    .toString(),
                    "one chart folder under " + root + ", or the folder named in <helm><chart>",
                    charts.isEmpty()
                            ? "Create " + root.resolve(project.getArtifactId()).resolve("Chart.yaml") + "."
                            : "Name the chart to package in <helm><chart>, one execution per chart.");
        }
        return charts.get(0);
    }
}
