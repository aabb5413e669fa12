package dev.distribution.core;

/**
 * Base of every failure the engine reports. Subclasses say whether the user must change the
 * configuration ({@link InvalidConfigurationException}, {@link ConflictException}) or the
 * environment failed ({@link PublishException}).
 *
 * <p>Messages never contain secrets: code that builds them passes user-supplied text through a
 * {@link Redactor} first.
 */
public class DistributionException extends Exception {
    private static final long serialVersionUID = 1L;

    public DistributionException(String message) {
        super(message);
    }

    public DistributionException(String message, Throwable cause) {
        super(message, cause);
    }
}
