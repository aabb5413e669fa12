package dev.distribution.format.brew;

import dev.distribution.core.InvalidConfigurationException;
import dev.distribution.core.Platform;
import java.util.ArrayList;
import java.util.List;

/**
 * A Homebrew bottle tag, the platform a prebuilt bottle is for: a macOS release name, prefixed
 * with {@code arm64_} for Apple silicon ({@code arm64_sonoma}, {@code sonoma}), or
 * {@code x86_64_linux} and {@code arm64_linux}.
 *
 * @param tag the tag as written in the {@code bottle do} block
 * @param platform the platform whose archive the bottle is built from
 */
public record BottleTag(String tag, Platform platform) {
    /** macOS release names Homebrew uses in tags, newest first. */
    public static final List<String> MACOS_RELEASES =
            List.of("tahoe", "sequoia", "sonoma", "ventura", "monterey", "big_sur");

    /**
     * Parses a tag.
     *
     * @param value the tag from the POM
     * @param element the POM element path, for the error message
     * @throws InvalidConfigurationException when the tag is not one Homebrew uses
     */
    public static BottleTag parse(String value, String element) throws InvalidConfigurationException {
        String tag = value == null ? "" : value.trim();
        if (tag.equals("x86_64_linux")) {
            return new BottleTag(tag, new Platform("linux", "amd64"));
        }
        if (tag.equals("arm64_linux")) {
            return new BottleTag(tag, new Platform("linux", "arm64"));
        }
        if (tag.startsWith("arm64_") && MACOS_RELEASES.contains(tag.substring("arm64_".length()))) {
            return new BottleTag(tag, new Platform("darwin", "arm64"));
        }
        if (MACOS_RELEASES.contains(tag)) {
            return new BottleTag(tag, new Platform("darwin", "amd64"));
        }
        throw new InvalidConfigurationException(
                element, value, String.join(", ", accepted()), "Use one of these tags.");
    }

    private static List<String> accepted() {
        List<String> tags = new ArrayList<>();
        for (String release : MACOS_RELEASES) {
            tags.add("arm64_" + release);
            tags.add(release);
        }
        tags.add("arm64_linux");
        tags.add("x86_64_linux");
        return tags;
    }

    /** Whether the bottle is for macOS. */
    public boolean isMacos() {
        return platform.os().equals("darwin");
    }

    /**
     * The bottle's file name, as Homebrew builds the download URL below {@code root_url}.
     *
     * @param formula the formula name
     * @param version the formula version
     */
    public String fileName(String formula, String version) {
        return formula + "--" + version + "." + tag + ".bottle.tar.gz";
    }

    @Override
    public String toString() {
        return tag;
    }
}
