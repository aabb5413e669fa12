package dev.distribution.format.brew;

import dev.distribution.core.InvalidConfigurationException;
import dev.distribution.core.payload.Payload;
import dev.distribution.core.payload.PayloadEntry;
import dev.distribution.format.raw.ArchiveFormat;
import dev.distribution.format.raw.ArchiveWriter;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipFile;
import org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream;

/**
 * Builds a Homebrew bottle: the keg that the formula's {@code install} would produce from one
 * platform archive, packed as {@code <name>/<version>/...} in a reproducible {@code .tar.gz}.
 *
 * <p>The keg mirrors {@link FormulaWriter}'s install steps: binaries in {@code bin}, man pages in
 * {@code share/man/manN}, completions in {@code etc/bash_completion.d},
 * {@code share/zsh/site-functions} and {@code share/fish/vendor_completions.d}, and for a Java
 * launcher the rest of the archive in {@code libexec} with a start script in {@code bin}. Such a
 * start script names absolute paths, so it is written with Homebrew's {@code @@HOMEBREW_PREFIX@@}
 * and {@code @@HOMEBREW_CELLAR@@} placeholders, listed in the receipt's {@code changed_files} and
 * the bottle gets {@code cellar: :any}, which makes brew replace them when it pours the bottle.
 * Bottles without one need no relocation ({@code cellar: :any_skip_relocation}).
 */
public final class BottleBuilder {
    /** The {@code cellar:} value of a bottle whose files name no install path. */
    public static final String SKIP_RELOCATION = "any_skip_relocation";

    /** The {@code cellar:} value of a bottle whose placeholders brew replaces. */
    public static final String RELOCATABLE = "any";

    private static final String ELEMENT = "<brew><install>";

    private BottleBuilder() {}

    /**
     * A built bottle.
     *
     * @param tag the platform tag
     * @param file the bottle file
     * @param cellar the {@code cellar:} value for the {@code bottle do} block
     */
    public record Built(BottleTag tag, Path file, String cellar) {}

