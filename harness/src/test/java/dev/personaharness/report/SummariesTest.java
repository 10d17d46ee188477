package dev.personaharness.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.personaharness.core.CaseKey;
import dev.personaharness.runlog.CaseRecord;
import dev.personaharness.runlog.RunInfo;
import dev.personaharness.runlog.RunLog;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SummariesTest {
  private static CaseRecord scored(String persona, String task, int epoch, double score, boolean passed, String failedCheck) {
    List<CaseRecord.CheckRecord> checks = failedCheck == null
        ? List.of(new CaseRecord.CheckRecord("contains", "ok", 1, "passed", 1, "found"))
        : List.of(new CaseRecord.CheckRecord("contains", failedCheck, 1, "failed", 0, "missing"));
    return new CaseRecord(new CaseKey(persona, "s", task, epoch), task.startsWith("a") ? "alpha" : "beta", "h", "h", "m",
        "answer", null, 1, false, List.of(), null, 0.5, checks, score, passed, 0);
  }

  private static CaseRecord missing(String persona, String task) {
    return new CaseRecord(new CaseKey(persona, "s", task, 1), "beta", "h", "h", "replay", null, null, 1, false,
        List.of("missing"), "no recording", 0.5, List.of(), null, null, 0);
  }

  private static RunLog.Run run(List<CaseRecord> cases) {
    RunInfo info = new RunInfo(1, "r1", "v", null, "t0", "t1", "completed", "replay", Map.of(),
        List.of(new RunInfo.PersonaRef("p1", "One", "agents/p1.md", "h"), new RunInfo.PersonaRef("p2", "Two", "agents/p2.md", "h")),
        List.of(new RunInfo.SuiteRef("s", "suites/s.yaml", "h", List.of(new RunInfo.TaskRef("a1", "alpha", "mean"), new RunInfo.TaskRef("b1", "beta", "mean")))),
        null, cases.size());
    return new RunLog.Run(Path.of("reports/r1"), info, cases);
  }

  @Test
  void scoresAreMeansOverTasksOfMeansOverEpochs() {
    Summary s = Summaries.of(run(List.of(
        scored("p1", "a1", 1, 1.0, true, null), scored("p1", "a1", 2, 0.5, true, null), scored("p1", "b1", 1, 0.0, false, "x"),
        scored("p2", "a1", 1, 0.9, true, null), missing("p2", "b1"))), null,
        dev.personaharness.stats.Statistics.Method.T);
    // p1: a1 = mean(1.0, 0.5) = 0.75, b1 = 0.0 -> 0.375
    // p2: a1 = 0.9 (b1 errored, not scored) -> 0.9
    assertThat(s.leaderboard()).extracting(Summary.Standing::persona).containsExactly("p2", "p1");
    // p1 tasks after the mean reducer: a1 = 0.75 (passes at threshold 0.5), b1 = 0.0 (fails)
    assertThat(s.leaderboard().get(1).meanScore()).isEqualTo(0.375);
    assertThat(s.leaderboard().get(1).passRate().mean()).isEqualTo(0.5);
    // Student t over the two task scores: mean 0.375, se = sd/sqrt(2) = 0.375, t(0.975, 1) = 12.7062
    assertThat(s.leaderboard().get(1).score().standardError()).isCloseTo(0.375, org.assertj.core.data.Offset.offset(1e-12));
    assertThat(s.leaderboard().get(1).score().high()).isCloseTo(0.375 + 12.70620 * 0.375, org.assertj.core.data.Offset.offset(1e-4));
    assertThat(s.tasks()).filteredOn(t -> t.persona().equals("p1") && t.task().equals("a1")).singleElement()
        .satisfies(t -> {
          assertThat(t.epochs()).isEqualTo(2);
          assertThat(t.min()).isEqualTo(0.5);
          assertThat(t.max()).isEqualTo(1.0);
        });
    assertThat(s.leaderboard().get(0).errored()).isEqualTo(1);
    assertThat(s.counts()).isEqualTo(new Summary.Counts(5, 4, 3, 1, 0, 1));
    assertThat(s.problems()).singleElement().satisfies(p -> assertThat(p.kind()).isEqualTo("missing"));
    assertThat(s.failingChecks()).singleElement().isEqualTo(new Summary.FailingCheck("s", "b1", "x", 1, 1));
    assertThat(s.weakest()).filteredOn(w -> w.persona().equals("p1")).first()
        .isEqualTo(new Summary.WeakTask("p1", "s", "b1", 0.0, List.of("x")));
  }

  @Test
  void theSummaryDoesNotDependOnTheOrderCasesWereLoggedIn() {
    List<CaseRecord> cases = new java.util.ArrayList<>(List.of(
        scored("p1", "a1", 1, 1.0, true, null), scored("p1", "a1", 2, 0.1, false, "y"), scored("p1", "a1", 3, 0.7, true, "x"),
        scored("p1", "b1", 2, 0.0, false, "x"), scored("p2", "a1", 1, 0.9, true, null), missing("p2", "b1"), missing("p1", "b1")));
    Summary inOrder = Summaries.of(run(cases), null, dev.personaharness.stats.Statistics.Method.BOOTSTRAP);
    java.util.Random random = new java.util.Random(3);
    for (int i = 0; i < 20; i++) {
      java.util.Collections.shuffle(cases, random);
      assertThat(Summaries.of(run(cases), null, dev.personaharness.stats.Statistics.Method.BOOTSTRAP)).isEqualTo(inOrder);
    }
    // failed check names and problems come out in the same order whichever epoch was logged first
    assertThat(inOrder.weakest()).filteredOn(w -> w.task().equals("a1") && w.persona().equals("p1")).singleElement()
        .satisfies(w -> assertThat(w.failedChecks()).containsExactly("x", "y"));
    assertThat(inOrder.problems()).extracting(Summary.Problem::persona).containsExactly("p1", "p2");
  }

  @Test
  void theSpreadTableOfALargeRunListsTheFiftyWidestInOrder() {
    List<CaseRecord> cases = new java.util.ArrayList<>();
    for (int t = 0; t < 60; t++) {
      cases.add(scored("p1", "a" + t, 1, 1.0, true, null));
      cases.add(scored("p1", "a" + t, 2, t / 100.0, false, null));
    }
    RunLog.Run run = run(cases);
    String md = MarkdownReport.render(run, Summaries.of(run, null, dev.personaharness.stats.Statistics.Method.T));
    assertThat(md).contains("The 50 of 60 persona × task results with the widest spread; every one is in summary.json.");
    // the pair (1.0, t/100) spreads less as t grows: a0 … a49 are listed, a50 … a59 are not
    List<String> rows = md.lines().filter(l -> l.contains(" | mean | 2 | ")).toList();
    assertThat(rows).hasSize(50).first().asString().startsWith("| `p1` | s/a0 |");
    assertThat(rows).noneMatch(l -> l.matches("\\| `p1` \\| s/a5[0-9] \\|.*"));
  }

  @Test
  void markdownCellsCannotBreakTheTableOrInjectHtml() {
    assertThat(MarkdownReport.cell("a|b\nc <script>x</script> `code` \u001b[31m"))
        .isEqualTo("a\\|b c &lt;script&gt;x&lt;/script&gt; 'code' [31m");
  }
}
