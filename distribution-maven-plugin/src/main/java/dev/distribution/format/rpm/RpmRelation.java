package dev.distribution.format.rpm;

import dev.distribution.core.InvalidConfigurationException;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One dependency entry of an RPM header, such as {@code git >= 2.0} in {@code Requires}.
 *
 * @param name the capability, a package name, a file path or a virtual name such as {@code
 *     perl(Foo)}
 * @param operator {@code <}, {@code <=}, {@code =}, {@code >=}, {@code >}, or null without a version
 * @param version the {@code [epoch:]version[-release]} the operator compares with; null without an
 *     operator
 */
public record RpmRelation(String name, String operator, String version) {
    private static final Pattern RELATION =
            Pattern.compile("\\s*([^\\s<>=]+)\\s*(?:(<=|>=|<|>|=)\\s*([^\\s<>=]+))?\\s*");
    private static final String ACCEPTED =
            "a capability with an optional comparison, such as 'git', 'git >= 2.0' or 'bash = 0:5.1-2'";

    /** Checks that operator and version are both set or both null. */
    public RpmRelation {
        Objects.requireNonNull(name, "name");
        if ((operator == null) != (version == null)) {
            throw new IllegalArgumentException("Operator and version must both be set or both be null");
        }
    }

    /**
     * Parses {@code name [op version]}.
     *
     * @param text the text from the POM
     * @param element the POM element, for the error
     * @throws InvalidConfigurationException when the text does not match the grammar
     */
    public static RpmRelation parse(String text, String element) throws InvalidConfigurationException {
        Matcher matcher = RELATION.matcher(text == null ? "" : text);
        if (!matcher.matches()) {
            throw new InvalidConfigurationException(
                    element, text, ACCEPTED, "Write one capability per element, with spaces around the operator.");
        }
        return new RpmRelation(matcher.group(1), matcher.group(2), matcher.group(3));
    }

    @Override
    public String toString() {
        return operator == null ? name : name + " " + operator + " " + version;
    }
}
