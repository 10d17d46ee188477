package dev.personaharness.bench;

import dev.personaharness.core.CaseKey;
import dev.personaharness.core.Hashing;
import dev.personaharness.core.Persona;
import dev.personaharness.core.Recording;
import dev.personaharness.core.Suite;
import dev.personaharness.core.Task;
import dev.personaharness.core.Usage;
import dev.personaharness.project.Project;
import dev.personaharness.prompt.PromptAssembler;
import dev.personaharness.recording.RecordingStore;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * A generated project for the whole-run benchmark: {@code personas} persona files of about 3 KB,
 * {@code tasks} tasks in suites of at most 100 (each with two variables, a 3 KB attachment and a
 * rubric of seven cheap checks, as the shipped suites have), {@code epochs} epochs per task, and a
 * recorded answer for every case, current with its persona and prompt hashes so replay serves it
 * as fresh. Answers vary with the case so that some checks fail. Written once and reused when the
 * folder already holds a matrix of the same shape.
 */
record Matrix(Path dir, int personas, int tasks, int epochs, int answerBytes) {
  static final int TASKS_PER_SUITE = 100;
  private static final int ATTACHMENTS = 16;
  private static final String MARKER = "bench-matrix.txt";

  long cases() {
    return (long) personas * tasks * epochs;
  }

  Path agents() {
    return dir.resolve("agents");
  }

  Path suites() {
    return dir.resolve("suites");
  }

  Path recordings() {
    return dir.resolve("recordings");
  }

  /** The project of this matrix, loaded and validated like any project. */
  Project project() {
    return Project.load(List.of(agents()), List.of(suites())).requireValid();
  }

  /** Whether {@code dir} already holds this matrix (same shape, recordings included). */
  boolean exists() {
    try {
      return Files.readString(dir.resolve(MARKER)).equals(shape());
    } catch (IOException e) {
      return false;
    }
  }

  /** Whether {@code dir} is missing, empty, or a benchmark matrix (of any shape): a folder the benchmark may clear. */
  boolean isBenchmarkFolder() {
    if (!Files.exists(dir) || Files.exists(dir.resolve(MARKER))) {
      return true;
    }
    try (var entries = Files.list(dir)) {
      return entries.findAny().isEmpty();
    } catch (IOException e) {
      return false;
    }
  }

  /** Writes the personas, suites, attachments and, with {@code recorded}, an answer for every case. */
  void write(boolean recorded) {
    try {
      Files.createDirectories(agents());
      Files.createDirectories(suites().resolve("files/bench"));
      for (int p = 1; p <= personas; p++) {
        Files.writeString(agents().resolve(personaId(p) + ".md"), persona(p));
      }
      for (int a = 0; a < ATTACHMENTS; a++) {
        Files.writeString(suites().resolve("files/bench/context-" + a + ".log"), attachment(a));
      }
      for (int s = 0; s * TASKS_PER_SUITE < tasks; s++) {
        String id = String.format(Locale.ROOT, "bench-%03d", s + 1);
        Files.writeString(suites().resolve(id + ".yaml"), suite(id, s * TASKS_PER_SUITE, Math.min(tasks, (s + 1) * TASKS_PER_SUITE)));
      }
      if (recorded) {
        record(project());
      }
      Files.writeString(dir.resolve(MARKER), recorded ? shape() : "no recordings");
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the benchmark matrix in " + dir + ": " + e.getMessage(), e);
    }
  }

  private String shape() {
    return "personas=" + personas + " tasks=" + tasks + " epochs=" + epochs + " answer-bytes=" + answerBytes + "\n";
  }

  private void record(Project project) {
    RecordingStore store = new RecordingStore(recordings());
    for (Persona p : project.personas()) {
      for (Suite s : project.suites()) {
        for (Task t : s.tasks()) {
          String promptHash = PromptAssembler.assemble(p, t).hash();
          for (int e = 1; e <= epochs; e++) {
            CaseKey key = new CaseKey(p.id(), s.id(), t.id(), e);
            store.write(new Recording(key, "bench-model", "2026-11-23", p.hash(), promptHash, new Usage(2400L, 700L),
                answer(key, answerBytes)));
          }
        }
      }
    }
  }

