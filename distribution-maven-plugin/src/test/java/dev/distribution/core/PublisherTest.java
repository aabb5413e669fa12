package dev.distribution.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PublisherTest {
    @TempDir
    Path work;

    private MemoryTarget target;
    private PublicationLog log;
    private List<String> lines;

    @BeforeEach
    void setUp() {
        target = new MemoryTarget();
        log = new PublicationLog(work.resolve("target/distribution/publication.json"));
        lines = new ArrayList<>();
    }

    private Publisher publisher(boolean dryRun, boolean allowRedeploy) {
        Reporter reporter = new Reporter() {
            @Override
            public void info(String message) {
                lines.add(message);
            }

            @Override
            public void warn(String message) {
                lines.add(message);
            }

            @Override
            public void debug(String message) {}
        };
        return new Publisher(reporter, log, new PublishOptions(dryRun, allowRedeploy));
    }

    private Path file(String name, String content) throws IOException {
        Path file = work.resolve(name);
        Files.writeString(file, content);
        return file;
    }

    @Test
    void uploadsAbsentFiles() throws Exception {
        Path a = file("a.txt", "alpha");

        List<Publication> result = publisher(false, false).publish(target, List.of(new Upload(a, "x/a.txt")));

        assertThat(target.stored).containsEntry("x/a.txt", "alpha");
        assertThat(result).singleElement().extracting(Publication::status).isEqualTo(Publication.Status.UPLOADED);
        assertThat(result.get(0).sha256()).isEqualTo(Checksums.sha256("alpha".getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void skipsIdenticalFiles() throws Exception {
        Path a = file("a.txt", "alpha");
        target.stored.put("x/a.txt", "alpha");

        List<Publication> result = publisher(false, false).publish(target, List.of(new Upload(a, "x/a.txt")));

        assertThat(target.uploads).isZero();
        assertThat(result.get(0).status()).isEqualTo(Publication.Status.ALREADY_PUBLISHED);
        assertThat(lines).anyMatch(line -> line.startsWith("Already published, skipped: mem:x/a.txt"));
    }

    @Test
    void failsOnDifferentFileBeforeAnyUpload() throws Exception {
        Path a = file("a.txt", "alpha");
        Path b = file("b.txt", "beta");
        target.stored.put("x/b.txt", "other");

        assertThatThrownBy(() -> publisher(false, false)
                        .publish(target, List.of(new Upload(a, "x/a.txt"), new Upload(b, "x/b.txt"))))
                .isInstanceOf(ConflictException.class)
                .hasMessageContaining("mem:x/b.txt")
                .hasMessageContaining(Checksums.sha256("beta".getBytes(StandardCharsets.UTF_8)))
                .hasMessageContaining(Checksums.sha256("other".getBytes(StandardCharsets.UTF_8)))
                .hasMessageContaining("allowRedeploy");
        assertThat(target.uploads).isZero();
    }

    @Test
    void replacesDifferentFileWhenAllowed() throws Exception {
        Path b = file("b.txt", "beta");
        target.stored.put("x/b.txt", "other");

        List<Publication> result = publisher(false, true).publish(target, List.of(new Upload(b, "x/b.txt")));

        assertThat(target.stored).containsEntry("x/b.txt", "beta");
        assertThat(result.get(0).status()).isEqualTo(Publication.Status.REPLACED);
    }

    @Test
    void dryRunUploadsNothing() throws Exception {
        Path a = file("a.txt", "alpha");
        Path b = file("b.txt", "beta");
        target.stored.put("x/b.txt", "other");

        List<Publication> result =
                publisher(true, false).publish(target, List.of(new Upload(a, "x/a.txt"), new Upload(b, "x/b.txt")));

        assertThat(target.uploads).isZero();
        assertThat(result)
                .extracting(Publication::status)
                .containsExactly(Publication.Status.PLANNED_UPLOAD, Publication.Status.PLANNED_CONFLICT);
        assertThat(lines).anyMatch(line -> line.contains("mem:x/a.txt (absent at the target)"));
        assertThat(lines).anyMatch(line -> line.contains("mem:x/b.txt (different at the target)"));
        assertThat(log.file()).doesNotExist();
    }

    @Test
    void rechecksWhenTargetRejectsAsAlreadyPublished() throws Exception {
        Path a = file("a.txt", "alpha");
        target.raceContent = "alpha";

        List<Publication> result = publisher(false, false).publish(target, List.of(new Upload(a, "x/a.txt")));

        assertThat(result.get(0).status()).isEqualTo(Publication.Status.ALREADY_PUBLISHED);
    }

    @Test
    void raceWithDifferentContentIsConflict() throws Exception {
        Path a = file("a.txt", "alpha");
        target.raceContent = "omega";

        assertThatThrownBy(() -> publisher(false, false).publish(target, List.of(new Upload(a, "x/a.txt"))))
                .isInstanceOf(ConflictException.class)
                .hasMessageContaining("mem:x/a.txt");
    }

    @Test
    void missingLocalFileFailsBeforeChecking() {
        Path missing = work.resolve("missing.bin");

        assertThatThrownBy(() -> publisher(false, false).publish(target, List.of(new Upload(missing, "m.bin"))))
                .isInstanceOf(InvalidConfigurationException.class)
                .hasMessageContaining(missing.toString());
        assertThat(target.checks).isZero();
    }

    @Test
    void recordsEveryPublication() throws Exception {
        Path a = file("a.txt", "alpha");
        Path b = file("b.txt", "beta");
        target.stored.put("x/b.txt", "beta");

        publisher(false, false).publish(target, List.of(new Upload(a, "x/a.txt"), new Upload(b, "x/b.txt")));

        List<Publication> recorded = log.read();
        assertThat(recorded).extracting(Publication::url).containsExactly("mem:x/a.txt", "mem:x/b.txt");
        assertThat(recorded)
                .extracting(Publication::status)
                .containsExactly(Publication.Status.UPLOADED, Publication.Status.ALREADY_PUBLISHED);
    }

    @Test
    void failedUploadKeepsEarlierRecords() throws Exception {
        Path a = file("a.txt", "alpha");
        Path b = file("b.txt", "beta");
        target.failOn = "x/b.txt";

        assertThatThrownBy(() -> publisher(false, false)
                        .publish(target, List.of(new Upload(a, "x/a.txt"), new Upload(b, "x/b.txt"))))
                .isInstanceOf(PublishException.class);

        assertThat(log.read()).extracting(Publication::url).containsExactly("mem:x/a.txt");
    }

    @Test
    void rerunAfterFailureUploadsOnlyTheRest() throws Exception {
        Path a = file("a.txt", "alpha");
        Path b = file("b.txt", "beta");
        target.failOn = "x/b.txt";
        List<Upload> uploads = List.of(new Upload(a, "x/a.txt"), new Upload(b, "x/b.txt"));
        assertThatThrownBy(() -> publisher(false, false).publish(target, uploads))
                .isInstanceOf(PublishException.class);
        target.failOn = null;
        target.uploads = 0;

        List<Publication> result = publisher(false, false).publish(target, uploads);

        assertThat(target.uploads).isEqualTo(1);
        assertThat(result)
                .extracting(Publication::status)
                .containsExactly(Publication.Status.ALREADY_PUBLISHED, Publication.Status.UPLOADED);
    }

    /** A target that stores text in memory and counts calls. */
    private static final class MemoryTarget implements Target {
        final Map<String, String> stored = new HashMap<>();
        int uploads;
        int checks;
        String failOn;
        String raceContent;

        @Override
        public String repositoryId() {
            return "memory";
        }

        @Override
        public String location(String path) {
            return "mem:" + path;
        }

        @Override
        public RemoteCheck check(Upload upload, String localSha256) {
            checks++;
            String content = stored.get(upload.path());
            if (content == null) {
                return RemoteCheck.absent();
            }
            String remote = Checksums.sha256(content.getBytes(StandardCharsets.UTF_8));
            return remote.equals(localSha256) ? RemoteCheck.identical(remote) : RemoteCheck.different(remote);
        }

        @Override
        public void upload(Upload upload, boolean replace) throws DistributionException {
            if (upload.path().equals(failOn)) {
                throw new PublishException("connection reset");
            }
            if (raceContent != null) {
                stored.put(upload.path(), raceContent);
                raceContent = null;
                throw new AlreadyPublishedException("409 cannot be updated");
            }
            try {
                stored.put(upload.path(), Files.readString(upload.file()));
            } catch (IOException e) {
                throw new PublishException(e.getMessage(), e);
            }
            uploads++;
        }
    }
}
