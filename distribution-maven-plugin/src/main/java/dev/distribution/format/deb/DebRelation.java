package dev.distribution.format.deb;

/** The relationship fields of a binary package, with the POM element that sets each one. */
public enum DebRelation {
    PRE_DEPENDS("Pre-Depends", "preDepends"),
    DEPENDS("Depends", "depends"),
    RECOMMENDS("Recommends", "recommends"),
    SUGGESTS("Suggests", "suggests"),
    BREAKS("Breaks", "breaks"),
    CONFLICTS("Conflicts", "conflicts"),
    PROVIDES("Provides", "provides"),
    REPLACES("Replaces", "replaces");

    private final String field;
    private final String element;

    DebRelation(String field, String element) {
        this.field = field;
        this.element = element;
    }

    /** The control field name, such as {@code Pre-Depends}. */
    public String field() {
        return field;
    }

    /** The POM element path, such as {@code <deb><preDepends>}. */
    public String element() {
        return "<deb><" + element + ">";
    }
}
