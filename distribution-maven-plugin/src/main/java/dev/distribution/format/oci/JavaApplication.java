package dev.distribution.format.oci;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * A Java application laid out the way Jib does: release dependencies, snapshot dependencies,
 * resources and classes in four layers under {@code appRoot}, so that a code change rebuilds and
 * uploads only the small top layers. The entrypoint is {@code java <jvmFlags> -cp ... mainClass}.
 *
 * @param mainClass the fully qualified main class
 * @param classes the compiled classes directory, or null
 * @param resources the resources directory, or null
 * @param dependencies the runtime dependency jars; names containing {@code SNAPSHOT} go to the
 *     snapshot layer
 * @param jvmFlags flags passed to {@code java} before the main class
 * @param appRoot the directory in the image that contains the application, usually {@code /app}
 */
public record JavaApplication(
        String mainClass,
        Path classes,
        Path resources,
        List<Path> dependencies,
        List<String> jvmFlags,
        String appRoot) {
    public JavaApplication {
        Objects.requireNonNull(mainClass, "mainClass");
        dependencies = dependencies == null ? List.of() : List.copyOf(dependencies);
        jvmFlags = jvmFlags == null ? List.of() : List.copyOf(jvmFlags);
        appRoot = appRoot == null ? "/app" : appRoot;
    }
}
