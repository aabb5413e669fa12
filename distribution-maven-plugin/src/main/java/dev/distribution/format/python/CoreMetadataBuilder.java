package dev.distribution.format.python;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.toml.TomlMapper;
import dev.distribution.core.InvalidConfigurationException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Collects the values of a {@link CoreMetadata}, from the goal's configuration and from the {@code
 * [project]} table of a {@code pyproject.toml} (PEP 621), and checks each one as it is set. Every
 * rejected value raises an {@link InvalidConfigurationException} naming where it came from: a POM
 * element such as {@code <python><name>} or a key such as {@code pyproject.toml [project] name}.
 *
 * <p>Not thread-safe; one builder makes one metadata.
 */
public final class CoreMetadataBuilder {
    private static final String IDENTIFIER = "[A-Za-z0-9](?:[A-Za-z0-9._-]*[A-Za-z0-9])?";
    private static final String OPERATOR = "(?:~=|===|==|!=|<=|>=|<|>)";
    private static final String SPECIFIER = OPERATOR + "\\s*[A-Za-z0-9.*+!_-]+";
    private static final String SPECIFIERS = SPECIFIER + "(?:\\s*,\\s*" + SPECIFIER + ")*";
    private static final Pattern SPECIFIER_SET = Pattern.compile("^\\s*" + SPECIFIERS + "\\s*$");
    private static final Pattern MARKER = Pattern.compile("^[A-Za-z0-9_.'\"<>=!~ ()*+,-]+$");
    private static final Pattern REQUIREMENT = Pattern.compile("^\\s*" + IDENTIFIER
            + "\\s*(?:\\[\\s*(?:" + IDENTIFIER + "(?:\\s*,\\s*" + IDENTIFIER + ")*)?\\s*])?"
            + "\\s*(?:@\\s*\\S+\\s*|\\(\\s*" + SPECIFIERS + "\\s*\\)|" + SPECIFIERS + ")?"
            + "\\s*(?:;(?<marker>.*))?$");
    private static final Pattern ENTRY_POINT_NAME = Pattern.compile("^[A-Za-z0-9_.-]+$");
    private static final Pattern ENTRY_POINT_GROUP = Pattern.compile("^[A-Za-z0-9_.-]+$");
    private static final Pattern OBJECT_REFERENCE =
            Pattern.compile("^[A-Za-z_][A-Za-z0-9_]*(?:\\.[A-Za-z_][A-Za-z0-9_]*)*"
                    + "(?::[A-Za-z_][A-Za-z0-9_]*(?:\\.[A-Za-z_][A-Za-z0-9_]*)*)?$");
    private static final Pattern EMAIL = Pattern.compile("^[^\\s@<>,\"]+@[^\\s@<>,\"]+$");
    private static final Pattern URL = Pattern.compile("^[A-Za-z][A-Za-z0-9+.-]*://\\S+$");
    private static final Pattern LICENSE_ID = Pattern.compile("^[A-Za-z0-9][A-Za-z0-9.-]*\\+?$");

    String name;
    String version;
    String summary;
    String description;
    String descriptionContentType;
    String readmeName;
    String licenseExpression;
    String licenseText;
    final Map<String, LicenseFile> licenseFiles = new LinkedHashMap<>();
    final List<Person> authors = new ArrayList<>();
    final List<Person> maintainers = new ArrayList<>();
    final Map<String, String> projectUrls = new LinkedHashMap<>();
    final List<String> keywords = new ArrayList<>();
    final List<String> classifiers = new ArrayList<>();
    String requiresPython;
    String metadataVersion;
    final List<String> requiresDist = new ArrayList<>();
    final Map<String, List<String>> extras = new LinkedHashMap<>();
    final SortedMap<String, SortedMap<String, String>> entryPoints = new TreeMap<>();

    /** The origin of values set by the public setters; a pyproject key while one is read. */
    private Path pyproject;

    CoreMetadataBuilder() {}

