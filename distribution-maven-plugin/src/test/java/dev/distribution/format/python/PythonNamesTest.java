package dev.distribution.format.python;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PythonNamesTest {
    @ParameterizedTest
    @CsvSource({"Hello.Pkg,hello-pkg", "hello__pkg,hello-pkg", "A-._b,a-b", "tool,tool"})
    void normalize(String name, String expected) {
        assertThat(PythonNames.normalize(name)).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource({"Hello.Pkg,hello_pkg", "hello--pkg,hello_pkg", "Tool,tool"})
    void fileNamePart(String name, String expected) {
        assertThat(PythonNames.fileNamePart(name)).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource({"a,true", "a.b-c_d,true", "-a,false", "a-,false", "a b,false", "é,false"})
    void valid(String name, boolean expected) {
        assertThat(PythonNames.isValid(name)).isEqualTo(expected);
    }
}
