package dev.distribution.maven;

import java.util.List;

/** One {@code <platform>} of {@code <archive><platforms>}: a platform and its own files. */
public class PlatformConfig {
    /** The platform as {@code os/arch}, for example {@code linux/amd64} or {@code darwin/arm64}. */
    String name;

    /** Files only this platform's archive holds, such as a native binary. */
    List<FileMappingConfig> files;
}
