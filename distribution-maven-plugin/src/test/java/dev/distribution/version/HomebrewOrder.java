package dev.distribution.version;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The order of Homebrew's {@code Version} class, written from the rules of
 * {@code Library/Homebrew/version.rb} in Homebrew/brew at commit 4a14773 because brew does not run here: the
 * version is scanned into tokens, separators are ignored, and tokens compare by type.
 */
final class HomebrewOrder implements Comparator<String> {
    private enum Type {
        ALPHA,
        BETA,
        PRE,
        RC,
        PATCH,
        POST,
        NUMERIC,
        STRING,
        NULL
    }

    private record Token(Type type, String value) {
        boolean isPreRelease() {
            return type.compareTo(Type.RC) <= 0;
        }

        BigInteger number() {
            return new BigInteger(value);
        }

        BigInteger revision() {
            Matcher digits = Pattern.compile("[0-9]+").matcher(value);
            return digits.find() ? new BigInteger(digits.group()) : BigInteger.ZERO;
        }
    }

    private static final Token NULL = new Token(Type.NULL, "");
    private static final Pattern SCAN = Pattern.compile(
            "(alpha[0-9]*|a[0-9]+)|(beta[0-9]*|b[0-9]+)|(pre[0-9]*)|(rc[0-9]*)|(p[0-9]*)|(.post[0-9]+)|([0-9]+)|([a-z]+)",
            Pattern.CASE_INSENSITIVE);

    @Override
    public int compare(String left, String right) {
        if (left.equals(right)) {
            return 0;
        }
        List<Token> a = tokens(left);
        List<Token> b = tokens(right);
        int max = Math.max(a.size(), b.size());
        int l = 0;
        int r = 0;
        while (l < max) {
            Token x = l < a.size() ? a.get(l) : NULL;
            Token y = r < b.size() ? b.get(r) : NULL;
            boolean numericX = x.type == Type.NUMERIC;
            boolean numericY = y.type == Type.NUMERIC;
            if (compareTokens(x, y) == 0) {
                l++;
                r++;
            } else if (numericX && !numericY) {
                if (compareTokens(x, NULL) > 0) {
                    return 1;
                }
                l++;
            } else if (!numericX && numericY) {
                if (compareTokens(y, NULL) > 0) {
                    return -1;
                }
                r++;
            } else {
                return compareTokens(x, y);
            }
        }
        return 0;
    }

    private static List<Token> tokens(String version) {
        List<Token> tokens = new ArrayList<>();
        Matcher scan = SCAN.matcher(version);
        while (scan.find()) {
            for (int group = 1; group <= 8; group++) {
                if (scan.group(group) != null) {
                    tokens.add(new Token(Type.values()[group - 1], scan.group(group)));
                    break;
                }
            }
        }
        return tokens;
    }

    private static int compareTokens(Token x, Token y) {
        if (x.type == Type.NULL) {
            return compareNull(y);
        }
        if (y.type == Type.NULL) {
            return -compareNull(x);
        }
        if (x.type == Type.NUMERIC || y.type == Type.NUMERIC) {
            if (x.type == y.type) {
                return x.number().compareTo(y.number());
            }
            return x.type == Type.NUMERIC ? 1 : -1;
        }
        if (x.type == y.type && x.type != Type.STRING) {
            return x.revision().compareTo(y.revision());
        }
        if (x.isPreRelease() && y.isPreRelease()) {
            return x.type.compareTo(y.type);
        }
        if (x.isPreRelease() && (y.type == Type.PATCH || y.type == Type.POST)) {
            return -1;
        }
        if (y.isPreRelease() && (x.type == Type.PATCH || x.type == Type.POST)) {
            return 1;
        }
        return Integer.signum(x.value.compareTo(y.value));
    }

    /** The null token (past the end of a version) against another token. */
    private static int compareNull(Token other) {
        if (other.type == Type.NULL) {
            return 0;
        }
        if (other.type == Type.NUMERIC) {
            return other.number().signum() == 0 ? 0 : -1;
        }
        return other.isPreRelease() ? 1 : -1;
    }
}