    private String element(String pomName, String pyprojectKey) {
        return pyproject == null ? "<python><" + pomName + ">" : pyproject + " [project] " + pyprojectKey;
    }

    /** A nested element or key: {@code <python><urls><Homepage>} or {@code ... [project] urls.Homepage}. */
    private static String child(String element, String key) {
        return element.endsWith(">") ? element + "<" + key + ">" : element + "." + key;
    }

    /** Sets the project name, for example {@code hello-tool}. */
    public CoreMetadataBuilder name(String value) throws InvalidConfigurationException {
        this.name = PythonNames.requireValid(element("name", "name"), value == null ? null : value.strip());
        return this;
    }

    /** Sets the version; it must follow PEP 440 and is stored in its normalised form. */
    public CoreMetadataBuilder version(String value) throws InvalidConfigurationException {
        this.version = Pep440Version.normalize(element("version", "version"), value);
        return this;
    }

    /** Sets the one-line summary. */
    public CoreMetadataBuilder summary(String value) throws InvalidConfigurationException {
        this.summary = singleLine(element("summary", "description"), value);
        return this;
    }

    /**
     * Reads the long description from a README file; its content type follows the extension:
     * {@code .md} markdown, {@code .rst} reStructuredText, {@code .txt} or none plain text.
     */
    public CoreMetadataBuilder readme(Path file) throws InvalidConfigurationException, IOException {
        return readme(file, null);
    }

    private CoreMetadataBuilder readme(Path file, String contentType)
            throws InvalidConfigurationException, IOException {
        String element = element("readme", "readme");
        if (file == null || !Files.isRegularFile(file)) {
            throw new InvalidConfigurationException(
                    element,
                    file == null ? null : file.toString(),
                    "an existing README file (.md, .rst or .txt)",
                    "Create the file or point " + element + " at the README the project ships.");
        }
        String type = contentType != null ? contentType : contentType(element, file);
        this.description = readText(element, file);
        this.descriptionContentType = type;
        this.readmeName = file.getFileName().toString();
        return this;
    }

    /** Sets the long description from text, with its content type such as {@code text/markdown}. */
    public CoreMetadataBuilder description(String text, String contentType) throws InvalidConfigurationException {
        String element = element("readme", "readme");
        this.description = text.replace("\r\n", "\n");
        this.descriptionContentType = checkContentType(element, contentType);
        this.readmeName = null;
        return this;
    }

    private static String contentType(String element, Path file) throws InvalidConfigurationException {
        String fileName = file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (fileName.endsWith(".md") || fileName.endsWith(".markdown")) {
            return "text/markdown";
        }
        if (fileName.endsWith(".rst")) {
            return "text/x-rst";
        }
        if (fileName.endsWith(".txt") || !fileName.contains(".")) {
            return "text/plain";
        }
        throw new InvalidConfigurationException(
                element,
                file.toString(),
                "a README ending in .md, .markdown, .rst or .txt",
                "Rename the README or give its content type in pyproject.toml (readme = {file, content-type}).");
    }

    private static String checkContentType(String element, String type) throws InvalidConfigurationException {
        String base = type == null ? "" : type.split(";", 2)[0].strip();
        if (!List.of("text/markdown", "text/x-rst", "text/plain").contains(base)) {
            throw new InvalidConfigurationException(
                    child(element, "content-type"),
                    type,
                    "text/markdown, text/x-rst or text/plain",
                    "Give one of the content types PyPI renders.");
        }
        return type.strip();
    }

    /** Sets the license as an SPDX expression such as {@code MIT} or {@code Apache-2.0 OR MIT}. */
    public CoreMetadataBuilder license(String expression) throws InvalidConfigurationException {
        String element = element("license", "license");
        if (expression == null || !SpdxExpression.isValid(expression.strip())) {
            throw new InvalidConfigurationException(
                    element,
                    expression,
                    "an SPDX license expression: identifiers such as MIT or Apache-2.0, LicenseRef-*,"
                            + " joined with AND, OR, WITH and parentheses",
                    "Write the SPDX identifier of the project's license, for example Apache-2.0.");
        }
        this.licenseExpression = expression.strip();
        return this;
    }

