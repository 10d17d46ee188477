package dev.personaharness.persona;

import dev.personaharness.core.ConfigException;
import dev.personaharness.core.Diagnostic;
import dev.personaharness.core.DisplayPath;
import dev.personaharness.core.Hashing;
import dev.personaharness.core.Loaded;
import dev.personaharness.core.Persona;
import dev.personaharness.core.Similarity;
import dev.personaharness.core.TextFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Loads persona files (Markdown with YAML front matter, the Claude Code subagent format) as they are
 * found in the wild, collecting every problem of a file as diagnostics.
 */
public final class PersonaLoader {
  /** Front-matter fields of the subagent format; others are kept, and warned about only when close to one. */
  static final Set<String> KNOWN_FIELDS = Set.of(
      "name", "description", "tools", "disallowedTools", "model", "permissionMode", "skills", "color",
      "maxTurns", "mcpServers", "hooks", "memory", "background", "isolation", "effort");

  private PersonaLoader() {}

  /** Loads one file; its id is the file name without {@code .md}. */
  public static Loaded<Persona> load(Path file) {
    String path = DisplayPath.of(file);
    String text;
    try {
      text = TextFiles.read(file);
    } catch (ConfigException e) {
      return new Loaded<>(Optional.empty(), e.diagnostics());
    }
    String id = file.getFileName().toString().replaceFirst("\\.md$", "");
    return parse(id, path, text);
  }

  /**
   * Loads a persona reference: a file ({@code agents/x.md}) or a file at a git revision
   * ({@code agents/x.md@main}, {@code @HEAD~1}, {@code @<commit>}). A revision's id and path carry the
   * revision ({@code x@main}), so two revisions of one file run side by side.
   */
  public static Loaded<Persona> loadReference(String ref) {
    int at = ref.lastIndexOf(".md@");
    if (at < 0) {
      return load(Path.of(ref));
    }
    Path file = Path.of(ref.substring(0, at + 3));
    String rev = ref.substring(at + 4);
    String shown = DisplayPath.of(file) + "@" + rev;
    String text;
    try {
      text = TextFiles.decode(GitRevisions.read(file, rev, shown), shown);
    } catch (ConfigException e) {
      return new Loaded<>(Optional.empty(), e.diagnostics());
    }
    return parse(idOf(ref), shown, text);
  }

  /** The id a persona reference loads as: the file name without {@code .md}, plus {@code @REV} if given; an id stays itself. */
  public static String idOf(String ref) {
    int at = ref.lastIndexOf(".md@");
    String file = at < 0 ? ref : ref.substring(0, at + 3);
    String name = Path.of(file).getFileName().toString().replaceFirst("\\.md$", "");
    return at < 0 ? name : name + "@" + ref.substring(at + 4);
  }

  /** Whether {@code ref} names a file (or a file at a revision) rather than a persona id. */
  public static boolean isReference(String ref) {
    return ref.endsWith(".md") || ref.contains(".md@") || ref.contains("/") || ref.contains(java.io.File.separator);
  }

  /** Parses persona text already read; {@code path} is only used in diagnostics and results. */
  public static Loaded<Persona> parse(String id, String path, String raw) {
    List<Diagnostic> out = new ArrayList<>();
    String text = Hashing.normalize(raw);
    idProblem(id).ifPresent(problem -> out.add(Diagnostic.error(path, 0, 0, problem)));
    if (text.isBlank()) {
      out.add(Diagnostic.error(path, 1, 1, "persona file is empty: write the system prompt, after an optional '---' front matter block"));
      return new Loaded<>(Optional.empty(), out);
    }
    FrontMatter.Split split = FrontMatter.split(text, path, out);
    if (split == null) {
      return new Loaded<>(Optional.empty(), out);
    }
    if (!split.present()) {
      out.add(Diagnostic.warning(path, 1, 1,
          "no front matter ('---' block); the whole file is the system prompt and the name is '" + id + "'"));
    }
    Map<String, Object> fields = new LinkedHashMap<>(split.fields());
    Map<String, Integer> lines = split.lines();
    String name = string(fields, "name", path, lines, out).orElse(id);
    String description = string(fields, "description", path, lines, out).map(PersonaLoader::unescape).orElse("");
    String model = string(fields, "model", path, lines, out).orElse("inherit");
    checkTools(fields, path, lines, out);
    if (fields.containsKey("maxTurns") && !(fields.get("maxTurns") instanceof Integer)
        && !String.valueOf(fields.get("maxTurns")).matches("\\d+")) {
      out.add(Diagnostic.error(path, lines.getOrDefault("maxTurns", 1), 1, "maxTurns must be a whole number"));
    }
    for (String key : fields.keySet()) {
      if (!KNOWN_FIELDS.contains(key)) {
        Similarity.closest(key, KNOWN_FIELDS).ifPresent(s -> out.add(Diagnostic.warning(path,
            lines.getOrDefault(key, 1), 1, "unknown field '" + key + "' (did you mean '" + s + "'?)")));
      }
    }
    if (split.present() && !fields.containsKey("name")) {
      out.add(Diagnostic.warning(path, 1, 1, "front matter has no 'name'; using the file name '" + id + "'"));
    }
    String body = systemPrompt(split.body());
    if (body.isEmpty()) {
      out.add(Diagnostic.error(path, split.bodyLine(), 1,
          "persona body is empty: the Markdown after the front matter is the system prompt"));
    }
    boolean errors = out.stream().anyMatch(Diagnostic::isError);
    Persona persona = errors ? null
        : new Persona(id, name, description, model, fields, body, Hashing.sha256(text), path, out);
    return new Loaded<>(Optional.ofNullable(persona), out);
  }

