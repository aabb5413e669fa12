package dev.distribution.format.rpm;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;

/**
 * Reads the packages of existing {@code primary.xml} and {@code filelists.xml} back into {@link
 * YumPackage}s, so that publishing one package keeps the others without downloading and re-reading
 * their RPM files. The file lists come from {@code filelists.xml}, joined by package id.
 */
public final class YumMetadataParser {
    private YumMetadataParser() {}

    /**
     * Parses uncompressed metadata.
     *
     * @param primary the {@code primary.xml} content; not closed
     * @param filelists the {@code filelists.xml} content; not closed
     * @throws IOException when a document is not well-formed repository metadata
     */
    public static List<YumPackage> parse(InputStream primary, InputStream filelists) throws IOException {
        Document primaryDoc = document(primary);
        Document filelistsDoc = document(filelists);
        Map<String, List<YumPackage.FileEntry>> filesById = new HashMap<>();
        for (Element pkg : children(filelistsDoc.getDocumentElement(), YumMetadataWriter.FILELISTS_NS, "package")) {
            List<YumPackage.FileEntry> files = new ArrayList<>();
            for (Element file : children(pkg, YumMetadataWriter.FILELISTS_NS, "file")) {
                files.add(fileEntry(file));
            }
            filesById.put(pkg.getAttribute("pkgid"), files);
        }
        List<YumPackage> packages = new ArrayList<>();
        for (Element pkg : children(primaryDoc.getDocumentElement(), YumMetadataWriter.COMMON_NS, "package")) {
            packages.add(toPackage(pkg, filesById));
        }
        return packages;
    }

    private static YumPackage toPackage(Element pkg, Map<String, List<YumPackage.FileEntry>> filesById)
            throws IOException {
        String ns = YumMetadataWriter.COMMON_NS;
        String rpm = YumMetadataWriter.RPM_NS;
        Element version = child(pkg, ns, "version");
        Element checksum = child(pkg, ns, "checksum");
        Element time = child(pkg, ns, "time");
        Element size = child(pkg, ns, "size");
        Element location = child(pkg, ns, "location");
        Element format = child(pkg, ns, "format");
        Element headerRange = child(format, rpm, "header-range");
        String id = checksum.getTextContent().trim();
        Map<String, List<YumPackage.Dependency>> dependencies = new LinkedHashMap<>();
        for (String kind : YumPackage.DEPENDENCY_KINDS) {
            List<Element> lists = children(format, rpm, kind);
            if (lists.isEmpty()) {
                continue;
            }
            List<YumPackage.Dependency> entries = new ArrayList<>();
            for (Element entry : children(lists.get(0), rpm, "entry")) {
                entries.add(new YumPackage.Dependency(
                        entry.getAttribute("name"),
                        attribute(entry, "flags"),
                        attribute(entry, "epoch"),
                        attribute(entry, "ver"),
                        attribute(entry, "rel"),
                        "1".equals(entry.getAttribute("pre"))));
            }
            dependencies.put(kind, entries);
        }
        List<YumPackage.FileEntry> files = filesById.get(id);
        if (files == null) {
            files = new ArrayList<>();
            for (Element file : children(format, ns, "file")) {
                files.add(fileEntry(file));
            }
        }
        return new YumPackage(
                text(pkg, ns, "name"),
                text(pkg, ns, "arch"),
                version.getAttribute("epoch").isEmpty() ? "0" : version.getAttribute("epoch"),
                version.getAttribute("ver"),
                version.getAttribute("rel"),
                id,
                text(pkg, ns, "summary"),
                text(pkg, ns, "description"),
                text(pkg, ns, "packager"),
                text(pkg, ns, "url"),
                number(time.getAttribute("file")),
                number(time.getAttribute("build")),
                number(size.getAttribute("package")),
                number(size.getAttribute("installed")),
                number(size.getAttribute("archive")),
                location.getAttribute("href"),
                text(format, rpm, "license"),
                text(format, rpm, "vendor"),
                text(format, rpm, "group"),
                text(format, rpm, "buildhost"),
                text(format, rpm, "sourcerpm"),
                number(headerRange.getAttribute("start")),
                number(headerRange.getAttribute("end")),
                dependencies,
                files);
    }

    private static YumPackage.FileEntry fileEntry(Element file) {
        String type = file.getAttribute("type");
        return new YumPackage.FileEntry(file.getTextContent(), type.isEmpty() || type.equals("file") ? null : type);
    }

    private static Document document(InputStream in) throws IOException {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            DocumentBuilder builder = factory.newDocumentBuilder();
            return builder.parse(in);
        } catch (ParserConfigurationException | SAXException e) {
            throw new IOException("Invalid repository metadata: " + e.getMessage(), e);
        }
    }

    private static List<Element> children(Element parent, String ns, String name) {
        List<Element> result = new ArrayList<>();
        NodeList nodes = parent.getChildNodes();
        for (int i = 0; i < nodes.getLength(); i++) {
            Node node = nodes.item(i);
            if (node instanceof Element element
                    && ns.equals(element.getNamespaceURI())
                    && name.equals(element.getLocalName())) {
                result.add(element);
            }
        }
        return result;
    }

    private static Element child(Element parent, String ns, String name) throws IOException {
        List<Element> found = children(parent, ns, name);
        if (found.isEmpty()) {
            throw new IOException("Invalid repository metadata: <" + parent.getLocalName() + "> has no <" + name + ">");
        }
        return found.get(0);
    }

    private static String text(Element parent, String ns, String name) {
        List<Element> found = children(parent, ns, name);
        return found.isEmpty() ? "" : found.get(0).getTextContent();
    }

    private static String attribute(Element element, String name) {
        return element.hasAttribute(name) ? element.getAttribute(name) : null;
    }

    private static long number(String text) throws IOException {
        try {
            return Long.parseLong(text.trim());
        } catch (NumberFormatException e) {
            throw new IOException("Invalid number in repository metadata: " + text, e);
        }
    }
}
