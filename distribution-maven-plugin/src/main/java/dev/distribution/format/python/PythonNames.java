package dev.distribution.format.python;

import dev.distribution.core.InvalidConfigurationException;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Naming rules of Python packaging: which project names are valid, the normalised name that indexes
 * and installers compare (PEP 503), and the escaped name used in wheel, sdist and {@code .dist-info}
 * names.
 */
public final class PythonNames {
    /** Core metadata rule: ASCII letters and digits, with '.', '_' and '-' only between them. */
    private static final Pattern VALID =
            Pattern.compile("^([A-Z0-9]|[A-Z0-9][A-Z0-9._-]*[A-Z0-9])$", Pattern.CASE_INSENSITIVE);

    private static final Pattern SEPARATORS = Pattern.compile("[-_.]+");

    private PythonNames() {}

    /** Returns true when {@code name} is a valid project name as written in core metadata. */
    public static boolean isValid(String name) {
        return name != null && VALID.matcher(name).matches();
    }

    /**
     * Checks a project name.
     *
     * @param element the POM element the name came from, for the error message
     * @param name the name as the user wrote it; may be null
     * @return the name unchanged
     * @throws InvalidConfigurationException when the name is missing or normalises to nothing valid
     */
    public static String requireValid(String element, String name) throws InvalidConfigurationException {
        if (!isValid(name)) {
            throw new InvalidConfigurationException(
                    element,
                    name,
                    "ASCII letters and digits, with '.', '_' or '-' between them (for example my-tool)",
                    "Set " + element + " to the name users pass to pip install.");
        }
        return name;
    }

    /** Returns the PEP 503 normalised name: lower case, every run of '-', '_', '.' becomes '-'. */
    public static String normalize(String name) {
        return SEPARATORS.matcher(name).replaceAll("-").toLowerCase(Locale.ROOT);
    }

    /**
     * Returns the name as it appears in wheel, sdist and {@code .dist-info} names: normalised, with
     * '_' in place of '-', because '-' separates the parts of those names.
     */
    public static String fileNamePart(String name) {
        return SEPARATORS.matcher(name).replaceAll("_").toLowerCase(Locale.ROOT);
    }
}