    /**
     * Builds one bottle.
     *
     * @param name the formula name
     * @param version the formula version
     * @param install the install steps of the formula
     * @param tag the platform tag
     * @param archive the platform's {@code .tar.gz} or {@code .zip} archive
     * @param workDirectory a folder for the unpacked archive; replaced
     * @param outputDirectory the folder that receives the bottle file
     * @param timestamp the time of every entry
     * @throws InvalidConfigurationException when a path of the install steps is not in the archive
     * @throws IOException when the archive cannot be read or contains a path outside its folder
     */
    public static Built build(
            FormulaName name,
            String version,
            Formula.Install install,
            BottleTag tag,
            Path archive,
            Path workDirectory,
            Path outputDirectory,
            Instant timestamp)
            throws InvalidConfigurationException, IOException {
        deleteTree(workDirectory);
        Path unpacked = workDirectory.resolve("unpacked");
        Path generated = workDirectory.resolve("generated");
        Files.createDirectories(unpacked);
        Files.createDirectories(generated);
        unpack(archive, unpacked);
        Path root = stagingRoot(unpacked);

        Map<String, Path> files = new LinkedHashMap<>();
        Set<Path> moved = new java.util.HashSet<>();
        for (Formula.Binary binary : install.binaries()) {
            Path source = require(root, binary.source(), archive, "<binaries><binary><source>");
            files.put("bin/" + binary.name(), source);
            moved.add(source);
        }
        for (String page : install.manPages()) {
            Path source = require(root, page, archive, "<manPages><manPage>");
            files.put("share/man/man" + FormulaWriter.manSection(page) + "/" + source.getFileName(), source);
            moved.add(source);
        }
        String command = install.command();
        completion(files, moved, root, archive, install.bashCompletion(), "etc/bash_completion.d/" + command, "bash");
        completion(files, moved, root, archive, install.zshCompletion(), "share/zsh/site-functions/_" + command, "zsh");
        completion(
                files,
                moved,
                root,
                archive,
                install.fishCompletion(),
                "share/fish/vendor_completions.d/" + command + ".fish",
                "fish");

        List<String> changedFiles = new ArrayList<>();
        Formula.Launcher launcher = install.launcher();
        if (launcher != null) {
            require(root, launcher.path(), archive, "<launcher><path>");
            try (Stream<Path> walk = Files.walk(root)) {
                for (Path file : walk.filter(Files::isRegularFile).sorted().toList()) {
                    String relative = root.relativize(file).toString().replace('\\', '/');
                    // Homebrew's Dir["*"] leaves out names starting with a dot.
                    if (!moved.contains(file) && !relative.startsWith(".")) {
                        files.put("libexec/" + relative, file);
                    }
                }
            }
            Path script = generated.resolve(command);
            Files.writeString(script, launcherScript(name, version, launcher, tag), StandardCharsets.UTF_8);
            files.put("bin/" + command, script);
            changedFiles.add("bin/" + command);
        }
        Path receipt = generated.resolve("INSTALL_RECEIPT.json");
        Files.writeString(receipt, receipt(changedFiles, timestamp), StandardCharsets.UTF_8);
        files.put("INSTALL_RECEIPT.json", receipt);

        List<PayloadEntry> entries = new ArrayList<>();
        Set<String> directories = new TreeSet<>();
        for (Map.Entry<String, Path> file : files.entrySet()) {
            String path = file.getKey();
            for (int slash = path.indexOf('/'); slash > 0; slash = path.indexOf('/', slash + 1)) {
                directories.add(path.substring(0, slash));
            }
            boolean executable = path.startsWith("bin/") || Files.isExecutable(file.getValue());
            entries.add(PayloadEntry.file(
                    path,
                    file.getValue(),
                    executable ? Payload.EXECUTABLE_MODE : Payload.FILE_MODE,
                    Payload.ROOT,
                    Payload.ROOT,
                    Files.size(file.getValue())));
        }
        for (String directory : directories) {
            entries.add(PayloadEntry.directory(directory, Payload.EXECUTABLE_MODE, Payload.ROOT, Payload.ROOT));
        }
        Path output = outputDirectory.resolve(tag.fileName(name.name(), version));
        ArchiveWriter.write(entries, name.name() + "/" + version, ArchiveFormat.TAR_GZ, output, timestamp);
        return new Built(tag, output, launcher == null ? SKIP_RELOCATION : RELOCATABLE);
    }

    private static void completion(
            Map<String, Path> files,
            Set<Path> moved,
            Path root,
            Path archive,
            String source,
            String kegPath,
            String shell)
            throws InvalidConfigurationException {
        if (source == null) {
            return;
        }
        Path file = require(root, source, archive, "<completions><" + shell + ">");
        files.put(kegPath, file);
        moved.add(file);
    }

    /** Returns the start script that {@code write_jar_script} or {@code write_env_script} writes, with placeholders. */
    static String launcherScript(FormulaName name, String version, Formula.Launcher launcher, BottleTag tag) {
        String jdk = "@@HOMEBREW_PREFIX@@/opt/" + launcher.jdkFormula() + "/libexec"
                + (tag.isMacos() ? "/openjdk.jdk/Contents/Home" : "");
        String javaHome = "\"${JAVA_HOME:-" + jdk + "}\"";
        String target = "@@HOMEBREW_CELLAR@@/" + name.name() + "/" + version + "/libexec/" + launcher.path();
        if (launcher.kind() == Formula.Launcher.Kind.JAR) {
            return "#!/bin/bash\nexport JAVA_HOME=" + javaHome + "\nexec \"${JAVA_HOME}/bin/java\"  -jar \"" + target
                    + "\" \"$@\"\n";
        }
        return "#!/bin/bash\nJAVA_HOME=" + javaHome + " exec \"" + target + "\"  \"$@\"\n";
    }

