package dev.distribution.format.oci;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.distribution.core.ConflictException;
import dev.distribution.core.Publication;
import dev.distribution.core.PublishOptions;
import dev.distribution.core.Redactor;
import dev.distribution.core.Reporter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OciLayoutPublisherTest {
    @TempDir
    Path project;

    Path root;

    @BeforeEach
    void writeBinaries() throws Exception {
        TestImages.writeBinaries(project);
        root = project.resolve("target/distribution-repository/oci");
    }

    BuiltImage build() throws Exception {
        return new ImageBuilder(project.resolve("work"), Reporter.SILENT, new Redactor())
                .build(TestImages.twoPlatforms(project, "team/hello").build());
    }

    List<Publication> publish(BuiltImage image, PublishOptions options) throws Exception {
        return new OciLayoutPublisher(root, Reporter.SILENT, options).publish(image);
    }

    @Test
    void skopeoReadsIndex() throws Exception {
        publish(build(), PublishOptions.DEFAULT);
        String raw = TestImages.run("skopeo", "inspect", "--raw", "oci:" + root.resolve("team/hello") + ":1.0.0");
        assertThat(new ObjectMapper().readTree(raw).path("manifests").size()).isEqualTo(2);
    }

    @Test
    void skopeoCopiesAllPlatforms() throws Exception {
        publish(build(), PublishOptions.DEFAULT);
        Path copy = project.resolve("copy");
        TestImages.run("skopeo", "copy", "--all", "oci:" + root.resolve("team/hello") + ":1.0.0", "oci:" + copy + ":x");
        assertThat(Files.list(copy.resolve("blobs/sha256")).count()).isGreaterThanOrEqualTo(7);
    }

    @Test
    void republishIsSkipped() throws Exception {
        BuiltImage image = build();
        publish(image, PublishOptions.DEFAULT);
        assertThat(publish(image, PublishOptions.DEFAULT).get(0).status())
                .isEqualTo(Publication.Status.ALREADY_PUBLISHED);
    }

    @Test
    void changedReleaseConflicts() throws Exception {
        publish(build(), PublishOptions.DEFAULT);
        Files.writeString(project.resolve("bin/linux-amd64/hello"), "changed\n");
        BuiltImage changed = build();
        assertThatThrownBy(() -> publish(changed, PublishOptions.DEFAULT)).isInstanceOf(ConflictException.class);
    }

    @Test
    void redeployMovesTag() throws Exception {
        publish(build(), PublishOptions.DEFAULT);
        Files.writeString(project.resolve("bin/linux-amd64/hello"), "changed\n");
        BuiltImage changed = build();
        publish(changed, new PublishOptions(false, true));
        OciLayout layout = OciLayout.open(root.resolve("team/hello"));
        assertThat(layout.find("1.0.0").orElseThrow().digest())
                .isEqualTo(changed.index().digest());
    }
}
