package dev.distribution.maven;

import dev.distribution.core.DistributionException;
import dev.distribution.core.InvalidConfigurationException;
import dev.distribution.core.payload.Payload;
import dev.distribution.format.rpm.RpmPackager;
import dev.distribution.format.rpm.RpmRelation;
import dev.distribution.format.rpm.RpmRequest;
import dev.distribution.signing.OpenPgpSigner;
import dev.distribution.version.InvalidVersionException;
import dev.distribution.version.RpmVersion;
import dev.distribution.version.VersionMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.maven.model.License;
import org.apache.maven.plugins.annotations.Component;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProjectHelper;

/**
 * Builds a binary RPM package from the {@code <rpm>} block into {@code target/distribution/rpm/},
 * signed when a signing key is configured, and attaches it to the project (type {@code rpm},
 * classifier the architecture).
 */
@Mojo(name = "rpm", defaultPhase = LifecyclePhase.PACKAGE, threadSafe = true)
public class RpmMojo extends AbstractDistributionMojo {
    /** Manifest of the packages this goal built, read by {@code deploy-rpm}. */
    static final String MANIFEST = "rpm-files.txt";

    private static final String ELEMENT = "<rpm>";

    /** The package; see {@link RpmConfig}. */
    @Parameter
    private RpmConfig rpm;

    /** The signing key; see {@link SigningConfig}. */
    @Parameter
    private SigningConfig signing;

    /**
     * Skips this goal.
     *
     * <p>User property: {@code distribution.rpm.skip}. Default: {@code false}.
     */
    @Parameter(property = PropertyNames.RPM_SKIP, defaultValue = "false")
    private boolean skipRpm;

    /**
     * Attaches the package to the project, so {@code install} and {@code deploy} handle it too.
     *
     * <p>User property: {@code distribution.rpm.attach}. Default: {@code true}.
     */
    @Parameter(property = PropertyNames.RPM_ATTACH, defaultValue = "true")
    private boolean attach;

    /** The settings, for the passphrase of the settings.xml server {@code signing}. */
    @Parameter(defaultValue = "${settings}", readonly = true)
    private org.apache.maven.settings.Settings settings;

    @Component
    private org.apache.maven.settings.crypto.SettingsDecrypter settingsDecrypter;

    @Component
    private MavenProjectHelper projectHelper;

    @Override
    protected boolean isGoalSkipped() {
        return skipRpm;
    }

    @Override
    protected String goalSkipProperty() {
        return PropertyNames.RPM_SKIP;
    }

    @Override
    protected void run() throws DistributionException, IOException {
        RpmConfig config = BlockProperties.apply(rpm, RpmConfig.class, "distribution.rpm", session.getUserProperties());
        RpmRequest request = request(config);
        RpmPackager.validate(request, ELEMENT);
        boolean sign = config.sign != null ? config.sign : Signing.isConfigured(signing, System.getenv());
        OpenPgpSigner signer = sign
                ? Signing.signer(
                        signing, new MavenSettings(settings, settingsDecrypter, BuildSecrets.redactor()), basedir())
                : null;
        Path file = RpmPackager.build(request, signer);
        reporter()
                .info("Built " + file
                        + (signer == null
                                ? " (unsigned)"
                                : " (signed with key " + signer.key().keyId() + ")"));
        Path manifest = buildDirectory().resolve("distribution").resolve(MANIFEST);
        Files.createDirectories(manifest.getParent());
        Files.write(manifest, List.of(file.toString()));
        if (attach) {
            projectHelper.attachArtifact(project, "rpm", request.arch(), file.toFile());
        }
    }

    private RpmRequest request(RpmConfig config) throws InvalidConfigurationException {
        Path output = buildDirectory().resolve("distribution").resolve("rpm");
        RpmRequest request = new RpmRequest()
                .name(config.name != null ? config.name.trim() : project.getArtifactId())
                .summary(first(config.summary, project.getName(), project.getArtifactId()))
                .description(first(config.description, project.getDescription()))
                .license(first(config.license, firstLicense()))
                .url(first(config.url, project.getUrl()))
                .vendor(first(
                        config.vendor,
                        project.getOrganization() == null
                                ? null
                                : project.getOrganization().getName()))
                .packager(config.packager)
                .epoch(config.epoch)
                .timestamp(outputTimestamp())
                .outputDirectory(output);
        if (config.group != null) {
            request.group(config.group);
        }
        if (config.arch != null) {
            request.arch(config.arch.trim().toLowerCase(Locale.ROOT));
        }
        version(config, request);
        relations(request, "requires", config.requires);
        relations(request, "provides", config.provides);
        relations(request, "conflicts", config.conflicts);
        relations(request, "obsoletes", config.obsoletes);
        relations(request, "recommends", config.recommends);
        relations(request, "suggests", config.suggests);
        request.entries(Payload.resolve(
                FileMappingConfig.toMappings(config.files, ELEMENT + "<files><file>"), basedir(), ELEMENT + "<files>"));
        request.docPaths(config.docs == null ? List.of() : config.docs);
        List<RpmRequest.Ghost> ghosts = new ArrayList<>();
        if (config.ghosts != null) {
            for (String ghost : config.ghosts) {
                ghosts.add(new RpmRequest.Ghost(ghost == null ? null : ghost.trim(), 0644, "root", "root"));
            }
        }
        request.ghosts(ghosts);
        request.scriptlet(RpmRequest.Scriptlet.PRE, config.preInstall)
                .scriptlet(RpmRequest.Scriptlet.POST, config.postInstall)
                .scriptlet(RpmRequest.Scriptlet.PREUN, config.preRemove)
                .scriptlet(RpmRequest.Scriptlet.POSTUN, config.postRemove);
        if (config.compression != null) {
            request.compression(compression(config.compression));
        }
        if (config.compressionLevel != null) {
            request.compressionLevel(config.compressionLevel);
        }
        return request;
    }

    private void version(RpmConfig config, RpmRequest request) throws InvalidConfigurationException {
        RpmVersion mapped = null;
        if (config.version == null || config.release == null) {
            try {
                mapped = new VersionMapper(outputTimestamp()).rpm(project.getVersion());
            } catch (InvalidVersionException e) {
                throw new InvalidConfigurationException(
                        "<project><version>", project.getVersion(), e.getGrammar(), e.getFix());
            }
        }
        request.version(config.version != null ? config.version.trim() : mapped.version());
        request.release(config.release != null ? config.release.trim() : mapped.release());
    }

    private static void relations(RpmRequest request, String kind, List<String> values)
            throws InvalidConfigurationException {
        if (values == null) {
            return;
        }
        for (int i = 0; i < values.size(); i++) {
            request.relation(kind, RpmRelation.parse(values.get(i), ELEMENT + "<" + kind + ">[" + (i + 1) + "]"));
        }
    }

    private static RpmRequest.Compression compression(String value) throws InvalidConfigurationException {
        try {
            return RpmRequest.Compression.valueOf(value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidConfigurationException(
                    ELEMENT + "<compression>", value, "gzip, xz, zstd", "Choose one of the three compressors.");
        }
    }

    private String firstLicense() {
        List<License> licenses = project.getLicenses();
        return licenses == null || licenses.isEmpty() ? null : licenses.get(0).getName();
    }

    private static String first(String... values) {
        for (String value : values) {
            if (value != null && !value.isBlank()) {
                return value.trim();
            }
        }
        return null;
    }
}
