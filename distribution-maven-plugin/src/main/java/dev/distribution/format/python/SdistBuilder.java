package dev.distribution.format.python;

import java.io.BufferedOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.zip.GZIPOutputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;

/**
 * Writes a source distribution {@code <name>-<version>.tar.gz}: {@code PKG-INFO}, a generated
 * {@code pyproject.toml} that setuptools builds into the same wheel, the README, the license files
 * and the sources under {@code src/}.
 *
 * <p>Files are streamed from disk; entries are sorted, owned by root with fixed modes and the
 * given time, and the gzip header carries no time, so two builds are byte-identical. Instances are
 * immutable and thread-safe.
 */
public final class SdistBuilder {
    private static final int FILE_MODE = 0100644;
    private static final int DIRECTORY_MODE = 040755;

    private final CoreMetadata metadata;
    private final PythonSources sources;
    private final Instant timestamp;

    /**
     * Prepares an sdist.
     *
     * @param metadata the release's metadata; not null
     * @param sources the files to package; not null
     * @param timestamp the time stored in every entry
     */
    public SdistBuilder(CoreMetadata metadata, PythonSources sources, Instant timestamp) {
        this.metadata = Objects.requireNonNull(metadata, "metadata");
        this.sources = Objects.requireNonNull(sources, "sources");
        this.timestamp = Objects.requireNonNull(timestamp, "timestamp");
    }

