package dev.distribution.format.rpm;

import java.io.IOException;
import java.io.Writer;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Writes {@code primary.xml}, {@code filelists.xml} and {@code other.xml} in the layout createrepo_c
 * 0.17 writes: two-space indentation, {@code epoch} always present, and in {@code primary.xml} only
 * the files that dependency resolution looks up ({@code /etc/*}, {@code *bin/*} and {@code
 * /usr/lib/sendmail}).
 */
final class YumMetadataWriter {
    static final String COMMON_NS = "http://linux.duke.edu/metadata/common";
    static final String RPM_NS = "http://linux.duke.edu/metadata/rpm";
    static final String FILELISTS_NS = "http://linux.duke.edu/metadata/filelists";
    static final String OTHER_NS = "http://linux.duke.edu/metadata/other";
    static final String REPO_NS = "http://linux.duke.edu/metadata/repo";

    private static final Pattern PRIMARY_FILE = Pattern.compile("^(/etc/.*|.*bin/.*|/usr/lib/sendmail)$");

    private YumMetadataWriter() {}

    static void primary(List<YumPackage> packages, Writer out) throws IOException {
        out.write("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        out.write("<metadata xmlns=\"" + COMMON_NS + "\" xmlns:rpm=\"" + RPM_NS + "\" packages=\"" + packages.size()
                + "\">\n");
        for (YumPackage p : packages) {
            out.write("<package type=\"rpm\">\n");
            element(out, "  ", "name", p.name());
            element(out, "  ", "arch", p.arch());
            version(out, "  ", p);
            out.write("  <checksum type=\"sha256\" pkgid=\"YES\">" + p.checksum() + "</checksum>\n");
            element(out, "  ", "summary", p.summary());
            element(out, "  ", "description", p.description());
            element(out, "  ", "packager", p.packager());
            element(out, "  ", "url", p.url());
            out.write("  <time file=\"" + p.timeFile() + "\" build=\"" + p.timeBuild() + "\"/>\n");
            out.write("  <size package=\"" + p.sizePackage() + "\" installed=\"" + p.sizeInstalled() + "\" archive=\""
                    + p.sizeArchive() + "\"/>\n");
            out.write("  <location href=\"" + escape(p.location()) + "\"/>\n");
            out.write("  <format>\n");
            element(out, "    ", "rpm:license", p.license());
            element(out, "    ", "rpm:vendor", p.vendor());
            element(out, "    ", "rpm:group", p.group());
            element(out, "    ", "rpm:buildhost", p.buildHost());
            element(out, "    ", "rpm:sourcerpm", p.sourceRpm());
            out.write("    <rpm:header-range start=\"" + p.headerStart() + "\" end=\"" + p.headerEnd() + "\"/>\n");
            for (String kind : YumPackage.DEPENDENCY_KINDS) {
                List<YumPackage.Dependency> entries = p.dependencies(kind);
                if (entries.isEmpty()) {
                    continue;
                }
                out.write("    <rpm:" + kind + ">\n");
                for (YumPackage.Dependency d : entries) {
                    out.write("      <rpm:entry name=\"" + escape(d.name()) + "\"");
                    if (d.flags() != null) {
                        out.write(" flags=\"" + d.flags() + "\" epoch=\"" + escape(d.epoch()) + "\" ver=\""
                                + escape(d.version()) + "\"");
                        if (d.release() != null) {
                            out.write(" rel=\"" + escape(d.release()) + "\"");
                        }
                    }
                    if (d.pre()) {
                        out.write(" pre=\"1\"");
                    }
                    out.write("/>\n");
                }
                out.write("    </rpm:" + kind + ">\n");
            }
            for (YumPackage.FileEntry file : p.files()) {
                if (PRIMARY_FILE.matcher(file.path()).matches()) {
                    file(out, "    ", file);
                }
            }
            out.write("  </format>\n");
            out.write("</package>\n");
        }
        out.write("</metadata>");
    }

    static void filelists(List<YumPackage> packages, Writer out) throws IOException {
        out.write("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        out.write("<filelists xmlns=\"" + FILELISTS_NS + "\" packages=\"" + packages.size() + "\">\n");
        for (YumPackage p : packages) {
            packageStart(out, p);
            for (YumPackage.FileEntry file : p.files()) {
                file(out, "  ", file);
            }
            out.write("</package>\n");
        }
        out.write("</filelists>");
    }

    static void other(List<YumPackage> packages, Writer out) throws IOException {
        out.write("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        out.write("<otherdata xmlns=\"" + OTHER_NS + "\" packages=\"" + packages.size() + "\">\n");
        for (YumPackage p : packages) {
            packageStart(out, p);
            out.write("</package>\n");
        }
        out.write("</otherdata>");
    }

    private static void packageStart(Writer out, YumPackage p) throws IOException {
        out.write("<package pkgid=\"" + p.checksum() + "\" name=\"" + escape(p.name()) + "\" arch=\"" + escape(p.arch())
                + "\">\n");
        version(out, "  ", p);
    }

    private static void version(Writer out, String indent, YumPackage p) throws IOException {
        out.write(indent + "<version epoch=\"" + escape(p.epoch()) + "\" ver=\"" + escape(p.version()) + "\" rel=\""
                + escape(p.release()) + "\"/>\n");
    }

    private static void file(Writer out, String indent, YumPackage.FileEntry file) throws IOException {
        out.write(indent + "<file" + (file.type() == null ? "" : " type=\"" + file.type() + "\"") + ">"
                + escape(file.path()) + "</file>\n");
    }

    private static void element(Writer out, String indent, String name, String text) throws IOException {
        out.write(indent + "<" + name + ">" + escape(text == null ? "" : text) + "</" + name + ">\n");
    }

    /** Escapes text for element content and attribute values, and drops characters XML 1.0 forbids. */
    static String escape(String text) {
        StringBuilder result = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> result.append("&amp;");
                case '<' -> result.append("&lt;");
                case '>' -> result.append("&gt;");
                case '"' -> result.append("&quot;");
                default -> {
                    if (c >= 0x20 || c == '\n' || c == '\t' || c == '\r') {
                        result.append(c);
                    }
                }
            }
        }
        return result.toString();
    }
}
