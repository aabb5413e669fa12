package dev.distribution.format.python;

/**
 * An author or maintainer of a project. At least one of the two parts is present.
 *
 * @param name the display name; null when only the e-mail address is known
 * @param email the e-mail address; null when only the name is known
 */
public record Person(String name, String email) {
    /** The form used in {@code Author-email} and {@code Maintainer-email}: {@code Name <mail>}. */
    String mailbox() {
        return name == null ? email : name + " <" + email + ">";
    }
}
