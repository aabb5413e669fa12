package dev.distribution.maven;

import dev.distribution.core.Publication;
import java.util.ArrayList;
import java.util.List;

/**
 * Everything the publishing goals of one build published, for the table printed when the build
 * ends. Goals of a multi-module or parallel build add to it from several threads.
 */
final class BuildSummary {
    private static final List<Publication> PUBLICATIONS = new ArrayList<>();
    private static volatile boolean printedAtEnd;

    private BuildSummary() {}

    /** Adds the publications of one goal execution. */
    static synchronized void add(List<Publication> publications) {
        PUBLICATIONS.addAll(publications);
    }

    /** Removes and returns everything added so far. */
    /** Returns the publications added so far, without removing them. */
    static synchronized List<Publication> snapshot() {
        return List.copyOf(PUBLICATIONS);
    }

    static synchronized List<Publication> drain() {
        List<Publication> all = List.copyOf(PUBLICATIONS);
        PUBLICATIONS.clear();
        return all;
    }

    /**
     * Marks that the build-end table will be printed, because the plugin runs as a build extension.
     * Goals then leave the table to the end of the build.
     */
    static void printAtEnd(boolean value) {
        printedAtEnd = value;
    }

    /** Whether the table is printed at the end of the build. */
    static boolean isPrintedAtEnd() {
        return printedAtEnd;
    }
}