    /**
     * Adds a license file, shipped in the wheel under {@code .dist-info/licenses/} and named in a
     * {@code License-File} field.
     *
     * @param projectDir the directory the name is relative to
     * @param relativeName the path below {@code projectDir}, with '/' separators
     */
    public CoreMetadataBuilder licenseFile(Path projectDir, String relativeName) throws InvalidConfigurationException {
        String element = element("licenseFiles", "license-files");
        String normalized = relativeName == null ? null : relativeName.replace('\\', '/');
        Path file = normalized == null ? null : projectDir.resolve(normalized).normalize();
        if (file == null
                || normalized.startsWith("/")
                || normalized.contains("..")
                || !file.startsWith(projectDir.normalize())
                || !Files.isRegularFile(file)) {
            throw new InvalidConfigurationException(
                    element,
                    relativeName,
                    "the path of an existing file inside " + projectDir + ", such as LICENSE",
                    "Create the license file or correct its path.");
        }
        licenseFiles.put(normalized, new LicenseFile(normalized, file));
        return this;
    }

    /** Adds an author; either part may be null, not both. */
    public CoreMetadataBuilder author(String personName, String email) throws InvalidConfigurationException {
        authors.add(person(element("authors", "authors"), personName, email));
        return this;
    }

    /** Adds a maintainer; either part may be null, not both. */
    public CoreMetadataBuilder maintainer(String personName, String email) throws InvalidConfigurationException {
        maintainers.add(person(element("maintainers", "maintainers"), personName, email));
        return this;
    }

    private static Person person(String element, String personName, String email) throws InvalidConfigurationException {
        String cleanName = blankToNull(personName);
        String cleanEmail = blankToNull(email);
        if (cleanName == null && cleanEmail == null) {
            throw new InvalidConfigurationException(
                    element, null, "a name, an e-mail address or both", "Give the person's name or e-mail.");
        }
        if (cleanName != null && !cleanName.matches("[^,<>\"@\\r\\n]+")) {
            throw new InvalidConfigurationException(
                    child(element, "name"),
                    cleanName,
                    "a name without ',', '<', '>', '\"', '@' or line breaks",
                    "Write the name alone and the address in the e-mail part.");
        }
        if (cleanEmail != null && !EMAIL.matcher(cleanEmail).matches()) {
            throw new InvalidConfigurationException(
                    child(element, "email"),
                    cleanEmail,
                    "one e-mail address such as dev@example.com",
                    "Give one address per person.");
        }
        return new Person(cleanName, cleanEmail);
    }

    /** Adds a project URL such as {@code Homepage} or {@code Source}; labels hold at most 32 characters. */
    public CoreMetadataBuilder projectUrl(String label, String url) throws InvalidConfigurationException {
        String element = element("urls", "urls");
        if (label == null || label.isBlank() || label.length() > 32 || label.contains(",") || label.contains("\n")) {
            throw new InvalidConfigurationException(
                    element,
                    label,
                    "a label of 1 to 32 characters without ',' or line breaks",
                    "Shorten the label, for example Homepage, Source, Documentation or Issues.");
        }
        if (url == null || !URL.matcher(url.strip()).matches()) {
            throw new InvalidConfigurationException(
                    child(element, label), url, "an absolute URL such as https://example.com/", "Give the full URL.");
        }
        projectUrls.put(label.strip(), url.strip());
        return this;
    }

    /** Adds a search keyword. */
    public CoreMetadataBuilder keyword(String keyword) throws InvalidConfigurationException {
        String element = element("keywords", "keywords");
        if (keyword == null || keyword.isBlank() || keyword.contains(",") || keyword.contains("\n")) {
            throw new InvalidConfigurationException(
                    element, keyword, "a word or phrase without ',' or line breaks", "Give one keyword per entry.");
        }
        keywords.add(keyword.strip());
        return this;
    }

