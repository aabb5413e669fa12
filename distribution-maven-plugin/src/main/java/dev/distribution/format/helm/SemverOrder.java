package dev.distribution.format.helm;

import java.math.BigInteger;
import java.util.Comparator;

/**
 * Orders SemVer 2 versions by precedence, as Helm sorts the versions of a chart: numbers
 * numerically, a pre-release before its release, pre-release identifiers one by one (numbers
 * before words, numbers numerically, words in ASCII order). Build metadata does not change the
 * precedence; versions equal in precedence are ordered by their text so the order is total. A
 * version that is not SemVer sorts before every SemVer version.
 */
final class SemverOrder implements Comparator<String> {
    static final SemverOrder INSTANCE = new SemverOrder();

    private SemverOrder() {}

    @Override
    public int compare(String left, String right) {
        String[] a = split(left);
        String[] b = split(right);
        if (a == null || b == null) {
            return a == null && b == null ? left.compareTo(right) : (a == null ? -1 : 1);
        }
        for (int i = 0; i < 3; i++) {
            int result = new BigInteger(a[i]).compareTo(new BigInteger(b[i]));
            if (result != 0) {
                return result;
            }
        }
        int result = comparePreRelease(a[3], b[3]);
        return result != 0 ? result : left.compareTo(right);
    }

    /** Major, minor, patch and pre-release (empty when none), or null when not SemVer. */
    private static String[] split(String version) {
        if (version == null) {
            return null;
        }
        String text = version.startsWith("v") ? version.substring(1) : version;
        int plus = text.indexOf('+');
        if (plus >= 0) {
            text = text.substring(0, plus);
        }
        int dash = text.indexOf('-');
        String core = dash < 0 ? text : text.substring(0, dash);
        String pre = dash < 0 ? "" : text.substring(dash + 1);
        String[] numbers = core.split("\\.", -1);
        if (numbers.length != 3) {
            return null;
        }
        for (String number : numbers) {
            if (number.isEmpty() || !number.chars().allMatch(Character::isDigit)) {
                return null;
            }
        }
        return new String[] {numbers[0], numbers[1], numbers[2], pre};
    }

    private static int comparePreRelease(String a, String b) {
        if (a.isEmpty() || b.isEmpty()) {
            return a.isEmpty() == b.isEmpty() ? 0 : (a.isEmpty() ? 1 : -1);
        }
        String[] left = a.split("\\.");
        String[] right = b.split("\\.");
        for (int i = 0; i < Math.min(left.length, right.length); i++) {
            boolean leftNumber = left[i].chars().allMatch(Character::isDigit);
            boolean rightNumber = right[i].chars().allMatch(Character::isDigit);
            int result;
            if (leftNumber && rightNumber) {
                result = new BigInteger(left[i]).compareTo(new BigInteger(right[i]));
            } else if (leftNumber != rightNumber) {
                result = leftNumber ? -1 : 1;
            } else {
                result = left[i].compareTo(right[i]);
            }
            if (result != 0) {
                return result;
            }
        }
        return Integer.compare(left.length, right.length);
    }
}
