package dev.distribution.format.deb;

import dev.distribution.core.Checksums;
import dev.distribution.core.InvalidConfigurationException;
import dev.distribution.core.PublishException;
import dev.distribution.core.Reporter;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.UnaryOperator;
import org.vafer.jdeb.Compression;
import org.vafer.jdeb.Console;
import org.vafer.jdeb.DataConsumer;
import org.vafer.jdeb.DataProducer;
import org.vafer.jdeb.DebMaker;
import org.vafer.jdeb.PackagingException;
import org.vafer.jdeb.debian.BinaryPackageControlFile;
import org.vafer.jdeb.shaded.commons.compress.archivers.tar.TarArchiveEntry;
import org.vafer.jdeb.shaded.commons.compress.archivers.tar.TarConstants;

/**
 * Builds a binary package with jdeb: validates the entries, writes the control archive (control,
 * md5sums, conffiles, maintainer scripts) and the data archive, and names the file
 * {@code <Package>_<Version>_<Architecture>.deb}.
 *
 * <p>Every entry gets the spec's timestamp and every directory up to the root gets an explicit
 * entry, so two builds of the same input are byte-identical. Files are streamed from disk.
 */
public final class DebPackager {
    private static final String FILES = "<deb><files>";
    private static final String SYSTEMD_DIRECTORY = "/lib/systemd/system/";
    private static final int TAR_NAME_FIELD = 32;
    private static final Set<String> COMPRESSIONS = Set.of("gzip", "xz", "none");

    private final Reporter reporter;
    private final UnaryOperator<String> environment;

    /** Creates a packager that logs to {@code reporter}. */
    public DebPackager(Reporter reporter) {
        this(reporter, System::getenv);
    }

    DebPackager(Reporter reporter, UnaryOperator<String> environment) {
        this.reporter = reporter;
        this.environment = environment;
    }

    /**
     * Builds the package into {@code outputDirectory}, replacing a file of the same name.
     *
     * @throws InvalidConfigurationException when an entry, script or conffile is invalid; nothing is
     *     written then
     * @throws PublishException when reading a source or writing the package fails
     */
    public DebPackage build(DebPackageSpec spec, Path outputDirectory)
            throws PublishException, InvalidConfigurationException {
        checkEnvironment(spec.control());
        if (!COMPRESSIONS.contains(spec.compression())) {
            throw new InvalidConfigurationException(
                    "<deb><compression>", spec.compression(), "gzip, xz, none", "Remove <compression> to use gzip.");
        }
        List<DebEntry> entries = new ArrayList<>(spec.entries());
        String unitName = null;
        if (spec.systemdUnit() != null) {
            unitName = addSystemdUnit(spec.systemdUnit(), entries);
        }
        List<DebEntry> sorted = completeAndSort(entries);
        List<String> conffiles = conffiles(spec, sorted);
        Map<MaintainerScript, String> scripts = scripts(spec.scripts(), unitName);

        Path target = outputDirectory.resolve(spec.control().fileName());
        Path controlDirectory = null;
        Path partial = null;
        try {
            Files.createDirectories(outputDirectory);
            controlDirectory = Files.createTempDirectory(outputDirectory, "deb-control");
            Files.writeString(
                    controlDirectory.resolve("control"), spec.control().toControlText(), StandardCharsets.UTF_8);
            for (Map.Entry<MaintainerScript, String> script : scripts.entrySet()) {
                Files.writeString(
                        controlDirectory.resolve(script.getKey().fileName()),
                        script.getValue(),
                        StandardCharsets.UTF_8);
            }
            partial = Files.createTempFile(outputDirectory, spec.control().packageName(), ".deb.partial");
            BinaryPackageControlFile written = make(spec, sorted, conffiles, controlDirectory, partial);
            checkWritten(spec.control(), written);
            Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            partial = null;
            reporter.info("Built " + target);
            return new DebPackage(target, spec.control(), Checksums.sha256(target), Files.size(target));
        } catch (IOException | PackagingException e) {
            throw new PublishException("Could not build " + target + ": " + e.getMessage(), e);
        } finally {
            deleteQuietly(partial);
            if (controlDirectory != null) {
                try (var files = Files.list(controlDirectory)) {
                    files.forEach(DebPackager::deleteQuietly);
                } catch (IOException e) {
                    reporter.debug("Could not list " + controlDirectory + ": " + e.getMessage());
                }
                deleteQuietly(controlDirectory);
            }
        }
    }

