package dev.personaharness.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.personaharness.core.CaseKey;
import dev.personaharness.runlog.CaseRecord;
import dev.personaharness.runlog.RunInfo;
import dev.personaharness.runlog.RunLog;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ComparisonTest {
  private static CaseRecord c(String persona, String task, double score) {
    return new CaseRecord(new CaseKey(persona, "s", task, 1), task.startsWith("a") ? "alpha" : "beta", "h", "h", "m", "x",
        null, 1, false, List.of(), null, 0.5, List.of(), score, score >= 0.5, 0);
  }

  private static RunLog.Run run(List<CaseRecord> cases) {
    List<RunInfo.TaskRef> tasks = new ArrayList<>();
    cases.stream().map(x -> x.key().task()).distinct().forEach(t -> tasks.add(new RunInfo.TaskRef(t, t.startsWith("a") ? "alpha" : "beta", "mean")));
    return new RunLog.Run(Path.of("r"), new RunInfo(1, "r", "v", null, "t", "t", "completed", "replay", Map.of(),
        List.of(new RunInfo.PersonaRef("old", "x", "p", "h"), new RunInfo.PersonaRef("new", "x", "p", "h")),
        List.of(new RunInfo.SuiteRef("s", "s.yaml", "h", tasks)), null, cases.size()), cases);
  }

  @Test
  void aConsistentImprovementIsSignificantAndDropsAreFlagged() {
    List<CaseRecord> cases = new ArrayList<>();
    for (int i = 0; i < 8; i++) {
      cases.add(c("old", "a" + i, 0.4));
      cases.add(c("new", "a" + i, 0.8));
    }
    cases.add(c("old", "b0", 0.9));
    cases.add(c("new", "b0", 0.6));
    RunLog.Run r = run(cases);
    Comparison cmp = Comparison.of(r, "old", r, "new", 0.05, 0.15);
    Comparison.Group overall = cmp.groups().get(0);
    assertThat(overall.name()).isEqualTo("overall");
    assertThat(overall.tasks()).isEqualTo(9);
    // deltas: eight of +0.4 and one of -0.3; mean = (3.2 - 0.3) / 9
    assertThat(overall.delta().mean()).isCloseTo(2.9 / 9, org.assertj.core.data.Offset.offset(1e-12));
    // exact sign-flip: |sum| >= 2.9 only when all +0.4 keep one sign: 2 × 2 (either sign of -0.3) of 512
    assertThat(overall.p()).isEqualTo(4.0 / 512);
    assertThat(overall.failToPass()).isEqualTo(8);
    assertThat(overall.passToFail()).isZero();
    // R: binom.test(0, 8)$p.value = 0.0078125
    assertThat(overall.mcnemarP()).isEqualTo(0.0078125);
    assertThat(cmp.verdict()).isEqualTo("improved");
    assertThat(cmp.drops()).singleElement().satisfies(d -> assertThat(d.task()).isEqualTo("s/b0"));
    assertThat(cmp.groups()).extracting(Comparison.Group::name)
        .containsExactly("overall", "suite s", "category s/alpha", "category s/beta");
    assertThat(ComparisonReport.markdown(cmp)).contains("**Verdict: improved**", "| s/b0 | 90.0% | 60.0% |");
  }

  @Test
  void noDifferenceIsNoSignificantChange() {
    List<CaseRecord> cases = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      cases.add(c("old", "a" + i, 0.7));
      cases.add(c("new", "a" + i, 0.7));
    }
    RunLog.Run r = run(cases);
    Comparison cmp = Comparison.of(r, "old", r, "new", 0.05, 0.15);
    assertThat(cmp.verdict()).isEqualTo("no significant change");
    assertThat(cmp.groups().get(0).p()).isEqualTo(1.0);
    assertThat(cmp.flips()).isEmpty();
    assertThat(cmp.drops()).isEmpty();
  }
}
