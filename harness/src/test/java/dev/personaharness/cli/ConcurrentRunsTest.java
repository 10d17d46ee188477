package dev.personaharness.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs started at once into one reports/ folder: each gets its own directory, and reports/latest is never missing or torn. */
class ConcurrentRunsTest {
  @TempDir Path tmp;

  @Test
  void twoProcessesStartedAtOnceWriteTwoCompleteRuns() throws Exception {
    Path reports = tmp.resolve("reports");
    String[] args = {"run", "--persona", "senior-backend-expert", "--suite", "api-design", "--reports", reports.toString(), "--quiet"};
    Path repo = Path.of("").toAbsolutePath();
    Process a = Fixtures.harness(repo, Map.of(), tmp.resolve("a.txt"), args);
    Process b = Fixtures.harness(repo, Map.of(), tmp.resolve("b.txt"), args);
    assertThat(a.waitFor(120, TimeUnit.SECONDS)).isTrue();
    assertThat(b.waitFor(120, TimeUnit.SECONDS)).isTrue();
    assertThat(a.exitValue()).as(Files.readString(tmp.resolve("a.txt"))).isZero();
    assertThat(b.exitValue()).as(Files.readString(tmp.resolve("b.txt"))).isZero();

    List<Path> runs;
    try (Stream<Path> s = Files.list(reports)) {
      runs = s.filter(p -> !p.getFileName().toString().equals("latest")).sorted().toList();
    }
    assertThat(runs).hasSize(2).allMatch(Files::isDirectory);
    String[] summaries = new String[2];
    for (int i = 0; i < 2; i++) {
      Path run = runs.get(i);
      try (Stream<Path> s = Files.list(run)) {
        assertThat(s.map(p -> p.getFileName().toString()).sorted().toList())
            .containsExactly("cases.jsonl", "junit.xml", "report.html", "report.md", "run.json", "summary.json");
      }
      assertThat(Files.readAllLines(run.resolve("cases.jsonl"))).hasSize(8);
      assertThat(Files.readString(run.resolve("run.json"))).contains("\"status\" : \"completed\"", "\"id\" : \"" + run.getFileName() + "\"");
      summaries[i] = Files.readString(run.resolve("summary.json"), StandardCharsets.UTF_8).replaceAll("\"run_id\" : \"[^\"]+\"", "");
    }
    assertThat(summaries[0]).isEqualTo(summaries[1]);
    assertThat(Files.isSymbolicLink(reports.resolve("latest"))).isTrue();
    assertThat(runs).contains(reports.resolve("latest").toRealPath());
  }

  /**
   * Many runs pointing reports/latest at themselves while a reader follows it: the link is replaced
   * by a rename, so the reader never finds it missing, and no temporary link is left behind.
   */
  @Test
  void latestIsReplacedAtomically() throws Exception {
    Path reports = Files.createDirectories(tmp.resolve("reports"));
    List<Path> runs = List.of(Files.createDirectories(reports.resolve("run-a")), Files.createDirectories(reports.resolve("run-b")));
    RunDirs.markLatest(reports, runs.get(0));
    AtomicBoolean writing = new AtomicBoolean(true);
    AtomicInteger missing = new AtomicInteger();
    AtomicInteger reads = new AtomicInteger();
    Thread reader = new Thread(() -> {
      while (writing.get() || reads.get() == 0) {
        try {
          String target = Files.readSymbolicLink(reports.resolve("latest")).toString();
          if (!target.equals("run-a") && !target.equals("run-b")) {
            missing.incrementAndGet();
          }
        } catch (NoSuchFileException e) {
          missing.incrementAndGet();
        } catch (java.io.IOException e) {
          throw new java.io.UncheckedIOException(e);
        }
        reads.incrementAndGet();
      }
    });
    reader.start();
    Thread[] writers = new Thread[2];
    for (int w = 0; w < writers.length; w++) {
      Path run = runs.get(w);
      writers[w] = new Thread(() -> {
        for (int i = 0; i < 500; i++) {
          RunDirs.markLatest(reports, run);
        }
      });
      writers[w].start();
    }
    for (Thread w : writers) {
      w.join();
    }
    writing.set(false);
    reader.join();
    assertThat(missing.get()).as("reads that found no reports/latest or a wrong one, of " + reads.get()).isZero();
    try (Stream<Path> s = Files.list(reports)) {
      assertThat(s.map(p -> p.getFileName().toString()).sorted().toList()).containsExactly("latest", "run-a", "run-b");
    }
  }
}