    /** Adds a trove classifier such as {@code Programming Language :: Python :: 3}. */
    public CoreMetadataBuilder classifier(String classifier) throws InvalidConfigurationException {
        String element = element("classifiers", "classifiers");
        if (classifier == null || !classifier.strip().matches("[^\\r\\n:]+( :: [^\\r\\n:]+)+")) {
            throw new InvalidConfigurationException(
                    element,
                    classifier,
                    "a trove classifier: words joined with ' :: ', such as Programming Language :: Python :: 3",
                    "Copy the classifier from https://pypi.org/classifiers/.");
        }
        classifiers.add(classifier.strip());
        return this;
    }

    /** Sets the Python versions the release supports, for example {@code >=3.8}. */
    public CoreMetadataBuilder requiresPython(String specifier) throws InvalidConfigurationException {
        String element = element("requiresPython", "requires-python");
        if (specifier == null || !SPECIFIER_SET.matcher(specifier).matches()) {
            throw new InvalidConfigurationException(
                    element,
                    specifier,
                    "PEP 440 version specifiers joined with ',', such as >=3.8 or >=3.9,<4",
                    "Write the lowest supported Python version as >=3.X.");
        }
        this.requiresPython = specifier.strip();
        return this;
    }

    /** Adds a PEP 508 requirement such as {@code requests>=2.31} or {@code tomli; python_version < "3.11"}. */
    public CoreMetadataBuilder dependency(String requirement) throws InvalidConfigurationException {
        requiresDist.add(requirement(element("depends", "dependencies"), requirement));
        return this;
    }

    /** Adds a requirement that only the named extra installs ({@code pip install name[extra]}). */
    public CoreMetadataBuilder optionalDependency(String extra, String requirement)
            throws InvalidConfigurationException {
        String element = element("extras", "optional-dependencies");
        if (!PythonNames.isValid(extra)) {
            throw new InvalidConfigurationException(
                    element,
                    extra,
                    "an extra name of ASCII letters, digits, '.', '_' and '-'",
                    "Rename the extra, for example test or docs.");
        }
        String clean = requirement(child(element, extra), requirement);
        extras.computeIfAbsent(PythonNames.normalize(extra), key -> new ArrayList<>())
                .add(clean);
        return this;
    }

    private static String requirement(String element, String requirement) throws InvalidConfigurationException {
        var matcher = requirement == null ? null : REQUIREMENT.matcher(requirement);
        boolean valid = matcher != null && matcher.matches();
        if (valid && matcher.group("marker") != null) {
            valid = MARKER.matcher(matcher.group("marker").strip()).matches();
        }
        if (!valid) {
            throw new InvalidConfigurationException(
                    element,
                    requirement,
                    "a PEP 508 requirement: name[extras] version-specifiers ; marker, such as requests>=2.31"
                            + " or tomli; python_version < \"3.11\"",
                    "Write the requirement as pip install would take it.");
        }
        return requirement.strip();
    }

    /** Adds a console script: {@code name} runs {@code module:function}. */
    public CoreMetadataBuilder consoleScript(String scriptName, String target) throws InvalidConfigurationException {
        return entryPoint(element("scripts", "scripts"), "console_scripts", scriptName, target);
    }

    /** Adds an entry point to a group such as {@code console_scripts} or a plugin group. */
    public CoreMetadataBuilder entryPoint(String group, String pointName, String target)
            throws InvalidConfigurationException {
        return entryPoint(element("entryPoints", "entry-points"), group, pointName, target);
    }

