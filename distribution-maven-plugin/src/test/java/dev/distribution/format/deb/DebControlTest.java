package dev.distribution.format.deb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.distribution.core.InvalidConfigurationException;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class DebControlTest {

    static DebControl.Builder hello() {
        return DebControl.builder()
                .artifactId("hello")
                .mavenVersion("1.0")
                .summary("Says hello")
                .maintainer("Jane Doe <jane@example.com>");
    }

    @ParameterizedTest
    @CsvSource({"Hello_World, hello-world", "my.Tool+x, my.tool+x", "-lead, lead", "_a1, a1"})
    void normalisesArtifactId(String artifactId, String expected) {
        assertThat(DebControl.normalizePackageName(artifactId)).isEqualTo(expected);
    }

    @Test
    void derivesPackageName() throws Exception {
        assertThat(hello().artifactId("Hello_CLI").build().packageName()).isEqualTo("hello-cli");
    }

    @ParameterizedTest
    @ValueSource(strings = {"Hello", "a", "-x", "hello world", "héllo", "hello_cli"})
    void rejectsInvalidExplicitName(String name) {
        assertThatThrownBy(() -> hello().packageName(name).build())
                .isInstanceOf(InvalidConfigurationException.class)
                .hasMessageContaining("<deb><packageName>")
                .hasMessageContaining(name);
    }

    @Test
    void rejectsArtifactIdWithoutName() {
        assertThatThrownBy(() -> hello().artifactId("_").build())
                .isInstanceOf(InvalidConfigurationException.class)
                .hasMessageContaining("<deb><packageName>");
    }

    @Test
    void maintainerFromDeveloper() throws Exception {
        DebControl control = hello().maintainer(null)
                .developers(List.of(
                        new DebControl.Person("No Mail", null), new DebControl.Person("Ann Lee", "ann@example.com")))
                .build();
        assertThat(control.maintainer()).isEqualTo("Ann Lee <ann@example.com>");
    }

    @Test
    void maintainerFromOrganization() throws Exception {
        DebControl control = hello().maintainer(null)
                .developers(List.of(new DebControl.Person(null, "team@example.com")))
                .organization("Example Corp")
                .build();
        assertThat(control.maintainer()).isEqualTo("Example Corp <team@example.com>");
    }

    @Test
    void missingMaintainerNamesWhereToSetIt() {
        assertThatThrownBy(() -> hello().maintainer(null).build())
                .isInstanceOf(InvalidConfigurationException.class)
                .hasMessageContaining("<deb><maintainer>")
                .hasMessageContaining("<developers>");
    }

    @ParameterizedTest
    @ValueSource(strings = {"Jane Doe", "<jane@example.com>", "Doe, Jane <jane@example.com>", "Jane <not-an-address>"})
    void rejectsInvalidMaintainer(String maintainer) {
        assertThatThrownBy(() -> hello().maintainer(maintainer).build())
                .isInstanceOf(InvalidConfigurationException.class);
    }

    @Test
    void foldsDescription() throws Exception {
        DebControl control = hello().description("\n    First paragraph\n    goes on.\n\n\n      indented\n    .\n  ")
                .build();
        assertThat(control.descriptionField())
                .isEqualTo("Says hello\n First paragraph\n goes on.\n .\n   indented\n ..");
    }

    @Test
    void architectureFromPlatform() throws Exception {
        assertThat(hello().platform("linux/arm/v7").build().architecture()).isEqualTo("armhf");
    }

    @Test
    void architectureDefaultsToAll() throws Exception {
        assertThat(hello().build().architecture()).isEqualTo("all");
    }

    @Test
    void rejectsForeignArchitectureName() {
        assertThatThrownBy(() -> hello().architecture("x86_64").build())
                .isInstanceOf(InvalidConfigurationException.class)
                .hasMessageContaining("<deb><architecture>");
    }

    @Test
    void fileNameDropsEpoch() throws Exception {
        assertThat(hello().epoch(1).revision("2").build().fileName()).isEqualTo("hello_1.0-2_all.deb");
    }

    @Test
    void relationsJoined() throws Exception {
        DebControl control = hello().relation(
                        DebRelation.DEPENDS, List.of("libc6 (>= 2.36)", "default-jre | java17-runtime"))
                .build();
        assertThat(control.fields().get("Depends")).isEqualTo("libc6 (>= 2.36), default-jre | java17-runtime");
    }

    @ParameterizedTest
    @ValueSource(strings = {"Libc6", "libc6 (> 2.0)", "libc6 (>= )", "libc6 (>= 1.0", "foo | | bar"})
    void rejectsInvalidRelation(String relation) {
        assertThatThrownBy(() -> hello().relation(DebRelation.CONFLICTS, List.of(relation))
                        .build())
                .isInstanceOf(InvalidConfigurationException.class)
                .hasMessageContaining("<deb><conflicts>");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "two\nlines"})
    void rejectsInvalidSummary(String summary) {
        assertThatThrownBy(() -> hello().summary(summary).build())
                .isInstanceOf(InvalidConfigurationException.class)
                .hasMessageContaining("<deb><summary>");
    }

    @Test
    void rejectsHomepageWithoutScheme() {
        assertThatThrownBy(() -> hello().homepage("example.com").build())
                .isInstanceOf(InvalidConfigurationException.class)
                .hasMessageContaining("<deb><homepage>");
    }

    @Test
    void rejectsUnknownPriority() {
        assertThatThrownBy(() -> hello().priority("low").build()).isInstanceOf(InvalidConfigurationException.class);
    }
}
