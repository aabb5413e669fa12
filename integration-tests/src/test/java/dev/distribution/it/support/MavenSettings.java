package dev.distribution.it.support;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.transform.OutputKeys;
import javax.xml.transform.Transformer;
import javax.xml.transform.TransformerException;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;

/**
 * A settings.xml for a sample build: the {@code <server>} entries the test declares, plus the
 * {@code <mirrors>} and {@code <proxies>} of the user's own {@code ~/.m2/settings.xml}, because
 * {@code -s} replaces that file and a build behind a mirror or proxy would otherwise lose it.
 */
public final class MavenSettings {
    private static final String NAMESPACE = "http://maven.apache.org/SETTINGS/1.2.0";

    private final List<String[]> servers = new ArrayList<>();
    private Path userSettings = Path.of(System.getProperty("user.home"), ".m2", "settings.xml");

    /** Adds a server entry with a username and a password in plain text. */
    public MavenSettings server(String id, String username, String password) {
        servers.add(new String[] {id, username, password});
        return this;
    }

    /** Reads mirrors and proxies from this file instead of {@code ~/.m2/settings.xml}. */
    MavenSettings userSettings(Path file) {
        this.userSettings = file;
        return this;
    }

    /** Writes the settings file, replacing {@code file} if it exists. */
    public void write(Path file) throws IOException {
        try {
            DocumentBuilder builder = documentBuilder();
            Document document = builder.newDocument();
            Element settings = document.createElementNS(NAMESPACE, "settings");
            document.appendChild(settings);
            copyUserSections(builder, document, settings);
            Element serverList = child(document, settings, "servers", null);
            for (String[] server : servers) {
                Element entry = child(document, serverList, "server", null);
                child(document, entry, "id", server[0]);
                child(document, entry, "username", server[1]);
                child(document, entry, "password", server[2]);
            }
            Files.createDirectories(file.toAbsolutePath().getParent());
            try (OutputStream out = Files.newOutputStream(file)) {
                Transformer transformer = TransformerFactory.newInstance().newTransformer();
                transformer.setOutputProperty(OutputKeys.INDENT, "yes");
                transformer.setOutputProperty(OutputKeys.ENCODING, "UTF-8");
                transformer.transform(new DOMSource(document), new StreamResult(out));
            }
        } catch (ParserConfigurationException | SAXException | TransformerException e) {
            throw new IOException("Could not write " + file, e);
        }
    }

    private void copyUserSections(DocumentBuilder builder, Document document, Element settings)
            throws IOException, SAXException {
        if (!Files.isRegularFile(userSettings)) {
            return;
        }
        Document user = builder.parse(userSettings.toFile());
        for (String section : List.of("mirrors", "proxies")) {
            NodeList found = user.getDocumentElement().getElementsByTagNameNS("*", section);
            for (int i = 0; i < found.getLength(); i++) {
                Node node = found.item(i);
                // Only the top-level section; the names do not occur deeper in settings.xml.
                if (node.getParentNode() == user.getDocumentElement()) {
                    settings.appendChild(renamespace(document, node));
                }
            }
        }
    }

    /** Copies an element tree into {@code document}, moving every element into the settings namespace. */
    private static Node renamespace(Document document, Node node) {
        if (node.getNodeType() != Node.ELEMENT_NODE) {
            return document.importNode(node, false);
        }
        Element copy = document.createElementNS(NAMESPACE, node.getLocalName());
        NodeList children = node.getChildNodes();
        for (int i = 0; i < children.getLength(); i++) {
            copy.appendChild(renamespace(document, children.item(i)));
        }
        return copy;
    }

    private static Element child(Document document, Element parent, String name, String text) {
        Element element = document.createElementNS(NAMESPACE, name);
        if (text != null) {
            element.setTextContent(text);
        }
        parent.appendChild(element);
        return element;
    }

    private static DocumentBuilder documentBuilder() throws ParserConfigurationException {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        return factory.newDocumentBuilder();
    }
}
