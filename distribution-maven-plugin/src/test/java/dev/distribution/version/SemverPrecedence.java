package dev.distribution.version;

import java.math.BigInteger;
import java.util.Comparator;

/** SemVer 2.0.0 precedence (section 11 of the specification); build metadata is ignored. */
final class SemverPrecedence implements Comparator<String> {
    @Override
    public int compare(String left, String right) {
        String[] a = withoutBuild(left).split("-", 2);
        String[] b = withoutBuild(right).split("-", 2);
        String[] coreA = a[0].split("\\.");
        String[] coreB = b[0].split("\\.");
        for (int i = 0; i < 3; i++) {
            int order = new BigInteger(coreA[i]).compareTo(new BigInteger(coreB[i]));
            if (order != 0) {
                return order;
            }
        }
        boolean preA = a.length == 2;
        boolean preB = b.length == 2;
        if (!preA || !preB) {
            // A version without pre-release has higher precedence than one with.
            return Boolean.compare(!preA, !preB);
        }
        return comparePreRelease(a[1].split("\\."), b[1].split("\\."));
    }

    private static int comparePreRelease(String[] a, String[] b) {
        for (int i = 0; i < Math.min(a.length, b.length); i++) {
            int order = compareIdentifier(a[i], b[i]);
            if (order != 0) {
                return order;
            }
        }
        return Integer.compare(a.length, b.length);
    }

    private static int compareIdentifier(String a, String b) {
        boolean numericA = a.chars().allMatch(Character::isDigit);
        boolean numericB = b.chars().allMatch(Character::isDigit);
        if (numericA && numericB) {
            return new BigInteger(a).compareTo(new BigInteger(b));
        }
        if (numericA != numericB) {
            // Numeric identifiers have lower precedence than alphanumeric ones.
            return numericA ? -1 : 1;
        }
        return Integer.signum(a.compareTo(b));
    }

    private static String withoutBuild(String version) {
        int plus = version.indexOf('+');
        return plus < 0 ? version : version.substring(0, plus);
    }
}
