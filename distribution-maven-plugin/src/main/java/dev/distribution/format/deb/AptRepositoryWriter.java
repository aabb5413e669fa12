package dev.distribution.format.deb;

import dev.distribution.core.Checksums;
import dev.distribution.core.ConflictException;
import dev.distribution.core.InvalidConfigurationException;
import dev.distribution.core.PublishException;
import dev.distribution.core.Reporter;
import java.io.BufferedWriter;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Reader;
import java.io.Writer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apache.commons.compress.compressors.gzip.GzipCompressorOutputStream;
import org.apache.commons.compress.compressors.gzip.GzipParameters;
import org.apache.commons.compress.compressors.xz.XZCompressorOutputStream;

/**
 * Adds packages to a static APT repository in a local folder, the layout apt-get reads over HTTP or
 * from {@code file:} URLs:
 *
 * <pre>
 * pool/&lt;component&gt;/&lt;prefix&gt;/&lt;package&gt;/&lt;package&gt;_&lt;version&gt;_&lt;arch&gt;.deb
 * dists/&lt;distribution&gt;/&lt;component&gt;/binary-&lt;arch&gt;/Packages, Packages.gz, Packages.xz, by-hash/
 * dists/&lt;distribution&gt;/Release, Release.gpg, InRelease
 * repository-key.asc, repository-key.gpg
 * </pre>
 *
 * <p>New packages are merged into the existing {@code Packages} indexes, so other packages and
 * versions stay listed; only the indexes are read, never the published {@code .deb} files. A package
 * whose name, version and architecture are already published with other content is a conflict, and
 * nothing is written then. Files are written pool first, indexes next and {@code Release} last, each
 * through a temporary file and an atomic rename, and the indexes are also written under
 * {@code by-hash/}, so a client that reads during an update gets a consistent repository. A lock
 * file guards against concurrent writers on the same machine.
 */
public final class AptRepositoryWriter {
    /** The armored public key file at the repository root. */
    public static final String KEY_ARMORED = "repository-key.asc";

    /** The binary public key file at the repository root. */
    public static final String KEY_BINARY = "repository-key.gpg";

    private static final List<String> DIGESTS =
            List.of(Checksums.MD5, Checksums.SHA1, Checksums.SHA256, Checksums.SHA512);
    private static final Map<String, String> RELEASE_FIELDS = Map.of(
            Checksums.MD5, "MD5Sum", Checksums.SHA1, "SHA1", Checksums.SHA256, "SHA256", Checksums.SHA512, "SHA512");
    private static final Map<String, String> PACKAGES_FIELDS = Map.of(
            Checksums.MD5, "MD5sum", Checksums.SHA1, "SHA1", Checksums.SHA256, "SHA256", Checksums.SHA512, "SHA512");
    private static final List<String> INDEX_NAMES = List.of("Packages", "Packages.gz", "Packages.xz");
    private static final DateTimeFormatter RFC_2822 = DateTimeFormatter.ofPattern(
                    "EEE, dd MMM yyyy HH:mm:ss Z", Locale.ENGLISH)
            .withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter RFC_2822_LENIENT = DateTimeFormatter.RFC_1123_DATE_TIME;
    /** Field order of a {@code Packages} stanza, as apt-ftparchive writes it; other fields go before Filename. */
    private static final List<String> LEADING_FIELDS = List.of(
            "Package",
            "Source",
            "Architecture",
            "Version",
            "Multi-Arch",
            "Essential",
            "Priority",
            "Section",
            "Maintainer",
            "Installed-Size",
            "Provides",
            "Pre-Depends",
            "Depends",
            "Recommends",
            "Suggests",
            "Breaks",
            "Conflicts",
            "Replaces",
            "Enhances");

    private static final List<String> TRAILING_FIELDS =
            List.of("Filename", "Size", "MD5sum", "SHA1", "SHA256", "SHA512", "Homepage", "Description");

    private final Path root;
    private final AptRepositoryLayout layout;
    private final ReleaseSigner signer;
    private final Reporter reporter;

    /**
     * Creates a writer for the repository at {@code root}.
     *
     * @param signer signs {@code Release}; null writes an unsigned repository, which apt only accepts
     *     with {@code [trusted=yes]}
     */
    public AptRepositoryWriter(Path root, AptRepositoryLayout layout, ReleaseSigner signer, Reporter reporter)
            throws InvalidConfigurationException {
        this.root = root;
        this.layout = layout.validate();
        this.signer = signer;
        this.reporter = reporter;
    }