    // NOTE: brew reads only some receipt fields when it pours a bottle. This writes the ones that
    // steer relocation, and no real brew has poured such a bottle, because brew cannot run here.
    private static String receipt(List<String> changedFiles, Instant timestamp) {
        StringBuilder json = new StringBuilder();
        json.append("{\n  \"built_as_bottle\": true,\n  \"poured_from_bottle\": false,\n");
        json.append("  \"changed_files\": [");
        for (int i = 0; i < changedFiles.size(); i++) {
            json.append(i == 0 ? "" : ", ")
                    .append('"')
                    .append(changedFiles.get(i))
                    .append('"');
        }
        json.append("],\n  \"source_modified_time\": ")
                .append(timestamp.getEpochSecond())
                .append('\n');
        json.append("}\n");
        return json.toString();
    }

    private static Path require(Path root, String relative, Path archive, String element)
            throws InvalidConfigurationException {
        Path file = root.resolve(relative).normalize();
        if (!file.startsWith(root) || !Files.isRegularFile(file)) {
            throw new InvalidConfigurationException(
                    ELEMENT + element,
                    relative,
                    "a file path relative to the top folder of " + archive.getFileName(),
                    "Check the path against 'tar tzf " + archive.getFileName()
                            + "' or 'unzip -l', leaving out the archive's top folder.");
        }
        return file;
    }

    /** Returns the folder Homebrew installs from: the single top folder of the archive, if there is one. */
    private static Path stagingRoot(Path unpacked) throws IOException {
        try (Stream<Path> children = Files.list(unpacked)) {
            List<Path> all = children.toList();
            if (all.size() == 1 && Files.isDirectory(all.get(0))) {
                return all.get(0);
            }
        }
        return unpacked;
    }

    private static void unpack(Path archive, Path destination) throws IOException {
        String fileName = archive.getFileName().toString();
        if (fileName.endsWith(".zip")) {
            try (ZipFile zip = ZipFile.builder().setPath(archive).get()) {
                Enumeration<ZipArchiveEntry> entries = zip.getEntries();
                while (entries.hasMoreElements()) {
                    ZipArchiveEntry entry = entries.nextElement();
                    if (entry.isDirectory() || entry.isUnixSymlink()) {
                        continue;
                    }
                    try (InputStream in = zip.getInputStream(entry)) {
                        extract(destination, entry.getName(), in, (entry.getUnixMode() & 0100) != 0, archive);
                    }
                }
            }
            return;
        }
        try (InputStream file = Files.newInputStream(archive);
                InputStream gzip = new GzipCompressorInputStream(new java.io.BufferedInputStream(file));
                TarArchiveInputStream tar = new TarArchiveInputStream(gzip)) {
            TarArchiveEntry entry;
            while ((entry = tar.getNextEntry()) != null) {
                // Links are skipped: the archive goal writes none that an install step could name.
                if (entry.isFile()) {
                    extract(destination, entry.getName(), tar, (entry.getMode() & 0100) != 0, archive);
                }
            }
        }
    }

    private static void extract(Path destination, String name, InputStream in, boolean executable, Path archive)
            throws IOException {
        Path target = destination.resolve(name).normalize();
        if (!target.startsWith(destination) || name.startsWith("/")) {
            throw new IOException(
                    "Invalid entry " + name + " in archive " + archive + ": the path leaves the archive folder.");
        }
        Files.createDirectories(target.getParent());
        Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
        if (executable) {
            try {
                Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(target);
                permissions.add(PosixFilePermission.OWNER_EXECUTE);
                Files.setPosixFilePermissions(target, permissions);
            } catch (UnsupportedOperationException e) {
                target.toFile().setExecutable(true);
            }
        }
    }

    private static void deleteTree(Path folder) throws IOException {
        if (!Files.exists(folder)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(folder)) {
            for (Path path : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
