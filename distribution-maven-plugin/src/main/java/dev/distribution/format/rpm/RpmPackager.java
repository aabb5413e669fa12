package dev.distribution.format.rpm;

import dev.distribution.core.InvalidConfigurationException;
import dev.distribution.core.payload.PayloadEntry;
import dev.distribution.signing.OpenPgpSigner;
import dev.distribution.version.InvalidVersionException;
import dev.distribution.version.VersionMapper;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;
import org.eclipse.packager.rpm.FileFlags;
import org.eclipse.packager.rpm.RpmTag;
import org.eclipse.packager.rpm.build.BuilderContext;
import org.eclipse.packager.rpm.build.BuilderOptions;
import org.eclipse.packager.rpm.build.DigestAlgorithm;
import org.eclipse.packager.rpm.build.FileInformation;
import org.eclipse.packager.rpm.build.FileInformationProvider;
import org.eclipse.packager.rpm.build.PayloadProcessors;
import org.eclipse.packager.rpm.build.RpmBuilder;
import org.eclipse.packager.rpm.coding.PayloadCoding;
import org.eclipse.packager.rpm.deps.RpmDependencyFlags;
import org.eclipse.packager.rpm.signature.SignatureProcessors;

/**
 * Builds a binary {@code .rpm} in the JVM with Eclipse Packager's {@link RpmBuilder}.
 *
 * <p>The package has SHA-256 file digests ({@code FILEDIGESTALGO} 8), a SHA-256 header digest and a
 * SHA-256 payload digest, and no MD5 or SHA-1 digest, which FIPS-mode rpm rejects. With a signer it
 * also has an OpenPGP header signature ({@code RPMSIGTAG_RSA}) made with SHA-256. The build time and
 * every file time are the request's timestamp, so two unsigned builds of the same input are
 * byte-identical. The package never owns the directories of the {@code filesystem} package, such as
 * {@code /usr/bin}, so that it installs next to it without changing their modes.
 *
 * <p>NOTE: the cpio payload format that Eclipse Packager 0.21 writes stores each file's size in 32
 * bits, so a single file must be smaller than 4 GiB; the package and payload as a whole may exceed
 * 4 GiB, and then the 64-bit tags {@code LONGSIZE}, {@code LONGSIGSIZE} and {@code LONGARCHIVESIZE}
 * carry the sizes. {@link #validate} rejects a larger file.
 */
public final class RpmPackager {
    /** The architectures accepted in {@code <rpm><arch>}. */
    public static final List<String> ARCHITECTURES =
            List.of("noarch", "x86_64", "aarch64", "i686", "armv7hl", "ppc64le", "s390x", "riscv64");

