package dev.distribution.format.deb;

import java.nio.file.Path;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Everything a binary package is built from.
 *
 * @param control the control fields
 * @param entries the data archive entries, in any order
 * @param conffiles absolute paths of installed files dpkg should treat as conffiles, in addition to
 *     entries marked {@link DebEntry#config()}
 * @param scripts maintainer scripts read from disk
 * @param systemdUnit a systemd unit file installed to {@code /lib/systemd/system/}, or null
 * @param timestamp the modification time of every entry, usually the build's output timestamp
 * @param compression the data archive compression: {@code gzip}, {@code xz} or {@code none}
 */
public record DebPackageSpec(
        DebControl control,
        List<DebEntry> entries,
        List<String> conffiles,
        Map<MaintainerScript, Path> scripts,
        Path systemdUnit,
        Instant timestamp,
        String compression) {

    public DebPackageSpec {
        Objects.requireNonNull(control, "control");
        Objects.requireNonNull(timestamp, "timestamp");
        entries = entries == null ? List.of() : List.copyOf(entries);
        conffiles = conffiles == null ? List.of() : List.copyOf(conffiles);
        scripts = scripts == null || scripts.isEmpty() ? Map.of() : Map.copyOf(new EnumMap<>(scripts));
        compression = compression == null ? "gzip" : compression;
    }

    /** A package of the given entries with no conffiles, scripts or unit, compressed with gzip. */
    public static DebPackageSpec of(DebControl control, List<DebEntry> entries, Instant timestamp) {
        return new DebPackageSpec(control, entries, List.of(), Map.of(), null, timestamp, "gzip");
    }
}