    /** One package to add. */
    private record Candidate(
            Path file, ControlStanza stanza, String key, String architecture, String poolPath, String sha256) {}

    /**
     * Adds packages and rewrites the indexes and {@code Release}.
     *
     * @param date the {@code Date} of the new {@code Release}; an earlier date than the published one is
     *     raised to it, because apt rejects a {@code Release} older than the one it has
     * @throws InvalidConfigurationException when no machine architecture is configured or published
     * @throws ConflictException when a package's name, version and architecture are published with
     *     other content; nothing is written then
     */
    public AptPublication publish(List<Path> debs, Instant date)
            throws InvalidConfigurationException, ConflictException, PublishException {
        List<Candidate> candidates = new ArrayList<>();
        for (Path deb : debs) {
            candidates.add(candidate(deb));
        }
        try {
            Files.createDirectories(root);
            try (FileChannel channel = FileChannel.open(
                            root.resolve(".lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                    FileLock lock = channel.lock()) {
                return publishLocked(candidates, date);
            }
        } catch (IOException e) {
            throw new PublishException("Could not update the APT repository at " + root + ": " + e.getMessage(), e);
        }
    }

    private AptPublication publishLocked(List<Candidate> candidates, Instant date)
            throws IOException, InvalidConfigurationException, ConflictException, PublishException {
        Path dist = root.resolve("dists").resolve(layout.distribution());
        ControlStanza previousRelease = readRelease(dist.resolve("Release"));
        Set<String> architectures = new TreeSet<>(layout.architectures());
        if (previousRelease != null && previousRelease.get("Architectures") != null) {
            architectures.addAll(
                    List.of(previousRelease.get("Architectures").trim().split("\\s+")));
        }
        candidates.stream()
                .map(Candidate::architecture)
                .filter(arch -> !arch.equals("all"))
                .forEach(architectures::add);
        architectures.remove("all");
        if (architectures.isEmpty()) {
            throw new InvalidConfigurationException(
                    "<deb><architectures>",
                    "",
                    "at least one machine architecture",
                    "List the architectures clients run, such as amd64.");
        }

        Map<String, Map<String, ControlStanza>> indexes = new TreeMap<>();
        Map<String, ControlStanza> allArchitecture = new TreeMap<>();
        for (String architecture : architectures) {
            Map<String, ControlStanza> index =
                    readIndex(indexDirectory(architecture).resolve("Packages"));
            indexes.put(architecture, index);
            index.forEach((key, stanza) -> {
                if ("all".equals(stanza.get("Architecture"))) {
                    allArchitecture.putIfAbsent(key, stanza);
                }
            });
        }

        List<ConflictException.Conflict> conflicts = new ArrayList<>();
        List<String> alreadyPublished = new ArrayList<>();
        Map<String, Candidate> accepted = new LinkedHashMap<>();
        for (Candidate candidate : candidates) {
            Candidate earlier = accepted.get(candidate.key());
            String published = publishedSha256(candidate, indexes, allArchitecture);
            Path poolFile = root.resolve(candidate.poolPath());
            if (earlier != null && !earlier.sha256().equals(candidate.sha256())) {
                conflicts.add(
                        new ConflictException.Conflict(candidate.poolPath(), candidate.sha256(), earlier.sha256()));
            } else if (published != null && !published.equalsIgnoreCase(candidate.sha256())) {
                conflicts.add(new ConflictException.Conflict(candidate.poolPath(), candidate.sha256(), published));
            } else if (Files.exists(poolFile) && !Checksums.sha256(poolFile).equals(candidate.sha256())) {
                conflicts.add(new ConflictException.Conflict(
                        candidate.poolPath(), candidate.sha256(), Checksums.sha256(poolFile)));
            } else if (published != null) {
                alreadyPublished.add(candidate.poolPath());
            } else {
                accepted.put(candidate.key(), candidate);
            }
        }
        if (!conflicts.isEmpty()) {
            throw new ConflictException(
                    conflicts,
                    "A package version is published once: raise the version (the project version, or <deb><version> or"
                            + " <deb><revision>), or remove the published package from the repository first.");
        }

        for (Candidate candidate : accepted.values()) {
            if (candidate.architecture().equals("all")) {
                allArchitecture.put(candidate.key(), candidate.stanza());
            }
        }
        List<String> written = new ArrayList<>();
        Set<String> changedArchitectures = new TreeSet<>();
        for (String architecture : architectures) {
            Map<String, ControlStanza> index = indexes.get(architecture);
            int before = index.size();
            allArchitecture.forEach(index::putIfAbsent);
            for (Candidate candidate : accepted.values()) {
                if (candidate.architecture().equals(architecture)) {
                    index.put(candidate.key(), candidate.stanza());
                }
            }
            boolean missing = !Files.exists(indexDirectory(architecture).resolve("Packages"));
            if (index.size() != before || missing) {
                changedArchitectures.add(architecture);
            }
        }
        boolean unsignedButSigned = signer == null && Files.exists(dist.resolve("InRelease"));
        if (accepted.isEmpty() && changedArchitectures.isEmpty() && previousRelease != null && !unsignedButSigned) {
            reporter.info("The APT repository at " + root + " already lists every package; nothing to write.");
            return new AptPublication(written, alreadyPublished);
        }

        for (Candidate candidate : accepted.values()) {
            Path target = root.resolve(candidate.poolPath());
            Files.createDirectories(target.getParent());
            Path partial = Files.createTempFile(target.getParent(), ".deb", ".partial");
            try {
                Files.copy(candidate.file(), partial, StandardCopyOption.REPLACE_EXISTING);
                Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } finally {
                Files.deleteIfExists(partial);
            }
            written.add(candidate.poolPath());
            reporter.info("Added " + candidate.poolPath());
        }
        for (String architecture : changedArchitectures) {
            writeIndex(architecture, indexes.get(architecture).values(), written);
        }
        writeRelease(dist, previousRelease, architectures, date, written);
        return new AptPublication(written, alreadyPublished);
    }

    private Candidate candidate(Path deb) throws PublishException {
        ControlStanza control = DebFile.control(deb);
        String name = control.get("Package");
        String version = control.get("Version");
        String architecture = control.get("Architecture");
        if (name == null || version == null || architecture == null) {
            throw new PublishException(deb
                    + " is not a valid binary package: its control file lacks Package, Version or" + " Architecture.");
        }
        Map<String, String> digests;
        long size;
        try {
            digests = Checksums.digests(deb, DIGESTS);
            size = Files.size(deb);
        } catch (IOException e) {
            throw new PublishException("Could not read " + deb + ": " + e.getMessage(), e);
        }
        String poolPath = "pool/" + layout.component() + "/" + poolPrefix(name) + "/" + name + "/" + name + "_"
                + DebianVersions.withoutEpoch(version) + "_" + architecture + ".deb";
        ControlStanza stanza = new ControlStanza();
        control.fields().forEach(stanza::set);
        stanza.set("Filename", poolPath);
        stanza.set("Size", Long.toString(size));
        DIGESTS.forEach(digest -> stanza.set(PACKAGES_FIELDS.get(digest), digests.get(digest)));
        String key = name + " " + version + " " + architecture;
        return new Candidate(deb, ordered(stanza), key, architecture, poolPath, digests.get(Checksums.SHA256));
    }

    /** Returns the directory name below {@code pool/<component>/}: {@code libf} for libfoo, else the first letter. */
    static String poolPrefix(String packageName) {
        return packageName.startsWith("lib") && packageName.length() > 3
                ? packageName.substring(0, 4)
                : packageName.substring(0, 1);
    }

    private static String publishedSha256(
            Candidate candidate,
            Map<String, Map<String, ControlStanza>> indexes,
            Map<String, ControlStanza> allArchitecture) {
        ControlStanza existing = candidate.architecture().equals("all")
                ? allArchitecture.get(candidate.key())
                : indexes.getOrDefault(candidate.architecture(), Map.of()).get(candidate.key());
        if (existing == null) {
            return null;
        }
        String sha256 = existing.get("SHA256");
        return sha256 == null ? "(no SHA256 in the index)" : sha256;
    }

    private Path indexDirectory(String architecture) {
        return root.resolve("dists")
                .resolve(layout.distribution())
                .resolve(layout.component())
                .resolve("binary-" + architecture);
    }

    private static Map<String, ControlStanza> readIndex(Path packages) throws IOException, PublishException {
        Map<String, ControlStanza> index = new TreeMap<>();
        if (!Files.exists(packages)) {
            return index;
        }
        try (Reader reader = Files.newBufferedReader(packages, StandardCharsets.UTF_8)) {
            for (ControlStanza stanza : ControlStanza.parseAll(reader)) {
                String key = stanza.get("Package") + " " + stanza.get("Version") + " " + stanza.get("Architecture");
                index.put(key, stanza);
            }
        } catch (IllegalArgumentException e) {
            throw new PublishException(
                    "The existing index " + packages + " is not a valid Packages file: " + e.getMessage()
                            + ". Repair or remove it.",
                    e);
        }
        return index;
    }

    private static ControlStanza readRelease(Path release) throws IOException, PublishException {
        if (!Files.exists(release)) {
            return null;
        }
        try {
            return ControlStanza.parse(Files.readString(release, StandardCharsets.UTF_8));
        } catch (IllegalArgumentException e) {
            throw new PublishException(
                    "The existing " + release + " is not a valid Release file: " + e.getMessage(), e);
        }
    }

    private void writeIndex(String architecture, java.util.Collection<ControlStanza> stanzas, List<String> written)
            throws IOException {
        Path directory = indexDirectory(architecture);
        Files.createDirectories(directory);
        List<ControlStanza> sorted = new ArrayList<>(stanzas);
        sorted.sort(Comparator.comparing((ControlStanza stanza) -> stanza.get("Package"))
                .thenComparing((left, right) -> DebianVersions.compare(left.get("Version"), right.get("Version")))
                .thenComparing(stanza -> stanza.get("Architecture")));
        Path plain = Files.createTempFile(directory, ".Packages", ".partial");
        Path gzip = Files.createTempFile(directory, ".Packages.gz", ".partial");
        Path xz = Files.createTempFile(directory, ".Packages.xz", ".partial");
        try {
            try (Writer writer =
                    new BufferedWriter(new OutputStreamWriter(Files.newOutputStream(plain), StandardCharsets.UTF_8))) {
                for (ControlStanza stanza : sorted) {
                    writer.write(stanza.toString());
                    writer.write('\n');
                }
            }
            GzipParameters parameters = new GzipParameters();
            parameters.setCompressionLevel(9);
            try (OutputStream out = new GzipCompressorOutputStream(Files.newOutputStream(gzip), parameters)) {
                Files.copy(plain, out);
            }
            try (OutputStream out = new XZCompressorOutputStream(Files.newOutputStream(xz))) {
                Files.copy(plain, out);
            }
            String prefix = root.relativize(directory).toString().replace('\\', '/') + "/";
            Map<String, Path> files = new LinkedHashMap<>();
            files.put("Packages", plain);
            files.put("Packages.gz", gzip);
            files.put("Packages.xz", xz);
            // by-hash copies first: a client holding the new Release finds them before the named files change.
            for (Path file : files.values()) {
                Map<String, String> digests = Checksums.digests(file, DIGESTS);
                for (String digest : DIGESTS) {
                    String relative = "by-hash/" + RELEASE_FIELDS.get(digest) + "/" + digests.get(digest);
                    Path target = directory.resolve(relative);
                    if (!Files.exists(target)) {
                        Files.createDirectories(target.getParent());
                        copyAtomically(file, target);
                        written.add(prefix + relative);
                    }
                }
            }
            for (Map.Entry<String, Path> file : files.entrySet()) {
                Files.move(
                        file.getValue(),
                        directory.resolve(file.getKey()),
                        StandardCopyOption.REPLACE_EXISTING,
                        StandardCopyOption.ATOMIC_MOVE);
                written.add(prefix + file.getKey());
            }
        } finally {
            Files.deleteIfExists(plain);
            Files.deleteIfExists(gzip);
            Files.deleteIfExists(xz);
        }
    }

    private void writeRelease(
            Path dist, ControlStanza previous, Set<String> architectures, Instant date, List<String> written)
            throws IOException, PublishException {
        Instant releaseDate = date;
        Instant previousDate = previous == null ? null : parseDate(previous.get("Date"));
        if (previousDate != null && previousDate.isAfter(releaseDate)) {
            releaseDate = previousDate;
        }
        Set<String> components = new TreeSet<>();
        components.add(layout.component());
        if (previous != null && previous.get("Components") != null) {
            components.addAll(List.of(previous.get("Components").trim().split("\\s+")));
        }
        // Entries of other components stay as published; this component's files are hashed from disk.
        Map<String, Map<String, String[]>> entries = new LinkedHashMap<>();
        for (String digest : DIGESTS) {
            entries.put(digest, new TreeMap<>());
            if (previous != null && previous.get(RELEASE_FIELDS.get(digest)) != null) {
                for (String line : previous.get(RELEASE_FIELDS.get(digest)).split("\n")) {
                    String[] parts = line.trim().split("\\s+");
                    if (parts.length == 3 && !parts[2].startsWith(layout.component() + "/")) {
                        entries.get(digest).put(parts[2], new String[] {parts[0], parts[1]});
                    }
                }
            }
        }
        for (String architecture : architectures) {
            for (String name : INDEX_NAMES) {
                Path file = indexDirectory(architecture).resolve(name);
                String relative = layout.component() + "/binary-" + architecture + "/" + name;
                Map<String, String> digests = Checksums.digests(file, DIGESTS);
                String size = Long.toString(Files.size(file));
                for (String digest : DIGESTS) {
                    entries.get(digest).put(relative, new String[] {digests.get(digest), size});
                }
            }
        }
        ControlStanza release = new ControlStanza();
        if (layout.origin() != null) {
            release.set("Origin", layout.origin());
        }
        if (layout.label() != null) {
            release.set("Label", layout.label());
        }
        release.set("Suite", layout.distribution());
        release.set("Codename", layout.distribution());
        release.set("Date", RFC_2822.format(releaseDate));
        release.set("Architectures", String.join(" ", architectures));
        release.set("Components", String.join(" ", components));
        release.set("Acquire-By-Hash", "yes");
        for (String digest : DIGESTS) {
            StringBuilder lines = new StringBuilder();
            entries.get(digest)
                    .forEach((path, hashAndSize) -> lines.append(
                            String.format(Locale.ROOT, "\n %s %16s %s", hashAndSize[0], hashAndSize[1], path)));
            release.set(RELEASE_FIELDS.get(digest), lines.toString());
        }
        String text = release.toString();
        String prefix = "dists/" + layout.distribution() + "/";
        if (signer != null) {
            writeAtomically(root.resolve(KEY_ARMORED), signer.publicKeyArmored());
            written.add(KEY_ARMORED);
            writeAtomically(root.resolve(KEY_BINARY), signer.publicKeyBinary());
            written.add(KEY_BINARY);
        }
        writeAtomically(dist.resolve("Release"), text.getBytes(StandardCharsets.UTF_8));
        written.add(prefix + "Release");
        if (signer != null) {
            java.io.ByteArrayOutputStream signature = new java.io.ByteArrayOutputStream();
            signer.detachedSignature(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), signature, true);
            writeAtomically(dist.resolve("Release.gpg"), signature.toByteArray());
            written.add(prefix + "Release.gpg");
            writeAtomically(dist.resolve("InRelease"), signer.clearSign(text).getBytes(StandardCharsets.UTF_8));
            written.add(prefix + "InRelease");
        } else {
            // A stale signature of an older Release would make apt reject the repository.
            if (Files.deleteIfExists(dist.resolve("InRelease")) | Files.deleteIfExists(dist.resolve("Release.gpg"))) {
                reporter.warn("Removed the signatures of the previous Release from " + dist
                        + " because no signing key is set.");
            }
            reporter.warn(
                    "The APT repository at " + root + " is unsigned; apt-get accepts it only with [trusted=yes].");
        }
    }

    private static Instant parseDate(String value) {
        if (value == null) {
            return null;
        }
        String text = value.trim().replace(" UTC", " +0000");
        try {
            return ZonedDateTime.parse(text, RFC_2822_LENIENT).toInstant();
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static ControlStanza ordered(ControlStanza stanza) {
        ControlStanza ordered = new ControlStanza();
        for (String field : LEADING_FIELDS) {
            if (stanza.get(field) != null) {
                ordered.set(field, stanza.get(field));
            }
        }
        stanza.fields().forEach((field, value) -> {
            if (!containsIgnoreCase(LEADING_FIELDS, field) && !containsIgnoreCase(TRAILING_FIELDS, field)) {
                ordered.set(field, value);
            }
        });
        for (String field : TRAILING_FIELDS) {
            if (stanza.get(field) != null) {
                ordered.set(field, stanza.get(field));
            }
        }
        return ordered;
    }

    private static boolean containsIgnoreCase(List<String> fields, String field) {
        return fields.stream().anyMatch(candidate -> candidate.equalsIgnoreCase(field));
    }

    private static void copyAtomically(Path source, Path target) throws IOException {
        Path partial = Files.createTempFile(target.getParent(), ".copy", ".partial");
        try {
            Files.copy(source, partial, StandardCopyOption.REPLACE_EXISTING);
            Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(partial);
        }
    }

    private static void writeAtomically(Path target, byte[] content) throws IOException {
        Files.createDirectories(target.getParent());
        Path partial = Files.createTempFile(target.getParent(), "." + target.getFileName(), ".partial");
        try {
            Files.write(partial, content);
            Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(partial);
        }
    }
}
