package dev.distribution.format.helm;

import dev.distribution.core.InvalidConfigurationException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The rules of a chart's {@code .helmignore}, read the way Helm reads them: one glob per line,
 * {@code #} starts a comment, {@code !} negates, a trailing {@code /} matches only folders, a pattern
 * without {@code /} matches the base name at any depth, and one with {@code /} matches the path from
 * the chart root. The last matching rule wins. {@code **} is rejected, as Helm rejects it.
 *
 * <p>Hidden files under {@code templates/} are always left out, as Helm does.
 */
public final class HelmIgnore {
    /** The file name Helm reads. */
    public static final String FILE = ".helmignore";

    private final List<Rule> rules;

    private HelmIgnore(List<Rule> rules) {
        this.rules = rules;
    }

    /** Rules that only leave out hidden files under {@code templates/}. */
    public static HelmIgnore defaults() {
        return new HelmIgnore(List.of(Rule.parse("templates/.?*", 0)));
    }

    /**
     * Reads {@code .helmignore} from a chart folder; an absent file gives {@link #defaults()}.
     *
     * @throws InvalidConfigurationException when a line is not a valid pattern
     */
    public static HelmIgnore read(Path chartDirectory) throws IOException, InvalidConfigurationException {
        Path file = chartDirectory.resolve(FILE);
        List<Rule> rules = new ArrayList<>(defaults().rules);
        if (!Files.isRegularFile(file)) {
            return new HelmIgnore(rules);
        }
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            if (line.contains("**")) {
                throw new InvalidConfigurationException(
                        file + " line " + (i + 1),
                        line,
                        "globs with '*', '?' and '[...]'; Helm does not support '**'",
                        "Write the pattern without '**'; a pattern without '/' already matches at every depth.");
            }
            rules.add(Rule.parse(line, i + 1));
        }
        return new HelmIgnore(rules);
    }

    /**
     * Tests whether a path is left out of the package.
     *
     * @param path the path relative to the chart root, with '/' separators
     * @param directory whether the path is a folder
     */
    public boolean ignores(String path, boolean directory) {
        boolean ignored = false;
        for (Rule rule : rules) {
            if (rule.matches(path, directory)) {
                ignored = !rule.negated;
            }
        }
        return ignored;
    }

    private record Rule(Pattern pattern, boolean negated, boolean directoryOnly, boolean baseName) {
        static Rule parse(String text, int line) {
            boolean negated = text.startsWith("!");
            String glob = negated ? text.substring(1) : text;
            boolean directoryOnly = glob.endsWith("/");
            if (directoryOnly) {
                glob = glob.substring(0, glob.length() - 1);
            }
            if (glob.startsWith("/")) {
                glob = glob.substring(1);
            }
            return new Rule(Pattern.compile(toRegex(glob)), negated, directoryOnly, !glob.contains("/"));
        }

        boolean matches(String path, boolean directory) {
            if (directoryOnly && !directory) {
                return false;
            }
            String subject = baseName ? path.substring(path.lastIndexOf('/') + 1) : path;
            return pattern.matcher(subject).matches();
        }

        private static String toRegex(String glob) {
            StringBuilder regex = new StringBuilder();
            for (int i = 0; i < glob.length(); i++) {
                char c = glob.charAt(i);
                switch (c) {
                    case '*' -> regex.append("[^/]*");
                    case '?' -> regex.append("[^/]");
                    case '[' -> {
                        int end = glob.indexOf(']', i + 1);
                        if (end < 0) {
                            regex.append("\\[");
                        } else {
                            String set = glob.substring(i + 1, end);
                            if (set.startsWith("!") || set.startsWith("^")) {
                                set = "^" + set.substring(1);
                            }
                            regex.append('[').append(set.replace("\\", "\\\\")).append(']');
                            i = end;
                        }
                    }
                    case '\\' -> {
                        if (i + 1 < glob.length()) {
                            regex.append(Pattern.quote(String.valueOf(glob.charAt(++i))));
                        }
                    }
                    default -> regex.append(Pattern.quote(String.valueOf(c)));
                }
            }
            return regex.toString();
        }
    }
}
