package dev.distribution.format.helm;

import dev.distribution.core.InvalidConfigurationException;
import java.util.regex.Pattern;

/**
 * The naming rules for charts. Helm's best practices ask for lower-case letters, digits and dashes.
 * OCI registries accept only lower-case repository names, and the name is a folder in the package.
 * The strictest of the three applies, so a chart publishes to every repository kind.
 */
public final class ChartNames {
    /** Lower-case letters and digits, words joined by single dashes. */
    private static final Pattern NAME = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");

    /** Names longer than this do not fit an OCI repository path with a namespace. */
    static final int MAX_LENGTH = 128;

    /** The accepted form, for error messages. */
    public static final String ACCEPTED =
            "lower-case letters and digits, words joined by single dashes, at most " + MAX_LENGTH + " characters";

    private ChartNames() {}

    /**
     * Checks a chart name.
     *
     * @param element the POM element or file that contains the name, for the message
     * @throws InvalidConfigurationException when the name breaks the rules
     */
    public static void validate(String name, String element) throws InvalidConfigurationException {
        if (name == null || name.isBlank()) {
            throw new InvalidConfigurationException(element, null, ACCEPTED, "Add 'name: <chart-name>' to Chart.yaml.");
        }
        if (name.length() > MAX_LENGTH || !NAME.matcher(name).matches()) {
            String suggestion = name.toLowerCase(java.util.Locale.ROOT)
                    .replaceAll("[^a-z0-9]+", "-")
                    .replaceAll("^-+|-+$", "");
            throw new InvalidConfigurationException(
                    element,
                    name,
                    ACCEPTED,
                    "Rename the chart, for example to '" + suggestion
                            + "', in Chart.yaml and its folder under src/main/helm.");
        }
    }
}
