package dev.distribution.format.raw;

import dev.distribution.core.payload.Payload;
import dev.distribution.core.payload.PayloadEntry;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.zip.Deflater;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.archivers.tar.TarConstants;
import org.apache.commons.compress.archivers.zip.UnixStat;
import org.apache.commons.compress.archivers.zip.X5455_ExtendedTimestamp;
import org.apache.commons.compress.archivers.zip.Zip64Mode;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveOutputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorOutputStream;
import org.apache.commons.compress.compressors.gzip.GzipParameters;

/**
 * Writes payload entries into a reproducible {@code .tar.gz} or {@code .zip}: entries sorted by
 * path, every time set to the build's output timestamp, owners fixed, nothing taken from the
 * machine that runs the build. File contents are streamed, so memory use does not grow with file
 * size.
 *
 * <p>Tar archives use POSIX pax headers for names and link targets longer than the ustar fields or
 * not in ASCII, numeric ids 0 with the owner and group names from the entries, and a gzip header
 * without file name or time. Zip archives carry Unix modes in the external attributes (so {@code
 * unzip} restores executable bits), store symbolic links as Unix link entries, set the UTF-8 name
 * flag, and add the Info-ZIP extended timestamp.
 *
 * <p>The output is byte-identical for identical entries, contents and timestamp on the same JDK
 * and zlib; another zlib version may compress differently.
 */
public final class ArchiveWriter {
    /** Operating system byte of the gzip header: 3 is Unix (RFC 1952). */
    private static final int GZIP_OS_UNIX = 3;

    private static final int BUFFER_SIZE = 64 * 1024;

    /** The earliest time a zip entry's DOS date can hold; earlier times are stored as this. */
    private static final LocalDateTime DOS_EPOCH = LocalDateTime.of(1980, 1, 1, 0, 0);

    private ArchiveWriter() {}

