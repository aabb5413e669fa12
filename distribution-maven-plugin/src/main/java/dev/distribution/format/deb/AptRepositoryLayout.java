package dev.distribution.format.deb;

import dev.distribution.core.InvalidConfigurationException;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The distribution, component and architectures of a static APT repository, and the names its
 * {@code Release} file gives it.
 *
 * @param distribution the distribution (suite and codename), such as {@code stable}
 * @param component the component, such as {@code main}
 * @param architectures the architectures indexed even before a package of that architecture exists;
 *     packages of architecture {@code all} are listed in each
 * @param origin the {@code Origin} field, or null
 * @param label the {@code Label} field, or null
 */
public record AptRepositoryLayout(
        String distribution, String component, List<String> architectures, String origin, String label) {
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*");
    private static final Pattern ARCHITECTURE = Pattern.compile("[a-z0-9][a-z0-9-]*");

    /** Returns the default layout: distribution {@code stable}, component {@code main}, architectures amd64 and arm64. */
    public static AptRepositoryLayout defaults() {
        return new AptRepositoryLayout("stable", "main", List.of("amd64", "arm64"), null, null);
    }

    public AptRepositoryLayout {
        architectures = architectures == null ? List.of() : List.copyOf(architectures);
    }

    /** Checks every value; raises an error naming the element of the first invalid one. */
    public AptRepositoryLayout validate() throws InvalidConfigurationException {
        if (distribution == null || !NAME.matcher(distribution).matches()) {
            throw new InvalidConfigurationException(
                    "<deb><distribution>",
                    distribution,
                    "letters, digits, '.', '_' and '-'",
                    "Set <distribution>stable</distribution>.");
        }
        if (component == null || !NAME.matcher(component).matches()) {
            throw new InvalidConfigurationException(
                    "<deb><component>",
                    component,
                    "letters, digits, '.', '_' and '-'",
                    "Set <component>main</component>.");
        }
        for (String architecture : architectures) {
            if (architecture.equals("all")
                    || !ARCHITECTURE.matcher(architecture).matches()) {
                throw new InvalidConfigurationException(
                        "<deb><architectures>",
                        architecture,
                        "Debian machine architectures such as amd64 or arm64 ('all' packages are listed in each)",
                        "List the machine architectures your clients run.");
            }
        }
        for (String text : new String[] {origin, label}) {
            if (text != null && (text.contains("\n") || text.isBlank())) {
                throw new InvalidConfigurationException(
                        text == origin ? "<deb><origin>" : "<deb><label>",
                        text,
                        "one line of text",
                        "Shorten it to one line.");
            }
        }
        return this;
    }
}
