package dev.distribution.version;

import java.util.regex.Pattern;

/** The version grammar of each format, with the words used in error messages. */
enum Grammar {
    DEBIAN(
            "Debian",
            "[epoch:]upstream[-revision], where the epoch is digits, the upstream version starts with a digit"
                    + " and contains letters, digits, '.', '+', '~' (and '-' only when a revision follows), and"
                    + " the revision contains letters, digits, '.', '+', '~'",
            null),
    RPM_VERSION("RPM Version", "letters, digits, '.', '_', '+', '~', '^', and no '-'", "[A-Za-z0-9._+~^]+"),
    RPM_RELEASE("RPM Release", "letters, digits, '.', '_', '+', '~', '^', and no '-'", "[A-Za-z0-9._+~^]+"),
    PEP_440(
            "PEP 440",
            "a normalized PEP 440 version: [N!]N(.N)*[{a|b|rc}N][.postN][.devN][+local], numbers without"
                    + " leading zeros, local parts of lower-case letters and digits separated by '.'",
            "(?:(?:0|[1-9]\\d*)!)?(?:0|[1-9]\\d*)(?:\\.(?:0|[1-9]\\d*))*(?:(?:a|b|rc)(?:0|[1-9]\\d*))?"
                    + "(?:\\.post(?:0|[1-9]\\d*))?(?:\\.dev(?:0|[1-9]\\d*))?(?:\\+[a-z0-9]+(?:\\.[a-z0-9]+)*)?"),
    SEMVER(
            "SemVer 2.0.0",
            "MAJOR.MINOR.PATCH[-pre-release][+build], numbers without leading zeros, pre-release and build"
                    + " identifiers of letters, digits and '-' separated by '.', numeric pre-release identifiers"
                    + " without leading zeros",
            "(?:0|[1-9]\\d*)\\.(?:0|[1-9]\\d*)\\.(?:0|[1-9]\\d*)"
                    + "(?:-(?:0|[1-9]\\d*|\\d*[A-Za-z-][0-9A-Za-z-]*)(?:\\.(?:0|[1-9]\\d*|\\d*[A-Za-z-][0-9A-Za-z-]*))*)?"
                    + "(?:\\+[0-9A-Za-z-]+(?:\\.[0-9A-Za-z-]+)*)?"),
    OCI_TAG(
            "OCI tag",
            "1 to 128 characters: letters, digits, '_', '.', '-', not starting with '.' or '-'",
            "[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}"),
    HOMEBREW("Homebrew", "a digit first, then letters, digits, '.', '_', '+', '-'", "\\d[A-Za-z0-9._+-]*");

    private static final Pattern DEBIAN_EPOCH = Pattern.compile("\\d+");
    private static final Pattern DEBIAN_UPSTREAM = Pattern.compile("\\d[A-Za-z0-9.+~]*");
    private static final Pattern DEBIAN_UPSTREAM_WITH_HYPHEN = Pattern.compile("\\d[A-Za-z0-9.+~-]*");
    private static final Pattern DEBIAN_REVISION = Pattern.compile("[A-Za-z0-9.+~]+");

    private final String format;
    private final String description;
    private final Pattern pattern;

    Grammar(String format, String description, String regex) {
        this.format = format;
        this.description = description;
        this.pattern = regex == null ? null : Pattern.compile(regex);
    }

    String format() {
        return format;
    }

    String description() {
        return description;
    }

    boolean matches(String version) {
        if (version == null) {
            return false;
        }
        if (this == DEBIAN) {
            return matchesDebian(version);
        }
        return pattern.matcher(version).matches();
    }

    /** Checks a full Debian version; the revision starts after the last '-', as dpkg splits it. */
    private static boolean matchesDebian(String version) {
        String rest = version;
        int colon = rest.indexOf(':');
        if (colon >= 0) {
            if (!DEBIAN_EPOCH.matcher(rest.substring(0, colon)).matches()) {
                return false;
            }
            rest = rest.substring(colon + 1);
        }
        int hyphen = rest.lastIndexOf('-');
        if (hyphen < 0) {
            return DEBIAN_UPSTREAM.matcher(rest).matches();
        }
        return DEBIAN_UPSTREAM_WITH_HYPHEN.matcher(rest.substring(0, hyphen)).matches()
                && DEBIAN_REVISION.matcher(rest.substring(hyphen + 1)).matches();
    }

    /**
     * Throws unless the version matches this grammar.
     *
     * @param version the explicit version to check; null is rejected
     * @param fix the sentence telling the user what to do
     */
    void validate(String version, String fix) throws InvalidVersionException {
        if (!matches(version)) {
            throw invalid(version, fix);
        }
    }

    InvalidVersionException invalid(String version, String fix) {
        return new InvalidVersionException(version, format, description, fix);
    }
}
