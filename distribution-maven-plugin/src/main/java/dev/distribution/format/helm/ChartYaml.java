package dev.distribution.format.helm;

import dev.distribution.core.InvalidConfigurationException;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;

/**
 * Reads and writes the YAML files of a chart. Parse errors name the file and the line, because
 * Helm's own message for a broken Chart.yaml names neither.
 */
public final class ChartYaml {
    private ChartYaml() {}

    /**
     * Reads a YAML file whose top level must be a mapping; an empty file is an empty mapping.
     *
     * @param file the file to read
     * @param element the POM element or chart path to name in errors, for example {@code Chart.yaml}
     * @return the mapping, keys in file order; never null
     * @throws InvalidConfigurationException when the file is not valid YAML or not a mapping
     */
    public static Map<String, Object> readMapping(Path file, String element)
            throws InvalidConfigurationException, IOException {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (CharacterCodingException e) {
            throw new InvalidConfigurationException(
                    element, file.toString(), "a UTF-8 text file", "Save " + file.getFileName() + " as UTF-8.");
        }
        return parseMapping(text, file.toString(), element);
    }

    /**
     * Parses YAML text whose top level must be a mapping.
     *
     * @param label the file name shown in errors
     */
    public static Map<String, Object> parseMapping(String text, String label, String element)
            throws InvalidConfigurationException {
        Object document;
        try {
            LoadSettings settings = LoadSettings.builder()
                    .setLabel(label)
                    .setAllowDuplicateKeys(false)
                    .setUseMarks(true)
                    .build();
            document = new Load(settings).loadFromString(text);
        } catch (MarkedYamlEngineException e) {
            Optional<Mark> mark = e.getProblemMark().or(e::getContextMark);
            String where = mark.map(m -> label + " line " + (m.getLine() + 1) + ", column " + (m.getColumn() + 1))
                    .orElse(label);
            throw new InvalidConfigurationException(
                    element, where, "valid YAML", "Fix the YAML at " + where + ": " + firstLine(e.getProblem()) + ".");
        } catch (YamlEngineException e) {
            throw new InvalidConfigurationException(
                    element, label, "valid YAML", "Fix the YAML in " + label + ": " + firstLine(e.getMessage()) + ".");
        }
        if (document == null) {
            return new LinkedHashMap<>();
        }
        if (!(document instanceof Map<?, ?> map)) {
            throw new InvalidConfigurationException(
                    element,
                    label,
                    "a YAML mapping of keys to values at the top level",
                    "Write " + label + " as 'key: value' lines.");
        }
        Map<String, Object> result = new LinkedHashMap<>();
        map.forEach((key, value) -> result.put(String.valueOf(key), value));
        return result;
    }

    /** Returns a value of a mapping as text, or null when absent; numbers and booleans become their text. */
    static String string(Map<?, ?> map, String key) {
        Object value = map.get(key);
        return value == null ? null : String.valueOf(value);
    }

    /** Returns a list value, such as {@code dependencies}, or an empty list when absent. */
    @SuppressWarnings("unchecked")
    static List<Object> list(Map<?, ?> map, String key) {
        Object value = map.get(key);
        return value instanceof List<?> list ? (List<Object>) list : List.of();
    }

    private static String firstLine(String text) {
        if (text == null) {
            return "syntax error";
        }
        int newline = text.indexOf('\n');
        return (newline < 0 ? text : text.substring(0, newline)).strip();
    }
}
