package dev.distribution.maven;

/**
 * One entry of {@code <image><files>}: a {@code <file>} or {@code <directory>} as in every other
 * {@code <files>} block, plus the platforms that get it.
 */
public class ImageFileConfig extends FileMappingConfig {
    /**
     * The platforms that get this entry, comma-separated, for example {@code linux/arm64}. Default:
     * every platform of {@code <image><platforms>}.
     */
    String platforms;
}
