package dev.distribution.maven;

import dev.distribution.core.DistributionException;
import dev.distribution.format.oci.BuiltImage;
import dev.distribution.format.oci.ImageBuilder;
import dev.distribution.format.oci.ImageSpec;
import java.io.IOException;
import java.nio.file.Path;
import org.apache.maven.plugins.annotations.Component;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;
import org.apache.maven.settings.Settings;
import org.apache.maven.settings.crypto.SettingsDecrypter;

/**
 * Builds a multi-platform container image with Jib core, without a Docker daemon, into an OCI
 * image layout under {@code target/distribution/image}; {@code deploy-image} publishes it.
 *
 * <pre>{@code
 * <image>
 *   <name>team/hello</name>
 *   <platforms>linux/amd64,linux/arm64</platforms>
 *   <files>
 *     <file><source>target/bin/{os}-{arch}/hello</source><target>/usr/local/bin/hello</target><mode>0755</mode></file>
 *   </files>
 *   <entrypoint><arg>/usr/local/bin/hello</arg></entrypoint>
 * </image>
 * }</pre>
 */
@Mojo(
        name = "image",
        defaultPhase = LifecyclePhase.PACKAGE,
        requiresDependencyResolution = ResolutionScope.RUNTIME,
        threadSafe = true)
public class ImageMojo extends AbstractDistributionMojo {
    /** The image to build; see {@link ImageConfig}. Values have {@code distribution.image.*} user properties. */
    @Parameter
    private ImageConfig image;

    /**
     * Skips this goal and {@code deploy-image}.
     *
     * <p>User property: {@code distribution.image.skip}. Default: {@code false}.
     */
    @Parameter(property = PropertyNames.IMAGE_SKIP, defaultValue = "false")
    private boolean skipImage;

    /** The user's settings.xml, for the credentials of a base image registry. */
    @Parameter(defaultValue = "${settings}", readonly = true)
    private Settings settings;

    /** Decrypts passwords encrypted with {@code mvn --encrypt-password}. */
    @Component
    private SettingsDecrypter settingsDecrypter;

    @Override
    protected boolean isGoalSkipped() {
        return skipImage;
    }

    @Override
    protected String goalSkipProperty() {
        return PropertyNames.IMAGE_SKIP;
    }

    @Override
    protected void run() throws DistributionException, IOException {
        ImageConfig config = ImageConfig.load(image, session.getUserProperties());
        MavenSettings mavenSettings = new MavenSettings(settings, settingsDecrypter, BuildSecrets.redactor());
        ImageSpec spec = config.toSpec(project, outputTimestamp(), System.getenv(), mavenSettings::credentials);
        BuiltImage built = new ImageBuilder(workDirectory(buildDirectory()), reporter(), BuildSecrets.redactor())
                .offline(session.isOffline())
                .allowInsecureBaseRegistry(config.insecure())
                .build(spec);
        reporter().info("Image layout: " + built.layout().directory());
    }

    /** Returns the folder the image goal builds in; {@code deploy-image} reads the layout below it. */
    static Path workDirectory(Path buildDirectory) {
        return buildDirectory.resolve("distribution").resolve("image");
    }

    /** Returns the layout of image {@code name}, as {@link ImageBuilder} writes it. */
    static Path layoutDirectory(Path buildDirectory, String name) {
        return workDirectory(buildDirectory).resolve("layout").resolve(name);
    }
}