    private BinaryPackageControlFile make(
            DebPackageSpec spec, List<DebEntry> entries, List<String> conffiles, Path controlDirectory, Path output)
            throws PackagingException {
        List<DataProducer> data = List.of(consumer -> produce(entries, consumer));
        List<DataProducer> conffileProducers = List.of(consumer -> {
            for (String conffile : conffiles) {
                consumer.onEachFile(InputStream.nullInputStream(), new TarArchiveEntry(conffile.substring(1)));
            }
        });
        DebMaker maker = new DebMaker(new ReporterConsole(reporter), data, conffileProducers);
        maker.setControl(controlDirectory.toFile());
        maker.setDeb(output.toFile());
        maker.setEncoding(StandardCharsets.UTF_8);
        maker.setCompression(spec.compression());
        maker.setTarLongFileMode("gnu");
        maker.setTarBigNumberMode("gnu");
        maker.setOutputTimestampMs(spec.timestamp().toEpochMilli());
        maker.validate();
        return maker.createDeb(Compression.toEnum(spec.compression()));
    }

    private static void produce(List<DebEntry> entries, DataConsumer consumer) throws IOException {
        for (DebEntry entry : entries) {
            String name = entry.path().equals("/") ? "./" : "." + entry.path();
            switch (entry.kind()) {
                case DIRECTORY -> {
                    TarArchiveEntry tar = new TarArchiveEntry(name.endsWith("/") ? name : name + "/", true);
                    owner(tar, entry);
                    tar.setMode(TarArchiveEntry.DEFAULT_DIR_MODE & ~07777 | entry.mode());
                    consumer.onEachDir(tar);
                }
                case SYMLINK -> {
                    TarArchiveEntry tar = new TarArchiveEntry(name, TarConstants.LF_SYMLINK, true);
                    owner(tar, entry);
                    tar.setLinkName(entry.linkTarget());
                    tar.setMode(0120000 | DebEntry.SYMLINK_MODE);
                    consumer.onEachLink(tar);
                }
                case FILE -> {
                    TarArchiveEntry tar = new TarArchiveEntry(name, true);
                    owner(tar, entry);
                    tar.setMode(TarArchiveEntry.DEFAULT_FILE_MODE & ~07777 | entry.mode());
                    tar.setSize(Files.size(entry.source()));
                    try (InputStream in = Files.newInputStream(entry.source())) {
                        consumer.onEachFile(in, tar);
                    }
                }
            }
        }
    }

    private static void owner(TarArchiveEntry tar, DebEntry entry) {
        tar.setUserName(entry.user());
        tar.setUserId(entry.uid());
        tar.setGroupName(entry.group());
        tar.setGroupId(entry.gid());
    }

    /**
     * jdeb reads some control values from the environment and lets them override the control file;
     * a build must not silently depend on them.
     */
    private void checkEnvironment(DebControl control) throws InvalidConfigurationException, PublishException {
        String version = environment.apply("DEBVERSION");
        if (version != null && !version.equals(control.version())) {
            throw new PublishException("The environment variable DEBVERSION='" + version + "' would replace the package"
                    + " version " + control.version() + ". Unset DEBVERSION, or set <deb><version> to the same value.");
        }
        String fullName = environment.apply("DEBFULLNAME");
        String email = environment.apply("DEBEMAIL");
        if (fullName != null && email != null && !(fullName + " <" + email + ">").equals(control.maintainer())) {
            throw new PublishException(
                    "The environment variables DEBFULLNAME and DEBEMAIL would replace the maintainer "
                            + control.maintainer() + ". Unset them, or set <deb><maintainer> to the same person.");
        }
    }

    private static void checkWritten(DebControl control, BinaryPackageControlFile written)
            throws InvalidConfigurationException, PublishException {
        if (!control.version().equals(written.get("Version"))) {
            throw new PublishException(
                    "jdeb wrote Version " + written.get("Version") + " instead of " + control.version() + ".");
        }
        if (!control.maintainer().equals(written.get("Maintainer"))) {
            throw new PublishException(
                    "jdeb wrote Maintainer " + written.get("Maintainer") + " instead of " + control.maintainer() + ".");
        }
    }

    private static String addSystemdUnit(Path unit, List<DebEntry> entries)
            throws InvalidConfigurationException, PublishException {
        String name = unit.getFileName().toString();
        if (!Files.isRegularFile(unit)) {
            throw new InvalidConfigurationException(
                    "<deb><systemdUnit>", unit.toString(), "an existing unit file", "Fix the path or create the file.");
        }
        if (!name.matches("[A-Za-z0-9:_.@-]+\\.(service|socket|timer|path|target|mount)")) {
            throw new InvalidConfigurationException(
                    "<deb><systemdUnit>",
                    unit.toString(),
                    "a unit file named like hello.service, .socket, .timer, .path, .target or .mount",
                    "Rename the unit file.");
        }
        entries.add(DebEntry.file(unit, SYSTEMD_DIRECTORY + name));
        return name;
    }

