package dev.distribution.format.python;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The pages of a simple repository: a project page per project and a root page listing every
 * project, each in the PEP 503 HTML form and the PEP 691 JSON form. Pages are merged through their
 * JSON form: an existing JSON page is read back, files are added, and both forms are written again,
 * so no file of the repository needs to be opened.
 *
 * <p>Layout under the repository root ({@code pypi/} in the embedded repository): {@code simple/}
 * with the pages, {@code packages/<project>/} with the distribution files and their {@code
 * .metadata} files (PEP 658, announced under the PEP 714 names). Links are relative, so the same tree works over {@code file://} and
 * from any HTTP server.
 */
public final class SimpleIndex {
    /** The PEP 691 media type of the JSON pages. */
    public static final String JSON_TYPE = "application/vnd.pypi.simple.v1+json";

    /** The page format version written (1.1 adds {@code versions} and {@code size}, PEP 700). */
    static final String API_VERSION = "1.1";

    private static final ObjectMapper JSON = new ObjectMapper();

    private SimpleIndex() {}

    /** Path of a project's file below the repository root, for example {@code packages/hello-pkg/x.whl}. */
    public static String filePath(String project, String fileName) {
        return "packages/" + project + "/" + fileName;
    }

    /** Path of a project's HTML page below the repository root. */
    public static String projectHtmlPath(String project) {
        return "simple/" + project + "/index.html";
    }

    /** Path of a project's JSON page below the repository root. */
    public static String projectJsonPath(String project) {
        return "simple/" + project + "/index.json";
    }

    /** Path of the root HTML page. */
    public static final String ROOT_HTML = "simple/index.html";

    /** Path of the root JSON page. */
    public static final String ROOT_JSON = "simple/index.json";

    /**
     * One file on a project page.
     *
     * @param fileName the distribution file name
     * @param url the link, relative to the project page
     * @param sha256 the lower-case hex SHA-256 of the file
     * @param requiresPython the {@code Requires-Python} specifier, or null
     * @param metadataSha256 the SHA-256 of the {@code .metadata} file next to it, or null when none
     * @param size the file size in bytes
     * @param yanked the yank reason or {@code true} as read from an existing page, or null
     */
    public record FileEntry(
            String fileName,
            String url,
            String sha256,
            String requiresPython,
            String metadataSha256,
            long size,
            JsonNode yanked) {}

    /** A project page: the normalised name, its versions and files. Mutable; not thread-safe. */
    public static final class ProjectPage {
        private final String name;
        private final SortedSet<String> versions = new TreeSet<>();
        private final SortedMap<String, FileEntry> files = new TreeMap<>();

        /** An empty page for a normalised project name. */
        public ProjectPage(String name) {
            this.name = name;
        }

        /** Reads a JSON page written by this class or any PEP 691 server. */
        public static ProjectPage parse(String name, byte[] json) throws IOException {
            JsonNode root = JSON.readTree(json);
            ProjectPage page = new ProjectPage(name);
            for (JsonNode version : root.path("versions")) {
                page.versions.add(version.asText());
            }
            for (JsonNode file : root.path("files")) {
                JsonNode metadata =
                        file.has("core-metadata") ? file.get("core-metadata") : file.path("dist-info-metadata");
                page.files.put(
                        file.path("filename").asText(),
                        new FileEntry(
                                file.path("filename").asText(),
                                file.path("url").asText(),
                                file.path("hashes").path("sha256").asText(null),
                                file.path("requires-python").asText(null),
                                metadata.isObject() ? metadata.path("sha256").asText(null) : null,
                                file.path("size").asLong(-1),
                                file.has("yanked") ? file.get("yanked") : null));
            }
            return page;
        }

        /** The normalised project name. */
        public String name() {
            return name;
        }

        /** The entry for a file name, or null. */
        public FileEntry file(String fileName) {
            return files.get(fileName);
        }

        /** The files, sorted by name. */
        public Collection<FileEntry> files() {
            return files.values();
        }

        /** Adds or replaces a file and records its version. */
        public void put(FileEntry entry, String version) {
            files.put(entry.fileName(), entry);
            if (version != null) {
                versions.add(version);
            }
        }

        /** The PEP 691 JSON form. */
        public byte[] toJson() throws IOException {
            ObjectNode root = JSON.createObjectNode();
            root.putObject("meta").put("api-version", API_VERSION);
            root.put("name", name);
            ArrayNode versionArray = root.putArray("versions");
            versions.forEach(versionArray::add);
            ArrayNode fileArray = root.putArray("files");
            for (FileEntry file : files.values()) {
                ObjectNode node = fileArray.addObject();
                node.put("filename", file.fileName());
                node.put("url", file.url());
                node.putObject("hashes").put("sha256", file.sha256());
                if (file.requiresPython() != null) {
                    node.put("requires-python", file.requiresPython());
                }
                if (file.metadataSha256() != null) {
                    // Only the PEP 714 name: pip before 23.2 fails on a dist-info-metadata object.
                    node.putObject("core-metadata").put("sha256", file.metadataSha256());
                }
                if (file.size() >= 0) {
                    node.put("size", file.size());
                }
                if (file.yanked() != null) {
                    node.set("yanked", file.yanked());
                }
            }
            return JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(root);
        }

        /** The PEP 503 HTML form, with PEP 658/714 metadata attributes. */
        public byte[] toHtml() {
            StringBuilder html = header("Links for " + name);
            for (FileEntry file : files.values()) {
                html.append("    <a href=\"")
                        .append(escape(file.url() + "#sha256=" + file.sha256()))
                        .append('"');
                if (file.requiresPython() != null) {
                    html.append(" data-requires-python=\"")
                            .append(escape(file.requiresPython()))
                            .append('"');
                }
                if (file.metadataSha256() != null) {
                    // Only the PEP 714 name. pip before 23.2 (Debian 12 ships 23.0) reads the older
                    // data-dist-info-metadata and then rejects a project name spelt differently from
                    // the metadata's Name; without it those versions download the wheel instead.
                    html.append(" data-core-metadata=\"sha256=")
                            .append(file.metadataSha256())
                            .append('"');
                }
                if (file.yanked() != null) {
                    String reason = file.yanked().isTextual() ? file.yanked().asText() : "";
                    if (!file.yanked().isBoolean() || file.yanked().asBoolean()) {
                        html.append(" data-yanked=\"").append(escape(reason)).append('"');
                    }
                }
                html.append('>').append(escape(file.fileName())).append("</a><br>\n");
            }
            return footer(html);
        }
    }

    /** Reads the project names from a root JSON page. */
    public static SortedSet<String> parseRoot(byte[] json) throws IOException {
        SortedSet<String> projects = new TreeSet<>();
        for (JsonNode project : JSON.readTree(json).path("projects")) {
            projects.add(PythonNames.normalize(project.path("name").asText()));
        }
        return projects;
    }

    /** The root JSON page. */
    public static byte[] rootJson(Collection<String> projects) throws IOException {
        ObjectNode root = JSON.createObjectNode();
        root.putObject("meta").put("api-version", API_VERSION);
        ArrayNode array = root.putArray("projects");
        new TreeSet<>(projects).forEach(project -> array.addObject().put("name", project));
        return JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(root);
    }

    /** The root HTML page. */
    public static byte[] rootHtml(Collection<String> projects) {
        StringBuilder html = header("Simple index");
        for (String project : new TreeSet<>(projects)) {
            html.append("    <a href=\"")
                    .append(escape(encode(project)))
                    .append("/\">")
                    .append(escape(project))
                    .append("</a><br>\n");
        }
        return footer(html);
    }

    /** The link from a project page to one of its files. */
    public static String fileUrl(String project, String fileName) {
        return "../../" + encode(filePath(project, fileName));
    }

    /**
     * The version part of a distribution file name: the second '-'-separated part of a wheel name,
     * everything after the first '-' of an sdist name.
     */
    public static String versionOf(String fileName) {
        String stem = fileName.endsWith(".tar.gz") ? fileName.substring(0, fileName.length() - 7) : fileName;
        String[] parts = stem.split("-");
        if (fileName.endsWith(".whl")) {
            return parts.length >= 5 ? parts[1] : null;
        }
        int dash = stem.lastIndexOf('-');
        return dash > 0 ? stem.substring(dash + 1) : null;
    }

    private static StringBuilder header(String title) {
        return new StringBuilder()
                .append("<!DOCTYPE html>\n<html>\n  <head>\n")
                .append("    <meta name=\"pypi:repository-version\" content=\"")
                .append(API_VERSION)
                .append("\">\n    <title>")
                .append(escape(title))
                .append("</title>\n  </head>\n  <body>\n    <h1>")
                .append(escape(title))
                .append("</h1>\n");
    }

    private static byte[] footer(StringBuilder html) {
        return html.append("  </body>\n</html>\n").toString().getBytes(StandardCharsets.UTF_8);
    }

    /** Escapes text for an HTML attribute or element. */
    static String escape(String text) {
        return text.replace("&", "&amp;")
                .replace("<", "&lt;")
                .replace(">", "&gt;")
                .replace("\"", "&quot;")
                .replace("'", "&#x27;");
    }

    /** Percent-encodes each path segment, keeping '/' and the characters URLs allow unencoded. */
    static String encode(String path) {
        StringBuilder out = new StringBuilder();
        for (byte b : path.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xff);
            if ((c >= 'a' && c <= 'z')
                    || (c >= 'A' && c <= 'Z')
                    || (c >= '0' && c <= '9')
                    || "-._~/!".indexOf(c) >= 0) {
                out.append(c);
            } else {
                out.append('%').append(String.format("%02X", b & 0xff));
            }
        }
        return out.toString();
    }

    /** Groups distribution files by normalised project name. */
    static Map<String, List<DistributionFile>> byProject(List<DistributionFile> files) {
        Map<String, List<DistributionFile>> grouped = new TreeMap<>();
        for (DistributionFile file : files) {
            grouped.computeIfAbsent(PythonNames.normalize(file.name()), key -> new ArrayList<>())
                    .add(file);
        }
        return grouped;
    }
}
