package dev.distribution.version;

import java.util.Objects;

/**
 * An RPM {@code Version} and {@code Release} pair. rpm compares the version first and the release
 * only when the versions are equal; neither may contain {@code '-'}.
 *
 * @param version the {@code Version} tag; not null
 * @param release the {@code Release} tag; not null
 */
public record RpmVersion(String version, String release) {
    /** Checks that both parts are present. */
    public RpmVersion {
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(release, "release");
    }

    /** Returns {@code version-release}, the form rpm prints and compares. */
    @Override
    public String toString() {
        return version + "-" + release;
    }
}
