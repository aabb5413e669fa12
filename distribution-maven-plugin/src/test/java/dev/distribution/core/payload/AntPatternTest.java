package dev.distribution.core.payload;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AntPatternTest {
    @ParameterizedTest
    @CsvSource({
        "**/*.sh, run.sh, true",
        "**/*.sh, bin/run.sh, true",
        "**/*.sh, a/b/c/run.sh, true",
        "**/*.sh, run.shx, false",
        "*.sh, run.sh, true",
        "*.sh, bin/run.sh, false",
        "bin/*, bin/run, true",
        "bin/*, bin/sub/run, false",
        "bin/**, bin, true",
        "bin/**, bin/sub/run, true",
        "bin/**, binary/run, false",
        "bin/, bin/sub/run, true",
        "**/tmp/**, tmp, true",
        "**/tmp/**, a/tmp/x, true",
        "**/tmp/**, a/tmpx/y, false",
        "file?.txt, file1.txt, true",
        "file?.txt, file10.txt, false",
        "a.b, axb, false",
        "**, anything/at/all, true",
        "/bin/run, bin/run, true",
        "'lib\\*.jar', lib/x.jar, true",
        "(x)+[y], (x)+[y], true",
        "**/données/*, a/données/über.txt, true",
    })
    void matches(String pattern, String path, boolean expected) {
        assertThat(AntPattern.compile(pattern).matches(path)).isEqualTo(expected);
    }
}
