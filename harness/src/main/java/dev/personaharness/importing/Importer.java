package dev.personaharness.importing;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.personaharness.core.CaseKey;
import dev.personaharness.core.ConfigException;
import dev.personaharness.core.Diagnostic;
import dev.personaharness.core.DisplayPath;
import dev.personaharness.core.Persona;
import dev.personaharness.core.Recording;
import dev.personaharness.core.Task;
import dev.personaharness.core.Usage;
import dev.personaharness.project.Project;
import dev.personaharness.prompt.PromptAssembler;
import dev.personaharness.recording.RecordingStore;
import dev.personaharness.runlog.Json;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Turns externally produced answers (JSONL: one case key, model, text, optional usage per line)
 * into recordings, stamped with the current persona and prompt hashes. Every line is checked
 * before anything is written: one bad line writes nothing.
 */
public final class Importer {
  private static final Set<String> FIELDS =
      Set.of("persona", "suite", "task", "epoch", "model", "text", "recorded_at", "usage");

  private final Project project;
  private final RecordingStore store;

  public Importer(Project project, RecordingStore store) {
    this.project = project;
    this.store = store;
  }

  /** What an import did: recordings written, ones skipped because an identical one exists, and warnings. */
  public record Result(List<Path> written, int unchanged, List<String> warnings) {}

  private final List<String> warnings = new ArrayList<>();

  public Result importFile(Path file, boolean overwrite, String today) {
    String shown = DisplayPath.of(file);
    List<String> lines;
    try {
      lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new ConfigException(List.of(Diagnostic.error(shown, 0, 0, "cannot read: " + e.getMessage())));
    }
    List<Diagnostic> problems = new ArrayList<>();
    List<Located> parsed = new ArrayList<>();
    for (int i = 0; i < lines.size(); i++) {
      if (!lines.get(i).isBlank()) {
        Recording r = parse(lines.get(i), shown, i + 1, today, problems);
        if (r != null) {
          parsed.add(new Located(r, shown, i + 1));
        }
      }
    }
    return store(parsed, problems, overwrite);
  }

  /**
   * Imports answers saved one per file as {@code DIR/<persona>/<suite>/<task>.md} (epoch 1) or
   * {@code <task>.<epoch>.md}; each file's bytes are the answer text, unchanged.
   */
  public Result importDirectory(Path dir, String model, String recordedAt, boolean overwrite) {
    List<Diagnostic> problems = new ArrayList<>();
    List<Located> parsed = new ArrayList<>();
    List<Path> files;
    try (var walk = Files.walk(dir)) {
      files = walk.filter(Files::isRegularFile).sorted().toList();
    } catch (IOException e) {
      throw new ConfigException(List.of(Diagnostic.error(DisplayPath.of(dir), 0, 0, "cannot read: " + e.getMessage())));
    }
    for (Path f : files) {
      String shown = DisplayPath.of(f);
      Path rel = dir.relativize(f);
      java.util.regex.Matcher m = java.util.regex.Pattern.compile("([^/]+)/([^/]+)/([^/]+?)(?:\\.(\\d+))?\\.md")
          .matcher(rel.toString().replace('\\', '/'));
      if (!m.matches()) {
        problems.add(Diagnostic.error(shown, 0, 0, "expected <persona>/<suite>/<task>.md or <task>.<epoch>.md under " + dir));
        continue;
      }
      String text;
      try {
        text = Files.readString(f, StandardCharsets.UTF_8);
      } catch (IOException e) {
        problems.add(Diagnostic.error(shown, 0, 0, "cannot read: " + e.getMessage()));
        continue;
      }
      int epoch = m.group(4) == null ? 1 : Integer.parseInt(m.group(4));
      Recording r = recording(m.group(1), m.group(2), m.group(3), Math.max(epoch, 1), model, text, recordedAt,
          Usage.UNKNOWN, shown, 0, problems);
      if (r != null) {
        parsed.add(new Located(r, shown, 0));
      }
    }
    return store(parsed, problems, overwrite);
  }

  /** A recording and where it came from, for diagnostics. */
  private record Located(Recording recording, String path, int line) {}

  private Result store(List<Located> parsed, List<Diagnostic> problems, boolean overwrite) {
    List<Recording> recordings = new ArrayList<>();
    Set<CaseKey> seen = new HashSet<>();
    int unchanged = 0;
    for (Located l : parsed) {
      Recording r = l.recording();
      String shown = l.path();
      int lineNo = l.line();
      if (!seen.add(r.key())) {
        problems.add(Diagnostic.error(shown, lineNo, 0, "case " + r.key() + " appears twice in this file"));
        continue;
      }
      Optional<Recording> existing = store.find(r.key());
      if (existing.isPresent() && existing.get().text().equals(r.text()) && existing.get().promptHash().equals(r.promptHash())) {
        unchanged++;
        continue;
      }
      if (existing.isPresent() && !overwrite) {
        problems.add(Diagnostic.error(shown, lineNo, 0, "a different recording of " + r.key() + " exists at "
            + DisplayPath.of(store.file(r.key())) + "; pass --overwrite to replace it"));
        continue;
      }
      recordings.add(r);
    }
    if (!problems.isEmpty()) {
      throw new ConfigException(problems);
    }
    List<Path> written = new ArrayList<>();
    for (Recording r : recordings) {
      written.add(store.write(r));
    }
    return new Result(written, unchanged, List.copyOf(warnings));
  }

