package dev.personaharness.check;

import static org.assertj.core.api.Assertions.assertThat;

import dev.personaharness.core.CheckSpec;
import dev.personaharness.core.Rubric;
import dev.personaharness.core.Task;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TimeBudgetTest {
  @Test
  void catastrophicBacktrackingEndsAsAnErroredCheckNotAHungRun() {
    // overlapping alternatives, repeated lazily: not a shape validation refuses, still exponential
    Task t = new Task("t", "c", List.of(), "p", Map.of(), List.of(),
        new Rubric(0.5, List.of(new CheckSpec("regex", "(a|a)+?b", 1, null, 1, 1), new CheckSpec("icontains", "aaa", 1, null, 2, 1))), 1);
    String answer = "a".repeat(40) + "c";
    Scored s = Checks.standard().score(t, answer);
    CheckResult r = s.checks().get(0).result();
    assertThat(r.status()).isEqualTo("errored");
    // a number of reads, not a time: the same on every machine
    assertThat(r.evidence()).isEqualTo("regex gave up after " + (200_000_000L + 200L * answer.length())
        + " character reads (catastrophic backtracking?); simplify the pattern");
    assertThat(s.checks().get(1).result().status()).isEqualTo("passed");
  }

  @Test
  void ordinaryMatchingOnALongAnswerStaysWellInsideTheBudget() {
    Task t = new Task("t", "c", List.of(), "p", Map.of(), List.of(),
        new Rubric(0.5, List.of(new CheckSpec("not-regex", "(?is)```sql(?:(?!```).)*?\\bfloat\\b", 1, null, 1, 1))), 1);
    String answer = "```sql\nCREATE TABLE t (amount numeric(12,2));\n```\n".repeat(20_000);
    assertThat(Checks.standard().score(t, answer).checks().get(0).result().status()).isEqualTo("passed");
  }
}
