package dev.distribution.maven;

import dev.distribution.core.InvalidConfigurationException;
import dev.distribution.format.python.CoreMetadata;
import dev.distribution.format.python.CoreMetadataBuilder;
import dev.distribution.version.InvalidVersionException;
import dev.distribution.version.VersionMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.maven.project.MavenProject;

/** Turns the {@code <python>} block and the project's POM values into core metadata. */
final class PythonMetadata {
    private PythonMetadata() {}

    static CoreMetadata from(PythonConfig config, MavenProject project, Path basedir, Instant timestamp)
            throws InvalidConfigurationException, IOException {
        CoreMetadataBuilder builder = CoreMetadata.builder();
        builder.name(config.name != null ? config.name : project.getArtifactId());
        builder.version(version(config, project, timestamp));
        String summary = config.summary != null ? config.summary : firstLine(project.getDescription());
        if (summary != null) {
            builder.summary(summary);
        }
        Path readme = config.readme != null ? basedir.resolve(config.readme) : defaultReadme(basedir);
        if (readme != null) {
            builder.readme(readme);
        }
        if (config.license != null) {
            builder.license(config.license);
        }
        for (String file : list(config.licenseFiles)) {
            builder.licenseFile(basedir, file);
        }
        for (PythonConfig.PersonConfig person : list(config.authors)) {
            builder.author(person.name, person.email);
        }
        for (PythonConfig.PersonConfig person : list(config.maintainers)) {
            builder.maintainer(person.name, person.email);
        }
        Map<String, String> urls = config.urls;
        if ((urls == null || urls.isEmpty()) && project.getUrl() != null) {
            urls = Map.of("Homepage", project.getUrl());
        }
        if (urls != null) {
            for (Map.Entry<String, String> url : urls.entrySet()) {
                builder.projectUrl(url.getKey(), url.getValue());
            }
        }
        for (String keyword : list(config.keywords)) {
            builder.keyword(keyword);
        }
        for (String classifier : list(config.classifiers)) {
            builder.classifier(classifier);
        }
        if (config.requiresPython != null) {
            builder.requiresPython(config.requiresPython);
        }
        for (String requirement : list(config.depends)) {
            builder.dependency(requirement);
        }
        for (PythonConfig.ExtraConfig extra : list(config.extras)) {
            for (String requirement : list(extra.depends)) {
                builder.optionalDependency(extra.name, requirement);
            }
        }
        if (config.scripts != null) {
            for (Map.Entry<String, String> script : config.scripts.entrySet()) {
                builder.consoleScript(script.getKey(), script.getValue());
            }
        }
        builder.metadataVersion(config.metadataVersion);
        Path pyproject =
                config.pyproject != null ? basedir.resolve(config.pyproject) : basedir.resolve("pyproject.toml");
        if (config.pyproject != null || Files.isRegularFile(pyproject)) {
            builder.pyproject(pyproject);
        }
        return builder.build();
    }

    private static String version(PythonConfig config, MavenProject project, Instant timestamp)
            throws InvalidConfigurationException {
        if (config.version != null) {
            return config.version;
        }
        try {
            return new VersionMapper(timestamp).pep440(project.getVersion());
        } catch (InvalidVersionException e) {
            throw new InvalidConfigurationException(
                    "<version>", project.getVersion(), e.getGrammar(), e.getFix() + " Or set <python><version>.");
        }
    }

    private static Path defaultReadme(Path basedir) {
        for (String name : List.of("README.md", "README.rst", "README.txt")) {
            if (Files.isRegularFile(basedir.resolve(name))) {
                return basedir.resolve(name);
            }
        }
        return null;
    }

    private static String firstLine(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        return text.strip().lines().findFirst().orElse("").strip().replaceAll("\\s+", " ");
    }

    private static <T> List<T> list(List<T> values) {
        return values == null ? List.of() : values;
    }
}