  /**
   * Loads every {@code .md} file of a directory, in name order. Files that share a {@code name}
   * (two revisions of one persona, say) all load and are told apart by id, with a warning.
   */
  public static List<Loaded<Persona>> loadDirectory(Path dir) {
    List<Path> files;
    try (Stream<Path> s = Files.list(dir)) {
      files = s.filter(p -> p.getFileName().toString().endsWith(".md") && Files.isRegularFile(p)).sorted().toList();
    } catch (IOException e) {
      throw new ConfigException(List.of(Diagnostic.error(DisplayPath.of(dir), 0, 0, "cannot list directory: " + e.getMessage())));
    }
    List<Loaded<Persona>> result = new ArrayList<>();
    Map<String, String> firstByName = new HashMap<>();
    for (Path file : files) {
      Loaded<Persona> loaded = load(file);
      if (loaded.value().isPresent()) {
        Persona p = loaded.value().get();
        String first = firstByName.putIfAbsent(p.name(), p.path());
        if (first != null) {
          List<Diagnostic> diags = new ArrayList<>(loaded.diagnostics());
          diags.add(Diagnostic.warning(p.path(), 2, 1, "name '" + p.name() + "' is also the name of " + first
              + "; both load, told apart by their ids ('" + p.id() + "')"));
          Persona withWarning = new Persona(p.id(), p.name(), p.description(), p.model(), p.fields(), p.body(),
              p.hash(), p.path(), diags);
          loaded = new Loaded<>(Optional.of(withWarning), diags);
        }
      }
      result.add(loaded);
    }
    return result;
  }

  /**
   * Ids name folders of recordings and appear in reports and terminals, so an id must be a plain
   * folder name: not empty, not starting with '.', without separators or control characters.
   */
  static Optional<String> idProblem(String id) {
    if (id.isEmpty()) {
      return Optional.of("the file name has nothing before '.md', so the persona has no id; name the file after the persona");
    }
    if (id.startsWith(".") || id.contains("/") || id.contains("\\") || id.codePoints().anyMatch(Character::isISOControl)) {
      return Optional.of("the persona id '" + id.replaceAll("\\p{Cntrl}", "?") + "' (the file name without .md) cannot name a folder;"
          + " rename the file without a leading '.', separators or control characters");
    }
    return Optional.empty();
  }

  private static Optional<String> string(
      Map<String, Object> fields, String key, String path, Map<String, Integer> lines, List<Diagnostic> out) {
    Object v = fields.get(key);
    if (v == null) {
      return Optional.empty();
    }
    if (v instanceof Map<?, ?> || v instanceof List<?>) {
      out.add(Diagnostic.error(path, lines.getOrDefault(key, 1), 1, "'" + key + "' must be text, not a "
          + (v instanceof List<?> ? "list" : "map")));
      return Optional.empty();
    }
    return Optional.of(String.valueOf(v).strip()).filter(s -> !s.isEmpty());
  }

  private static void checkTools(Map<String, Object> fields, String path, Map<String, Integer> lines, List<Diagnostic> out) {
    for (String key : List.of("tools", "disallowedTools")) {
      Object v = fields.get(key);
      if (v instanceof String s) {
        fields.put(key, List.of(s.split("\\s*,\\s*")).stream().map(String::strip).filter(t -> !t.isEmpty()).toList());
      } else if (v != null && !(v instanceof List<?>)) {
        out.add(Diagnostic.error(path, lines.getOrDefault(key, 1), 1,
            "'" + key + "' must be a comma-separated string or a list of tool names"));
      }
    }
  }

  /** Descriptions in published files often carry literal {@code \n}: a reader sees line breaks. */
  private static String unescape(String s) {
    return s.replace("\\n", "\n");
  }

  private static String systemPrompt(String body) {
    String b = body;
    while (b.startsWith("\n") || (b.indexOf('\n') > 0 && b.substring(0, b.indexOf('\n')).isBlank())) {
      b = b.substring(b.indexOf('\n') + 1);
    }
    return b.isBlank() ? "" : b.stripTrailing();
  }
}