    private CoreMetadataBuilder entryPoint(String element, String group, String pointName, String target)
            throws InvalidConfigurationException {
        if (group == null || !ENTRY_POINT_GROUP.matcher(group).matches()) {
            throw new InvalidConfigurationException(
                    element, group, "a group name of letters, digits, '_', '.' and '-'", "Rename the group.");
        }
        if (pointName == null || !ENTRY_POINT_NAME.matcher(pointName).matches()) {
            throw new InvalidConfigurationException(
                    element,
                    pointName,
                    "a name of letters, digits, '_', '.' and '-'",
                    "Rename the script or entry point.");
        }
        String cleanTarget = target == null ? null : target.strip();
        if (cleanTarget == null || !OBJECT_REFERENCE.matcher(cleanTarget).matches()) {
            throw new InvalidConfigurationException(
                    child(element, pointName),
                    target,
                    "an object reference module.path:function, such as hello_tool.cli:main",
                    "Point the entry at the function to run.");
        }
        entryPoints.computeIfAbsent(group, key -> new TreeMap<>()).put(pointName, cleanTarget);
        return this;
    }

    /**
     * Applies the {@code [project]} table of a {@code pyproject.toml}; its values replace the ones set
     * before, so the goal's values only fill in what the file leaves out (such as a dynamic
     * version). Relative paths (readme, license files) are resolved against the file's directory.
     */
    public CoreMetadataBuilder pyproject(Path file) throws InvalidConfigurationException, IOException {
        JsonNode root;
        try {
            root = new TomlMapper().readTree(file.toFile());
        } catch (IOException e) {
            if (!Files.isRegularFile(file)) {
                throw e;
            }
            throw new InvalidConfigurationException(
                    file.toString(),
                    firstLine(e.getMessage()),
                    "a TOML file following the pyproject.toml specification",
                    "Correct the TOML syntax at the reported line.");
        }
        JsonNode project = root.path("project");
        if (!project.isObject()) {
            return this;
        }
        Path dir = file.toAbsolutePath().getParent();
        this.pyproject = file;
        try {
            applyProject(project, dir);
        } finally {
            this.pyproject = null;
        }
        return this;
    }

    private void applyProject(JsonNode project, Path dir) throws InvalidConfigurationException, IOException {
        if (project.has("name")) {
            name(project.get("name").asText());
        }
        if (project.has("version")) {
            version(project.get("version").asText());
        }
        if (project.has("description")) {
            summary(project.get("description").asText());
        }
        applyReadme(project.path("readme"), dir);
        if (project.has("requires-python")) {
            requiresPython(project.get("requires-python").asText());
        }
        applyLicense(project.path("license"), dir);
        for (JsonNode pattern : array(project, "license-files")) {
            licenseFiles(dir, pattern.asText());
        }
        applyPeople(project, "authors", true);
        applyPeople(project, "maintainers", false);
        replace(keywords, project, "keywords");
        for (JsonNode keyword : array(project, "keywords")) {
            keyword(keyword.asText());
        }
        replace(classifiers, project, "classifiers");
        for (JsonNode classifier : array(project, "classifiers")) {
            classifier(classifier.asText());
        }
        if (project.has("urls")) {
            projectUrls.clear();
            for (Map.Entry<String, JsonNode> url : fields(project.get("urls"))) {
                projectUrl(url.getKey(), url.getValue().asText());
            }
        }
        replace(requiresDist, project, "dependencies");
        for (JsonNode requirement : array(project, "dependencies")) {
            dependency(requirement.asText());
        }
        if (project.has("optional-dependencies")) {
            extras.clear();
            for (Map.Entry<String, JsonNode> extra : fields(project.get("optional-dependencies"))) {
                extras.computeIfAbsent(PythonNames.normalize(extra.getKey()), key -> new ArrayList<>());
                for (JsonNode requirement : extra.getValue()) {
                    optionalDependency(extra.getKey(), requirement.asText());
                }
            }
        }
        for (Map.Entry<String, JsonNode> script : fields(project.path("scripts"))) {
            consoleScript(script.getKey(), script.getValue().asText());
        }
        for (Map.Entry<String, JsonNode> script : fields(project.path("gui-scripts"))) {
            entryPoint(
                    element("scripts", "gui-scripts"),
                    "gui_scripts",
                    script.getKey(),
                    script.getValue().asText());
        }
        for (Map.Entry<String, JsonNode> group : fields(project.path("entry-points"))) {
            for (Map.Entry<String, JsonNode> point : fields(group.getValue())) {
                entryPoint(group.getKey(), point.getKey(), point.getValue().asText());
            }
        }
    }

