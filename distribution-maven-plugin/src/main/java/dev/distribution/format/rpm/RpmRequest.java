package dev.distribution.format.rpm;

import dev.distribution.core.payload.PayloadEntry;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The input of {@link RpmPackager}: the header fields, the payload and the scriptlets of one
 * package. A mutable value filled by the goal; {@link RpmPackager#validate} checks it before
 * anything is written.
 */
public final class RpmRequest {
    /** The scriptlets rpm runs around installing and removing a package. */
    public enum Scriptlet {
        /** {@code %pre}: before the files are installed. */
        PRE,
        /** {@code %post}: after the files are installed. */
        POST,
        /** {@code %preun}: before the files are removed. */
        PREUN,
        /** {@code %postun}: after the files are removed. */
        POSTUN
    }

    /** The payload compressors; rpm 4.18 reads all three. */
    public enum Compression {
        /** gzip, which every rpm reads. */
        GZIP,
        /** xz, the default of rpmbuild on RHEL 8 and 9. */
        XZ,
        /** zstd, the default of rpmbuild on Fedora; needs rpm 4.14 or later. */
        ZSTD
    }

    /**
     * A file the package owns but does not contain ({@code %ghost}), such as a log file the program
     * creates.
     *
     * @param path the absolute path, such as {@code /var/log/hello.log}
     * @param mode the permission bits
     * @param owner the owner name
     * @param group the group name
     */
    public record Ghost(String path, int mode, String owner, String group) {}

    private String name;
    private String version;
    private String release = "1";
    private Integer epoch;
    private String summary;
    private String description;
    private String license;
    private String url;
    private String group = "Unspecified";
    private String vendor;
    private String packager;
    private String arch = "noarch";
    private String buildHost = "localhost";
    private final Map<String, List<RpmRelation>> relations = new java.util.LinkedHashMap<>();
    private List<PayloadEntry> entries = List.of();
    private List<String> docPaths = List.of();
    private List<Ghost> ghosts = List.of();
    private final Map<Scriptlet, String> scriptlets = new EnumMap<>(Scriptlet.class);
    private Compression compression = Compression.GZIP;
    private int compressionLevel = 9;
    private Instant timestamp = Instant.EPOCH;
    private Path outputDirectory;

    /** Relation kinds, named by their POM element. */
    public static final List<String> RELATION_KINDS =
            List.of("requires", "provides", "conflicts", "obsoletes", "recommends", "suggests");

    public String name() {
        return name;
    }

    public RpmRequest name(String value) {
        this.name = value;
        return this;
    }

    public String version() {
        return version;
    }

    public RpmRequest version(String value) {
        this.version = value;
        return this;
    }

    public String release() {
        return release;
    }

    public RpmRequest release(String value) {
        this.release = value;
        return this;
    }

    public Integer epoch() {
        return epoch;
    }

    public RpmRequest epoch(Integer value) {
        this.epoch = value;
        return this;
    }

    public String summary() {
        return summary;
    }

    public RpmRequest summary(String value) {
        this.summary = value;
        return this;
    }

    public String description() {
        return description;
    }

    public RpmRequest description(String value) {
        this.description = value;
        return this;
    }

    public String license() {
        return license;
    }

    public RpmRequest license(String value) {
        this.license = value;
        return this;
    }

    public String url() {
        return url;
    }

    public RpmRequest url(String value) {
        this.url = value;
        return this;
    }

    public String group() {
        return group;
    }

    public RpmRequest group(String value) {
        this.group = value;
        return this;
    }

    public String vendor() {
        return vendor;
    }

    public RpmRequest vendor(String value) {
        this.vendor = value;
        return this;
    }

    public String packager() {
        return packager;
    }

    public RpmRequest packager(String value) {
        this.packager = value;
        return this;
    }

    public String arch() {
        return arch;
    }

    public RpmRequest arch(String value) {
        this.arch = value;
        return this;
    }

    public String buildHost() {
        return buildHost;
    }

    public RpmRequest buildHost(String value) {
        this.buildHost = value;
        return this;
    }

    /** Returns the relations of one kind from {@link #RELATION_KINDS}; never null. */
    public List<RpmRelation> relations(String kind) {
        return relations.getOrDefault(kind, List.of());
    }

    /** Adds a relation of one kind from {@link #RELATION_KINDS}. */
    public RpmRequest relation(String kind, RpmRelation relation) {
        if (!RELATION_KINDS.contains(kind)) {
            throw new IllegalArgumentException("Unknown relation kind " + kind);
        }
        relations.computeIfAbsent(kind, k -> new ArrayList<>()).add(Objects.requireNonNull(relation));
        return this;
    }

    public List<PayloadEntry> entries() {
        return entries;
    }

    /** Sets the payload, as {@code Payload.resolve} returns it. */
    public RpmRequest entries(List<PayloadEntry> value) {
        this.entries = List.copyOf(value);
        return this;
    }

    public List<String> docPaths() {
        return docPaths;
    }

    /**
     * Sets the paths marked {@code %doc}: absolute package paths of files, or of directories whose
     * files are all documentation.
     */
    public RpmRequest docPaths(List<String> value) {
        this.docPaths = List.copyOf(value);
        return this;
    }

    public List<Ghost> ghosts() {
        return ghosts;
    }

    public RpmRequest ghosts(List<Ghost> value) {
        this.ghosts = List.copyOf(value);
        return this;
    }

    public Map<Scriptlet, String> scriptlets() {
        return scriptlets;
    }

    /** Sets a scriptlet body, run by {@code /bin/sh}; null or blank removes it. */
    public RpmRequest scriptlet(Scriptlet scriptlet, String body) {
        if (body == null || body.isBlank()) {
            scriptlets.remove(scriptlet);
        } else {
            scriptlets.put(scriptlet, body);
        }
        return this;
    }

    public Compression compression() {
        return compression;
    }

    public RpmRequest compression(Compression value) {
        this.compression = Objects.requireNonNull(value);
        return this;
    }

    public int compressionLevel() {
        return compressionLevel;
    }

    /** Sets the compressor level, 1 to 9 (zstd: 1 to 19). */
    public RpmRequest compressionLevel(int value) {
        this.compressionLevel = value;
        return this;
    }

    public Instant timestamp() {
        return timestamp;
    }

    /** Sets the build time and the time of every file, usually the build's output timestamp. */
    public RpmRequest timestamp(Instant value) {
        this.timestamp = Objects.requireNonNull(value);
        return this;
    }

    public Path outputDirectory() {
        return outputDirectory;
    }

    public RpmRequest outputDirectory(Path value) {
        this.outputDirectory = value;
        return this;
    }

    /** Returns the file name rpm tools expect: {@code <name>-<version>-<release>.<arch>.rpm}. */
    public String fileName() {
        return name + "-" + version + "-" + release + "." + arch + ".rpm";
    }
}
