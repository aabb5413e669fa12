package dev.distribution.format.rpm;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One package as YUM repository metadata describes it: the fields of its {@code <package>} elements
 * in {@code primary.xml}, {@code filelists.xml} and {@code other.xml}. {@link RpmMetadataReader}
 * reads it from an RPM file, {@link YumMetadataParser} from existing metadata, so that adding a
 * package does not re-read the others.
 *
 * @param name the package name
 * @param arch the architecture, such as {@code noarch}
 * @param epoch the epoch, {@code 0} when the header has none
 * @param version the version
 * @param release the release
 * @param checksum the SHA-256 of the RPM file, lower-case hex; the package id
 * @param summary the one-line summary
 * @param description the description
 * @param packager the packager, or empty
 * @param url the project URL, or empty
 * @param timeFile the RPM file's modification time, seconds since the epoch
 * @param timeBuild the build time from the header, seconds since the epoch
 * @param sizePackage the size of the RPM file in bytes
 * @param sizeInstalled the installed size from the header
 * @param sizeArchive the size of the uncompressed payload
 * @param location the path of the RPM file relative to the repository root
 * @param license the license
 * @param vendor the vendor, or empty
 * @param group the group
 * @param buildHost the build host
 * @param sourceRpm the source package name, or empty
 * @param headerStart the offset of the header in the RPM file
 * @param headerEnd the offset of the end of the header
 * @param dependencies the entries per kind ({@code provides}, {@code requires}, ...), in {@link
 *     #DEPENDENCY_KINDS} order, only kinds that have entries
 * @param files every file, directory and ghost of the package, in header order
 */
public record YumPackage(
        String name,
        String arch,
        String epoch,
        String version,
        String release,
        String checksum,
        String summary,
        String description,
        String packager,
        String url,
        long timeFile,
        long timeBuild,
        long sizePackage,
        long sizeInstalled,
        long sizeArchive,
        String location,
        String license,
        String vendor,
        String group,
        String buildHost,
        String sourceRpm,
        long headerStart,
        long headerEnd,
        Map<String, List<Dependency>> dependencies,
        List<FileEntry> files) {

    /** The dependency kinds of {@code primary.xml}, in the order createrepo_c writes them. */
    public static final List<String> DEPENDENCY_KINDS = List.of(
            "provides", "requires", "conflicts", "obsoletes", "suggests", "enhances", "recommends", "supplements");

    /** Copies the collections. */
    public YumPackage {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(checksum, "checksum");
        Objects.requireNonNull(location, "location");
        dependencies = Map.copyOf(dependencies);
        files = List.copyOf(files);
    }

    /** Returns the entries of one kind; never null. */
    public List<Dependency> dependencies(String kind) {
        return dependencies.getOrDefault(kind, List.of());
    }

    /**
     * One {@code <rpm:entry>}.
     *
     * @param name the capability
     * @param flags {@code LT}, {@code LE}, {@code EQ}, {@code GE}, {@code GT}, or null without a version
     * @param epoch the epoch, null without a version
     * @param version the version, null without a version
     * @param release the release, or null
     * @param pre whether the requirement must be met before the package's scriptlets run
     */
    public record Dependency(String name, String flags, String epoch, String version, String release, boolean pre) {}

    /**
     * One {@code <file>}.
     *
     * @param path the absolute path
     * @param type {@code dir}, {@code ghost}, or null for a file or link
     */
    public record FileEntry(String path, String type) {}
}
