package dev.distribution.format.deb;

import java.util.Locale;

/** The scripts dpkg runs around installation and removal. */
public enum MaintainerScript {
    PREINST,
    POSTINST,
    PRERM,
    POSTRM;

    /** The file name in the control archive, such as {@code postinst}. */
    public String fileName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The POM element path, such as {@code <deb><scripts><postinst>}. */
    public String element() {
        return "<deb><scripts><" + fileName() + ">";
    }
}
