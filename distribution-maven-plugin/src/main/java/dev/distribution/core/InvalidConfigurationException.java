package dev.distribution.core;

import java.util.Objects;

/**
 * A configuration value that cannot be used. Carries the POM element, the rejected value, what is
 * accepted and how to fix it, so the goal can print one complete message before anything is
 * uploaded.
 */
public class InvalidConfigurationException extends DistributionException {
    private static final long serialVersionUID = 1L;

    private final String element;
    private final String value;
    private final String accepted;
    private final String fix;

    /**
     * Creates the exception.
     *
     * @param element the POM element path, for example {@code <deb><packageName>}; not null
     * @param value the rejected value as the user wrote it; null when the value is missing
     * @param accepted what the element accepts, for example {@code lower case letters, digits, '+', '-', '.'}
     * @param fix what the user should do next, as a full sentence
     */
    public InvalidConfigurationException(String element, String value, String accepted, String fix) {
        super(format(element, value, accepted, fix));
        this.element = Objects.requireNonNull(element, "element");
        this.value = value;
        this.accepted = accepted;
        this.fix = fix;
    }

    private static String format(String element, String value, String accepted, String fix) {
        StringBuilder message = new StringBuilder();
        if (value == null) {
            message.append("Missing value for ").append(element).append('.');
        } else {
            message.append("Invalid value '")
                    .append(value)
                    .append("' for ")
                    .append(element)
                    .append('.');
        }
        if (accepted != null && !accepted.isEmpty()) {
            message.append(" Accepted: ").append(accepted).append('.');
        }
        if (fix != null && !fix.isEmpty()) {
            message.append(' ').append(fix);
        }
        return message.toString();
    }

    /** The POM element path of the rejected value. */
    public String getElement() {
        return element;
    }

    /** The rejected value, or null when it was missing. */
    public String getInvalidValue() {
        return value;
    }

    /** What the element accepts; may be null. */
    public String getAccepted() {
        return accepted;
    }

    /** The suggested fix; may be null. */
    public String getFix() {
        return fix;
    }
}
