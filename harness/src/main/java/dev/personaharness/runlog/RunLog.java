package dev.personaharness.runlog;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.personaharness.core.AtomicFiles;
import dev.personaharness.core.ConfigException;
import dev.personaharness.core.Diagnostic;
import dev.personaharness.core.DisplayPath;
import java.io.BufferedWriter;
import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

/**
 * The run log, the single source of truth of a run: {@code run.json} (written atomically) and
 * {@code cases.jsonl} (one line per finished case, appended and flushed as each finishes).
 * Reports, rescoring and comparisons read only this.
 */
public final class RunLog implements Closeable {
  public static final String RUN_FILE = "run.json";
  public static final String CASES_FILE = "cases.jsonl";

  static final ObjectMapper MAPPER = new ObjectMapper()
      .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
      .configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true)
      .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

  private final Path dir;
  private final BufferedWriter cases;
  private RunInfo info;
  private long written;

  private RunLog(Path dir, RunInfo info, long written, StandardOpenOption mode) throws IOException {
    this.dir = dir;
    this.info = info;
    this.written = written;
    writeInfo();
    this.cases = Files.newBufferedWriter(dir.resolve(CASES_FILE), StandardCharsets.UTF_8, mode, StandardOpenOption.WRITE);
  }

  /** Creates {@code dir} (which must not exist yet) and starts its log. */
  public static RunLog create(Path dir, RunInfo info) {
    try {
      Files.createDirectories(dir.getParent());
      Files.createDirectory(dir);
      return new RunLog(dir, info, 0, StandardOpenOption.CREATE_NEW);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create run directory " + dir + ": " + e.getMessage(), e);
    }
  }

  /**
   * Reopens an interrupted run to finish it: {@code cases.jsonl} is first rewritten atomically
   * with only the records to keep (dropping a torn last line, and errored cases that will run
   * again), then new cases are appended after them.
   */
  public static RunLog resume(Run run, List<CaseRecord> keep) {
    StringBuilder sb = new StringBuilder();
    try {
      for (CaseRecord r : keep) {
        sb.append(MAPPER.writeValueAsString(r)).append('\n');
      }
      AtomicFiles.write(run.dir().resolve(CASES_FILE), sb.toString());
      RunInfo i = run.info();
      RunInfo running = new RunInfo(i.formatVersion(), i.id(), i.harnessVersion(), i.gitCommit(), i.startedAt(), null,
          "running", i.provider(), i.settings(), i.personas(), i.suites(), i.rescoredFrom(), keep.size());
      return new RunLog(run.dir(), running, keep.size(), StandardOpenOption.APPEND);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot resume " + run.dir() + ": " + e.getMessage(), e);
    }
  }

  /** Marks a run that is still {@code running} as {@code interrupted}: for a process being stopped. */
  public static void markInterrupted(Path dir, String endedAt) {
    try {
      RunInfo i = MAPPER.readValue(Files.readString(dir.resolve(RUN_FILE), StandardCharsets.UTF_8), RunInfo.class);
      if (i.status().equals("running")) {
        long n;
        try (var lines = Files.lines(dir.resolve(CASES_FILE), StandardCharsets.UTF_8)) {
          n = lines.filter(l -> !l.isBlank()).count();
        }
        AtomicFiles.write(dir.resolve(RUN_FILE), MAPPER.writerWithDefaultPrettyPrinter()
            .writeValueAsString(i.ended(endedAt, "interrupted", n)) + "\n");
      }
    } catch (IOException | RuntimeException e) {
      // best effort while the process stops: the cases already logged are safe either way
    }
  }

  public Path dir() {
    return dir;
  }

  /** Appends one case and flushes it to the operating system before returning. */
  public synchronized void append(CaseRecord record) {
    try {
      cases.write(MAPPER.writeValueAsString(record));
      cases.write('\n');
      cases.flush();
      written++;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot append to " + dir.resolve(CASES_FILE) + ": " + e.getMessage(), e);
    }
  }

  /** Records how the run ended; {@code run.json} is replaced atomically. */
  public synchronized void finish(String endedAt, String status) {
    info = info.ended(endedAt, status, written);
    writeInfo();
  }

  @Override
  public synchronized void close() {
    try {
      cases.close();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private void writeInfo() {
    try {
      AtomicFiles.write(dir.resolve(RUN_FILE), MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(info) + "\n");
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot serialize run info", e);
    }
  }

  /** A run read back: its header and every case, in the order they finished. */
  public record Run(Path dir, RunInfo info, List<CaseRecord> cases) {}

  /**
   * Reads a run directory. A torn last line (a run killed mid-write) is ignored; any other bad line
   * is a ConfigException naming file and line.
   */
  public static Run read(Path dir) {
    Path runFile = dir.resolve(RUN_FILE);
    RunInfo info;
    try {
      info = MAPPER.readValue(Files.readString(runFile, StandardCharsets.UTF_8), RunInfo.class);
    } catch (NoSuchFileException e) {
      throw new ConfigException(List.of(Diagnostic.error(DisplayPath.of(runFile), 0, 0,
          "not a run directory (no run.json); give a directory under reports/ written by 'harness run'")));
    } catch (JsonProcessingException e) {
      throw new ConfigException(List.of(Diagnostic.error(DisplayPath.of(runFile), e.getLocation() == null ? 0
          : e.getLocation().getLineNr(), 0, "run.json is not valid: " + e.getOriginalMessage())));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    List<CaseRecord> cases = new ArrayList<>();
    Path casesFile = dir.resolve(CASES_FILE);
    List<String> lines;
    try {
      lines = Files.exists(casesFile) ? Files.readAllLines(casesFile, StandardCharsets.UTF_8) : List.of();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i);
      if (line.isBlank()) {
        continue;
      }
      try {
        cases.add(MAPPER.readValue(line, CaseRecord.class));
      } catch (JsonProcessingException e) {
        if (i == lines.size() - 1) {
          break;
        }
        throw new ConfigException(List.of(Diagnostic.error(DisplayPath.of(casesFile), i + 1, 0,
            "not a case record: " + e.getOriginalMessage())));
      }
    }
    return new Run(dir, info, cases);
  }

  /** Serializes any run-log value the way the log does (snake_case, sorted keys). */
  public static String toJson(Object value, boolean pretty) {
    try {
      return pretty ? MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(value) : MAPPER.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot serialize", e);
    }
  }
}
