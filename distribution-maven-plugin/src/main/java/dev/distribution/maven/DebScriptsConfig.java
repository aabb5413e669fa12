package dev.distribution.maven;

import java.io.File;

/** The {@code <deb><scripts>} block: maintainer scripts, each a file starting with an interpreter line. */
public class DebScriptsConfig {
    /** Runs before the package is unpacked. */
    File preinst;

    /** Runs after the package is unpacked; with a systemd unit it needs a {@code #DEBHELPER#} line. */
    File postinst;

    /** Runs before the package is removed; with a systemd unit it needs a {@code #DEBHELPER#} line. */
    File prerm;

    /** Runs after the package is removed; with a systemd unit it needs a {@code #DEBHELPER#} line. */
    File postrm;
}
