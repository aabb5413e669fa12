package dev.distribution.format.brew;

import dev.distribution.core.InvalidConfigurationException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A formula name and the Ruby class name Homebrew expects in {@code Formula/<name>.rb}.
 *
 * <p>Homebrew loads a formula file and looks up the constant its {@code Formulary.class_s} derives
 * from the file name: the first letter upper-cased, each letter or digit after {@code -}, {@code _}
 * or {@code .} upper-cased with the separator dropped, {@code +} replaced by {@code x}, and
 * {@code @} before a digit replaced by {@code AT} ({@code foo-bar -> FooBar}, {@code foo@1.2 ->
 * FooAT12}, {@code gtk+ -> Gtkx}). A name whose derived class is not a Ruby constant cannot be
 * loaded, so it is rejected here, as are upper-case letters, which Homebrew's audit rejects.
 *
 * @param name the formula name, also the file name without {@code .rb}
 * @param className the class the formula file defines
 */
public record FormulaName(String name, String className) {
    private static final Pattern CHARACTERS = Pattern.compile("[a-z][a-z0-9+_.@-]*");
    private static final Pattern SEPARATOR = Pattern.compile("[-_.\\s]([a-zA-Z0-9])");
    private static final Pattern AT_VERSION = Pattern.compile("(.)@(\\d)");
    private static final Pattern CONSTANT = Pattern.compile("[A-Z][A-Za-z0-9]*");

    /** The rule printed when a name is rejected. */
    public static final String ACCEPTED = "lower-case letters, digits, '-', '_', '.' and '+', starting with a letter,"
            + " with each '-', '_' or '.' followed by a letter or digit, and optionally '@' and a version"
            + " (for example hello-cli or hello@1.2)";

    /**
     * Validates a formula name.
     *
     * @param value the name from the POM; null or blank is rejected
     * @param element the POM element path, for the error message
     * @throws InvalidConfigurationException when Homebrew cannot load a formula of that name
     */
    public static FormulaName parse(String value, String element) throws InvalidConfigurationException {
        if (value == null || value.isBlank()) {
            throw new InvalidConfigurationException(element, value, ACCEPTED, "Set the formula name.");
        }
        if (!CHARACTERS.matcher(value).matches()) {
            throw new InvalidConfigurationException(
                    element,
                    value,
                    ACCEPTED,
                    "Use lower case and remove other characters, for example '"
                            + value.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9+_.@-]+", "-")
                            + "'.");
        }
        String className = classNameOf(value);
        if (!CONSTANT.matcher(className).matches() || value.indexOf('@') != value.lastIndexOf('@')) {
            throw new InvalidConfigurationException(
                    element,
                    value,
                    ACCEPTED,
                    "Homebrew would look for the class '" + className
                            + "', which is not a Ruby constant; start with a letter and follow each separator"
                            + " with a letter or digit.");
        }
        return new FormulaName(value, className);
    }

    /**
     * Derives the class name the way Homebrew does, without validating the result.
     *
     * @param name a formula name; not null
     * @return the class name; a Ruby constant only for names {@link #parse} accepts
     */
    public static String classNameOf(String name) {
        String capitalized = name.isEmpty()
                ? name
                : name.substring(0, 1).toUpperCase(java.util.Locale.ROOT)
                        + name.substring(1).toLowerCase(java.util.Locale.ROOT);
        Matcher separator = SEPARATOR.matcher(capitalized);
        StringBuilder joined = new StringBuilder();
        while (separator.find()) {
            separator.appendReplacement(
                    joined, Matcher.quoteReplacement(separator.group(1).toUpperCase(java.util.Locale.ROOT)));
        }
        separator.appendTail(joined);
        String plus = joined.toString().replace('+', 'x');
        return AT_VERSION.matcher(plus).replaceFirst("$1AT$2");
    }

    /** The formula's path in a tap, {@code Formula/<name>.rb}. */
    public String path() {
        return "Formula/" + name + ".rb";
    }

    @Override
    public String toString() {
        return name;
    }
}