    /**
     * Writes the sdist into a directory, replacing a file of the same name in one step.
     *
     * @return the sdist file
     */
    public Path build(Path outputDirectory) throws IOException {
        Path target = outputDirectory.resolve(metadata.sdistFileName());
        Path temporary = Reproducible.temporaryNextTo(target);
        try {
            try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(temporary))) {
                write(out);
            }
            Reproducible.moveInto(temporary, target);
        } finally {
            Files.deleteIfExists(temporary);
        }
        return target;
    }

    /** Writes the sdist to a stream; the stream is finished but not closed. */
    public void write(OutputStream out) throws IOException {
        String base = metadata.fileNamePart() + "-" + metadata.version();
        SortedMap<String, Object> files = new TreeMap<>();
        files.put("PKG-INFO", metadata.toBytes());
        files.put("pyproject.toml", pyprojectToml().getBytes(StandardCharsets.UTF_8));
        if (metadata.readmeName() != null) {
            files.put(metadata.readmeName(), metadata.description().getBytes(StandardCharsets.UTF_8));
        }
        for (LicenseFile license : metadata.licenseFiles()) {
            files.put(license.name(), license.file());
        }
        for (String file : sources.files()) {
            files.put("src/" + file, sources.resolve(file));
        }
        SortedSet<String> directories = new TreeSet<>();
        directories.add("");
        for (String file : files.keySet()) {
            for (int slash = file.indexOf('/'); slash >= 0; slash = file.indexOf('/', slash + 1)) {
                directories.add(file.substring(0, slash));
            }
        }
        SortedSet<String> entries = new TreeSet<>(directories);
        entries.addAll(files.keySet());

        GZIPOutputStream gzip = new GZIPOutputStream(new NonClosing(out), 64 * 1024);
        try (TarArchiveOutputStream tar = new TarArchiveOutputStream(gzip, StandardCharsets.UTF_8.name())) {
            tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
            tar.setBigNumberMode(TarArchiveOutputStream.BIGNUMBER_POSIX);
            for (String entry : entries) {
                String path = entry.isEmpty() ? base + "/" : base + "/" + entry;
                if (directories.contains(entry)) {
                    tar.putArchiveEntry(tarEntry(path + (entry.isEmpty() ? "" : "/"), DIRECTORY_MODE, 0));
                    tar.closeArchiveEntry();
                } else {
                    writeFile(tar, path, files.get(entry));
                }
            }
            tar.finish();
        }
    }

    private void writeFile(TarArchiveOutputStream tar, String path, Object content) throws IOException {
        if (content instanceof byte[] bytes) {
            tar.putArchiveEntry(tarEntry(path, FILE_MODE, bytes.length));
            tar.write(bytes);
        } else {
            Path file = (Path) content;
            tar.putArchiveEntry(tarEntry(path, FILE_MODE, Files.size(file)));
            try (InputStream in = Files.newInputStream(file)) {
                in.transferTo(tar);
            }
        }
        tar.closeArchiveEntry();
    }

    private TarArchiveEntry tarEntry(String path, int mode, long size) {
        TarArchiveEntry entry = new TarArchiveEntry(path, true);
        entry.setMode(mode);
        entry.setSize(size);
        entry.setModTime(timestamp.toEpochMilli());
        entry.setUserId(0);
        entry.setGroupId(0);
        entry.setUserName("root");
        entry.setGroupName("root");
        return entry;
    }

    /**
     * The {@code pyproject.toml} of the sdist: the metadata as a PEP 621 {@code [project]} table and
     * an explicit setuptools package list for the {@code src/} layout. PEP 639 license fields need
     * setuptools 77 or newer; without them any setuptools from 61 on builds it.
     */
    public String pyprojectToml() {
        StringBuilder toml = new StringBuilder();
        boolean pep639 =
                metadata.licenseExpression() != null || !metadata.licenseFiles().isEmpty();
        toml.append("[build-system]\n")
                .append("requires = [")
                .append(quote(pep639 ? "setuptools>=77" : "setuptools>=61"))
                .append("]\n")
                .append("build-backend = \"setuptools.build_meta\"\n\n")
                .append("[project]\n");
        keyValue(toml, "name", metadata.name());
        keyValue(toml, "version", metadata.version());
        keyValue(toml, "description", metadata.summary());
        if (metadata.readmeName() != null) {
            toml.append("readme = {file = ")
                    .append(quote(metadata.readmeName()))
                    .append(", content-type = ")
                    .append(quote(metadata.descriptionContentType()))
                    .append("}\n");
        } else if (metadata.description() != null) {
            toml.append("readme = {text = ")
                    .append(quote(metadata.description()))
                    .append(", content-type = ")
                    .append(quote(metadata.descriptionContentType()))
                    .append("}\n");
        }
        keyValue(toml, "requires-python", metadata.requiresPython());
        if (metadata.licenseExpression() != null) {
            keyValue(toml, "license", metadata.licenseExpression());
        } else if (metadata.licenseText() != null) {
            toml.append("license = {text = ")
                    .append(quote(metadata.licenseText()))
                    .append("}\n");
        }
        if (!metadata.licenseFiles().isEmpty()) {
            list(
                    toml,
                    "license-files",
                    metadata.licenseFiles().stream().map(LicenseFile::name).toList());
        }
        people(toml, "authors", metadata.authors());
        people(toml, "maintainers", metadata.maintainers());
        list(toml, "keywords", metadata.keywords());
        list(toml, "classifiers", metadata.classifiers());
        list(toml, "dependencies", metadata.requiresDist());
        if (!metadata.extras().isEmpty()) {
            toml.append("\n[project.optional-dependencies]\n");
            metadata.extras().forEach((extra, requirements) -> list(toml, quote(extra), requirements));
        }
        if (!metadata.projectUrls().isEmpty()) {
            toml.append("\n[project.urls]\n");
            metadata.projectUrls().forEach((label, url) -> toml.append(quote(label))
                    .append(" = ")
                    .append(quote(url))
                    .append('\n'));
        }
        metadata.entryPoints().forEach((group, points) -> {
            String table =
                    switch (group) {
                        case "console_scripts" -> "project.scripts";
                        case "gui_scripts" -> "project.gui-scripts";
                        default -> "project.entry-points." + quote(group);
                    };
            toml.append('\n').append('[').append(table).append("]\n");
            points.forEach((key, value) ->
                    toml.append(quote(key)).append(" = ").append(quote(value)).append('\n'));
        });
        appendSetuptools(toml);
        return toml.toString();
    }

    /** Lists packages, top-level modules and package data, so setuptools needs no discovery. */
    private void appendSetuptools(StringBuilder toml) {
        SortedSet<String> packages = new TreeSet<>();
        SortedSet<String> modules = new TreeSet<>();
        SortedMap<String, List<String>> data = new TreeMap<>();
        for (String file : sources.files()) {
            int slash = file.lastIndexOf('/');
            if (slash < 0) {
                if (file.endsWith(".py")) {
                    modules.add(file.substring(0, file.length() - 3));
                }
                continue;
            }
            String dir = file.substring(0, slash);
            for (int i = dir.indexOf('/'); i >= 0; i = dir.indexOf('/', i + 1)) {
                packages.add(dir.substring(0, i).replace('/', '.'));
            }
            packages.add(dir.replace('/', '.'));
            if (!file.endsWith(".py")) {
                data.computeIfAbsent(dir.replace('/', '.'), key -> new ArrayList<>())
                        .add(file.substring(slash + 1));
            }
        }
        toml.append("\n[tool.setuptools]\n").append("package-dir = {\"\" = \"src\"}\n");
        list(toml, "packages", List.copyOf(packages));
        list(toml, "py-modules", List.copyOf(modules));
        toml.append("include-package-data = false\n");
        if (!data.isEmpty()) {
            toml.append("\n[tool.setuptools.package-data]\n");
            for (Map.Entry<String, List<String>> entry : data.entrySet()) {
                list(toml, quote(entry.getKey()), entry.getValue());
            }
        }
    }

    private static void people(StringBuilder toml, String key, List<Person> people) {
        if (people.isEmpty()) {
            return;
        }
        toml.append(key).append(" = [");
        for (int i = 0; i < people.size(); i++) {
            Person person = people.get(i);
            toml.append(i == 0 ? "" : ", ").append('{');
            if (person.name() != null) {
                toml.append("name = ").append(quote(person.name()));
            }
            if (person.email() != null) {
                toml.append(person.name() != null ? ", " : "")
                        .append("email = ")
                        .append(quote(person.email()));
            }
            toml.append('}');
        }
        toml.append("]\n");
    }

    private static void keyValue(StringBuilder toml, String key, String value) {
        if (value != null) {
            toml.append(key).append(" = ").append(quote(value)).append('\n');
        }
    }

    private static void list(StringBuilder toml, String key, List<String> values) {
        if (values.isEmpty()) {
            return;
        }
        toml.append(key).append(" = [");
        for (int i = 0; i < values.size(); i++) {
            toml.append(i == 0 ? "" : ", ").append(quote(values.get(i)));
        }
        toml.append("]\n");
    }

    /** A TOML basic string. */
    static String quote(String value) {
        StringBuilder out = new StringBuilder("\"");
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\t' -> out.append("\\t");
                case '\r' -> out.append("\\r");
                default -> {
                    if (c < 0x20 || c == 0x7f) {
                        out.append(String.format("\\u%04X", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }

    /** Lets the gzip stream finish without closing the caller's stream. */
    private static final class NonClosing extends FilterOutputStream {
        NonClosing(OutputStream out) {
            super(out);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
        }

        @Override
        public void close() throws IOException {
            out.flush();
        }
    }
}
