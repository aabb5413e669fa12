package dev.distribution.format.rpm;

import dev.distribution.signing.OpenPgpSigner;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import org.eclipse.packager.rpm.RpmSignatureTag;
import org.eclipse.packager.rpm.header.Header;
import org.eclipse.packager.rpm.signature.SignatureProcessor;

/**
 * Adds an OpenPGP signature of the header, as {@code rpmsign --addsign} does on rpm 4.16 and later,
 * to the {@code RPMSIGTAG_RSA} tag. rpm uses that tag for RSA and EdDSA header signatures alike.
 * The signer hashes with SHA-256.
 */
final class HeaderSignatureProcessor implements SignatureProcessor {
    private final OpenPgpSigner signer;
    private final ByteArrayOutputStream header = new ByteArrayOutputStream();

    HeaderSignatureProcessor(OpenPgpSigner signer) {
        this.signer = signer;
    }

    @Override
    public void feedHeader(ByteBuffer data) {
        ByteBuffer copy = data.slice();
        byte[] bytes = new byte[copy.remaining()];
        copy.get(bytes);
        header.write(bytes, 0, bytes.length);
    }

    @Override
    public void feedPayloadData(ByteBuffer data) {
        // A header signature covers the header only; the header's payload digest covers the payload.
    }

    @Override
    public void finish(Header<RpmSignatureTag> signature) {
        try {
            signature.putBlob(RpmSignatureTag.RSAHEADER.getValue(), signer.binarySignature(header.toByteArray()));
        } catch (IOException e) {
            throw new UncheckedIOException("Signing the RPM header failed", e);
        }
    }
}
