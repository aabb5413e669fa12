package dev.distribution.version;

import static org.assertj.core.api.Assertions.assertThat;

import dev.distribution.version.VersionTools.Pair;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Checks that every mapping keeps Maven's order under the format's own comparison. Each table lists
 * Maven versions from lowest to highest. Every pair in it is compared with the real tool (dpkg, rpm,
 * Python's packaging) or, for SemVer and Homebrew, with a comparator written from their rules.
 */
class VersionOrderTest {
    private static final Instant EARLY = Instant.parse("2026-01-01T00:00:00Z");
    private static final Instant LATE = Instant.parse("2026-06-01T12:30:00Z");

    /** A Maven version built at a given time; the time matters only for plain snapshots. */
    record Build(String maven, Instant time) {
        @Override
        public String toString() {
            return time.equals(EARLY) ? maven : maven + " built " + time;
        }
    }

    /** Versions every format orders, from lowest to highest. */
    private static final List<Build> MAIN = List.of(
            build("0.9"),
            build("1.0-SNAPSHOT"),
            new Build("1.0-SNAPSHOT", LATE),
            build("1.0-20261204.101010-3"),
            build("1.0-20261205.000000-4"),
            build("1.0-alpha-1"),
            build("1.0-alpha-2"),
            build("1.0-beta-1"),
            build("1.0-beta-2"),
            build("1.0-M1"),
            build("1.0-M2"),
            build("1.0-rc1-SNAPSHOT"),
            build("1.0-rc1-20261204.101010-3"),
            build("1.0-rc1"),
            build("1.0-rc2-SNAPSHOT"),
            build("1.0-rc2"),
            build("1.0"),
            build("1.0.1-SNAPSHOT"),
            build("1.0.1"),
            build("1.1"),
            build("1.10"),
            build("2.0.0-SNAPSHOT"),
            build("2.0.0-alpha-1"),
            build("2.0.0"),
            build("10.0"));

    /** Service packs, after the release and before the next number. */
    private static final List<Build> SERVICE_PACKS =
            List.of(build("1.0"), build("1.0-sp1-SNAPSHOT"), build("1.0-sp1"), build("1.0-sp2"), build("1.0.1"));

    /** Another qualifier, after the release and before the next number. */
    private static final List<Build> QUALIFIER =
            List.of(build("1.0"), build("1.0-foo"), build("1.0-jre"), build("1.0.1"));

    /** A snapshot of another qualifier; PEP 440 and SemVer cannot place it. */
    private static final List<Build> QUALIFIER_SNAPSHOT =
            List.of(build("1.0"), build("1.0-jre-SNAPSHOT"), build("1.0-jre"), build("1.0.1"));

    /** Pre-releases without a number, which sort before those with one. */
    private static final List<Build> NO_NUMBER = List.of(
            build("1.0-alpha"),
            build("1.0-alpha-1"),
            build("1.0-beta"),
            build("1.0-beta-1"),
            build("1.0-M2"),
            build("1.0-rc"),
            build("1.0-rc1"),
            build("1.0"));

    /** A snapshot before an alpha without a number; Homebrew sorts these the other way round. */
    private static final List<Build> SNAPSHOT_BEFORE_ALPHA = List.of(build("1.0-SNAPSHOT"), build("1.0-alpha"));

    enum Format {
        DEBIAN(MAIN, NO_NUMBER, SNAPSHOT_BEFORE_ALPHA, SERVICE_PACKS, QUALIFIER, QUALIFIER_SNAPSHOT),
        RPM(MAIN, NO_NUMBER, SNAPSHOT_BEFORE_ALPHA, SERVICE_PACKS, QUALIFIER, QUALIFIER_SNAPSHOT),
        PEP_440(MAIN, NO_NUMBER, SNAPSHOT_BEFORE_ALPHA, SERVICE_PACKS, QUALIFIER),
        SEMVER(MAIN, NO_NUMBER, SNAPSHOT_BEFORE_ALPHA),
        HOMEBREW(MAIN, NO_NUMBER, SERVICE_PACKS, QUALIFIER, QUALIFIER_SNAPSHOT);

        private final List<List<Build>> tables;

        @SafeVarargs
        Format(List<Build>... tables) {
            this.tables = List.of(tables);
        }

        String map(Build build) throws InvalidVersionException {
            VersionMapper mapper = new VersionMapper(build.time());
            return switch (this) {
                case DEBIAN -> mapper.debian(build.maven());
                case RPM -> mapper.rpm(build.maven()).toString();
                case PEP_440 -> mapper.pep440(build.maven());
                case SEMVER -> mapper.semver(build.maven());
                case HOMEBREW -> mapper.homebrew(build.maven());
            };
        }

        List<Integer> compare(List<Pair> pairs) throws Exception {
            return switch (this) {
                case DEBIAN -> VersionTools.dpkg(pairs);
                case RPM -> VersionTools.rpm(pairs);
                case PEP_440 -> VersionTools.pep440(pairs);
                case SEMVER -> compareWith(new SemverPrecedence(), pairs);
                case HOMEBREW -> compareWith(new HomebrewOrder(), pairs);
            };
        }
    }

    private static final Map<Format, Map<Pair, Integer>> RESULTS = new EnumMap<>(Format.class);

    private static Build build(String maven) {
        return new Build(maven, EARLY);
    }

    static Stream<Arguments> pairs() {
        List<Arguments> arguments = new ArrayList<>();
        for (Format format : Format.values()) {
            for (List<Build> table : format.tables) {
                for (int i = 0; i < table.size(); i++) {
                    for (int j = i + 1; j < table.size(); j++) {
                        arguments.add(Arguments.of(format, table.get(i), table.get(j)));
                    }
                }
            }
        }
        return arguments.stream();
    }

    @ParameterizedTest(name = "{0}: {1} < {2}")
    @MethodSource("pairs")
    void keepsMavenOrder(Format format, Build lower, Build higher) throws Exception {
        Pair pair = new Pair(format.map(lower), format.map(higher));

        int result = results(format).get(pair);

        assertThat(result).as("%s compared with %s", pair.left(), pair.right()).isEqualTo(-1);
    }

    /** The same pairs reversed, so a comparison that always returned "lower" would fail. */
    @ParameterizedTest(name = "{0}: {2} > {1}")
    @MethodSource("pairs")
    void reversedPairSortsHigher(Format format, Build lower, Build higher) throws Exception {
        Pair pair = new Pair(format.map(higher), format.map(lower));

        int result = results(format).get(pair);

        assertThat(result).as("%s compared with %s", pair.left(), pair.right()).isEqualTo(1);
    }

    @Test
    void pep440IsNormalized() throws Exception {
        List<String> mapped = new ArrayList<>();
        for (List<Build> table : Format.PEP_440.tables) {
            for (Build build : table) {
                mapped.add(Format.PEP_440.map(build));
            }
        }

        List<String> normalized = VersionTools.pep440Normalized(mapped);

        assertThat(normalized).isEqualTo(mapped);
    }

    /** Runs the format's comparison once over every pair of all its tables. */
    private static synchronized Map<Pair, Integer> results(Format format) throws Exception {
        Map<Pair, Integer> cached = RESULTS.get(format);
        if (cached != null) {
            return cached;
        }
        List<Pair> pairs = new ArrayList<>();
        for (List<Build> table : format.tables) {
            for (int i = 0; i < table.size(); i++) {
                for (int j = i + 1; j < table.size(); j++) {
                    String lower = format.map(table.get(i));
                    String higher = format.map(table.get(j));
                    pairs.add(new Pair(lower, higher));
                    pairs.add(new Pair(higher, lower));
                }
            }
        }
        List<Integer> outcomes = format.compare(pairs);
        Map<Pair, Integer> results = new HashMap<>();
        for (int i = 0; i < pairs.size(); i++) {
            results.put(pairs.get(i), outcomes.get(i));
        }
        RESULTS.put(format, results);
        return results;
    }

    private static List<Integer> compareWith(Comparator<String> order, List<Pair> pairs) {
        return pairs.stream()
                .map(pair -> Integer.signum(order.compare(pair.left(), pair.right())))
                .toList();
    }
}