    private void applyReadme(JsonNode readme, Path dir) throws InvalidConfigurationException, IOException {
        if (readme.isTextual()) {
            readme(dir.resolve(readme.asText()));
        } else if (readme.isObject() && readme.has("file")) {
            String type = readme.has("content-type")
                    ? checkContentType(
                            element("readme", "readme"),
                            readme.get("content-type").asText())
                    : null;
            readme(dir.resolve(readme.get("file").asText()), type);
        } else if (readme.isObject() && readme.has("text")) {
            description(readme.get("text").asText(), readme.path("content-type").asText(null));
        }
    }

    private void applyLicense(JsonNode license, Path dir) throws InvalidConfigurationException {
        if (license.isTextual()) {
            license(license.asText());
        } else if (license.isObject() && license.has("file")) {
            licenseFile(dir, license.get("file").asText());
        } else if (license.isObject() && license.has("text")) {
            this.licenseText = singleLine(
                    element("license", "license"), license.get("text").asText());
        }
    }

    private void applyPeople(JsonNode project, String key, boolean authorsList) throws InvalidConfigurationException {
        if (!project.has(key)) {
            return;
        }
        (authorsList ? authors : maintainers).clear();
        for (JsonNode person : project.get(key)) {
            String personName = person.path("name").asText(null);
            String email = person.path("email").asText(null);
            if (authorsList) {
                author(personName, email);
            } else {
                maintainer(personName, email);
            }
        }
    }

    /** Expands a PEP 639 license-files glob; a pattern that matches nothing is an error. */
    private void licenseFiles(Path dir, String pattern) throws InvalidConfigurationException, IOException {
        PathMatcher matcher = FileSystems.getDefault().getPathMatcher("glob:" + pattern);
        List<String> matches;
        try (Stream<Path> files = Files.walk(dir)) {
            matches = files.filter(Files::isRegularFile)
                    .map(dir::relativize)
                    .filter(matcher::matches)
                    .map(path -> path.toString().replace('\\', '/'))
                    .sorted()
                    .toList();
        }
        if (matches.isEmpty()) {
            throw new InvalidConfigurationException(
                    element("licenseFiles", "license-files"),
                    pattern,
                    "a glob that matches at least one file below " + dir,
                    "Correct the pattern or add the license file.");
        }
        for (String match : matches) {
            licenseFile(dir, match);
        }
    }

    /**
     * Asks for a fixed metadata version instead of the lowest one the fields need, for repositories
     * or tools that read only older versions.
     *
     * @param value 2.1, 2.2, 2.3 or 2.4; null to choose automatically
     */
    public CoreMetadataBuilder metadataVersion(String value) throws InvalidConfigurationException {
        if (value != null && !List.of("2.1", "2.2", "2.3", "2.4").contains(value.strip())) {
            throw new InvalidConfigurationException(
                    "<python><metadataVersion>",
                    value,
                    "2.1, 2.2, 2.3 or 2.4",
                    "Leave it out to choose automatically.");
        }
        this.metadataVersion = value == null ? null : value.strip();
        return this;
    }

