package dev.distribution.format.brew;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.distribution.core.InvalidConfigurationException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class FormulaNameTest {

    @ParameterizedTest
    @CsvSource({
        "hello, Hello",
        "hello-infra, HelloInfra",
        "foo-bar-baz, FooBarBaz",
        "foo_bar, FooBar",
        "foo.bar, FooBar",
        "foo@1.2, FooAT12",
        "foo@17, FooAT17",
        "openjdk@21, OpenjdkAT21",
        "python@3.12, PythonAT312",
        "gtk+, Gtkx",
        "gtk+3, Gtkx3",
        "lib2to3, Lib2to3",
        "a2ps, A2ps",
        "x264-dev, X264Dev",
        "hello-2, Hello2",
    })
    void derivesClassName(String name, String className) throws InvalidConfigurationException {
        assertThat(FormulaName.parse(name, "<brew><name>").className()).isEqualTo(className);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "",
                "Hello",
                "hello world",
                "hello/world",
                "1password",
                "-hello",
                "hello-",
                "hello--world",
                "hello.",
                "foo@bar",
                "foo@1@2",
                "héllo",
                "hello.rb!"
            })
    void rejectsName(String name) {
        assertThatThrownBy(() -> FormulaName.parse(name, "<brew><name>"))
                .isInstanceOf(InvalidConfigurationException.class)
                .hasMessageContaining("<brew><name>");
    }

    @ParameterizedTest
    @ValueSource(strings = {"Hello", "hello--world", "1password"})
    void rejectionNamesFix(String name) {
        assertThatThrownBy(() -> FormulaName.parse(name, "<brew><name>"))
                .hasMessageContaining("Accepted: lower-case letters");
    }

    @ParameterizedTest
    @CsvSource({"hello-infra, Formula/hello-infra.rb", "foo@1.2, Formula/foo@1.2.rb"})
    void pathInTap(String name, String path) throws InvalidConfigurationException {
        assertThat(FormulaName.parse(name, "<brew><name>").path()).isEqualTo(path);
    }
}
