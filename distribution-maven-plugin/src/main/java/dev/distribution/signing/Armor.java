package dev.distribution.signing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.bouncycastle.bcpg.ArmoredOutputStream;

/** ASCII armor with {@code \n} line endings whatever the platform, and no Version header. */
final class Armor {
    private Armor() {}

    /**
     * Returns {@code packets} armored. Bouncy Castle ends armor lines with the platform line
     * separator, so the result is normalised to {@code \n} to make files the same on every OS.
     */
    static String armor(byte[] packets) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ArmoredOutputStream armored = ArmoredOutputStream.builder().build(out)) {
            armored.write(packets);
        } catch (IOException e) {
            throw new UncheckedIOException("Armoring in memory failed", e);
        }
        return out.toString(StandardCharsets.US_ASCII).replace("\r\n", "\n");
    }
}
