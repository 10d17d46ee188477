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
import java.io.BufferedReader;
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
import java.util.function.Consumer;
import java.util.function.Predicate;

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
   * with only the records {@code keep} accepts (a torn last line is dropped; so are errored cases
   * that will run again), streamed record by record, then new cases are appended after them.
   */
  public static RunLog resume(View run, Predicate<CaseRecord> keep) {
    long[] kept = {0};
    AtomicFiles.write(run.dir().resolve(CASES_FILE), out -> run.forEachCase(r -> {
      if (keep.test(r)) {
        writeLine(out, r);
        kept[0]++;
      }
    }));
    RunInfo i = run.info();
    RunInfo running = new RunInfo(i.formatVersion(), i.id(), i.harnessVersion(), i.gitCommit(), i.startedAt(), null,
        "running", i.provider(), i.settings(), i.personas(), i.suites(), i.rescoredFrom(), kept[0]);
    try {
      return new RunLog(run.dir(), running, kept[0], StandardOpenOption.APPEND);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot resume " + run.dir() + ": " + e.getMessage(), e);
    }
  }

  private static void writeLine(java.io.Writer out, CaseRecord r) {
    try {
      out.write(MAPPER.writeValueAsString(r));
      out.write('\n');
    } catch (IOException e) {
      throw new UncheckedIOException(e);
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

  /**
   * A run as read back: its directory, its header, and its cases in the order they finished, walked
   * as often as needed. Reports, rescoring, comparisons and merges read runs through this, so that
   * a run of any size is read one case at a time.
   */
  public interface View {
    Path dir();

    RunInfo info();

    /** Every case, in log order. */
    void forEachCase(Consumer<CaseRecord> action);
  }

  /** A run held in memory: its header and every case. For small runs and tests; large runs are {@link #open read lazily}. */
  public record Run(Path dir, RunInfo info, List<CaseRecord> cases) implements View {
    public Run {
      cases = List.copyOf(cases);
    }

    @Override
    public void forEachCase(Consumer<CaseRecord> action) {
      cases.forEach(action);
    }
  }

  /** A run on disk whose cases are read from {@code cases.jsonl} one line at a time, each time they are walked. */
  private record Stored(Path dir, RunInfo info) implements View {
    @Override
    public void forEachCase(Consumer<CaseRecord> action) {
      readCases(dir, action);
    }
  }

  /** Reads a run directory's header; its cases are read one at a time whenever they are walked. */
  public static View open(Path dir) {
    return new Stored(dir, readInfo(dir));
  }

  /**
   * Reads a run directory with every case in memory. A torn last line (a run killed mid-write) is
   * ignored; any other bad line is a ConfigException naming file and line.
   */
  public static Run read(Path dir) {
    List<CaseRecord> cases = new ArrayList<>();
    RunInfo info = readInfo(dir);
    readCases(dir, cases::add);
    return new Run(dir, info, cases);
  }

  private static RunInfo readInfo(Path dir) {
    Path runFile = dir.resolve(RUN_FILE);
    try {
      return MAPPER.readValue(Files.readString(runFile, StandardCharsets.UTF_8), RunInfo.class);
    } catch (NoSuchFileException e) {
      throw new ConfigException(List.of(Diagnostic.error(DisplayPath.of(runFile), 0, 0,
          "not a run directory (no run.json); give a directory under reports/ written by 'harness run'")));
    } catch (JsonProcessingException e) {
      throw new ConfigException(List.of(Diagnostic.error(DisplayPath.of(runFile), e.getLocation() == null ? 0
          : e.getLocation().getLineNr(), 0, "run.json is not valid: " + e.getOriginalMessage())));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Streams {@code cases.jsonl}, one line ahead so that only a bad last line counts as torn. */
  private static void readCases(Path dir, Consumer<CaseRecord> action) {
    Path casesFile = dir.resolve(CASES_FILE);
    if (!Files.exists(casesFile)) {
      return;
    }
    try (BufferedReader in = Files.newBufferedReader(casesFile, StandardCharsets.UTF_8)) {
      int number = 0;
      String line = in.readLine();
      while (line != null) {
        number++;
        String next = in.readLine();
        if (!line.isBlank()) {
          CaseRecord record;
          try {
            record = MAPPER.readValue(line, CaseRecord.class);
          } catch (JsonProcessingException e) {
            if (next == null) {
              break;
            }
            throw new ConfigException(List.of(Diagnostic.error(DisplayPath.of(casesFile), number, 0,
                "not a case record: " + e.getOriginalMessage())));
          }
          action.accept(record);
        }
        line = next;
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
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
