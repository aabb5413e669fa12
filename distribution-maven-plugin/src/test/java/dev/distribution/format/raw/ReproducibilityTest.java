package dev.distribution.format.raw;

import static dev.distribution.format.raw.SampleTree.ROOT;
import static dev.distribution.format.raw.SampleTree.TIMESTAMP;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.distribution.core.payload.PayloadEntry;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.TimeZone;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class ReproducibilityTest {
    @TempDir
    Path dir;

    private TimeZone originalZone;
    private SampleTree tree;

    @BeforeEach
    void createTree() throws Exception {
        originalZone = TimeZone.getDefault();
        tree = SampleTree.create(dir.resolve("project"));
    }

    @AfterEach
    void restoreZone() {
        TimeZone.setDefault(originalZone);
    }

    @ParameterizedTest
    @EnumSource(ArchiveFormat.class)
    void laterBuildInOtherZoneIsIdentical(ArchiveFormat format) throws Exception {
        TimeZone.setDefault(TimeZone.getTimeZone("UTC"));
        tree.touch(Instant.parse("2020-01-01T10:00:00Z"));
        Path first = dir.resolve("first." + format.extension());
        ArchiveWriter.write(tree.entries, ROOT, format, first, TIMESTAMP);

        // Another second on the wall clock, other source times, and a zone 13:45 ahead of UTC.
        Thread.sleep(1100);
        TimeZone.setDefault(TimeZone.getTimeZone("Pacific/Chatham"));
        tree.touch(Instant.now());
        Path second = dir.resolve("second." + format.extension());
        ArchiveWriter.write(tree.entries, ROOT, format, second, TIMESTAMP);

        assertThat(Files.mismatch(first, second)).isEqualTo(-1L);
    }

    @ParameterizedTest
    @EnumSource(ArchiveFormat.class)
    void zoneWestOfUtcIsIdentical(ArchiveFormat format) throws Exception {
        TimeZone.setDefault(TimeZone.getTimeZone("Asia/Kolkata"));
        Path first = dir.resolve("first." + format.extension());
        ArchiveWriter.write(tree.entries, ROOT, format, first, TIMESTAMP);
        TimeZone.setDefault(TimeZone.getTimeZone("America/Los_Angeles"));
        Path second = dir.resolve("second." + format.extension());
        ArchiveWriter.write(tree.entries, ROOT, format, second, TIMESTAMP);

        assertThat(Files.mismatch(first, second)).isEqualTo(-1L);
    }

    @ParameterizedTest
    @EnumSource(ArchiveFormat.class)
    void otherTimestampChangesBytes(ArchiveFormat format) throws Exception {
        Path first = dir.resolve("first." + format.extension());
        ArchiveWriter.write(tree.entries, ROOT, format, first, TIMESTAMP);
        Path second = dir.resolve("second." + format.extension());
        ArchiveWriter.write(tree.entries, ROOT, format, second, TIMESTAMP.plusSeconds(2));

        assertThat(Files.mismatch(first, second)).isNotEqualTo(-1L);
    }

    @ParameterizedTest
    @EnumSource(ArchiveFormat.class)
    void inputOrderDoesNotMatter(ArchiveFormat format) throws Exception {
        Path sorted = dir.resolve("sorted." + format.extension());
        ArchiveWriter.write(tree.entries, ROOT, format, sorted, TIMESTAMP);
        List<PayloadEntry> reversed = new ArrayList<>(tree.entries);
        Collections.reverse(reversed);
        Path fromReversed = dir.resolve("reversed." + format.extension());
        ArchiveWriter.write(reversed, ROOT, format, fromReversed, TIMESTAMP);

        assertThat(Files.mismatch(sorted, fromReversed)).isEqualTo(-1L);
    }

    @Test
    void zipTimeInDaylightGapFails() {
        TimeZone.setDefault(TimeZone.getTimeZone("America/New_York"));

        // 02:30 on 2026-03-08 does not exist in New York: clocks jump from 02:00 to 03:00.
        assertThatThrownBy(() -> ArchiveWriter.dosTimeInDefaultZone(Instant.parse("2026-03-08T02:30:00Z")))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("TZ=UTC");
    }

    @Test
    void zipTimeBefore1980IsClamped() throws Exception {
        TimeZone.setDefault(TimeZone.getTimeZone("UTC"));
        Path archive = dir.resolve("epoch.zip");
        ArchiveWriter.write(tree.entries, ROOT, ArchiveFormat.ZIP, archive, Instant.EPOCH);

        Command info = Command.utc(dir, "zipinfo", "-v", archive.toString(), ROOT + "/bin/hello.sh");

        String output = info.stdout().replaceAll(" +", " ");
        assertThat(output).contains("file last modified on (DOS date/time): 1980 Jan 1 00:00:00\n");
        assertThat(output).contains("file last modified on (UT extra field modtime): 1970 Jan 1 00:00:00 UTC\n");
    }

    @Test
    void zipTimeAfter2097KeepsDosFields() throws Exception {
        TimeZone.setDefault(TimeZone.getTimeZone("Europe/Berlin"));
        Path archive = dir.resolve("late.zip");
        ArchiveWriter.write(tree.entries, ROOT, ArchiveFormat.ZIP, archive, Instant.parse("2099-12-31T23:59:58Z"));

        Command info = Command.utc(dir, "zipinfo", "-v", archive.toString(), ROOT + "/bin/hello.sh");

        assertThat(info.stdout().replaceAll(" +", " "))
                .contains("file last modified on (DOS date/time): 2099 Dec 31 23:59:58\n");
    }

    @Test
    void failedWriteLeavesNoFile() throws Exception {
        Files.delete(tree.source.resolve("lib/app.jar"));
        Path archive = dir.resolve("out/broken.tar.gz");

        assertThatThrownBy(() -> ArchiveWriter.write(tree.entries, ROOT, ArchiveFormat.TAR_GZ, archive, TIMESTAMP))
                .isInstanceOf(IOException.class);
        try (var files = Files.list(archive.getParent())) {
            assertThat(files).isEmpty();
        }
    }

    @Test
    void changedSourceSizeFails() throws Exception {
        Files.writeString(tree.source.resolve("bin/hello.sh"), "#!/bin/sh\necho hello, world\n");
        Path archive = dir.resolve("changed.zip");

        assertThatThrownBy(() -> ArchiveWriter.write(tree.entries, ROOT, ArchiveFormat.ZIP, archive, TIMESTAMP))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("changed size");
    }

    @Test
    void rootFolderWithDotDotIsRejected() {
        Path archive = dir.resolve("bad.zip");

        assertThatThrownBy(() -> ArchiveWriter.write(tree.entries, "../up", ArchiveFormat.ZIP, archive, TIMESTAMP))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
