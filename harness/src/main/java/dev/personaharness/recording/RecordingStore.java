package dev.personaharness.recording;

import dev.personaharness.core.CaseKey;
import dev.personaharness.core.ConfigException;
import dev.personaharness.core.Diagnostic;
import dev.personaharness.core.DisplayPath;
import dev.personaharness.core.Persona;
import dev.personaharness.core.Recording;
import dev.personaharness.core.Usage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.representer.Representer;

/**
 * Recorded answers on disk, one Markdown file per case: {@code <dir>/<suite>/<persona>/<task>.<epoch>.md},
 * a YAML front matter block with the case key, hashes, model and date, then the answer text exactly.
 * One file per case keeps diffs readable and merges conflict-free.
 */
public final class RecordingStore {
  private static final String FENCE = "---\n";
  /** A file that cannot hold an answer within the limit (4 UTF-8 bytes per character at most) is not read at all. */
  private static final long MAX_BYTES = 4L * Recording.MAX_ANSWER_CHARS + 64 * 1024;
  private final Path dir;

  public RecordingStore(Path dir) {
    this.dir = dir;
  }

  public Path dir() {
    return dir;
  }

  /**
   * Where a case's recording lives. A persona revision ({@code x@main}) shares its file's recordings
   * ({@code x}): the stored persona and prompt hashes tell whether they fit that revision.
   */
  public Path file(CaseKey key) {
    CaseKey k = recordedAs(key);
    return dir.resolve(k.suite()).resolve(k.persona()).resolve(key.task() + "." + key.epoch() + ".md");
  }

  /** The recording of a case, if one is stored; a malformed file is a ConfigException naming it. */
  public Optional<Recording> find(CaseKey key) {
    Path f = file(key);
    String content;
    try {
      long size = Files.size(f);
      if (size > MAX_BYTES) {
        throw fail(f, 0, "recording is " + size + " bytes, more than an answer of " + Recording.MAX_ANSWER_CHARS
            + " characters (the limit) can take, so it is not read; shorten or delete it");
      }
      content = Files.readString(f, StandardCharsets.UTF_8);
    } catch (NoSuchFileException e) {
      return Optional.empty();
    } catch (IOException e) {
      throw fail(f, 0, "cannot read recording: " + e.getMessage());
    }
    return Optional.of(parse(f, recordedAs(key), content));
  }

  /** The key a case's recording is stored under: a persona revision's ({@code x@main}) is its file's ({@code x}). */
  private static CaseKey recordedAs(CaseKey key) {
    String file = Persona.fileId(key.persona());
    return file.equals(key.persona()) ? key : new CaseKey(file, key.suite(), key.task(), key.epoch());
  }

  static Recording parse(Path f, CaseKey expected, String content) {
    if (!content.startsWith(FENCE)) {
      throw fail(f, 1, "a recording starts with a '---' front matter block");
    }
    int close = content.indexOf("\n" + FENCE, FENCE.length() - 1);
    if (close < 0) {
      throw fail(f, 1, "the recording's front matter is never closed with '---'");
    }
    String header = content.substring(FENCE.length(), close + 1);
    String text = content.substring(close + 1 + FENCE.length());
    Map<?, ?> m;
    try {
      Object o = new Yaml(new SafeConstructor(new LoaderOptions())).load(header);
      if (!(o instanceof Map<?, ?> map)) {
        throw fail(f, 2, "the recording's front matter must be 'key: value' lines");
      }
      m = map;
    } catch (YAMLException e) {
      throw fail(f, 2, "the recording's front matter is not valid YAML: " + e.getMessage().split("\n")[0]);
    }
    CaseKey key;
    try {
      key = new CaseKey(str(m, "persona", f), str(m, "suite", f), str(m, "task", f), Integer.parseInt(str(m, "epoch", f)));
    } catch (NumberFormatException e) {
      throw fail(f, 2, "'epoch' must be a whole number");
    }
    if (expected != null && !key.equals(expected)) {
      throw fail(f, 2, "the recording says it is " + key + " but its file name says " + expected + "; move or fix it");
    }
    Usage usage = new Usage(num(m.get("input_tokens")), num(m.get("output_tokens")));
    return new Recording(key, str(m, "model", f), str(m, "recorded_at", f), str(m, "persona_hash", f),
        str(m, "prompt_hash", f), usage, text);
  }

  /** Writes a recording atomically, creating folders as needed. */
  public Path write(Recording r) {
    Map<String, Object> header = new LinkedHashMap<>();
    header.put("persona", recordedAs(r.key()).persona());
    header.put("suite", r.key().suite());
    header.put("task", r.key().task());
    header.put("epoch", r.key().epoch());
    header.put("model", r.model());
    header.put("recorded_at", r.recordedAt());
    header.put("persona_hash", r.personaHash());
    header.put("prompt_hash", r.promptHash());
    if (r.usage().inputTokens() != null) {
      header.put("input_tokens", r.usage().inputTokens());
    }
    if (r.usage().outputTokens() != null) {
      header.put("output_tokens", r.usage().outputTokens());
    }
    DumperOptions o = new DumperOptions();
    o.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
    o.setWidth(Integer.MAX_VALUE);
    String yaml = new Yaml(new Representer(o), o).dump(header);
    Path f = file(r.key());
    try {
      dev.personaharness.core.AtomicFiles.write(f, FENCE + yaml + FENCE + r.text());
      return f;
    } catch (java.io.UncheckedIOException e) {
      throw fail(f, 0, "cannot write recording: " + e.getCause().getMessage());
    }
  }

  private static String str(Map<?, ?> m, String key, Path f) {
    Object v = m.get(key);
    if (v == null) {
      throw fail(f, 2, "the recording has no '" + key + "'");
    }
    return v instanceof java.util.Date d ? d.toInstant().toString() : String.valueOf(v);
  }

  private static Long num(Object o) {
    return o instanceof Number n ? n.longValue() : null;
  }

  private static ConfigException fail(Path f, int line, String message) {
    return new ConfigException(List.of(Diagnostic.error(DisplayPath.of(f), line, 0, message)));
  }
}
