package dev.distribution.format.rpm;

import dev.distribution.core.Checksums;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.eclipse.packager.rpm.RpmSignatureTag;
import org.eclipse.packager.rpm.RpmTag;
import org.eclipse.packager.rpm.parse.InputHeader;
import org.eclipse.packager.rpm.parse.RpmInputStream;

/**
 * Reads the repository metadata of one RPM file from its headers, with the same rules as createrepo_c
 * 0.17: {@code rpmlib(...)} requirements and repeated requirements are left out, a requirement of a
 * scriptlet that runs at install time is marked {@code pre}, and the epoch is {@code 0} when absent.
 */
public final class RpmMetadataReader {
    private static final int SENSE_LESS = 1 << 1;
    private static final int SENSE_GREATER = 1 << 2;
    private static final int SENSE_EQUAL = 1 << 3;
    private static final int SENSE_PREREQ = 1 << 6;
    private static final int SENSE_SCRIPT_PRE = 1 << 9;
    private static final int SENSE_SCRIPT_POST = 1 << 10;
    private static final int FILE_GHOST = 1 << 6;
    private static final int MODE_TYPE = 0170000;
    private static final int MODE_DIRECTORY = 0040000;

    private RpmMetadataReader() {}

    /**
     * Reads an RPM file. Only the lead and headers are parsed; the payload is read once to compute the
     * file's SHA-256.
     *
     * @param rpm the package file
     * @param location its path relative to the repository root, such as {@code hello-1.0-1.noarch.rpm}
     * @throws IOException when the file cannot be read or is not an RPM package
     */
    public static YumPackage read(Path rpm, String location) throws IOException {
        InputHeader<RpmSignatureTag> signature;
        InputHeader<RpmTag> header;
        try (RpmInputStream in = new RpmInputStream(new BufferedInputStream(Files.newInputStream(rpm)))) {
            signature = in.getSignatureHeader();
            header = in.getPayloadHeader();
        } catch (IOException | RuntimeException e) {
            throw new IOException(rpm + " is not a readable RPM package: " + e.getMessage(), e);
        }
        String sha256 = Checksums.sha256(rpm);
        long sizeArchive = longValue(signature.getTag(RpmSignatureTag.LONGARCHIVESIZE), -1);
        if (sizeArchive < 0) {
            sizeArchive = longValue(signature.getTag(RpmSignatureTag.PAYLOAD_SIZE), 0);
        }
        long installed = longValue(header.getTag(RpmTag.LONGSIZE), -1);
        if (installed < 0) {
            installed = longValue(header.getTag(RpmTag.SIZE), 0);
        }
        List<YumPackage.FileEntry> files = files(header);
        Map<String, List<YumPackage.Dependency>> dependencies = allDependencies(header);

        return new YumPackage(
                string(header.getTag(RpmTag.NAME)),
                string(header.getTag(RpmTag.ARCH)),
                Long.toString(longValue(header.getTag(RpmTag.EPOCH), 0)),
                string(header.getTag(RpmTag.VERSION)),
                string(header.getTag(RpmTag.RELEASE)),
                sha256,
                string(header.getTag(RpmTag.SUMMARY)),
                string(header.getTag(RpmTag.DESCRIPTION)),
                string(header.getTag(RpmTag.PACKAGER)),
                string(header.getTag(RpmTag.URL)),
                Files.getLastModifiedTime(rpm).toInstant().getEpochSecond(),
                longValue(header.getTag(RpmTag.BUILDTIME), 0),
                Files.size(rpm),
                installed,
                sizeArchive,
                location,
                string(header.getTag(RpmTag.LICENSE)),
                string(header.getTag(RpmTag.VENDOR)),
                string(header.getTag(RpmTag.GROUP)),
                string(header.getTag(RpmTag.BUILDHOST)),
                string(header.getTag(RpmTag.SOURCE_PACKAGE)),
                header.getStart(),
                header.getStart() + header.getLength(),
                dependencies,
                files);
    }

    private static Map<String, List<YumPackage.Dependency>> allDependencies(InputHeader<RpmTag> header) {
        Map<String, List<YumPackage.Dependency>> dependencies = new LinkedHashMap<>();
        put(
                dependencies,
                "provides",
                dependencies(header, RpmTag.PROVIDE_NAME, RpmTag.PROVIDE_FLAGS, RpmTag.PROVIDE_VERSION, false));
        put(
                dependencies,
                "requires",
                dependencies(header, RpmTag.REQUIRE_NAME, RpmTag.REQUIRE_FLAGS, RpmTag.REQUIRE_VERSION, true));
        put(
                dependencies,
                "conflicts",
                dependencies(header, RpmTag.CONFLICT_NAME, RpmTag.CONFLICT_FLAGS, RpmTag.CONFLICT_VERSION, false));
        put(
                dependencies,
                "obsoletes",
                dependencies(header, RpmTag.OBSOLETE_NAME, RpmTag.OBSOLETE_FLAGS, RpmTag.OBSOLETE_VERSION, false));
        put(
                dependencies,
                "suggests",
                dependencies(header, RpmTag.SUGGEST_NAME, RpmTag.SUGGEST_FLAGS, RpmTag.SUGGEST_VERSION, false));
        put(
                dependencies,
                "enhances",
                dependencies(header, RpmTag.ENHANCE_NAME, RpmTag.ENHANCE_FLAGS, RpmTag.ENHANCE_VERSION, false));
        put(
                dependencies,
                "recommends",
                dependencies(header, RpmTag.RECOMMEND_NAME, RpmTag.RECOMMEND_FLAGS, RpmTag.RECOMMEND_VERSION, false));
        put(
                dependencies,
                "supplements",
                dependencies(
                        header, RpmTag.SUPPLEMENT_NAME, RpmTag.SUPPLEMENT_FLAGS, RpmTag.SUPPLEMENT_VERSION, false));
        return dependencies;
    }

