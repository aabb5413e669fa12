package dev.distribution.format.helm;

import static org.assertj.core.api.Assertions.assertThat;

import dev.distribution.core.Checksums;
import dev.distribution.core.Redactor;
import dev.distribution.signing.OpenPgpSigner;
import dev.distribution.signing.SigningKeys;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProvenanceTest {
    @TempDir
    static Path work;

    private static Path prov;
    private static Path tgz;
    private static Path home;

    @BeforeAll
    static void signChart() throws Exception {
        home = Files.createDirectories(work.resolve("gnupg"));
        Files.setPosixFilePermissions(home, PosixFilePermissions.fromString("rwx------"));
        gpg("--passphrase", "", "--quick-gen-key", "Charts <charts@example.invalid>", "ed25519", "sign", "never");
        Path key = work.resolve("key.asc");
        gpg(
                "--passphrase",
                "",
                "--armor",
                "--output",
                key.toString(),
                "--export-secret-keys",
                "charts@example.invalid");
        Chart chart = ChartLinter.lint(SampleChart.create(work.resolve("src"), "hello"), "1.0.0", "1.0", "<helm>");
        tgz = ChartPackager.write(chart, work.resolve("out"), Instant.EPOCH);
        OpenPgpSigner signer = new OpenPgpSigner(SigningKeys.resolve(key, null, null, null, Map.of(), new Redactor()));
        prov = Provenance.write(chart, tgz, signer);
    }

    @Test
    void namesFileAfterPackage() {
        assertThat(prov.getFileName().toString()).isEqualTo("hello-1.0.0.tgz.prov");
    }

    @Test
    void gpgVerifiesSignature() throws Exception {
        assertThat(gpg("--verify", prov.toString())).isZero();
    }

    @Test
    void listsPackageDigest() throws Exception {
        assertThat(Files.readString(prov))
                .contains("\n...\nfiles:\n  hello-1.0.0.tgz: sha256:" + Checksums.sha256(tgz) + "\n");
    }

    @Test
    void startsWithSortedMetadata() throws Exception {
        assertThat(Files.readString(prov))
                .contains("\n\napiVersion: v2\nappVersion: \"1.0\"\ndescription: Says hello\nname: hello\n");
    }

    private static int gpg(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("gpg", "--batch", "--no-tty", "--pinentry-mode", "loopback"));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().put("GNUPGHOME", home.toString());
        builder.redirectOutput(work.resolve("gpg.log").toFile());
        Process process = builder.start();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IOException("gpg timed out");
        }
        if (process.exitValue() != 0 && !args[0].equals("--verify")) {
            throw new IOException("gpg failed: " + Files.readString(work.resolve("gpg.log")));
        }
        return process.exitValue();
    }
}
