package dev.distribution.signing;

import dev.distribution.core.Redactor;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Stands in for gpg in rpmsign's {@code %__gpg_sign_cmd}: reads the header bytes rpmsign writes to
 * stdin and writes {@link OpenPgpSigner#binarySignature(byte[])} to the signature file.
 */
public final class RpmSignCommand {
    private RpmSignCommand() {}

    /** Arguments: the secret key file and the signature file to write. */
    public static void main(String[] args) throws Exception {
        SigningKey key = SigningKeys.resolve(Path.of(args[0]), null, null, null, Map.of(), new Redactor());
        byte[] header = System.in.readAllBytes();
        Files.write(Path.of(args[1]), new OpenPgpSigner(key).binarySignature(header));
    }
}
