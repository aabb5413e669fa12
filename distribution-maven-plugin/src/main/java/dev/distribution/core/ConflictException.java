package dev.distribution.core;

import java.util.List;

/**
 * One or more target files already exist with different content. Raised before anything is
 * uploaded, unless the target itself rejects an overwrite that the user allowed.
 */
public class ConflictException extends DistributionException {
    private static final long serialVersionUID = 1L;

    /** One file that differs at the target. */
    public record Conflict(String location, String localSha256, String remoteSha256) {}

    private final transient List<Conflict> conflicts;

    public ConflictException(List<Conflict> conflicts, String fix) {
        super(format(conflicts, fix));
        this.conflicts = List.copyOf(conflicts);
    }

    private static String format(List<Conflict> conflicts, String fix) {
        StringBuilder message = new StringBuilder();
        message.append(conflicts.size() == 1 ? "A different file" : conflicts.size() + " different files")
                .append(" already published at the same location:");
        for (Conflict conflict : conflicts) {
            message.append(System.lineSeparator())
                    .append("  ")
                    .append(conflict.location())
                    .append(System.lineSeparator())
                    .append("    local  sha256 ")
                    .append(conflict.localSha256())
                    .append(System.lineSeparator())
                    .append("    remote sha256 ")
                    .append(
                            conflict.remoteSha256() == null
                                    ? "(differs; digest not available)"
                                    : conflict.remoteSha256());
        }
        message.append(System.lineSeparator()).append(fix);
        return message.toString();
    }

    /** The differing files, in upload order. */
    public List<Conflict> getConflicts() {
        return conflicts;
    }
}
