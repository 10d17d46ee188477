package dev.personaharness.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A 100 MB recorded answer, replayed by a process with a 128 MB heap: the run completes, the case
 * is errored with a bounded message naming the limit, and nothing of the answer is copied anywhere.
 */
class HugeAnswerTest {
  @TempDir Path tmp;

  @Test
  void aHundredMegabyteAnswerIsRefusedWithoutReadingIt() throws Exception {
    Fixtures.project(tmp, false);
    Path recording = tmp.resolve("suites/recordings/good/terse/review-table.1.md");
    Files.createDirectories(recording.getParent());
    byte[] line = "All work and no play makes a very long answer. |<script>\u001b[31m\n".getBytes(StandardCharsets.UTF_8);
    try (OutputStream out = Files.newOutputStream(recording)) {
      out.write(("---\npersona: terse\nsuite: good\ntask: review-table\nepoch: 1\nmodel: m\nrecorded_at: '2026-11-23'\n"
          + "persona_hash: x\nprompt_hash: y\n---\n").getBytes(StandardCharsets.UTF_8));
      for (long written = 0; written < 100L * 1024 * 1024; written += line.length) {
        out.write(line);
      }
    }
    long size = Files.size(recording);
    Path output = tmp.resolve("out.txt");
    Process p = Fixtures.harness(tmp, Map.of(), output, List.of("-Xmx128m"), "run", "--quiet");
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
    String printed = Files.readString(output, StandardCharsets.UTF_8);
    assertThat(p.exitValue()).as(printed).isZero();
    assertThat(printed).contains("2 cases: 0 passed, 0 failed, 2 errored (1 missing), 0 stale");

    Path run = tmp.resolve("reports/latest").toRealPath();
    JsonNode huge = null;
    for (String l : Files.readAllLines(run.resolve("cases.jsonl"))) {
      JsonNode c = new ObjectMapper().readTree(l);
      huge = c.get("key").get("task").asText().equals("review-table") ? c : huge;
    }
    assertThat(huge.get("error").asText()).isEqualTo("unreadable recording: suites/recordings/good/terse/review-table.1.md: error: "
        + "recording is " + size + " bytes, more than an answer of 4194304 characters (the limit) can take, so it is not read;"
        + " shorten or delete it");
    assertThat(Files.size(run.resolve("cases.jsonl")) + Files.size(run.resolve("report.md"))).isLessThan(20_000);
  }
}