  private Recording parse(String line, String shown, int lineNo, String today, List<Diagnostic> problems) {
    JsonNode o;
    try {
      o = Json.parse(line);
    } catch (JsonProcessingException e) {
      problems.add(Diagnostic.error(shown, lineNo, e.getLocation() == null ? 0 : e.getLocation().getColumnNr(),
          "not valid JSON: " + e.getOriginalMessage()));
      return null;
    }
    if (!o.isObject()) {
      problems.add(Diagnostic.error(shown, lineNo, 0, "each line must be one JSON object"));
      return null;
    }
    if (o.has("custom_id")) {
      return batchResult(o, shown, lineNo, today, problems);
    }
    List<String> unknown = new ArrayList<>();
    o.fieldNames().forEachRemaining(f -> {
      if (!FIELDS.contains(f)) {
        unknown.add(f);
      }
    });
    if (!unknown.isEmpty()) {
      problems.add(Diagnostic.error(shown, lineNo, 0, "unknown field" + (unknown.size() == 1 ? " " : "s ") + unknown
          + "; allowed: persona, suite, task, epoch, model, text, recorded_at, usage"));
      return null;
    }
    for (String f : List.of("persona", "suite", "task", "model", "text")) {
      if (!o.path(f).isTextual() || (!f.equals("text") && o.path(f).asText().isBlank())) {
        problems.add(Diagnostic.error(shown, lineNo, 0, "'" + f + "' is missing or not text"));
        return null;
      }
    }
    int epoch = o.has("epoch") ? o.get("epoch").asInt(0) : 1;
    if (epoch < 1) {
      problems.add(Diagnostic.error(shown, lineNo, 0, "'epoch' must be a whole number of at least 1"));
      return null;
    }
    JsonNode usage = o.path("usage");
    Usage u = new Usage(usage.has("input_tokens") ? usage.get("input_tokens").asLong() : null,
        usage.has("output_tokens") ? usage.get("output_tokens").asLong() : null);
    String recordedAt = o.hasNonNull("recorded_at") ? o.get("recorded_at").asText() : today;
    return recording(o.get("persona").asText(), o.get("suite").asText(), o.get("task").asText(), epoch,
        o.get("model").asText(), o.get("text").asText(), recordedAt, u, shown, lineNo, problems);
  }

  /** A line of an OpenAI or Anthropic batch result file, matched to a case by its custom id. */
  private Recording batchResult(JsonNode o, String shown, int lineNo, String today, List<Diagnostic> problems) {
    Optional<BatchFormats.Result> parsed = BatchFormats.result(o);
    if (parsed.isEmpty()) {
      problems.add(Diagnostic.error(shown, lineNo, 0, "a line with custom_id that is neither an OpenAI nor an Anthropic batch result"));
      return null;
    }
    BatchFormats.Result r = parsed.get();
    CaseKey key = byCustomId().get(r.customId());
    if (key == null) {
      problems.add(Diagnostic.error(shown, lineNo, 0, "custom_id '" + r.customId()
          + "' matches no case of the current personas and suites (epochs up to " + MAX_EPOCHS + ")"));
      return null;
    }
    if (r.error() != null) {
      warnings.add(shown + ":" + lineNo + ": warning: case " + key + " failed in the batch (" + r.error()
          + "); not imported, so it stays missing until run again");
      return null;
    }
    return recording(key.persona(), key.suite(), key.task(), key.epoch(), r.model() == null ? "unknown" : r.model(), r.text(),
        today, r.usage(), shown, lineNo, problems);
  }

  private static final int MAX_EPOCHS = 20;
  private java.util.Map<String, CaseKey> customIds;

  private java.util.Map<String, CaseKey> byCustomId() {
    if (customIds == null) {
      customIds = new java.util.HashMap<>();
      for (Persona p : project.personas()) {
        for (var suite : project.suites()) {
          for (Task t : suite.tasks()) {
            for (int e = 1; e <= MAX_EPOCHS; e++) {
              CaseKey k = new CaseKey(p.id(), suite.id(), t.id(), e);
              customIds.put(BatchFormats.customId(k), k);
            }
          }
        }
      }
    }
    return customIds;
  }

  private Recording recording(String personaId, String suiteId, String taskId, int epoch, String model, String text,
      String recordedAt, Usage u, String shown, int lineNo, List<Diagnostic> problems) {
    String taskRef = suiteId + "/" + taskId;
    Optional<Persona> persona = project.persona(personaId);
    Optional<Task> task = project.task(taskRef);
    if (persona.isEmpty()) {
      problems.add(Diagnostic.error(shown, lineNo, 0, "unknown persona '" + personaId + "'"));
      return null;
    }
    if (task.isEmpty()) {
      problems.add(Diagnostic.error(shown, lineNo, 0, "unknown task '" + taskRef + "'"));
      return null;
    }
    if (text.isBlank()) {
      problems.add(Diagnostic.error(shown, lineNo, 0, "'text' is empty; an empty answer is not a recording"));
      return null;
    }
    String promptHash = PromptAssembler.assemble(persona.get(), task.get()).hash();
    CaseKey key = new CaseKey(personaId, suiteId, taskId, epoch);
    return new Recording(key, model, recordedAt, persona.get().hash(), promptHash, u, text);
  }
}
