package dev.distribution.maven;

import dev.distribution.core.DistributionException;
import dev.distribution.core.payload.Payload;
import dev.distribution.format.deb.DebControl;
import dev.distribution.format.deb.DebEntry;
import dev.distribution.format.deb.DebPackage;
import dev.distribution.format.deb.DebPackageSpec;
import dev.distribution.format.deb.DebPackager;
import dev.distribution.format.deb.DebRelation;
import dev.distribution.format.deb.MaintainerScript;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.apache.maven.model.Developer;
import org.apache.maven.plugins.annotations.Component;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProjectHelper;

/**
 * Builds a reproducible Debian package ({@code .deb}) in the JVM from the {@code <deb>} block and
 * the POM, and attaches it to the project.
 *
 * <pre>{@code
 * <deb>
 *   <depends>default-jre-headless</depends>
 *   <files>
 *     <file><source>target/hello.jar</source><target>/usr/share/hello/hello.jar</target></file>
 *     <link><target>/usr/bin/hello</target><linkTo>/usr/share/hello/bin/hello</linkTo></link>
 *   </files>
 * </deb>
 * }</pre>
 */
@Mojo(name = "deb", defaultPhase = LifecyclePhase.PACKAGE, threadSafe = true)
public class DebMojo extends AbstractDistributionMojo {
    /** Manifest of the packages this goal built, read by {@code deploy-deb}. */
    static final String MANIFEST = "deb-files.txt";

    /** The package contents and control fields; see {@link DebConfig}. */
    @Parameter
    private DebConfig deb;

    /**
     * Skips this goal.
     *
     * <p>User property: {@code distribution.deb.skip}. Default: {@code false}.
     */
    @Parameter(property = PropertyNames.DEB_SKIP, defaultValue = "false")
    private boolean skipDeb;

    /**
     * Attaches the package to the project (type {@code deb}), so {@code install} and {@code deploy}
     * handle it too.
     *
     * <p>User property: {@code distribution.deb.attach}. Default: {@code true}.
     */
    @Parameter(property = PropertyNames.DEB_ATTACH, defaultValue = "true")
    private boolean attach;

    @Component
    private MavenProjectHelper projectHelper;

    @Override
    protected boolean isGoalSkipped() {
        return skipDeb;
    }

    @Override
    protected String goalSkipProperty() {
        return PropertyNames.DEB_SKIP;
    }

    @Override
    protected void run() throws DistributionException, IOException {
        DebConfig config = BlockProperties.apply(deb, DebConfig.class, "distribution.deb", session.getUserProperties());
        DebControl control = control(config);
        List<DebEntry> entries =
                Payload.resolve(FileMappingConfig.toMappings(config.files, "<deb><files>"), basedir(), "<deb><files>")
                        .stream()
                        .map(DebEntry::of)
                        .toList();
        DebPackageSpec spec = new DebPackageSpec(
                control,
                entries,
                config.conffiles,
                scripts(config.scripts),
                config.systemdUnit == null ? null : config.systemdUnit.toPath(),
                outputTimestamp(),
                config.compression);
        Path output = buildDirectory().resolve("distribution").resolve("deb");
        DebPackage built = new DebPackager(reporter()).build(spec, output);
        Files.writeString(
                buildDirectory().resolve("distribution").resolve(MANIFEST),
                built.file().toString() + "\n");
        if (attach) {
            projectHelper.attachArtifact(project, "deb", null, built.file().toFile());
        }
    }

    private DebControl control(DebConfig config) throws DistributionException {
        DebControl.Builder builder = DebControl.builder()
                .artifactId(project.getArtifactId())
                .packageName(config.packageName)
                .mavenVersion(project.getVersion())
                .version(config.version)
                .snapshotTime(outputTimestamp())
                .epoch(config.epoch == null ? 0 : config.epoch)
                .revision(config.revision)
                .architecture(config.architecture)
                .platform(config.platform)
                .maintainer(config.maintainer)
                .developers(developers())
                .organization(
                        project.getOrganization() == null
                                ? null
                                : project.getOrganization().getName())
                .summary(firstNonBlank(config.summary, project.getName(), project.getArtifactId()))
                .description(firstNonBlank(config.description, project.getDescription()))
                .section(config.section)
                .priority(config.priority)
                .homepage(firstNonBlank(config.homepage, project.getUrl()));
        relation(builder, DebRelation.PRE_DEPENDS, config.preDepends);
        relation(builder, DebRelation.DEPENDS, config.depends);
        relation(builder, DebRelation.RECOMMENDS, config.recommends);
        relation(builder, DebRelation.SUGGESTS, config.suggests);
        relation(builder, DebRelation.BREAKS, config.breaks);
        relation(builder, DebRelation.CONFLICTS, config.conflicts);
        relation(builder, DebRelation.PROVIDES, config.provides);
        relation(builder, DebRelation.REPLACES, config.replaces);
        return builder.build();
    }

    private List<DebControl.Person> developers() {
        List<DebControl.Person> people = new ArrayList<>();
        for (Developer developer : project.getDevelopers()) {
            people.add(new DebControl.Person(developer.getName(), developer.getEmail()));
        }
        return people;
    }

    private static void relation(DebControl.Builder builder, DebRelation relation, String value) {
        if (value != null && !value.isBlank()) {
            builder.relation(relation, List.of(value));
        }
    }

    private static Map<MaintainerScript, Path> scripts(DebScriptsConfig scripts) {
        Map<MaintainerScript, Path> result = new EnumMap<>(MaintainerScript.class);
        if (scripts == null) {
            return result;
        }
        put(result, MaintainerScript.PREINST, scripts.preinst);
        put(result, MaintainerScript.POSTINST, scripts.postinst);
        put(result, MaintainerScript.PRERM, scripts.prerm);
        put(result, MaintainerScript.POSTRM, scripts.postrm);
        return result;
    }

    private static void put(Map<MaintainerScript, Path> scripts, MaintainerScript script, File file) {
        if (file != null) {
            scripts.put(script, file.toPath());
        }
    }

    private static String firstNonBlank(String... values) {
        for (String value : values) {
            if (value != null && !value.isBlank()) {
                return value;
            }
        }
        return null;
    }
}