    /** The largest size of one file in the payload: the 32-bit cpio size field. */
    public static final long MAX_FILE_SIZE = 0xFFFF_FFFFL;

    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_+][A-Za-z0-9._+-]*");

    /**
     * Directories of the Fedora and RHEL {@code filesystem} package that a package must not own. Parents
     * that the payload creates for its files are owned only when they are not in this set.
     */
    private static final Set<String> SYSTEM_DIRECTORIES = Set.of(
            "bin",
            "boot",
            "etc",
            "etc/default",
            "etc/profile.d",
            "etc/sysconfig",
            "etc/systemd",
            "etc/systemd/system",
            "etc/logrotate.d",
            "etc/cron.d",
            "home",
            "lib",
            "lib64",
            "media",
            "mnt",
            "opt",
            "root",
            "run",
            "sbin",
            "srv",
            "tmp",
            "usr",
            "usr/bin",
            "usr/include",
            "usr/lib",
            "usr/lib/systemd",
            "usr/lib/systemd/system",
            "usr/lib64",
            "usr/libexec",
            "usr/local",
            "usr/local/bin",
            "usr/local/etc",
            "usr/local/lib",
            "usr/local/lib64",
            "usr/local/libexec",
            "usr/local/sbin",
            "usr/local/share",
            "usr/sbin",
            "usr/share",
            "usr/share/applications",
            "usr/share/doc",
            "usr/share/icons",
            "usr/share/info",
            "usr/share/licenses",
            "usr/share/man",
            "usr/share/man/man1",
            "usr/share/man/man5",
            "usr/share/man/man8",
            "var",
            "var/cache",
            "var/lib",
            "var/log",
            "var/opt",
            "var/run",
            "var/spool",
            "var/tmp");

    private RpmPackager() {}

    /**
     * Checks the request against rpm's rules, before anything is built or uploaded.
     *
     * @param request the package; not null
     * @param element the POM element of the block, such as {@code <rpm>}; errors append the field
     * @throws InvalidConfigurationException naming the element, the value and the fix
     */
    public static void validate(RpmRequest request, String element) throws InvalidConfigurationException {
        Objects.requireNonNull(request, "request");
        String name = request.name();
        if (name == null || !NAME.matcher(name).matches()) {
            throw new InvalidConfigurationException(
                    element + "<name>",
                    name,
                    "letters, digits and '.', '_', '+', '-', not starting with '.' or '-'",
                    "Set " + element + "<name> to a package name such as hello-cli; the default is the artifactId.");
        }
        try {
            VersionMapper.validateRpmVersion(request.version());
        } catch (InvalidVersionException e) {
            throw new InvalidConfigurationException(
                    element + "<version>", request.version(), e.getGrammar(), e.getFix());
        }
        try {
            VersionMapper.validateRpmRelease(request.release());
        } catch (InvalidVersionException e) {
            throw new InvalidConfigurationException(
                    element + "<release>", request.release(), e.getGrammar(), e.getFix());
        }
        if (request.epoch() != null && request.epoch() < 0) {
            throw new InvalidConfigurationException(
                    element + "<epoch>", request.epoch().toString(), "a number from 0", "Remove the sign.");
        }
        if (!ARCHITECTURES.contains(request.arch())) {
            throw new InvalidConfigurationException(
                    element + "<arch>",
                    request.arch(),
                    String.join(", ", ARCHITECTURES),
                    "Use noarch for scripts and Java, the machine type for native code.");
        }
        validateHeader(request, element);
    }

    private static void validateHeader(RpmRequest request, String element) throws InvalidConfigurationException {
        requireText(request.summary(), element + "<summary>", "Set a one-line summary or the POM <name>.");
        requireText(request.license(), element + "<license>", "Set an SPDX license such as MIT or the POM <licenses>.");
        for (String field : List.of(request.summary(), request.license())) {
            if (field.indexOf('\n') >= 0) {
                throw new InvalidConfigurationException(
                        element + (field == request.summary() ? "<summary>" : "<license>"),
                        field,
                        "a single line",
                        "Remove the line breaks.");
            }
        }
        if (request.compressionLevel() < 1 || request.compressionLevel() > 9) {
            throw new InvalidConfigurationException(
                    element + "<compressionLevel>",
                    Integer.toString(request.compressionLevel()),
                    "1 to 9",
                    "Use 9 for the smallest package, 1 for the fastest build.");
        }
        validatePayload(request, element);
    }

    private static void validatePayload(RpmRequest request, String element) throws InvalidConfigurationException {
        for (PayloadEntry entry : request.entries()) {
            if (entry.type() == PayloadEntry.Type.FILE && entry.size() > MAX_FILE_SIZE) {
                throw new InvalidConfigurationException(
                        element + "<files>",
                        entry.source() + " (" + entry.size() + " bytes)",
                        "files smaller than 4 GiB",
                        "Split the file, or ship it in an archive next to the package.");
            }
        }
        Set<String> paths = new HashSet<>();
        request.entries().forEach(entry -> paths.add("/" + entry.path()));
        for (RpmRequest.Ghost ghost : request.ghosts()) {
            if (ghost.path() == null
                    || !ghost.path().startsWith("/")
                    || ghost.path().endsWith("/")
                    || ghost.path().contains("/../")
                    || ghost.path().contains("//")) {
                throw new InvalidConfigurationException(
                        element + "<ghosts>",
                        ghost.path(),
                        "an absolute file path such as /var/log/hello.log",
                        "Write the path the program creates, starting with '/'.");
            }
            if (!paths.add(ghost.path())) {
                throw new InvalidConfigurationException(
                        element + "<ghosts>",
                        ghost.path(),
                        "a path that no <files> mapping creates",
                        "Remove the ghost or the mapping: a ghost file has no content in the package.");
            }
        }
        for (String doc : request.docPaths()) {
            String normalized = "/" + stripSlashes(doc);
            boolean found = paths.stream().anyMatch(p -> p.equals(normalized) || p.startsWith(normalized + "/"));
            if (!found) {
                throw new InvalidConfigurationException(
                        element + "<docs>",
                        doc,
                        "a path of the package's files, such as /usr/share/doc/hello/README.md",
                        "Map the file in <files> or correct the path.");
            }
        }
    }

    /**
     * Builds the package into {@code request.outputDirectory()} under {@link RpmRequest#fileName()},
     * replacing an older file only when the build succeeded.
     *
     * @param request the validated package
     * @param signer signs the header, or null for an unsigned package
     * @return the package file
     * @throws IOException when a source cannot be read or the package cannot be written
     */
    public static Path build(RpmRequest request, OpenPgpSigner signer) throws IOException {
        Path directory = Files.createDirectories(request.outputDirectory());
        Path target = directory.resolve(request.fileName());
        Path partial = Files.createTempFile(directory, request.name(), ".rpm.part");
        try {
            write(request, signer, partial);
            try {
                Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(partial);
        }
        return target;
    }

    private static void write(RpmRequest request, OpenPgpSigner signer, Path file) throws IOException {
        BuilderOptions options = new BuilderOptions();
        options.setFileDigestAlgorithm(DigestAlgorithm.SHA256);
        options.setPayloadCoding(coding(request.compression()));
        options.setPayloadFlags(Integer.toString(request.compressionLevel()));
        try {
            options.setPayloadProcessors(List.of(PayloadProcessors.payloadDigest(DigestAlgorithm.SHA256)));
        } catch (NoSuchAlgorithmException e) {
            throw new IOException("The JVM has no SHA-256", e);
        }
        org.eclipse.packager.rpm.RpmVersion version =
                new org.eclipse.packager.rpm.RpmVersion(request.epoch(), request.version(), request.release());
        Instant time = request.timestamp();
        try (RpmBuilder builder = new RpmBuilder(request.name(), version, request.arch(), file, options)) {
            RpmBuilder.PackageInformation info = builder.getInformation();
            info.setSummary(request.summary());
            info.setDescription(
                    request.description() == null || request.description().isBlank()
                            ? request.summary()
                            : request.description().strip());
            info.setLicense(request.license());
            info.setUrl(blankToNull(request.url()));
            info.setGroup(request.group());
            info.setVendor(blankToNull(request.vendor()));
            info.setPackager(blankToNull(request.packager()));
            info.setBuildHost(request.buildHost());
            // rpm treats a header without SOURCERPM as a source package, so name one as rpmbuild does.
            info.setSourcePackage(request.name() + "-" + request.version() + "-" + request.release() + ".src.rpm");
            // RpmBuilder stamps BUILDTIME with the clock; the customizer runs after it and replaces it.
            int buildTime = (int) time.getEpochSecond();
            builder.setHeaderCustomizer(header -> header.putInt(RpmTag.BUILDTIME, buildTime));

            builder.removeAllSignatureProcessors();
            builder.addSignatureProcessor(SignatureProcessors.size());
            builder.addSignatureProcessor(SignatureProcessors.sha256Header());
            builder.addSignatureProcessor(SignatureProcessors.payloadSize());
            if (signer != null) {
                builder.addSignatureProcessor(new HeaderSignatureProcessor(signer));
            }

            addRelations(builder, request);
            addScriptlets(builder, request);
            addPayload(builder.newContext(), request, time);
            builder.build();
        }
    }

    private static void addPayload(BuilderContext context, RpmRequest request, Instant time) throws IOException {
        Set<String> docs = new HashSet<>();
        for (String doc : request.docPaths()) {
            docs.add(stripSlashes(doc));
        }
        for (PayloadEntry entry : request.entries()) {
            String target = "/" + entry.path();
            switch (entry.type()) {
                case FILE -> {
                    EnumSet<FileFlags> flags = EnumSet.noneOf(FileFlags.class);
                    if (entry.config()) {
                        flags.add(FileFlags.CONFIGURATION);
                        flags.add(FileFlags.NOREPLACE);
                    }
                    if (isDoc(entry.path(), docs)) {
                        flags.add(FileFlags.DOC);
                    }
                    context.addFile(target, entry.source(), provider(entry, time, flags));
                }
                case DIRECTORY -> {
                    if (!SYSTEM_DIRECTORIES.contains(entry.path())) {
                        context.addDirectory(target, provider(entry, time, EnumSet.noneOf(FileFlags.class)));
                    }
                }
                case SYMLINK ->
                    context.addSymbolicLink(
                            target, entry.linkTarget(), provider(entry, time, EnumSet.noneOf(FileFlags.class)));
            }
        }
        for (RpmRequest.Ghost ghost : request.ghosts()) {
            FileInformation info = information(time, ghost.mode(), ghost.owner(), ghost.group());
            info.setFileFlags(EnumSet.of(FileFlags.GHOST));
            // rpm 4.11 and later skips ghost entries it finds in the payload, so an empty one is harmless.
            context.addFile(ghost.path(), ByteBuffer.allocate(0), (name, object, type) -> info);
        }
    }

    private static boolean isDoc(String path, Set<String> docs) {
        for (String doc : docs) {
            if (path.equals(doc) || path.startsWith(doc + "/")) {
                return true;
            }
        }
        return false;
    }

    private static <T> FileInformationProvider<T> provider(PayloadEntry entry, Instant time, Set<FileFlags> flags) {
        FileInformation info = information(time, entry.mode(), entry.owner(), entry.group());
        info.setFileFlags(flags);
        return (name, object, type) -> info;
    }

    private static FileInformation information(Instant time, int mode, String owner, String group) {
        FileInformation info = new FileInformation();
        info.setTimestamp(time);
        info.setMode((short) mode);
        info.setUser(owner);
        info.setGroup(group);
        return info;
    }

    private static void addRelations(RpmBuilder builder, RpmRequest request) {
        for (String kind : RpmRequest.RELATION_KINDS) {
            for (RpmRelation relation : request.relations(kind)) {
                RpmDependencyFlags[] flags = flags(relation.operator());
                switch (kind) {
                    case "requires" -> builder.addRequirement(relation.name(), relation.version(), flags);
                    case "provides" -> builder.addProvides(relation.name(), relation.version(), flags);
                    case "conflicts" -> builder.addConflicts(relation.name(), relation.version(), flags);
                    case "obsoletes" -> builder.addObsoletes(relation.name(), relation.version(), flags);
                    case "recommends" -> builder.addRecommends(relation.name(), relation.version(), flags);
                    case "suggests" -> builder.addSuggests(relation.name(), relation.version(), flags);
                    default -> throw new IllegalStateException(kind);
                }
            }
        }
    }

    private static RpmDependencyFlags[] flags(String operator) {
        if (operator == null) {
            return new RpmDependencyFlags[0];
        }
        return switch (operator) {
            case "<" -> new RpmDependencyFlags[] {RpmDependencyFlags.LESS};
            case "<=" -> new RpmDependencyFlags[] {RpmDependencyFlags.LESS, RpmDependencyFlags.EQUAL};
            case "=" -> new RpmDependencyFlags[] {RpmDependencyFlags.EQUAL};
            case ">=" -> new RpmDependencyFlags[] {RpmDependencyFlags.GREATER, RpmDependencyFlags.EQUAL};
            case ">" -> new RpmDependencyFlags[] {RpmDependencyFlags.GREATER};
            default -> throw new IllegalArgumentException(operator);
        };
    }

    private static void addScriptlets(RpmBuilder builder, RpmRequest request) {
        request.scriptlets().forEach((scriptlet, body) -> {
            switch (scriptlet) {
                case PRE -> builder.setPreInstallationScript(body);
                case POST -> builder.setPostInstallationScript(body);
                case PREUN -> builder.setPreRemoveScript(body);
                case POSTUN -> builder.setPostRemoveScript(body);
            }
        });
    }

    private static PayloadCoding coding(RpmRequest.Compression compression) {
        return switch (compression) {
            case GZIP -> PayloadCoding.GZIP;
            case XZ -> PayloadCoding.XZ;
            case ZSTD -> PayloadCoding.ZSTD;
        };
    }

    private static void requireText(String value, String element, String fix) throws InvalidConfigurationException {
        if (value == null || value.isBlank()) {
            throw new InvalidConfigurationException(element, value, "a non-empty text", fix);
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }

    static String stripSlashes(String path) {
        return path.replaceAll("^/+", "").replaceAll("/+$", "");
    }

    /** Returns the architecture name in lower case, as rpm spells it. */
    static String normalizeArch(String arch) {
        return arch == null ? null : arch.trim().toLowerCase(Locale.ROOT);
    }
}
