package dev.personaharness.suite;

import dev.personaharness.core.Attachment;
import dev.personaharness.core.CheckSpec;
import dev.personaharness.core.ConfigException;
import dev.personaharness.core.Diagnostic;
import dev.personaharness.core.DisplayPath;
import dev.personaharness.core.GenerationSettings;
import dev.personaharness.core.Hashing;
import dev.personaharness.core.Loaded;
import dev.personaharness.core.Rubric;
import dev.personaharness.core.Suite;
import dev.personaharness.core.Task;
import dev.personaharness.core.Template;
import dev.personaharness.core.TextFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;

/**
 * Loads suite files ({@code docs/suites.md}): structure, ids, defaults, variables and attachments.
 * Check types and their arguments are validated by the check package, which knows them.
 */
public final class SuiteLoader {
  static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9-]*");
  private static final Set<String> SUITE_KEYS = Set.of("id", "description", "defaults", "tasks");
  private static final Set<String> DEFAULT_KEYS = Set.of("epochs", "temperature", "max_tokens", "seed", "threshold");
  private static final Set<String> TASK_KEYS =
      Set.of("id", "category", "tags", "description", "prompt", "vars", "attachments", "epochs", "rubric");
  private static final Set<String> RUBRIC_KEYS = Set.of("threshold", "reducer", "checks");

  private SuiteLoader() {}

  public static Loaded<Suite> load(Path file) {
    String path = DisplayPath.of(file);
    List<Diagnostic> out = new ArrayList<>();
    String text;
    try {
      text = Hashing.normalize(TextFiles.read(file));
    } catch (ConfigException e) {
      return new Loaded<>(Optional.empty(), e.diagnostics());
    }
    Node root;
    try {
      root = Yaml.compose(text);
    } catch (YAMLException e) {
      SafeYaml.Problem p = SafeYaml.problem(e, text, Yaml.OPTIONS);
      out.add(Diagnostic.error(path, p.line(), p.column(), p.message()));
      return new Loaded<>(Optional.empty(), out);
    }
    if (root == null) {
      out.add(Diagnostic.error(path, 1, 1, "suite file is empty; see docs/suites.md for the format"));
      return new Loaded<>(Optional.empty(), out);
    }
    Suite suite = new Reader(file, path, out, text).suite(root, text);
    return new Loaded<>(Optional.ofNullable(suite), out);
  }

  /**
   * Note: a suite with errors may still be returned, holding the tasks and checks that could be
   * read, so that every problem of the file (check arguments included) is reported at once.
   * Callers use {@link Loaded#hasErrors()} before running it.
   */
  /** Every {@code *.yaml}/{@code *.yml} file directly in {@code dir}, in name order; duplicate suite ids are errors. */
  public static List<Loaded<Suite>> loadDirectory(Path dir) {
    List<Path> files;
    try (Stream<Path> s = Files.list(dir)) {
      files = s.filter(p -> p.getFileName().toString().matches(".*\\.ya?ml") && Files.isRegularFile(p)).sorted().toList();
    } catch (IOException e) {
      throw new ConfigException(List.of(Diagnostic.error(DisplayPath.of(dir), 0, 0, "cannot list directory: " + e.getMessage())));
    }
    List<Loaded<Suite>> result = new ArrayList<>();
    Map<String, String> seen = new HashMap<>();
    for (Path f : files) {
      Loaded<Suite> loaded = load(f);
      if (loaded.value().isPresent() && !loaded.hasErrors()) {
        Suite s = loaded.value().get();
        String first = seen.putIfAbsent(s.id(), s.path());
        if (first != null) {
          List<Diagnostic> d = new ArrayList<>(loaded.diagnostics());
          d.add(Diagnostic.error(s.path(), 1, 1, "suite id '" + s.id() + "' is already used by " + first + "; give each suite its own id"));
          loaded = new Loaded<>(Optional.empty(), d);
        }
      }
      result.add(loaded);
    }
    return result;
  }

  /** One file's reading state. */
  private static final class Reader {
    private final Path file;
    private final String path;
    private final List<Diagnostic> out;
    private final Yaml yaml;
    private final List<Attachment> allAttachments = new ArrayList<>();
    private final String[] lines;

    Reader(Path file, String path, List<Diagnostic> out, String text) {
      this.lines = text.split("\n", -1);
      this.file = file;
      this.path = path;
      this.out = out;
      this.yaml = new Yaml(path, out);
    }

    Suite suite(Node root, String text) {
      Map<String, Node> m = yaml.mapping(root, "a suite", SUITE_KEYS);
      if (m == null) {
        return null;
      }
      String id = required(m, "id", root, "the suite");
      if (id != null && !ID.matcher(id).matches()) {
        yaml.error(m.get("id"), "suite id '" + id + "' must be lowercase letters, digits and '-'");
      }
      String stem = file.getFileName().toString().replaceFirst("\\.ya?ml$", "");
      if (id != null && !id.equals(stem)) {
        yaml.warning(m.get("id"), "suite id '" + id + "' differs from its file name '" + stem + "'");
      }
      String description = required(m, "description", root, "the suite");
      GenerationSettings defaults = m.containsKey("defaults") ? defaults(m.get("defaults")) : GenerationSettings.DEFAULT;
      List<Task> tasks = new ArrayList<>();
      if (!m.containsKey("tasks")) {
        yaml.error(root, "the suite has no 'tasks'; add at least one task");
      } else {
        List<Node> items = yaml.sequence(m.get("tasks"), "'tasks'");
        if (items != null && items.isEmpty()) {
          yaml.error(m.get("tasks"), "the suite has no tasks; add at least one task");
        }
        Map<String, Integer> ids = new HashMap<>();
        for (Node item : items == null ? List.<Node>of() : items) {
          Task t = task(item, defaults == null ? GenerationSettings.DEFAULT : defaults);
          if (t == null) {
            continue;
          }
          Integer first = ids.putIfAbsent(t.id(), t.line());
          if (first != null) {
            yaml.error(item, "duplicate task id '" + t.id() + "' (first at line " + first + "); task ids must be unique in a suite");
          } else {
            tasks.add(t);
          }
        }
      }
      if (id == null) {
        return null;
      }
      StringBuilder hashed = new StringBuilder(text);
      for (Attachment a : allAttachments) {
        hashed.append('\0').append(a.path()).append('\0').append(a.content());
      }
      return new Suite(id, description == null ? "" : description, defaults == null ? GenerationSettings.DEFAULT : defaults,
          tasks, path, Hashing.sha256(hashed.toString()));
    }

    private GenerationSettings defaults(Node node) {
      Map<String, Node> m = yaml.mapping(node, "'defaults'", DEFAULT_KEYS);
      if (m == null) {
        return null;
      }
      GenerationSettings d = GenerationSettings.DEFAULT;
      Integer epochs = m.containsKey("epochs") ? yaml.integer(m.get("epochs"), "epochs", 1, GenerationSettings.MAX_EPOCHS) : Integer.valueOf(d.epochs());
      Double temperature = m.containsKey("temperature")
          ? yaml.number(m.get("temperature"), "temperature", 0, 2) : Double.valueOf(d.temperature());
      Integer maxTokens = m.containsKey("max_tokens") ? yaml.integer(m.get("max_tokens"), "max_tokens", 1, Integer.MAX_VALUE) : Integer.valueOf(d.maxTokens());
      Integer seed = m.containsKey("seed") ? yaml.integer(m.get("seed"), "seed", Integer.MIN_VALUE, Integer.MAX_VALUE) : null;
      Double threshold = m.containsKey("threshold") ? yaml.number(m.get("threshold"), "threshold", 0, 1) : Double.valueOf(d.threshold());
      if (epochs == null || temperature == null || maxTokens == null || threshold == null
          || (m.containsKey("seed") && seed == null)) {
        return null;
      }
      return new GenerationSettings(epochs, temperature, maxTokens, seed, threshold);
    }

    private Task task(Node node, GenerationSettings defaults) {
      Map<String, Node> m = yaml.mapping(node, "a task", TASK_KEYS);
      if (m == null) {
        return null;
      }
      String id = required(m, "id", node, "a task");
      if (id != null && !ID.matcher(id).matches()) {
        yaml.error(m.get("id"), "task id '" + id + "' must be lowercase letters, digits and '-'");
        id = null;
      }
      String category = required(m, "category", node, "task '" + id + "'");
      List<String> tags = m.containsKey("tags") ? yaml.strings(m.get("tags"), "'tags'") : List.of();
      String prompt = required(m, "prompt", node, "task '" + id + "'");
      if (prompt != null && prompt.isBlank()) {
        yaml.error(m.get("prompt"), "the prompt of task '" + id + "' is empty");
      }
      Map<String, String> vars = m.containsKey("vars") ? vars(m.get("vars")) : Map.of();
      if (prompt != null) {
        checkVariables(prompt, (ScalarNode) m.get("prompt"), vars, m.get("vars"));
      }
      List<Attachment> attachments = new ArrayList<>();
      if (m.containsKey("attachments")) {
        List<Node> items = yaml.sequence(m.get("attachments"), "'attachments'");
        for (Node a : items == null ? List.<Node>of() : items) {
          String p = yaml.string(a, "an attachment");
          Attachment att = p == null ? null : Attachments.read(file, p, a, yaml);
          if (att != null) {
            attachments.add(att);
          }
        }
      }
      allAttachments.addAll(attachments);
      Rubric rubric = m.containsKey("rubric") ? rubric(m.get("rubric"), defaults.threshold()) : null;
      if (!m.containsKey("rubric")) {
        yaml.error(Yaml.keyNodes((MappingNode) node).getOrDefault("id", node), "task '" + id + "' has no 'rubric'");
      }
      Integer epochs = m.containsKey("epochs") ? yaml.integer(m.get("epochs"), "epochs", 1, GenerationSettings.MAX_EPOCHS) : null;
      if (id == null || category == null || prompt == null || rubric == null || (m.containsKey("epochs") && epochs == null)) {
        return null;
      }
      return new Task(id, category, tags, prompt.stripTrailing(), vars, attachments, rubric, epochs, Yaml.line(node),
          file.toAbsolutePath().normalize().getParent().toString());
    }

    private Map<String, String> vars(Node node) {
      Map<String, Node> m = yaml.mapping(node, "'vars'", null);
      Map<String, String> vars = new LinkedHashMap<>();
      if (m != null) {
        m.forEach((k, v) -> {
          if (v instanceof ScalarNode s) {
            vars.put(k, s.getValue());
          } else {
            yaml.error(v, "variable '" + k + "' must be text, found " + Yaml.kind(v));
          }
        });
      }
      return vars;
    }

    private void checkVariables(String prompt, ScalarNode node, Map<String, String> vars, Node varsNode) {
      boolean block = node.getScalarStyle() == org.yaml.snakeyaml.DumperOptions.ScalarStyle.LITERAL
          || node.getScalarStyle() == org.yaml.snakeyaml.DumperOptions.ScalarStyle.FOLDED;
      Set<String> used = new LinkedHashSet<>();
      for (Template.Use use : Template.uses(prompt)) {
        used.add(use.name());
        if (!vars.containsKey(use.name())) {
          int lineInPrompt = (int) prompt.substring(0, use.offset()).chars().filter(c -> c == '\n').count();
          int line = Yaml.line(node) + lineInPrompt + (block ? 1 : 0);
          int col = line <= lines.length ? lines[line - 1].indexOf("{{") + 1 : 0;
          out.add(Diagnostic.error(path, line, Math.max(col, 0),
              "undefined variable '{{" + use.name() + "}}' in the prompt; define it under 'vars'"));
        }
      }
      for (String v : vars.keySet()) {
        if (!used.contains(v)) {
          yaml.warning(varsNode, "variable '" + v + "' is defined but the prompt never uses {{" + v + "}}");
        }
      }
    }

    private Rubric rubric(Node node, double defaultThreshold) {
      Map<String, Node> m = yaml.mapping(node, "'rubric'", RUBRIC_KEYS);
      if (m == null) {
        return null;
      }
      Double threshold = m.containsKey("threshold") ? yaml.number(m.get("threshold"), "threshold", 0, 1) : Double.valueOf(defaultThreshold);
      dev.personaharness.core.Reducer reducer = dev.personaharness.core.Reducer.MEAN;
      if (m.containsKey("reducer")) {
        String r = yaml.string(m.get("reducer"), "reducer");
        reducer = r == null ? null : dev.personaharness.core.Reducer.parse(r).orElse(null);
        if (r != null && reducer == null) {
          yaml.error(m.get("reducer"), "unknown reducer '" + r + "'; use one of " + dev.personaharness.core.Reducer.labels());
        }
        if (reducer == null) {
          return null;
        }
      }
      if (!m.containsKey("checks")) {
        yaml.error(node, "the rubric has no 'checks'; add at least one check");
        return null;
      }
      List<Node> items = yaml.sequence(m.get("checks"), "'checks'");
      if (items == null) {
        return null;
      }
      if (items.isEmpty()) {
        yaml.error(m.get("checks"), "the rubric has no checks; add at least one check");
      }
      List<CheckSpec> checks = new ArrayList<>();
      for (Node item : items) {
        CheckSpec c = CheckSpecs.read(item, yaml);
        if (c != null) {
          checks.add(c);
        }
      }
      // checks that could not be read were reported; keep the rest so their arguments are validated too
      return threshold == null || checks.isEmpty() ? null : new Rubric(threshold, checks, reducer);
    }

    private String required(Map<String, Node> m, String key, Node parent, String what) {
      if (!m.containsKey(key)) {
        yaml.error(parent, what + " has no '" + key + "'");
        return null;
      }
      return yaml.string(m.get(key), "'" + key + "'");
    }
  }
}