    /**
     * Writes an archive. The output is written to a temporary file next to it and moved into place,
     * so a failed build never leaves a truncated archive under the final name.
     *
     * @param entries the entries, usually from {@link Payload#resolve}; they are written sorted by
     *     {@link Payload#PATH_ORDER} whatever their order here
     * @param rootFolder the folder every entry is put under, such as {@code hello-1.0}; empty or
     *     null puts the entries at the top of the archive
     * @param format the archive format
     * @param output the archive file; replaced if it exists
     * @param timestamp the time of every entry, usually from {@code OutputTimestamp.resolve};
     *     truncated to seconds
     * @throws IllegalArgumentException when {@code rootFolder} has empty, {@code .} or {@code ..}
     *     segments or a backslash
     * @throws IOException when a source cannot be read, changed size while it was read, or the
     *     output cannot be written
     */
    public static void write(
            List<PayloadEntry> entries, String rootFolder, ArchiveFormat format, Path output, Instant timestamp)
            throws IOException {
        List<PayloadEntry> sorted = new ArrayList<>(entries);
        sorted.sort(Comparator.comparing(PayloadEntry::path, Payload.PATH_ORDER));
        for (int i = 1; i < sorted.size(); i++) {
            if (sorted.get(i).path().equals(sorted.get(i - 1).path())) {
                throw new IllegalArgumentException(
                        "Two entries have the path " + sorted.get(i).path());
            }
        }
        List<PayloadEntry> all = new ArrayList<>(rootDirectories(rootFolder));
        String prefix = all.isEmpty() ? "" : all.get(all.size() - 1).path() + "/";
        for (PayloadEntry entry : sorted) {
            all.add(prefix.isEmpty() ? entry : moved(entry, prefix + entry.path()));
        }
        Instant time = timestamp.truncatedTo(ChronoUnit.SECONDS);

        Path directory = output.toAbsolutePath().getParent();
        Files.createDirectories(directory);
        Path temporary = Files.createTempFile(directory, output.getFileName().toString(), ".part");
        try {
            switch (format) {
                case TAR_GZ -> writeTarGz(all, temporary, time);
                case ZIP -> writeZip(all, temporary, time);
            }
            Files.move(temporary, output, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(temporary);
        }
    }

    private static void writeTarGz(List<PayloadEntry> entries, Path output, Instant time) throws IOException {
        GzipParameters gzip = new GzipParameters();
        // Time 0 means "no time stamp" in RFC 1952; with no file name this matches `gzip -n`.
        gzip.setModificationTime(0);
        gzip.setOperatingSystem(GZIP_OS_UNIX);
        gzip.setCompressionLevel(Deflater.DEFAULT_COMPRESSION);
        try (OutputStream file = Files.newOutputStream(output);
                OutputStream buffered = new BufferedOutputStream(file, BUFFER_SIZE);
                GzipCompressorOutputStream compressed = new GzipCompressorOutputStream(buffered, gzip);
                TarArchiveOutputStream tar = new TarArchiveOutputStream(compressed, StandardCharsets.UTF_8.name())) {
            tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
            tar.setBigNumberMode(TarArchiveOutputStream.BIGNUMBER_POSIX);
            tar.setAddPaxHeadersForNonAsciiNames(true);
            for (PayloadEntry entry : entries) {
                TarArchiveEntry tarEntry = tarEntry(entry, time);
                tar.putArchiveEntry(tarEntry);
                if (entry.type() == PayloadEntry.Type.FILE) {
                    copy(entry, tar);
                }
                tar.closeArchiveEntry();
            }
            tar.finish();
        }
    }

    private static TarArchiveEntry tarEntry(PayloadEntry entry, Instant time) {
        TarArchiveEntry tarEntry =
                switch (entry.type()) {
                    case DIRECTORY -> new TarArchiveEntry(entry.path() + "/", TarConstants.LF_DIR);
                    case SYMLINK -> {
                        TarArchiveEntry link = new TarArchiveEntry(entry.path(), TarConstants.LF_SYMLINK);
                        link.setLinkName(entry.linkTarget());
                        yield link;
                    }
                    case FILE -> {
                        TarArchiveEntry file = new TarArchiveEntry(entry.path(), TarConstants.LF_NORMAL);
                        file.setSize(entry.size());
                        yield file;
                    }
                };
        // Permission bits only, as GNU tar writes them; the type is in the entry's type flag.
        tarEntry.setMode(entry.mode());
        tarEntry.setUserId(0);
        tarEntry.setGroupId(0);
        tarEntry.setUserName(entry.owner());
        tarEntry.setGroupName(entry.group());
        tarEntry.setModTime(FileTime.from(time));
        return tarEntry;
    }

    private static void writeZip(List<PayloadEntry> entries, Path output, Instant time) throws IOException {
        long dosTime = dosTimeInDefaultZone(time);
        try (ZipArchiveOutputStream zip = new ZipArchiveOutputStream(output)) {
            zip.setEncoding(StandardCharsets.UTF_8.name());
            zip.setUseLanguageEncodingFlag(true);
            zip.setCreateUnicodeExtraFields(ZipArchiveOutputStream.UnicodeExtraFieldPolicy.NEVER);
            zip.setUseZip64(Zip64Mode.AsNeeded);
            zip.setLevel(Deflater.DEFAULT_COMPRESSION);
            for (PayloadEntry entry : entries) {
                ZipArchiveEntry zipEntry = zipEntry(entry, time, dosTime);
                zip.putArchiveEntry(zipEntry);
                switch (entry.type()) {
                    case FILE -> copy(entry, zip);
                    case SYMLINK -> zip.write(entry.linkTarget().getBytes(StandardCharsets.UTF_8));
                    case DIRECTORY -> {}
                }
                zip.closeArchiveEntry();
            }
            zip.finish();
        }
    }

    private static ZipArchiveEntry zipEntry(PayloadEntry entry, Instant time, long dosTime) {
        ZipArchiveEntry zipEntry;
        switch (entry.type()) {
            case DIRECTORY -> {
                zipEntry = new FixedTimeZipEntry(entry.path() + "/", dosTime);
                zipEntry.setUnixMode(UnixStat.DIR_FLAG | entry.mode());
                zipEntry.setMethod(ZipArchiveEntry.STORED);
                zipEntry.setSize(0);
            }
            case SYMLINK -> {
                zipEntry = new FixedTimeZipEntry(entry.path(), dosTime);
                zipEntry.setUnixMode(UnixStat.LINK_FLAG | entry.mode());
                zipEntry.setMethod(ZipArchiveEntry.STORED);
                zipEntry.setSize(entry.linkTarget().getBytes(StandardCharsets.UTF_8).length);
            }
            case FILE -> {
                zipEntry = new FixedTimeZipEntry(entry.path(), dosTime);
                zipEntry.setUnixMode(UnixStat.FILE_FLAG | entry.mode());
                zipEntry.setMethod(ZipArchiveEntry.DEFLATED);
                zipEntry.setSize(entry.size());
            }
            default -> throw new IllegalStateException("Unknown entry type " + entry.type());
        }
        // The extended timestamp is UTC, so unzip restores the same mtime in every time zone. Its
        // field is a signed 32-bit count of seconds, which ends in 2038.
        if (time.getEpochSecond() >= 0 && time.getEpochSecond() <= Integer.MAX_VALUE) {
            X5455_ExtendedTimestamp extendedTimestamp = new X5455_ExtendedTimestamp();
            extendedTimestamp.setModifyFileTime(FileTime.from(time));
            zipEntry.addExtraField(extendedTimestamp);
        }
        return zipEntry;
    }

    /**
     * A zip entry whose DOS time is fixed. {@code ZipArchiveEntry.setTime} cannot be used: it moves
     * times after 2097-11-30 into extra fields, and adding the extended timestamp afterwards makes
     * {@code getTime} return that field's time, which the output stream then converts in the default
     * time zone.
     */
    private static final class FixedTimeZipEntry extends ZipArchiveEntry {
        private final long dosTime;

        FixedTimeZipEntry(String name, long dosTime) {
            super(name);
            this.dosTime = dosTime;
        }

        /** Returns the time the output stream converts into the DOS date and time fields. */
        @Override
        public long getTime() {
            return dosTime;
        }
    }

    /**
     * Returns the Java time that commons-compress turns into DOS date and time fields equal to the
     * UTC date and time of {@code time}. A zip entry's DOS time has no time zone, and commons-compress
     * converts with the JVM's default zone, so converting the UTC fields back through that zone keeps
     * the bytes the same whatever {@code TZ} is. Times before 1980 are stored as 1980-01-01 00:00.
     *
     * @throws IOException when the UTC date and time do not exist in the default zone because a
     *     daylight saving gap skips them; setting {@code TZ=UTC} avoids that
     */
    static long dosTimeInDefaultZone(Instant time) throws IOException {
        LocalDateTime utc = LocalDateTime.ofInstant(time, ZoneOffset.UTC);
        if (utc.isBefore(DOS_EPOCH)) {
            utc = DOS_EPOCH;
        }
        ZoneId zone = ZoneId.systemDefault();
        ZonedDateTime local = utc.atZone(zone);
        if (!local.toLocalDateTime().equals(utc)) {
            throw new IOException("Cannot write the zip time " + utc + " in the time zone " + zone
                    + ", where a daylight saving change skips it; build with TZ=UTC or another output timestamp");
        }
        return local.toInstant().toEpochMilli();
    }

    private static void copy(PayloadEntry entry, OutputStream archive) throws IOException {
        try (InputStream in = Files.newInputStream(entry.source())) {
            long copied = in.transferTo(archive);
            if (copied != entry.size()) {
                throw new IOException("The file " + entry.source() + " changed size while it was archived: "
                        + entry.size() + " bytes expected, " + copied + " read");
            }
        }
    }

    private static List<PayloadEntry> rootDirectories(String rootFolder) {
        List<PayloadEntry> directories = new ArrayList<>();
        if (rootFolder == null || rootFolder.isEmpty()) {
            return directories;
        }
        String folder = rootFolder.endsWith("/") ? rootFolder.substring(0, rootFolder.length() - 1) : rootFolder;
        StringBuilder path = new StringBuilder();
        for (String segment : folder.split("/", -1)) {
            if (path.length() > 0) {
                path.append('/');
            }
            path.append(segment);
            // The entry's constructor rejects empty, '.', '..' and backslash segments.
            directories.add(
                    PayloadEntry.directory(path.toString(), Payload.EXECUTABLE_MODE, Payload.ROOT, Payload.ROOT));
        }
        return directories;
    }

    private static PayloadEntry moved(PayloadEntry entry, String path) {
        return new PayloadEntry(
                entry.type(),
                path,
                entry.source(),
                entry.linkTarget(),
                entry.mode(),
                entry.owner(),
                entry.group(),
                entry.size(),
                entry.config());
    }
}
