package dev.personaharness.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.personaharness.core.AtomicFiles;
import dev.personaharness.core.ConfigException;
import dev.personaharness.core.Diagnostic;
import dev.personaharness.core.DisplayPath;
import dev.personaharness.runlog.RunLog;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The gate's baseline: one persona's per-task scores and pass states (no answer text), sorted, one
 * task per line, so it diffs well and can be committed next to the persona it guards.
 */
public final class Baseline {
  private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);

  private Baseline() {}

  /** Writes the baseline of {@code persona} in {@code run}. */
  public static void write(Path file, RunLog.View run, String persona) {
    Map<String, Summary.TaskResult> tasks = Comparison.tasks(run, persona);
    StringBuilder sb = new StringBuilder("{\n  \"format\": 1,\n  \"persona\": ").append(quote(persona))
        .append(",\n  \"run\": ").append(quote(run.info().id())).append(",\n  \"tasks\": {\n");
    int i = 0;
    for (Map.Entry<String, Summary.TaskResult> e : tasks.entrySet()) {
      Summary.TaskResult t = e.getValue();
      sb.append("    ").append(quote(e.getKey())).append(String.format(java.util.Locale.ROOT,
          ": {\"score\": %.6f, \"passed\": %s, \"category\": %s, \"epochs\": %d}", t.score(), t.passed(), quote(t.category()), t.epochs()))
          .append(++i < tasks.size() ? ",\n" : "\n");
    }
    AtomicFiles.write(file, sb.append("  }\n}\n").toString());
  }

  /** Reads a baseline as task results keyed by {@code suite/task}. */
  public static Map<String, Summary.TaskResult> read(Path file) {
    String shown = DisplayPath.of(file);
    try {
      JsonNode root = JSON.readTree(Files.readString(file));
      if (root.path("format").asInt() != 1 || !root.path("tasks").isObject()) {
        throw fail(shown, "not a gate baseline (format 1 with tasks); write one with 'harness gate --update-baseline'");
      }
      String persona = root.path("persona").asText();
      Map<String, Summary.TaskResult> result = new TreeMap<>();
      root.get("tasks").fields().forEachRemaining(e -> {
        String[] parts = e.getKey().split("/", 2);
        JsonNode t = e.getValue();
        result.put(e.getKey(), new Summary.TaskResult(persona, parts[0], parts.length > 1 ? parts[1] : "", t.path("category").asText(),
            "mean", t.path("epochs").asInt(1), t.path("score").asDouble(), t.path("passed").asBoolean(), 0, 0, 0));
      });
      return result;
    } catch (NoSuchFileException e) {
      throw fail(shown, "baseline not found; create it with 'harness gate --update-baseline --baseline " + shown + " RUN_DIR'");
    } catch (IOException e) {
      throw fail(shown, "baseline is not valid JSON: " + e.getMessage().split("\n")[0]);
    }
  }

  private static String quote(String s) {
    try {
      return JSON.writeValueAsString(s);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private static ConfigException fail(String shown, String message) {
    return new ConfigException(List.of(Diagnostic.error(shown, 0, 0, message)));
  }

  /** The baseline file compared with a run: for the gate command. */
  public static Comparison compare(Path file, RunLog.View run, String persona, double alpha, double margin) {
    Map<String, Summary.TaskResult> base = read(file);
    return Comparison.of(base, "baseline " + DisplayPath.of(file), Comparison.tasks(run, persona),
        persona + " @ run " + run.info().id(), alpha, margin, List.of());
  }

}
