package dev.distribution.core;

import java.util.List;

/** Formats publications as the plain-text table printed at the end of a build. */
public final class PublicationTable {
    private PublicationTable() {}

    /** Returns the table, one line per publication, with a header; an empty list gives one line. */
    public static String format(List<Publication> publications) {
        if (publications.isEmpty()) {
            return "Nothing was published.";
        }
        int statusWidth = "STATUS".length();
        int repositoryWidth = "REPOSITORY".length();
        for (Publication publication : publications) {
            statusWidth = Math.max(statusWidth, publication.status().label().length());
            repositoryWidth =
                    Math.max(repositoryWidth, publication.repositoryId().length());
        }
        String row = "%-" + statusWidth + "s  %-" + repositoryWidth + "s  %12s  %s";
        StringBuilder table = new StringBuilder();
        table.append(String.format(row, "STATUS", "REPOSITORY", "BYTES", "LOCATION"));
        for (Publication publication : publications) {
            table.append(System.lineSeparator())
                    .append(String.format(
                            row,
                            publication.status().label(),
                            publication.repositoryId(),
                            publication.size(),
                            publication.url()));
        }
        return table.toString();
    }
}