    /**
     * Checks that every required value is present and that the values fit together, then makes the
     * metadata.
     */
    public CoreMetadata build() throws InvalidConfigurationException {
        if (name == null) {
            throw new InvalidConfigurationException(
                    "<python><name>", null, "a project name", "Set <python><name> or name in pyproject.toml.");
        }
        if (version == null) {
            throw new InvalidConfigurationException(
                    "<python><version>",
                    null,
                    "a PEP 440 version",
                    "Set <python><version> or version in pyproject.toml.");
        }
        if (licenseExpression != null) {
            for (String classifier : classifiers) {
                if (classifier.startsWith("License ::")) {
                    throw new InvalidConfigurationException(
                            "<python><classifiers>",
                            classifier,
                            "classifiers other than License :: ... when a license expression is set (PEP 639)",
                            "Remove the License classifier; the expression " + licenseExpression + " replaces it.");
                }
            }
            if (licenseText != null) {
                throw new InvalidConfigurationException(
                        "<python><license>",
                        licenseText,
                        "either an SPDX expression or a license text, not both",
                        "Keep the SPDX expression and drop the license text.");
            }
        }
        boolean pep639 = licenseExpression != null || !licenseFiles.isEmpty();
        if (metadataVersion != null && pep639 && !metadataVersion.equals("2.4")) {
            throw new InvalidConfigurationException(
                    "<python><metadataVersion>",
                    metadataVersion,
                    "2.4 when License-Expression or License-File is used (PEP 639)",
                    "Set <python><metadataVersion> to 2.4, or drop <license> and <licenseFiles> for older tools.");
        }
        return new CoreMetadata(this);
    }

    private static String singleLine(String element, String value) throws InvalidConfigurationException {
        if (value == null) {
            return null;
        }
        if (value.contains("\n") || value.contains("\r")) {
            throw new InvalidConfigurationException(
                    element,
                    value,
                    "a single line of text",
                    "Keep the summary to one line; put longer text in the README.");
        }
        return value.strip();
    }

    private static String readText(String element, Path file) throws InvalidConfigurationException, IOException {
        try {
            return StandardCharsets.UTF_8
                    .newDecoder()
                    .decode(ByteBuffer.wrap(Files.readAllBytes(file)))
                    .toString()
                    .replace("\r\n", "\n");
        } catch (CharacterCodingException e) {
            throw new InvalidConfigurationException(
                    element, file.toString(), "a UTF-8 text file", "Save the README as UTF-8.");
        }
    }

    private static void replace(List<String> list, JsonNode project, String key) {
        if (project.has(key)) {
            list.clear();
        }
    }

    private static Iterable<JsonNode> array(JsonNode project, String key) {
        JsonNode node = project.path(key);
        return node.isArray() ? node : List.of();
    }

    private static Iterable<Map.Entry<String, JsonNode>> fields(JsonNode node) {
        List<Map.Entry<String, JsonNode>> entries = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            entries.add(it.next());
        }
        return entries;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    private static String firstLine(String message) {
        return message == null ? "" : message.lines().findFirst().orElse("");
    }

    /** A small checker of SPDX license expression syntax; identifiers are not looked up. */
    static final class SpdxExpression {
        private final List<String> tokens;
        private int position;

        private SpdxExpression(List<String> tokens) {
            this.tokens = tokens;
        }

        static boolean isValid(String expression) {
            List<String> tokens = new ArrayList<>();
            for (String part :
                    expression.replace("(", " ( ").replace(")", " ) ").trim().split("\\s+")) {
                if (!part.isEmpty()) {
                    tokens.add(part);
                }
            }
            SpdxExpression parser = new SpdxExpression(tokens);
            return !tokens.isEmpty() && parser.orExpression() && parser.position == tokens.size();
        }

        private boolean orExpression() {
            if (!andExpression()) {
                return false;
            }
            while (accept("OR")) {
                if (!andExpression()) {
                    return false;
                }
            }
            return true;
        }

        private boolean andExpression() {
            if (!term()) {
                return false;
            }
            while (accept("AND")) {
                if (!term()) {
                    return false;
                }
            }
            return true;
        }

        private boolean term() {
            if (accept("(")) {
                return orExpression() && accept(")");
            }
            if (!license()) {
                return false;
            }
            return !accept("WITH") || license();
        }

        private boolean license() {
            if (position >= tokens.size()) {
                return false;
            }
            String token = tokens.get(position);
            if (List.of("AND", "OR", "WITH", "(", ")").contains(token)
                    || !LICENSE_ID.matcher(token).matches()) {
                return false;
            }
            position++;
            return true;
        }

        private boolean accept(String token) {
            if (position < tokens.size() && tokens.get(position).equals(token)) {
                position++;
                return true;
            }
            return false;
        }
    }
}
