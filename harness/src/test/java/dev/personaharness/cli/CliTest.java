package dev.personaharness.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The CLI run in-process, end to end, on the shipped files and on a small project of its own. */
class CliTest {
  private static final Path FIXTURES = Path.of("harness/src/test/resources/fixtures");

  record Result(int code, String out, String err) {
    String all() {
      return out + err;
    }
  }

  static Result cli(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Main.run(args, new PrintWriter(out), new PrintWriter(err));
    return new Result(code, out.toString(), err.toString());
  }

  @TempDir Path tmp;
  Path agents;
  Path suites;
  Path recordings;
  Path reports;

  @BeforeEach
  void project() throws Exception {
    agents = Files.createDirectories(tmp.resolve("agents"));
    suites = Files.createDirectories(tmp.resolve("suites"));
    Files.createDirectories(suites.resolve("files"));
    recordings = tmp.resolve("suites/recordings");
    reports = tmp.resolve("reports");
    Files.copy(FIXTURES.resolve("personas/list-tools.md"), agents.resolve("terse.md"));
    Files.copy(FIXTURES.resolve("personas/lenient.md"), agents.resolve("lenient.md"));
    Files.copy(FIXTURES.resolve("suites/good/good.yaml"), suites.resolve("good.yaml"));
    Files.copy(FIXTURES.resolve("suites/good/files/schema.sql"), suites.resolve("files/schema.sql"));
  }

  private String[] dirs(String... args) {
    return Stream.concat(Stream.of(args), Stream.of("--agents-dir", agents.toString(), "--suites-dir", suites.toString()))
        .toArray(String[]::new);
  }

  private Path answers(String... lines) throws Exception {
    return Files.write(tmp.resolve("answers.jsonl"), List.of(lines));
  }

  private static final String GOOD_ANSWER = "Use numeric for money.\\n\\n```sql\\nCREATE TABLE payments (id bigserial PRIMARY KEY, amount numeric(12,2) NOT NULL);\\n```";

