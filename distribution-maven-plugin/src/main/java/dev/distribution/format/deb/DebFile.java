package dev.distribution.format.deb;

import dev.distribution.core.PublishException;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.commons.compress.archivers.ar.ArArchiveEntry;
import org.apache.commons.compress.archivers.ar.ArArchiveInputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream;
import org.apache.commons.compress.compressors.xz.XZCompressorInputStream;

/** Reads the control file of an existing {@code .deb}, built by this plugin, dpkg-deb or any other tool. */
public final class DebFile {
    private DebFile() {}

    /**
     * Returns the text of the {@code control} file inside the package's control archive.
     *
     * @throws PublishException when the file is not a Debian binary package or cannot be read
     */
    public static String controlText(Path deb) throws PublishException {
        try (ArArchiveInputStream ar = new ArArchiveInputStream(new BufferedInputStream(Files.newInputStream(deb)))) {
            ArArchiveEntry member;
            while ((member = ar.getNextEntry()) != null) {
                String name = member.getName();
                if (name.startsWith("control.tar")) {
                    return readControl(decompress(name, ar), deb);
                }
            }
        } catch (IOException e) {
            throw new PublishException("Could not read " + deb + " as a Debian package: " + e.getMessage(), e);
        }
        throw new PublishException(deb + " is not a Debian binary package: it has no control archive.");
    }

    /** Returns the parsed control fields of the package. */
    public static ControlStanza control(Path deb) throws PublishException {
        return ControlStanza.parse(controlText(deb));
    }

    private static InputStream decompress(String member, InputStream in) throws IOException, PublishException {
        if (member.equals("control.tar")) {
            return in;
        }
        if (member.equals("control.tar.gz")) {
            return new GzipCompressorInputStream(in);
        }
        if (member.equals("control.tar.xz")) {
            return new XZCompressorInputStream(in);
        }
        throw new PublishException("The control archive " + member + " uses a compression this plugin cannot read;"
                + " rebuild the package with gzip or xz.");
    }

    private static String readControl(InputStream tarStream, Path deb) throws IOException, PublishException {
        TarArchiveInputStream tar = new TarArchiveInputStream(tarStream, StandardCharsets.UTF_8.name());
        TarArchiveEntry entry;
        while ((entry = tar.getNextEntry()) != null) {
            String name = entry.getName();
            if (name.equals("./control") || name.equals("control")) {
                return new String(tar.readAllBytes(), StandardCharsets.UTF_8);
            }
        }
        throw new PublishException(deb + " has no control file in its control archive.");
    }
}
