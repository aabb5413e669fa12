package dev.distribution.format.oci;

import dev.distribution.core.InvalidConfigurationException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * A platform an image runs on, written {@code os/architecture[/variant]} as in the OCI image index
 * ({@code linux/amd64}, {@code linux/arm64}, {@code linux/arm/v7}).
 *
 * @param os the operating system, for example {@code linux}
 * @param architecture the CPU architecture in Go's naming, for example {@code amd64}
 * @param variant the CPU variant, for example {@code v7}; null when none
 */
public record Platform(String os, String architecture, String variant) {
    /** Operating systems accepted, from the values Go's {@code GOOS} takes that have images. */
    static final Set<String> OPERATING_SYSTEMS = Set.of("linux", "windows", "freebsd");

    /** Architectures accepted, from the values Go's {@code GOARCH} takes that have images. */
    static final Set<String> ARCHITECTURES =
            Set.of("amd64", "arm64", "arm", "386", "ppc64le", "s390x", "riscv64", "mips64le", "loong64");

    private static final String ACCEPTED = "os/architecture[/variant] with os one of linux, windows, freebsd"
            + " and architecture one of amd64, arm64, arm, 386, ppc64le, s390x, riscv64, mips64le, loong64;"
            + " for example linux/amd64,linux/arm64";

    public Platform {
        Objects.requireNonNull(os, "os");
        Objects.requireNonNull(architecture, "architecture");
    }

    /**
     * Parses a comma-separated list such as {@code linux/amd64,linux/arm64}.
     *
     * @param element the POM element the list comes from, for messages
     * @throws InvalidConfigurationException when the list is empty, a platform is unknown or listed
     *     twice
     */
    public static List<Platform> parseList(String value, String element) throws InvalidConfigurationException {
        if (value == null || value.isBlank()) {
            throw new InvalidConfigurationException(
                    element, null, ACCEPTED, "List the platforms to build, for example linux/amd64,linux/arm64.");
        }
        Set<Platform> platforms = new LinkedHashSet<>();
        for (String part : value.split(",")) {
            Platform platform = parse(part.trim(), element);
            if (!platforms.add(platform)) {
                throw new InvalidConfigurationException(
                        element, value, "each platform once", "Remove the second '" + platform + "'.");
            }
        }
        return new ArrayList<>(platforms);
    }

    /**
     * Parses one platform.
     *
     * @throws InvalidConfigurationException when the value is not {@code os/architecture[/variant]}
     *     with a known os and architecture
     */
    public static Platform parse(String value, String element) throws InvalidConfigurationException {
        String[] parts = value == null ? new String[0] : value.split("/", -1);
        if (parts.length < 2 || parts.length > 3) {
            throw new InvalidConfigurationException(element, value, ACCEPTED, "Write the platform as os/architecture.");
        }
        if (!OPERATING_SYSTEMS.contains(parts[0])) {
            throw new InvalidConfigurationException(
                    element, value, ACCEPTED, "Unknown operating system '" + parts[0] + "'; use lower case, as linux.");
        }
        if (!ARCHITECTURES.contains(parts[1])) {
            throw new InvalidConfigurationException(
                    element,
                    value,
                    ACCEPTED,
                    "Unknown architecture '" + parts[1] + "'; use Go's names (amd64 for x86_64, arm64 for aarch64).");
        }
        String variant = parts.length == 3 ? parts[2] : null;
        if (variant != null && !variant.matches("v[0-9]+")) {
            throw new InvalidConfigurationException(
                    element, value, ACCEPTED, "Write the variant as v followed by digits, for example linux/arm/v7.");
        }
        return new Platform(parts[0], parts[1], variant);
    }

    /** Returns {@code os/architecture[/variant]}. */
    @Override
    public String toString() {
        return os + "/" + architecture + (variant == null ? "" : "/" + variant);
    }
}