  private Path importAll() throws Exception {
    Path file = answers(
        "{\"persona\":\"terse\",\"suite\":\"good\",\"task\":\"review-table\",\"model\":\"claude\",\"recorded_at\":\"2026-11-23\",\"text\":\"" + GOOD_ANSWER + "\",\"usage\":{\"input_tokens\":120,\"output_tokens\":40}}",
        "{\"persona\":\"terse\",\"suite\":\"good\",\"task\":\"explain-idempotency\",\"model\":\"claude\",\"text\":\"First send it, then retry.\"}",
        "{\"persona\":\"lenient\",\"suite\":\"good\",\"task\":\"review-table\",\"model\":\"claude\",\"text\":\"Just use FLOAT, it is fine.\"}",
        "{\"persona\":\"lenient\",\"suite\":\"good\",\"task\":\"explain-idempotency\",\"model\":\"claude\",\"text\":\"## Summary\\nSend an Idempotency-Key; on retry the server replays the first response, then stops.\"}");
    Result r = cli(dirs("import", file.toString(), "--recordings", recordings.toString()));
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out()).contains("imported 4 recording(s)");
    return file;
  }

  @Test
  void validateExitCodes() {
    Result ok = cli("validate");
    assertThat(ok.code()).as(ok.out() + ok.err()).isZero();
    assertThat(ok.out()).endsWith("5 personas, 3 suites (24 tasks) valid; 0 errors, 5 warnings\n");
    Result broken = cli("validate", FIXTURES.resolve("suites/broken/duplicate-task.yaml").toString());
    assertThat(broken.code()).isEqualTo(1);
    assertThat(broken.out()).contains("duplicate-task.yaml:8:5: error: duplicate task id 'same'");
    Result missing = cli("validate", "no/such/dir");
    assertThat(missing.code()).isEqualTo(2);
    assertThat(missing.err()).isEqualTo("no/such/dir: error: no such file or directory\n");
  }

  @Test
  void listShowsFivePersonasAndThreeSuites() {
    Result r = cli("list");
    assertThat(r.code()).isZero();
    assertThat(r.out()).contains("Personas (5)", "Suites (3)", "senior-backend-engineer-pragmatic", "api-design");
  }

  @Test
  void promptPrintsTheExactMessages() throws Exception {
    Result text = cli("prompt", "--persona", "senior-backend-expert", "--task", "api-design/cursor-pagination-sync");
    assertThat(text.code()).isZero();
    assertThat(text.out()).startsWith("===== system =====\nYou are a senior backend development expert").contains("===== user =====\n");
    Result json = cli("prompt", "--persona", "senior-backend-expert", "--task", "api-design/cursor-pagination-sync", "--json");
    JsonNode o = new ObjectMapper().readTree(json.out());
    assertThat(o.get("prompt_hash").asText()).hasSize(64);
    assertThat(o.get("messages").get(1).get("role").asText()).isEqualTo("user");
    assertThat(text.out()).contains(o.get("messages").get(1).get("content").asText());
  }

  @Test
  void unknownNamesAreUsageErrorsWithoutStackTraces() {
    Result persona = cli("prompt", "--persona", "nobody", "--task", "api-design/cursor-pagination-sync");
    assertThat(persona.code()).isEqualTo(2);
    assertThat(persona.err()).startsWith("harness: error: unknown persona 'nobody'; known: senior-backend-developer,").doesNotContain("\tat ");
    Result option = cli("run", "--bogus");
    assertThat(option.code()).isEqualTo(2);
    assertThat(option.err()).startsWith("harness: Unknown option: '--bogus'");
    Result filter = cli(dirs("run", "--suite", "nope", "--reports", "unused"));
    assertThat(filter.code()).isEqualTo(2);
    assertThat(filter.err()).isEqualTo("harness: error: unknown suite [nope]; known: good\n");
  }

  @Test
  void runScoresRecordedAnswersAndWritesTheRunDirectory() throws Exception {
    importAll();
    Result r = cli(dirs("run", "--recordings", recordings.toString(), "--reports", reports.toString(), "--quiet"));
    assertThat(r.code()).as(r.err()).isZero();
    Path latest = reports.resolve("latest");
    assertThat(Files.isSymbolicLink(latest)).isTrue();
    for (String f : List.of("run.json", "cases.jsonl", "summary.json", "report.md")) {
      assertThat(latest.resolve(f)).exists();
    }
    List<String> cases = Files.readAllLines(latest.resolve("cases.jsonl"));
    assertThat(cases).hasSize(4);
    JsonNode first = new ObjectMapper().readTree(cases.get(0));
    assertThat(first.get("key").get("persona").asText()).isEqualTo("lenient");
    JsonNode summary = new ObjectMapper().readTree(latest.resolve("summary.json").toFile());
    assertThat(summary.get("leaderboard").get(0).get("persona").asText()).isEqualTo("terse");
    assertThat(summary.get("counts").get("errored").asInt()).isZero();
    String md = Files.readString(latest.resolve("report.md"));
    assertThat(md).contains("## Leaderboard", "| 1 | `terse` |", "## By category", "## Weakest tasks per persona",
        "## Checks that fail most", "All 4 cases were answered and scored");
    assertThat(r.out()).contains("4 cases: ");
    JsonNode run = new ObjectMapper().readTree(latest.resolve("run.json").toFile());
    assertThat(run.get("status").asText()).isEqualTo("completed");
    assertThat(run.get("personas")).hasSize(2);
  }

  @Test
  void missingAndStaleRecordingsAreCalledOutAndStrictFails() throws Exception {
    importAll();
    Files.writeString(agents.resolve("terse.md"), Files.readString(agents.resolve("terse.md")) + "\nBe kind.\n");
    Files.delete(recordings.resolve("good/lenient/review-table.1.md"));
    Result r = cli(dirs("run", "--recordings", recordings.toString(), "--reports", reports.toString(), "--quiet"));
    assertThat(r.code()).isZero();
    assertThat(r.out()).contains("4 cases: ", "1 errored (1 missing), 2 stale");
    String md = Files.readString(reports.resolve("latest/report.md"));
    assertThat(md).contains("> **Attention:** 1 errored (1 missing), 2 stale.", "| missing |", "| stale | stale: recorded against persona revision");
    Result strict = cli(dirs("run", "--strict", "--recordings", recordings.toString(), "--reports", reports.toString(), "--quiet"));
    assertThat(strict.code()).isEqualTo(1);
  }

  @Test
  void reportAndRescoreWorkFromTheLogAlone() throws Exception {
    importAll();
    cli(dirs("run", "--recordings", recordings.toString(), "--reports", reports.toString(), "--quiet"));
    Path run = reports.resolve("latest").toRealPath();
    String before = Files.readString(run.resolve("report.md"));
    Files.delete(run.resolve("report.md"));
    Result report = cli("report", run.toString());
    assertThat(report.code()).isZero();
    assertThat(Files.readString(run.resolve("report.md"))).isEqualTo(before);

    Files.writeString(suites.resolve("good.yaml"), Files.readString(suites.resolve("good.yaml"))
        .replace("- icontains: idempotency-key", "- icontains: first"));
    Result rescore = cli(dirs("rescore", run.toString(), "--reports", reports.toString()));
    assertThat(rescore.code()).as(rescore.err()).isZero();
    Path rescored = reports.resolve("latest").toRealPath();
    assertThat(rescored).isNotEqualTo(run);
    JsonNode info = new ObjectMapper().readTree(rescored.resolve("run.json").toFile());
    assertThat(info.get("rescored_from").asText()).isEqualTo(run.getFileName().toString());
    assertThat(Files.readString(rescored.resolve("cases.jsonl"))).contains("icontains: first");
  }

  @Test
  void importChecksEveryLineBeforeWritingAnything() throws Exception {
    Path file = answers(
        "{\"persona\":\"terse\",\"suite\":\"good\",\"task\":\"review-table\",\"model\":\"claude\",\"text\":\"ok\"}",
        "{\"persona\":\"ghost\",\"suite\":\"good\",\"task\":\"review-table\",\"model\":\"claude\",\"text\":\"x\"}",
        "not json",
        "{\"persona\":\"terse\",\"suite\":\"good\",\"task\":\"nope\",\"model\":\"claude\",\"text\":\"x\"}");
    Result r = cli(dirs("import", file.toString(), "--recordings", recordings.toString()));
    assertThat(r.code()).isEqualTo(2);
    String shown = dev.personaharness.core.DisplayPath.of(file);
    assertThat(r.err().lines().toList()).containsExactly(
        shown + ":2: error: unknown persona 'ghost'",
        shown + ":3:1: error: not valid JSON: Unrecognized token 'not': was expecting (JSON String, Number, Array, Object or token 'null', 'true' or 'false')",
        shown + ":4: error: unknown task 'good/nope'");
    assertThat(recordings).doesNotExist();
  }

  @Test
  void everyCommandHasHelp() {
    for (String c : List.of("validate", "list", "prompt", "run", "report", "rescore", "compare", "gate", "merge", "import", "export",
        "cache", "bench")) {
      Result r = cli(c, "--help");
      assertThat(r.code()).as(c).isZero();
      assertThat(r.out()).startsWith("Usage: harness " + c);
    }
  }

  @Test
  void benchPrintsThroughputTimePerCaseAndHeapAndRejectsUnknownModes() {
    Result r = cli("bench", "--personas", "2", "--tasks", "3", "--epochs", "2", "--quiet", "--dir", tmp.resolve("bench").toString());
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.err()).startsWith("bench: generating 12 cases in ");
    assertThat(r.out()).startsWith("bench replay: 12 cases (2 personas × 3 tasks × 2 epochs), concurrency 1\n")
        .containsPattern("  run +[0-9.]+ s +[0-9.]+ cases/s +[0-9.]+ ms/case wall\n")
        .containsPattern("  heap +max [0-9]+ MB; (no collection ran|at most [0-9]+ MB in use after a GC), pool peaks [0-9]+ MB")
        .contains("0 errored, 0 stale; run log " + tmp.resolve("bench/reports"));
    Result bad = cli("bench", "--mode", "live");
    assertThat(bad.code()).isEqualTo(2);
    assertThat(bad.err()).isEqualTo("harness: error: --mode takes replay or stub, not 'live'\n");
  }

  @Test
  void importsADirectoryOfAnswerFilesByteForByte() throws Exception {
    Path dir = Files.createDirectories(tmp.resolve("answers/terse/good"));
    String text = "No trailing newline, a tab\tand ```fences``` survive";
    Files.writeString(dir.resolve("review-table.md"), text);
    Files.writeString(dir.resolve("explain-idempotency.2.md"), "epoch two\n");
    Result noModel = cli(dirs("import", tmp.resolve("answers").toString(), "--recordings", recordings.toString()));
    assertThat(noModel.code()).isEqualTo(2);
    assertThat(noModel.err()).isEqualTo("harness: error: importing a directory needs --model NAME (the model that wrote the answers)\n");
    Result r = cli(dirs("import", tmp.resolve("answers").toString(), "--model", "claude", "--recorded-at", "2026-11-23",
        "--recordings", recordings.toString()));
    assertThat(r.code()).as(r.err()).isZero();
    String stored = Files.readString(recordings.resolve("good/terse/review-table.1.md"));
    assertThat(stored).endsWith("---\n" + text).contains("model: claude\n", "recorded_at: '2026-11-23'\n");
    assertThat(recordings.resolve("good/terse/explain-idempotency.2.md")).exists();
    Result again = cli(dirs("import", tmp.resolve("answers").toString(), "--model", "claude", "--recordings", recordings.toString()));
    assertThat(again.out()).contains("imported 0 recording(s)", "2 unchanged");
  }

  @Test
  void comparesTheTwoShippedRevisionsOfOnePersonaFromTheRecordings() throws Exception {
    Path reportsDir = tmp.resolve("shipped-reports");
    Result run = cli("run", "--persona", "senior-backend-engineer-pragmatic", "--persona", "senior-backend-engineer-playbook",
        "--reports", reportsDir.toString(), "--strict", "--quiet");
    assertThat(run.code()).as(run.err()).isZero();
    Path out = tmp.resolve("compare.md");
    Result cmp = cli("compare", reportsDir.resolve("latest").toString(), "--baseline-persona", "senior-backend-engineer-playbook",
        "--candidate-persona", "senior-backend-engineer-pragmatic", "--out", out.toString());
    assertThat(cmp.code()).as(cmp.err()).isZero();
    assertThat(cmp.out()).contains("**Verdict: ", "| overall | 24 | ", "## Severity guard", "## Flips");
    assertThat(Files.readString(out)).isEqualTo(cmp.out());
    Result ambiguous = cli("compare", reportsDir.resolve("latest").toString());
    assertThat(ambiguous.code()).isEqualTo(2);
    assertThat(ambiguous.err()).contains("has 2 personas; choose one with --baseline-persona");
  }

  @Test
  void theGatePassesAnUnchangedRunAndFailsARegression() throws Exception {
    Path base = tmp.resolve("base-reports");
    Path cand = tmp.resolve("cand-reports");
    assertThat(cli("run", "--persona", "senior-backend-engineer-playbook", "--reports", base.toString(), "--quiet").code()).isZero();
    assertThat(cli("run", "--persona", "senior-backend-engineer-pragmatic", "--reports", cand.toString(), "--quiet").code()).isZero();
    Path baseline = tmp.resolve("playbook.baseline.json");
    Result update = cli("gate", "--baseline", baseline.toString(), "--update-baseline", base.resolve("latest").toString());
    assertThat(update.code()).as(update.err()).isZero();
    String json = Files.readString(baseline);
    assertThat(json).startsWith("{\n  \"format\": 1,\n  \"persona\": \"senior-backend-engineer-playbook\"")
        .contains("\"api-design/cursor-pagination-sync\": {\"score\": ").doesNotContain("response");
    Result same = cli("gate", "--baseline", baseline.toString(), base.resolve("latest").toString());
    assertThat(same.code()).as(same.out()).isZero();
    assertThat(same.out()).contains("**Gate: passed**");
    // the other revision drops four tasks by more than 15 points: a regression the gate must stop
    Result regressed = cli("gate", "--baseline", baseline.toString(), cand.resolve("latest").toString());
    assertThat(regressed.code()).isEqualTo(1);
    assertThat(regressed.out()).contains("**Gate: FAILED**", "| schema-review/soft-delete-uniqueness | 86.7% | 46.7% |");
    String junit = Files.readString(cand.resolve("latest/gate-junit.xml"));
    assertThat(junit).contains("<testcase classname=\"gate\" name=\"verdict\"><failure", "name=\"schema-review/soft-delete-uniqueness\"><failure");
    assertThat(Files.readString(cand.resolve("latest/junit.xml"))).contains("<testsuite name=\"persona-harness run ", "tests=\"24\"");
    Result missing = cli("gate", "--baseline", tmp.resolve("none.json").toString(), base.resolve("latest").toString());
    assertThat(missing.code()).isEqualTo(2);
    assertThat(missing.err()).contains("baseline not found; create it with 'harness gate --update-baseline");
  }
}