    private static void put(
            Map<String, List<YumPackage.Dependency>> map, String kind, List<YumPackage.Dependency> entries) {
        if (!entries.isEmpty()) {
            map.put(kind, entries);
        }
    }

    private static List<YumPackage.FileEntry> files(InputHeader<RpmTag> header) {
        String[] basenames = strings(header.getTag(RpmTag.BASENAMES));
        String[] dirnames = strings(header.getTag(RpmTag.DIRNAMES));
        long[] dirIndexes = longs(header.getTag(RpmTag.DIR_INDEXES));
        long[] modes = longs(header.getTag(RpmTag.FILE_MODES));
        long[] flags = longs(header.getTag(RpmTag.FILE_FLAGS));
        List<YumPackage.FileEntry> files = new ArrayList<>();
        for (int i = 0; i < basenames.length; i++) {
            String path = dirnames[(int) dirIndexes[i]] + basenames[i];
            String type = null;
            if (i < flags.length && (flags[i] & FILE_GHOST) != 0) {
                type = "ghost";
            } else if (i < modes.length && (modes[i] & MODE_TYPE) == MODE_DIRECTORY) {
                type = "dir";
            }
            files.add(new YumPackage.FileEntry(path, type));
        }
        return files;
    }

    private static List<YumPackage.Dependency> dependencies(
            InputHeader<RpmTag> header, RpmTag nameTag, RpmTag flagsTag, RpmTag versionTag, boolean requires) {
        String[] names = strings(header.getTag(nameTag));
        long[] flags = longs(header.getTag(flagsTag));
        String[] versions = strings(header.getTag(versionTag));
        List<YumPackage.Dependency> result = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < names.length; i++) {
            String name = names[i];
            int sense = i < flags.length ? (int) flags[i] : 0;
            String evr = i < versions.length ? versions[i] : "";
            if (requires && name.startsWith("rpmlib(")) {
                continue;
            }
            boolean pre = requires && (sense & (SENSE_PREREQ | SENSE_SCRIPT_PRE | SENSE_SCRIPT_POST)) != 0;
            if (!seen.add(name + "\0" + (sense & 0xf) + "\0" + evr + "\0" + pre)) {
                continue;
            }
            result.add(dependency(name, sense, evr, pre));
        }
        return result;
    }

    static YumPackage.Dependency dependency(String name, int sense, String evr, boolean pre) {
        if (evr == null || evr.isEmpty()) {
            return new YumPackage.Dependency(name, null, null, null, null, pre);
        }
        String epoch = "0";
        String rest = evr;
        int colon = rest.indexOf(':');
        if (colon >= 0) {
            epoch = rest.substring(0, colon);
            rest = rest.substring(colon + 1);
        }
        String release = null;
        int dash = rest.lastIndexOf('-');
        if (dash >= 0) {
            release = rest.substring(dash + 1);
            rest = rest.substring(0, dash);
        }
        return new YumPackage.Dependency(name, flagName(sense), epoch, rest, release, pre);
    }

    private static String flagName(int sense) {
        int comparison = sense & (SENSE_LESS | SENSE_GREATER | SENSE_EQUAL);
        return switch (comparison) {
            case SENSE_LESS -> "LT";
            case SENSE_LESS | SENSE_EQUAL -> "LE";
            case SENSE_EQUAL -> "EQ";
            case SENSE_GREATER | SENSE_EQUAL -> "GE";
            case SENSE_GREATER -> "GT";
            default -> null;
        };
    }

    private static String string(Object value) {
        if (value == null) {
            return "";
        }
        if (value instanceof Object[] array) {
            return array.length == 0 ? "" : String.valueOf(array[0]);
        }
        return value.toString();
    }

    private static String[] strings(Object value) {
        if (value == null) {
            return new String[0];
        }
        if (value instanceof Object[] array) {
            String[] result = new String[array.length];
            for (int i = 0; i < array.length; i++) {
                result[i] = String.valueOf(array[i]);
            }
            return result;
        }
        return new String[] {value.toString()};
    }

    private static long[] longs(Object value) {
        if (value == null) {
            return new long[0];
        }
        Object[] array = value instanceof Object[] objects ? objects : new Object[] {value};
        long[] result = new long[array.length];
        for (int i = 0; i < array.length; i++) {
            Number number = (Number) array[i];
            // Modes are 16-bit and flags 32-bit unsigned values read as signed Java numbers.
            result[i] = number instanceof Short s
                    ? Short.toUnsignedInt(s)
                    : number instanceof Integer n ? Integer.toUnsignedLong(n) : number.longValue();
        }
        return result;
    }

    private static long longValue(Object value, long fallback) {
        long[] values = longs(value);
        return values.length == 0 ? fallback : values[0];
    }
}