  private static String personaId(int p) {
    return String.format(Locale.ROOT, "bench-persona-%03d", p);
  }

  private static String persona(int p) {
    StringBuilder sb = new StringBuilder("---\nname: " + personaId(p) + "\ndescription: \"Generated persona " + p
        + " for the whole-run benchmark\"\ntools: Read, Grep, Glob\nmodel: inherit\n---\n\n");
    sb.append("You are backend reviewer number ").append(p).append(". You review APIs, schemas and incidents.\n\n## Rules\n\n");
    for (int i = 1; sb.length() < 3000; i++) {
      sb.append(i).append(". Prefer explicit contracts over clever code; name the failure mode, then the fix, then how to verify it.\n");
    }
    return sb.toString();
  }

  private static String attachment(int a) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; sb.length() < 3000; i++) {
      sb.append("2026-11-23T10:").append(String.format(Locale.ROOT, "%02d", i % 60)).append(":00Z WARN orders-").append(a)
          .append(" retry ").append(i).append(" for request ").append(1000 + i * 7).append(": 409 duplicate key\n");
    }
    return sb.toString();
  }

  private String suite(String id, int from, int to) {
    StringBuilder sb = new StringBuilder("id: " + id + "\ndescription: Generated tasks " + (from + 1) + " to " + to
        + " of the whole-run benchmark\ndefaults:\n  epochs: " + epochs + "\n  temperature: 0.0\n  max_tokens: 2000\n"
        + "  threshold: 0.6\ntasks:\n");
    for (int t = from; t < to; t++) {
      sb.append(String.format(Locale.ROOT, """
            - id: task-%05d
              category: cat-%d
              tags: [bench]
              vars:
                service: orders-%d
                table: order_events_%d
              prompt: |
                The {{service}} service writes to {{table}} and clients retry on time-outs, so we see
                duplicate rows and 409s (log attached). Explain the root cause, propose an idempotent
                write path with the request contract, the SQL for the table and its unique index,
                and how listing stays stable while rows are inserted. Keep it under a page.
              attachments:
                - files/bench/context-%d.log
              rubric:
                checks:
                  - contains: Idempotency-Key
                  - icontains: retry-after
                  - regex: '(?i)\\b(409|422)\\b'
                  - mentions: {concept: tie-breaker, synonyms: [unique sort key, "(created_at, id)"]}
                  - code-block: {language: sql, min: 1}
                  - word-count: {max: 1500}
                  - headings: {min: 2}
            """, t + 1, t % 4, t, t, t % ATTACHMENTS));
    }
    return sb.toString();
  }

  /** A Markdown answer of about {@code bytes} bytes; one case in four is weak enough to fail, one in four misses the tie-breaker. */
  static String answer(CaseKey key, int bytes) {
    return answer(Hashing.sha256(key.toString()).charAt(0) % 4, bytes);
  }

  /** The answer of one variant: 0 fails, 1 misses the tie-breaker, 2 and 3 pass every check. */
  static String answer(int variant, int bytes) {
    StringBuilder sb = new StringBuilder("## Root cause\n\nClients retry after a time-out while the first write is still"
        + " running, so the insert happens twice and the second one fails with 409.\n\n## Fix\n\n");
    if (variant == 0) {
      sb.append("Deduplicate requests on a client key and store the response for a while.\n\n");
    } else {
      sb.append("Require an Idempotency-Key header on every write and store it with the response; a retry gets the stored"
          + " response, and 429s carry Retry-After.\n\n```sql\nCREATE TABLE order_events (id bigserial PRIMARY KEY,"
          + " idempotency_key text NOT NULL, created_at timestamptz NOT NULL DEFAULT now());\nCREATE UNIQUE INDEX"
          + " order_events_key ON order_events (idempotency_key);\n```\n\n");
    }
    sb.append(variant == 1 ? "List rows by creation time.\n" : "List rows by (created_at, id): the id is the tie-breaker.\n");
    while (sb.length() < bytes) {
      sb.append("\nMeasure the duplicate rate before and after the change, and alert when a key is reused with another body.");
    }
    return sb.toString();
  }
}