    /** Validates the entries, adds every missing parent directory, and sorts parents before children. */
    static List<DebEntry> completeAndSort(List<DebEntry> entries)
            throws InvalidConfigurationException, PublishException {
        Map<String, DebEntry> byPath = new LinkedHashMap<>();
        for (DebEntry entry : entries) {
            validate(entry);
            DebEntry previous = byPath.putIfAbsent(entry.path(), entry);
            if (previous != null && !(previous.equals(entry) && entry.kind() == DebEntry.Kind.DIRECTORY)) {
                throw new InvalidConfigurationException(
                        FILES,
                        entry.path(),
                        "each install path once",
                        "Remove one of the entries that install " + entry.path() + ".");
            }
        }
        for (DebEntry entry : List.copyOf(byPath.values())) {
            String parent = parentOf(entry.path());
            while (parent != null) {
                DebEntry existing = byPath.get(parent);
                if (existing == null) {
                    byPath.put(parent, DebEntry.directory(parent));
                } else if (existing.kind() != DebEntry.Kind.DIRECTORY) {
                    throw new InvalidConfigurationException(
                            FILES,
                            parent,
                            "a directory as the parent of " + entry.path(),
                            "Install " + entry.path() + " elsewhere, or do not install a file or link at " + parent
                                    + ".");
                }
                parent = parentOf(parent);
            }
        }
        byPath.putIfAbsent("/", DebEntry.directory("/"));
        List<DebEntry> sorted = new ArrayList<>(byPath.values());
        sorted.sort(Comparator.comparing(DebEntry::path, DebPackager::comparePaths));
        return sorted;
    }

    /** Orders paths component by component, so a directory comes right before its contents. */
    static int comparePaths(String left, String right) {
        if (left.equals("/") || right.equals("/")) {
            return Boolean.compare(!left.equals("/"), !right.equals("/"));
        }
        String[] leftParts = left.substring(1).split("/");
        String[] rightParts = right.substring(1).split("/");
        for (int i = 0; i < Math.min(leftParts.length, rightParts.length); i++) {
            int compared = leftParts[i].compareTo(rightParts[i]);
            if (compared != 0) {
                return compared;
            }
        }
        return Integer.compare(leftParts.length, rightParts.length);
    }

    private static String parentOf(String path) {
        if (path.equals("/")) {
            return null;
        }
        int slash = path.lastIndexOf('/');
        return slash == 0 ? "/" : path.substring(0, slash);
    }

    private static void validate(DebEntry entry) throws InvalidConfigurationException, PublishException {
        String path = entry.path();
        boolean invalidPath = !path.startsWith("/")
                || (path.length() > 1 && path.endsWith("/"))
                || path.contains("//")
                || path.contains("\0")
                || path.contains("\n")
                || ("/" + path + "/").contains("/./")
                || ("/" + path + "/").contains("/../");
        if (invalidPath) {
            throw new InvalidConfigurationException(
                    FILES + "<target>",
                    path,
                    "an absolute path such as /usr/share/hello/hello.jar, without '.', '..', '//' or a trailing '/'",
                    "Fix the target path.");
        }
        if (!Charset.defaultCharset().newEncoder().canEncode(path)) {
            throw new PublishException("The install path " + path + " cannot be encoded in the JVM's default charset "
                    + Charset.defaultCharset()
                    + ". Run Maven with -Dfile.encoding=UTF-8 (for example in .mvn/jvm.config).");
        }
        if (entry.mode() < 0 || entry.mode() > 07777) {
            throw new InvalidConfigurationException(
                    FILES + "<mode>",
                    Integer.toOctalString(entry.mode()),
                    "octal permission bits from 0000 to 7777",
                    "Fix the mode, for example 0755.");
        }
        validateOwnerName(entry.user(), FILES + "<owner>");
        validateOwnerName(entry.group(), FILES + "<group>");
        if (entry.uid() < 0 || entry.gid() < 0) {
            throw new InvalidConfigurationException(
                    FILES + "<owner>",
                    entry.uid() + ":" + entry.gid(),
                    "numeric ids of 0 or more",
                    "Fix the owner ids.");
        }
        switch (entry.kind()) {
            case FILE -> {
                if (entry.source() == null || !Files.isRegularFile(entry.source())) {
                    throw new InvalidConfigurationException(
                            FILES + "<file><source>",
                            String.valueOf(entry.source()),
                            "an existing file",
                            "Build the file in an earlier phase than the deb goal, or fix the path (it installs to "
                                    + path + ").");
                }
            }
            case SYMLINK -> {
                if (entry.linkTarget() == null
                        || entry.linkTarget().isEmpty()
                        || entry.linkTarget().contains("\0")) {
                    throw new InvalidConfigurationException(
                            FILES + "<link><linkTo>",
                            entry.linkTarget(),
                            "a path",
                            "Set <linkTo> for the link at " + path + ".");
                }
            }
            case DIRECTORY -> {
                // A directory needs nothing more than a valid path.
            }
        }
    }

