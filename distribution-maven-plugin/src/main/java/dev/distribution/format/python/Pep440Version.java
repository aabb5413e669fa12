package dev.distribution.format.python;

import dev.distribution.core.InvalidConfigurationException;
import dev.distribution.version.InvalidVersionException;
import dev.distribution.version.VersionMapper;
import java.math.BigInteger;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a PEP 440 version in any of the spellings PEP 440 allows ({@code 1.0-RC1}, {@code v1.0})
 * and writes its normalised form, the spelling used in core metadata and in file names. The result
 * is checked against {@link VersionMapper#validatePep440}; Maven versions are mapped with {@link
 * VersionMapper#pep440} before they reach this class.
 */
public final class Pep440Version {
    private static final Pattern GRAMMAR = Pattern.compile(
            "^\\s*v?(?:(?<epoch>\\d+)!)?(?<release>\\d+(?:\\.\\d+)*)"
                    + "(?:[-_.]?(?<pre>alpha|beta|preview|pre|rc|a|b|c)[-_.]?(?<pren>\\d+)?)?"
                    + "(?:-(?<implicitpost>\\d+)|[-_.]?(?<post>post|rev|r)[-_.]?(?<postn>\\d+)?)?"
                    + "(?:[-_.]?(?<dev>dev)[-_.]?(?<devn>\\d+)?)?"
                    + "(?:\\+(?<local>[a-z0-9]+(?:[-_.][a-z0-9]+)*))?\\s*$",
            Pattern.CASE_INSENSITIVE);

    private Pep440Version() {}

    /** Returns true when {@code version} follows PEP 440. */
    public static boolean isValid(String version) {
        return version != null && GRAMMAR.matcher(version).matches();
    }

    /**
     * Checks a version and returns its normalised form, for example {@code 1.0-RC1} gives
     * {@code 1.0rc1}.
     *
     * @param element the POM element the version came from, for the error message
     * @param version the version as written; may be null
     * @throws InvalidConfigurationException when the version does not follow PEP 440
     */
    public static String normalize(String element, String version) throws InvalidConfigurationException {
        Matcher m = version == null ? null : GRAMMAR.matcher(version);
        if (m == null || !m.matches()) {
            throw new InvalidConfigurationException(
                    element,
                    version,
                    "a PEP 440 version such as 1.2.0, 1.2.0rc1, 1.2.0.post1 or 1.2.0.dev3",
                    "Set " + element + " to a PEP 440 version; Maven qualifiers such as -SNAPSHOT need"
                            + " mapping first (for example 1.2.0.dev0).");
        }
        StringBuilder out = new StringBuilder();
        if (m.group("epoch") != null && new BigInteger(m.group("epoch")).signum() != 0) {
            out.append(new BigInteger(m.group("epoch"))).append('!');
        }
        String[] parts = m.group("release").split("\\.");
        for (int i = 0; i < parts.length; i++) {
            out.append(i == 0 ? "" : ".").append(new BigInteger(parts[i]));
        }
        if (m.group("pre") != null) {
            out.append(preLabel(m.group("pre").toLowerCase(Locale.ROOT))).append(number(m.group("pren")));
        }
        if (m.group("implicitpost") != null) {
            out.append(".post").append(number(m.group("implicitpost")));
        } else if (m.group("post") != null) {
            out.append(".post").append(number(m.group("postn")));
        }
        if (m.group("dev") != null) {
            out.append(".dev").append(number(m.group("devn")));
        }
        if (m.group("local") != null) {
            out.append('+').append(m.group("local").toLowerCase(Locale.ROOT).replaceAll("[-_]", "."));
        }
        String normalized = out.toString();
        try {
            // The version package owns the normalized grammar that file names and indexes use.
            VersionMapper.validatePep440(normalized);
        } catch (InvalidVersionException e) {
            throw new InvalidConfigurationException(element, version, e.getGrammar(), e.getFix());
        }
        return normalized;
    }

    private static String preLabel(String label) {
        return switch (label) {
            case "alpha", "a" -> "a";
            case "beta", "b" -> "b";
            default -> "rc";
        };
    }

    private static BigInteger number(String digits) {
        return digits == null ? BigInteger.ZERO : new BigInteger(digits);
    }
}
