package dev.distribution.signing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.distribution.core.Redactor;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OpenPgpSignerTest {
    private static TestKeys keys;
    private static SigningKey rsa;
    private static SigningKey ed25519;
    private static SigningKey subkey;

    @TempDir
    Path temp;

    @BeforeAll
    static void loadKeys() throws Exception {
        keys = TestKeys.get();
        rsa = load("rsa.asc");
        ed25519 = load("ed25519.asc");
        subkey = load("subkey.asc");
    }

    private static SigningKey load(String file) throws Exception {
        return SigningKeys.resolve(keys.path(file), null, null, null, Map.of(), new Redactor());
    }

    @Test
    void detachedArmoredVerifies() throws Exception {
        Path data = Files.writeString(temp.resolve("Release"), "Origin: test\nSuite: stable\n");
        Path signature = temp.resolve("Release.gpg");
        sign(new OpenPgpSigner(rsa), data, signature, true);

        GnuPg.Result result = keys.gpg.run("--status-fd", "1", "--verify", signature.toString(), data.toString());

        assertThat(result.exitCode()).as(result.stderr()).isZero();
        assertThat(result.stdout()).contains("[GNUPG:] VALIDSIG " + keys.rsaFingerprint);
    }

    @Test
    void detachedArmoredHasNoVersionHeader() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new OpenPgpSigner(rsa).detachedSignature(new ByteArrayInputStream(new byte[] {1, 2}), out, true);

        assertThat(out.toString(StandardCharsets.US_ASCII)).startsWith("-----BEGIN PGP SIGNATURE-----\n\n");
    }

    @Test
    void detachedArmoredEndsWithNewline() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new OpenPgpSigner(rsa).detachedSignature(new ByteArrayInputStream(new byte[] {1, 2}), out, true);

        assertThat(out.toString(StandardCharsets.US_ASCII)).endsWith("-----END PGP SIGNATURE-----\n");
    }

    @Test
    void detachedBinaryVerifies() throws Exception {
        Path data = temp.resolve("repomd.xml");
        Files.write(data, new byte[] {0, 1, 2, (byte) 0xff, '\r', '\n'});
        Path signature = temp.resolve("repomd.xml.sig");
        sign(new OpenPgpSigner(rsa), data, signature, false);

        GnuPg.Result result = keys.gpg.run("--status-fd", "1", "--verify", signature.toString(), data.toString());

        assertThat(result.exitCode()).as(result.stderr()).isZero();
        assertThat(result.stdout()).contains("[GNUPG:] GOODSIG");
    }

    @Test
    void largeStreamVerifies() throws Exception {
        // Larger than the read buffer and not a multiple of it, so several partial reads are hashed.
        Path data = temp.resolve("large.bin");
        try (OutputStream out = Files.newOutputStream(data)) {
            byte[] block = new byte[100_003];
            for (int i = 0; i < 40; i++) {
                block[i] = (byte) i;
                out.write(block);
            }
        }
        Path signature = temp.resolve("large.bin.asc");
        sign(new OpenPgpSigner(rsa), data, signature, true);

        GnuPg.Result result = keys.gpg.run("--verify", signature.toString(), data.toString());

        assertThat(result.exitCode()).as(result.stderr()).isZero();
    }

    @Test
    void changedDataFailsVerification() throws Exception {
        Path data = Files.writeString(temp.resolve("file.txt"), "original\n");
        Path signature = temp.resolve("file.txt.asc");
        sign(new OpenPgpSigner(rsa), data, signature, true);
        Files.writeString(data, "changed\n");

        GnuPg.Result result = keys.gpg.run("--status-fd", "1", "--verify", signature.toString(), data.toString());

        assertThat(result.stdout()).contains("[GNUPG:] BADSIG");
    }

    @Test
    void ed25519DetachedVerifies() throws Exception {
        Path data = Files.writeString(temp.resolve("chart.tgz"), "data");
        Path signature = temp.resolve("chart.tgz.asc");
        sign(new OpenPgpSigner(ed25519), data, signature, true);

        GnuPg.Result result = keys.gpg.run("--status-fd", "1", "--verify", signature.toString(), data.toString());

        assertThat(result.exitCode()).as(result.stderr()).isZero();
        assertThat(result.stdout()).contains("[GNUPG:] VALIDSIG " + keys.ed25519Fingerprint);
    }

    @Test
    void subkeySignatureVerifies() throws Exception {
        Path data = Files.writeString(temp.resolve("data.txt"), "data");
        Path signature = temp.resolve("data.txt.asc");
        sign(new OpenPgpSigner(subkey), data, signature, true);

        GnuPg.Result result = keys.gpg.run("--status-fd", "1", "--verify", signature.toString(), data.toString());

        assertThat(result.exitCode()).as(result.stderr()).isZero();
        assertThat(result.stdout()).contains("[GNUPG:] VALIDSIG " + keys.subkeyFingerprint);
    }

    @Test
    void sha512Verifies() throws Exception {
        Path data = Files.writeString(temp.resolve("data.txt"), "data");
        Path signature = temp.resolve("data.txt.sig");
        sign(new OpenPgpSigner(rsa, "SHA-512"), data, signature, false);

        String packets = keys.gpg.ok("--list-packets", signature.toString()).stdout();
        GnuPg.Result result = keys.gpg.run("--verify", signature.toString(), data.toString());

        assertThat(packets).contains("digest algo 10");
        assertThat(result.exitCode()).as(result.stderr()).isZero();
    }

    @Test
    void sha1Rejected() {
        assertThatThrownBy(() -> new OpenPgpSigner(rsa, "SHA1"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("SHA256");
    }

    @Test
    void binarySignatureIsV4RsaSha256() throws Exception {
        byte[] header = "an rpm header region".getBytes(StandardCharsets.US_ASCII);
        Path signature = Files.write(temp.resolve("header.sig"), new OpenPgpSigner(rsa).binarySignature(header));

        String packets = keys.gpg.ok("--list-packets", signature.toString()).stdout();

        assertThat(packets).contains(":signature packet: algo 1, keyid " + rsa.keyId());
        assertThat(packets).contains("version 4, created");
        assertThat(packets).contains("sigclass 0x00");
        assertThat(packets).contains("digest algo 8");
        assertThat(packets).contains("hashed subpkt 2 len 4 (sig created");
        assertThat(packets).contains("hashed subpkt 33 len 21 (issuer fpr v4 " + keys.rsaFingerprint + ")");
    }

    @Test
    void binarySignatureIsOnePacket() throws Exception {
        byte[] signature = new OpenPgpSigner(rsa).binarySignature(new byte[] {1});
        Path file = Files.write(temp.resolve("one.sig"), signature);

        String packets = keys.gpg.ok("--list-packets", file.toString()).stdout();

        assertThat(packets.split(":signature packet:", -1)).hasSize(2);
        // Old-format packet header for tag 2 with a two-byte length, as gpg writes it.
        assertThat(signature[0]).isEqualTo((byte) 0x89);
    }

    @Test
    void binarySignatureVerifies() throws Exception {
        byte[] header = {(byte) 0x8e, (byte) 0xad, (byte) 0xe8, 1, 0, 0, 0, 0};
        Path data = Files.write(temp.resolve("header.bin"), header);
        Path signature = Files.write(temp.resolve("header.sig"), new OpenPgpSigner(rsa).binarySignature(header));

        GnuPg.Result result = keys.gpg.run("--status-fd", "1", "--verify", signature.toString(), data.toString());

        assertThat(result.stdout()).contains("[GNUPG:] VALIDSIG " + keys.rsaFingerprint);
    }

    @Test
    void clearSignedVerifies() throws Exception {
        GnuPg.Result result = verifyClearSigned(rsa, "Origin: test\nLabel: test\n");

        assertThat(result.exitCode()).as(result.stderr()).isZero();
        assertThat(result.stdout()).contains("[GNUPG:] VALIDSIG " + keys.rsaFingerprint);
    }

    @Test
    void clearSignedHardTextVerifies() throws Exception {
        String text = "-----BEGIN PGP SIGNATURE-----\n- dash\n--\ntrailing spaces   \ttab\t\n"
                + "Größe: 3 € ✓\n\n\nFrom here\nno final newline";

        GnuPg.Result result = verifyClearSigned(rsa, text);

        assertThat(result.exitCode()).as(result.stderr()).isZero();
        assertThat(result.stdout()).contains("[GNUPG:] GOODSIG");
    }

    @Test
    void clearSignedOutputMatchesText() throws Exception {
        String text = "-leading dash\nGröße ✓\n\nlast line\n";
        Path signed = Files.writeString(temp.resolve("InRelease"), new OpenPgpSigner(rsa).clearSign(text));
        Path output = temp.resolve("recovered.txt");

        keys.gpg.ok("--output", output.toString(), "--decrypt", signed.toString());

        assertThat(Files.readString(output)).isEqualTo(text);
    }

    @Test
    void clearSignedMatchesGpgHashing() throws Exception {
        String text = "Suite: stable\n-x\ntrailing  \n";
        Path signed = Files.writeString(temp.resolve("ours.asc"), new OpenPgpSigner(rsa).clearSign(text));
        Path plain = Files.writeString(temp.resolve("plain.txt"), text);
        Path gpgSigned = temp.resolve("gpg.asc");
        keys.gpg.ok(
                "--local-user",
                keys.rsaFingerprint,
                "--digest-algo",
                "SHA256",
                "--output",
                gpgSigned.toString(),
                "--clearsign",
                plain.toString());

        String ours = Files.readString(signed);
        String theirs = Files.readString(gpgSigned);

        assertThat(ours.substring(0, ours.indexOf("-----BEGIN PGP SIGNATURE")))
                .isEqualTo(theirs.substring(0, theirs.indexOf("-----BEGIN PGP SIGNATURE")));
    }

    @Test
    void clearSignedCrLfVerifies() throws Exception {
        GnuPg.Result result = verifyClearSigned(rsa, "line one\r\n-line two \r\n");

        assertThat(result.exitCode()).as(result.stderr()).isZero();
    }

    @Test
    void clearSignedEmptyVerifies() throws Exception {
        GnuPg.Result result = verifyClearSigned(rsa, "");

        assertThat(result.exitCode()).as(result.stderr()).isZero();
    }

    @Test
    void clearSignedEd25519Verifies() throws Exception {
        GnuPg.Result result = verifyClearSigned(ed25519, "name: chart\nversion: 1.0.0\n\n...\nfiles:\n");

        assertThat(result.exitCode()).as(result.stderr()).isZero();
    }

    @Test
    void clearSignedDashEscapes() throws Exception {
        String signed = new OpenPgpSigner(rsa).clearSign("-a\nb\n");

        assertThat(signed)
                .startsWith(
                        "-----BEGIN PGP SIGNED MESSAGE-----\nHash: SHA256\n\n- -a\nb\n-----BEGIN PGP SIGNATURE-----\n");
    }

    @Test
    void clearSignedKeepsTrailingWhitespace() throws Exception {
        String signed = new OpenPgpSigner(rsa).clearSign("a  \nb");

        assertThat(signed).contains("\n\na  \nb\n-----BEGIN PGP SIGNATURE-----\n");
    }

    @Test
    void clearSignedChangedTextFails() throws Exception {
        String signed = new OpenPgpSigner(rsa).clearSign("Version: 1.0\n");
        Path file = Files.writeString(temp.resolve("changed.asc"), signed.replace("1.0", "2.0"));

        GnuPg.Result result = keys.gpg.run("--status-fd", "1", "--verify", file.toString());

        assertThat(result.stdout()).contains("[GNUPG:] BADSIG");
    }

    @Test
    void exportedBinaryKeyImportsAndVerifies() throws Exception {
        assertExportVerifies(subkey.publicKeyBinary(), subkey);
    }

    @Test
    void exportedArmoredKeyImportsAndVerifies() throws Exception {
        assertExportVerifies(rsa.publicKeyArmored().getBytes(StandardCharsets.US_ASCII), rsa);
    }

    @Test
    void exportedArmoredKeyHasPublicHeader() {
        assertThat(rsa.publicKeyArmored()).startsWith("-----BEGIN PGP PUBLIC KEY BLOCK-----\n\n");
    }

    @Test
    void exportedKeyHasNoSecret() throws Exception {
        Path exported = Files.write(temp.resolve("key.gpg"), rsa.publicKeyBinary());

        String packets = keys.gpg.ok("--list-packets", exported.toString()).stdout();

        assertThat(packets).contains(":public key packet:");
        assertThat(packets).doesNotContain(":secret key packet:");
    }

    /** Imports {@code exported} into a fresh GNUPGHOME and verifies a signature by {@code key} there. */
    private void assertExportVerifies(byte[] exported, SigningKey key) throws Exception {
        GnuPg fresh = GnuPg.createVerifyOnly(Files.createDirectories(temp.resolve("fresh")));
        Path keyFile = Files.write(temp.resolve("exported-key"), exported);
        fresh.ok("--import", keyFile.toString());
        Path data = Files.writeString(temp.resolve("payload"), "payload\n");
        Path signature = temp.resolve("payload.asc");
        sign(new OpenPgpSigner(key), data, signature, true);

        GnuPg.Result result = fresh.run("--status-fd", "1", "--verify", signature.toString(), data.toString());

        assertThat(result.stdout()).contains("[GNUPG:] VALIDSIG " + key.fingerprint());
    }

    private GnuPg.Result verifyClearSigned(SigningKey key, String text) throws Exception {
        Path file = Files.writeString(temp.resolve("signed.asc"), new OpenPgpSigner(key).clearSign(text));
        return keys.gpg.run("--status-fd", "1", "--verify", file.toString());
    }

    private static void sign(OpenPgpSigner signer, Path data, Path signature, boolean armored) throws IOException {
        try (InputStream in = Files.newInputStream(data);
                OutputStream out = Files.newOutputStream(signature)) {
            signer.detachedSignature(in, out, armored);
        }
    }
}
