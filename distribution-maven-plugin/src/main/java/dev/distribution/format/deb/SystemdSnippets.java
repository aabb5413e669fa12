package dev.distribution.format.deb;

import java.util.Map;

/**
 * Maintainer script lines that enable, start, stop and disable a packaged systemd unit. They honour
 * {@code DPKG_ROOT}, which dpkg sets when it installs into another root with
 * {@code --force-script-chrootless}: the unit is then only enabled inside that root, and nothing is
 * started on the running system.
 */
final class SystemdSnippets {
    /** The placeholder in a user's script where the generated lines go, as debhelper names it. */
    static final String PLACEHOLDER = "#DEBHELPER#";

    private SystemdSnippets() {}

    /** Returns the lines for each script that needs them, keyed by script. */
    static Map<MaintainerScript, String> forUnit(String unit) {
        String quoted = "'" + unit + "'";
        String postinst = ""
                + "if [ \"$1\" = \"configure\" ] || [ \"$1\" = \"abort-upgrade\" ] || [ \"$1\" = \"abort-deconfigure\" ]"
                + " || [ \"$1\" = \"abort-remove\" ]; then\n"
                + "\tif command -v systemctl >/dev/null 2>&1; then\n"
                + "\t\tsystemctl --root=\"${DPKG_ROOT:-/}\" enable " + quoted + " >/dev/null 2>&1 || true\n"
                + "\t\tif [ -z \"${DPKG_ROOT:-}\" ] && [ -d /run/systemd/system ]; then\n"
                + "\t\t\tsystemctl --system daemon-reload >/dev/null 2>&1 || true\n"
                + "\t\t\tsystemctl --system restart " + quoted + " >/dev/null 2>&1 || true\n"
                + "\t\tfi\n"
                + "\tfi\n"
                + "fi\n";
        String prerm = ""
                + "if [ \"$1\" = \"remove\" ] && [ -z \"${DPKG_ROOT:-}\" ] && [ -d /run/systemd/system ]; then\n"
                + "\tsystemctl --system stop " + quoted + " >/dev/null 2>&1 || true\n"
                + "fi\n";
        String postrm = ""
                + "if [ \"$1\" = \"remove\" ] || [ \"$1\" = \"purge\" ]; then\n"
                + "\tif command -v systemctl >/dev/null 2>&1; then\n"
                + "\t\tsystemctl --root=\"${DPKG_ROOT:-/}\" disable " + quoted + " >/dev/null 2>&1 || true\n"
                + "\t\tif [ -z \"${DPKG_ROOT:-}\" ] && [ -d /run/systemd/system ]; then\n"
                + "\t\t\tsystemctl --system daemon-reload >/dev/null 2>&1 || true\n"
                + "\t\tfi\n"
                + "\tfi\n"
                + "fi\n";
        return Map.of(
                MaintainerScript.POSTINST, postinst, MaintainerScript.PRERM, prerm, MaintainerScript.POSTRM, postrm);
    }

    /** Wraps generated lines into a complete script for a hook the user gave no script for. */
    static String standalone(String lines) {
        return "#!/bin/sh\nset -e\n\n" + lines;
    }
}
