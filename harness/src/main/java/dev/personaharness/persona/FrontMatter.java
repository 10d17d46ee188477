package dev.personaharness.persona;

import dev.personaharness.core.Diagnostic;
import dev.personaharness.suite.SafeYaml;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;

/**
 * Splits a persona file into front matter and body, and reads the front matter: as YAML when it is
 * YAML, and otherwise line by line as {@code key: value}, the way a person reads it. Published
 * persona files often have an unquoted {@code ": "} inside a description, which strict YAML rejects.
 */
final class FrontMatter {
  private static final Pattern KEY_LINE = Pattern.compile("^([A-Za-z_][A-Za-z0-9_-]*)\\s*:(?:[ \\t]+(.*)|[ \\t]*)$");

  /** The parts of a file: fields (empty when there is no front matter) and the body with its first line. */
  record Split(boolean present, Map<String, Object> fields, Map<String, Integer> lines, String body, int bodyLine) {}

  /** Front matter is a handful of fields: tighter bounds than suites. */
  private static final LoaderOptions OPTIONS = SafeYaml.options(20, 20, 1024 * 1024);

  private FrontMatter() {}

  static Split split(String text, String path, List<Diagnostic> out) {
    List<String> lines = List.of(text.split("\n", -1));
    if (lines.isEmpty() || !lines.get(0).stripTrailing().equals("---")) {
      return new Split(false, Map.of(), Map.of(), text, 1);
    }
    int close = -1;
    for (int i = 1; i < lines.size(); i++) {
      if (lines.get(i).stripTrailing().equals("---")) {
        close = i;
        break;
      }
    }
    if (close < 0) {
      out.add(Diagnostic.error(path, 1, 1, "front matter opened with '---' is never closed; add a '---' line after the last field"));
      return null;
    }
    String yaml = String.join("\n", lines.subList(1, close));
    String body = String.join("\n", lines.subList(close + 1, lines.size()));
    Map<String, Integer> keyLines = keyLines(lines.subList(1, close));
    Map<String, Object> fields = parse(yaml, path, keyLines, out);
    return fields == null ? null : new Split(true, fields, keyLines, body, close + 2);
  }

  private static Map<String, Object> parse(String yaml, String path, Map<String, Integer> keyLines, List<Diagnostic> out) {
    if (yaml.isBlank()) {
      return new LinkedHashMap<>();
    }
    try {
      Object loaded = new Yaml(new SafeConstructor(OPTIONS)).load(yaml);
      if (loaded instanceof Map<?, ?> map) {
        Map<String, Object> result = new LinkedHashMap<>();
        map.forEach((k, v) -> result.put(String.valueOf(k), v));
        return result;
      }
      out.add(Diagnostic.error(path, 2, 1, "front matter must be 'key: value' lines, found " + describe(loaded)));
      return null;
    } catch (YAMLException e) {
      SafeYaml.Problem p = SafeYaml.problem(e, yaml, OPTIONS);
      // the front matter starts on the file's line 2
      int line = p.line() == 0 ? 2 : p.line() + 1;
      int col = Math.max(p.column(), 1);
      if (p.refused() || !(e instanceof MarkedYAMLException m)) {
        out.add(Diagnostic.error(path, line, col, "front matter: " + p.message()));
        return null;
      }
      if (m.getMessage() != null && m.getMessage().contains("found duplicate key")) {
        out.add(Diagnostic.error(path, line, col, "duplicate key in front matter: " + m.getProblem()));
        return null;
      }
      Map<String, Object> lenient = lenient(yaml);
      if (lenient.isEmpty()) {
        out.add(Diagnostic.error(path, line, col, "front matter is not YAML (" + m.getProblem() + ") and has no 'key: value' lines"));
        return null;
      }
      out.add(Diagnostic.warning(path, line, col, "front matter is not strict YAML (" + m.getProblem()
          + "); read as one 'key: value' per line. Quote the value to make it valid YAML"));
      return lenient;
    }
  }

  /** Reads {@code key: value} lines; indented lines continue the previous value, {@code - x} lines make it a list. */
  static Map<String, Object> lenient(String yaml) {
    Map<String, Object> fields = new LinkedHashMap<>();
    String key = null;
    for (String line : yaml.split("\n", -1)) {
      if (line.isBlank() || line.startsWith("#")) {
        continue;
      }
      Matcher m = KEY_LINE.matcher(line);
      if (m.matches()) {
        key = m.group(1);
        String value = m.group(2) == null ? "" : m.group(2).strip();
        fields.put(key, unquote(value));
      } else if (key != null) {
        String item = line.strip();
        Object current = fields.get(key);
        if (item.startsWith("- ") || item.equals("-")) {
          List<Object> list = current instanceof List<?> l ? new ArrayList<>(l) : new ArrayList<>();
          list.add(unquote(item.substring(1).strip()));
          fields.put(key, list);
        } else if (current instanceof String s) {
          fields.put(key, s.isEmpty() ? item : s + " " + item);
        }
      }
    }
    return fields;
  }

  private static Map<String, Integer> keyLines(List<String> lines) {
    Map<String, Integer> result = new LinkedHashMap<>();
    for (int i = 0; i < lines.size(); i++) {
      Matcher m = KEY_LINE.matcher(lines.get(i));
      if (m.matches()) {
        result.putIfAbsent(m.group(1), i + 2);
      }
    }
    return result;
  }

  private static String unquote(String v) {
    if (v.length() >= 2
        && ((v.startsWith("\"") && v.endsWith("\"")) || (v.startsWith("'") && v.endsWith("'")))) {
      return v.substring(1, v.length() - 1);
    }
    return v;
  }

  private static String describe(Object o) {
    return o instanceof List<?> ? "a list" : "'" + o + "'";
  }
}
