package dev.distribution.core;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * A machine type in the notation of OCI image indexes and Go: {@code os/arch[/variant]}, for
 * example {@code linux/amd64} or {@code linux/arm/v7}. Each format maps it to its own name
 * ({@code amd64} for Debian, {@code x86_64} for RPM).
 *
 * @param os the operating system, one of {@link #KNOWN_OS}
 * @param arch the CPU architecture, one of {@link #KNOWN_ARCH}
 * @param variant the CPU variant such as {@code v7}, or null when there is none
 */
public record Platform(String os, String arch, String variant) {
    /** Operating systems accepted by {@link #parse}. */
    public static final List<String> KNOWN_OS = List.of("linux", "darwin", "windows", "freebsd");

    /** Architectures accepted by {@link #parse}, with Go's names. */
    public static final List<String> KNOWN_ARCH =
            List.of("amd64", "arm64", "386", "arm", "ppc64le", "s390x", "riscv64");

    /** Variants accepted for {@code arm} (32-bit); {@code arm64} accepts only {@code v8}. */
    private static final Set<String> ARM_VARIANTS = Set.of("v5", "v6", "v7");

    private static final String ACCEPTED = "os/arch or os/arm/variant, with os one of " + String.join(", ", KNOWN_OS)
            + "; arch one of " + String.join(", ", KNOWN_ARCH) + "; variant v5, v6 or v7 for arm and v8 for arm64";

    /** Checks the fields; use {@link #parse} for user input, which reports the POM element. */
    public Platform {
        Objects.requireNonNull(os, "os");
        Objects.requireNonNull(arch, "arch");
        if (!KNOWN_OS.contains(os) || !KNOWN_ARCH.contains(arch) || !variantFits(arch, variant)) {
            throw new IllegalArgumentException("Unknown platform " + os + "/" + arch
                    + (variant == null ? "" : "/" + variant) + "; accepted: " + ACCEPTED);
        }
    }

    /** Creates a platform without a variant. */
    public Platform(String os, String arch) {
        this(os, arch, null);
    }

    /**
     * Parses {@code os/arch} or {@code os/arch/variant}.
     *
     * @param value the text from the POM, such as {@code linux/arm64}
     * @param element the POM element path, used in the error message
     * @throws InvalidConfigurationException when the value is empty, malformed or names an unknown
     *     os, arch or variant
     */
    public static Platform parse(String value, String element) throws InvalidConfigurationException {
        if (value == null || value.isBlank()) {
            throw new InvalidConfigurationException(element, value, ACCEPTED, "Set a platform such as linux/amd64.");
        }
        String[] parts = value.trim().split("/", -1);
        if (parts.length < 2 || parts.length > 3) {
            throw new InvalidConfigurationException(
                    element, value, ACCEPTED, "Write the platform as os/arch, for example linux/amd64.");
        }
        String os = parts[0];
        String arch = parts[1];
        String variant = parts.length == 3 ? parts[2] : null;
        if (!KNOWN_OS.contains(os)) {
            throw new InvalidConfigurationException(
                    element, value, ACCEPTED, "Use one of the operating systems " + String.join(", ", KNOWN_OS) + ".");
        }
        if (!KNOWN_ARCH.contains(arch)) {
            throw new InvalidConfigurationException(
                    element, value, ACCEPTED, "Use one of the architectures " + String.join(", ", KNOWN_ARCH) + ".");
        }
        if (!variantFits(arch, variant)) {
            throw new InvalidConfigurationException(
                    element,
                    value,
                    ACCEPTED,
                    "Remove the variant, or use v5, v6 or v7 with arm and v8 with arm64, for example linux/arm/v7.");
        }
        return new Platform(os, arch, variant);
    }

    /**
     * Parses a comma-separated list such as {@code linux/amd64, linux/arm64}. Blanks around the
     * commas are ignored.
     *
     * @throws InvalidConfigurationException when the list is empty, an item is invalid or an item
     *     repeats
     */
    public static List<Platform> parseList(String commaSeparated, String element) throws InvalidConfigurationException {
        if (commaSeparated == null || commaSeparated.isBlank()) {
            throw new InvalidConfigurationException(
                    element,
                    commaSeparated,
                    ACCEPTED,
                    "List one or more platforms, for example linux/amd64,linux/arm64.");
        }
        List<Platform> platforms = new ArrayList<>();
        for (String item : commaSeparated.split(",", -1)) {
            Platform platform = parse(item, element);
            if (platforms.contains(platform)) {
                throw new InvalidConfigurationException(
                        element, commaSeparated, ACCEPTED, "Remove the second " + platform + " from the list.");
            }
            platforms.add(platform);
        }
        return List.copyOf(platforms);
    }

    /** Returns the platform as a file name part, such as {@code linux-amd64} or {@code linux-arm-v7}. */
    public String classifier() {
        return variant == null ? os + "-" + arch : os + "-" + arch + "-" + variant;
    }

    /** Returns the OCI notation, such as {@code linux/amd64} or {@code linux/arm/v7}. */
    @Override
    public String toString() {
        return variant == null ? os + "/" + arch : os + "/" + arch + "/" + variant;
    }

    private static boolean variantFits(String arch, String variant) {
        if (variant == null) {
            return true;
        }
        return switch (arch) {
            case "arm" -> ARM_VARIANTS.contains(variant);
            case "arm64" -> variant.equals("v8");
            default -> false;
        };
    }
}
