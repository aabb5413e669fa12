package dev.distribution.maven;

import dev.distribution.core.DistributionException;
import dev.distribution.core.PackageFile;
import dev.distribution.format.python.CoreMetadata;
import dev.distribution.format.python.PythonPackager;
import dev.distribution.format.python.PythonSources;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.maven.plugins.annotations.Component;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProjectHelper;

/**
 * Builds a pure-Python wheel ({@code py3-none-any}) and an sdist from {@code src/main/python}, with
 * the metadata of {@code pyproject.toml} or of the {@code <python>} block, and attaches them.
 *
 * <pre>{@code
 * <python>
 *   <requiresPython>>=3.9</requiresPython>
 *   <depends><depend>requests>=2.31</depend></depends>
 *   <scripts><hello>hello_tool.cli:main</hello></scripts>
 * </python>
 * }</pre>
 */
@Mojo(name = "python", defaultPhase = LifecyclePhase.PACKAGE, threadSafe = true)
public class PythonMojo extends AbstractDistributionMojo {
    /** Manifest of the files this goal built, read by {@code deploy-python}. */
    static final String MANIFEST = "python-files.txt";

    /** The package metadata and sources; see {@link PythonConfig}. */
    @Parameter
    private PythonConfig python;

    /**
     * Skips this goal.
     *
     * <p>User property: {@code distribution.python.skip}. Default: {@code false}.
     */
    @Parameter(property = PropertyNames.PYTHON_SKIP, defaultValue = "false")
    private boolean skipPython;

    /**
     * Attaches the wheel (type {@code whl}) and the sdist (classifier {@code sdist}) to the project.
     *
     * <p>User property: {@code distribution.python.attach}. Default: {@code true}.
     */
    @Parameter(property = PropertyNames.PYTHON_ATTACH, defaultValue = "true")
    private boolean attach;

    @Component
    private MavenProjectHelper projectHelper;

    @Override
    protected boolean isGoalSkipped() {
        return skipPython;
    }

    @Override
    protected String goalSkipProperty() {
        return PropertyNames.PYTHON_SKIP;
    }

    @Override
    protected void run() throws DistributionException, IOException {
        PythonConfig config =
                BlockProperties.apply(python, PythonConfig.class, "distribution.python", session.getUserProperties());
        CoreMetadata metadata = PythonMetadata.from(config, project, basedir(), outputTimestamp());
        Path sourceDir = basedir().resolve(config.sources != null ? config.sources : "src/main/python");
        PythonSources sources = PythonSources.scan("<python><sources>", sourceDir);
        Path output = buildDirectory().resolve("distribution").resolve("python");
        List<PackageFile> built = PythonPackager.build(
                metadata, sources, output, outputTimestamp(), config.sdist == null || config.sdist, reporter());
        Files.write(
                buildDirectory().resolve("distribution").resolve(MANIFEST),
                built.stream().map(file -> file.path().toString()).toList());
        if (attach) {
            for (PackageFile file : built) {
                String type = file.fileName().endsWith(".whl") ? "whl" : "tar.gz";
                projectHelper.attachArtifact(
                        project, type, file.classifier(), file.path().toFile());
            }
        }
    }
}
