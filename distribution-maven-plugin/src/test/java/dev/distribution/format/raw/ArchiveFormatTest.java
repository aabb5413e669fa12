package dev.distribution.format.raw;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.distribution.core.InvalidConfigurationException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

class ArchiveFormatTest {
    @ParameterizedTest
    @CsvSource({"tar.gz, TAR_GZ, tar.gz", "TGZ, TAR_GZ, tar.gz", " zip , ZIP, zip", "ZIP, ZIP, zip"})
    void parsesNames(String value, ArchiveFormat expected, String extension) throws Exception {
        ArchiveFormat format = ArchiveFormat.parse(value, "<archive><formats>");

        assertThat(format).isEqualTo(expected);
        assertThat(format.extension()).isEqualTo(extension);
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"", "tar", "tar.xz", "7z", ".zip"})
    void rejectsOthers(String value) {
        assertThatThrownBy(() -> ArchiveFormat.parse(value, "<archive><formats>"))
                .isInstanceOf(InvalidConfigurationException.class)
                .hasMessageContaining("<archive><formats>")
                .hasMessageContaining("tar.gz (or tgz), zip");
    }
}
