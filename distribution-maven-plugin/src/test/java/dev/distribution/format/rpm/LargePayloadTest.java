package dev.distribution.format.rpm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.distribution.core.payload.Mapping;
import dev.distribution.core.payload.Payload;
import java.io.RandomAccessFile;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Builds a package whose payload exceeds 4 GiB from two sparse files of 2.5 GiB, and checks the
 * 64-bit size tags with rpm. Reads 5 GiB, so it runs only with {@code -Drpm.large=true}.
 */
class LargePayloadTest {
    private static final long SIZE = 2_560L << 20;

    @TempDir
    Path temp;

    @Test
    void payloadOver4GiBUsesLongTags() throws Exception {
        assumeTrue(Boolean.getBoolean("rpm.large"), "set -Drpm.large=true to build a 5 GiB payload");
        for (String name : List.of("a.bin", "b.bin")) {
            try (RandomAccessFile file = new RandomAccessFile(temp.resolve(name).toFile(), "rw")) {
                file.setLength(SIZE);
            }
        }
        RpmRequest request = new RpmRequest()
                .name("large")
                .version("1.0")
                .summary("Large payload")
                .license("MIT")
                .compressionLevel(1)
                .entries(Payload.resolve(
                        List.of(
                                Mapping.file(temp.resolve("a.bin"), "/opt/large/a.bin"),
                                Mapping.file(temp.resolve("b.bin"), "/opt/large/b.bin")),
                        temp,
                        "<rpm><files>"))
                .timestamp(Instant.parse("2026-12-04T00:00:00Z"))
                .outputDirectory(temp.resolve("out"));
        Path rpm = RpmPackager.build(request, null);

        // The installed size counts the directory /opt/large as 4096 bytes, as rpmbuild does.
        assertThat(RpmTools.query(rpm, "%{LONGSIZE}")).isEqualTo(Long.toString(2 * SIZE + 4096));
        assertThat(RpmTools.run(temp, "rpm", "-K", rpm.toString()).output()).contains("digests OK");
        assertThat(RpmMetadataReader.read(rpm, "large.rpm").sizeArchive()).isGreaterThan(2 * SIZE);
    }
}