    private static void validateOwnerName(String name, String element)
            throws InvalidConfigurationException, PublishException {
        if (name.isEmpty()
                || name.getBytes(StandardCharsets.UTF_8).length >= TAR_NAME_FIELD
                || !name.matches("[A-Za-z0-9_][A-Za-z0-9_.-]*")) {
            throw new InvalidConfigurationException(
                    element,
                    name,
                    "a user or group name of up to 31 letters, digits, '_', '.' and '-'",
                    "Fix the name, for example root.");
        }
    }

    private static List<String> conffiles(DebPackageSpec spec, List<DebEntry> entries)
            throws InvalidConfigurationException, PublishException {
        Map<String, DebEntry> byPath = new LinkedHashMap<>();
        entries.forEach(entry -> byPath.put(entry.path(), entry));
        Set<String> conffiles = new TreeSet<>();
        for (DebEntry entry : entries) {
            if (entry.config()) {
                if (entry.kind() != DebEntry.Kind.FILE) {
                    throw new InvalidConfigurationException(
                            FILES,
                            entry.path(),
                            "config=\"true\" only on a file",
                            "Remove config from the directory or link.");
                }
                conffiles.add(entry.path());
            }
        }
        for (String conffile : spec.conffiles()) {
            DebEntry entry = byPath.get(conffile);
            if (entry == null || entry.kind() != DebEntry.Kind.FILE) {
                throw new InvalidConfigurationException(
                        "<deb><conffiles>",
                        conffile,
                        "the absolute path of a file the package installs",
                        "Install the file with a <file> entry, or remove it from <conffiles>.");
            }
            conffiles.add(conffile);
        }
        return List.copyOf(conffiles);
    }

    private static Map<MaintainerScript, String> scripts(Map<MaintainerScript, Path> files, String unitName)
            throws InvalidConfigurationException, PublishException {
        Map<MaintainerScript, String> generated = unitName == null ? Map.of() : SystemdSnippets.forUnit(unitName);
        Map<MaintainerScript, String> scripts = new EnumMap<>(MaintainerScript.class);
        for (MaintainerScript script : MaintainerScript.values()) {
            Path file = files.get(script);
            String lines = generated.get(script);
            if (file == null) {
                if (lines != null) {
                    scripts.put(script, SystemdSnippets.standalone(lines));
                }
                continue;
            }
            String text = read(script, file);
            if (!text.startsWith("#!")) {
                throw new InvalidConfigurationException(
                        script.element(),
                        file.toString(),
                        "a script starting with an interpreter line such as #!/bin/sh",
                        "Add the interpreter line.");
            }
            if (lines != null && !text.contains(SystemdSnippets.PLACEHOLDER)) {
                throw new InvalidConfigurationException(
                        script.element(),
                        file.toString(),
                        "a script with a " + SystemdSnippets.PLACEHOLDER + " line when a systemd unit is packaged",
                        "Add a line " + SystemdSnippets.PLACEHOLDER
                                + " where the unit should be enabled, started or stopped.");
            }
            scripts.put(script, text.replace(SystemdSnippets.PLACEHOLDER, lines == null ? "" : lines));
        }
        return scripts;
    }

    private static String read(MaintainerScript script, Path file)
            throws InvalidConfigurationException, PublishException {
        if (!Files.isRegularFile(file)) {
            throw new InvalidConfigurationException(
                    script.element(), file.toString(), "an existing script file", "Fix the path.");
        }
        try (InputStream in = Files.newInputStream(file)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).replace("\r\n", "\n");
        } catch (IOException e) {
            throw new PublishException("Could not read " + file + ": " + e.getMessage(), e);
        }
    }

    private static void deleteQuietly(Path path) {
        if (path == null) {
            return;
        }
        try {
            Files.deleteIfExists(path);
        } catch (IOException e) {
            // A leftover temporary file does not affect the package.
        }
    }

    /** Sends jdeb's messages to the reporter; jdeb logs every entry, so its info lines become debug. */
    private record ReporterConsole(Reporter reporter) implements Console {
        @Override
        public void debug(String message) {
            reporter.debug(message);
        }

        @Override
        public void info(String message) {
            reporter.debug(message);
        }

        @Override
        public void warn(String message) {
            reporter.warn(message);
        }
    }
}
