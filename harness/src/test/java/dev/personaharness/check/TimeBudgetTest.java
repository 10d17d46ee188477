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
    Task t = new Task("t", "c", List.of(), "p", Map.of(), List.of(),
        new Rubric(0.5, List.of(new CheckSpec("regex", "(a+)+\\1b", 1, null, 1, 1), new CheckSpec("icontains", "aaa", 1, null, 2, 1))), 1);
    long start = System.nanoTime();
    // without the budget this takes minutes: exponential backtracking through the back-reference
    Scored s = Checks.standard().score(t, "a".repeat(34) + "cb");
    long ms = (System.nanoTime() - start) / 1_000_000;
    CheckResult r = s.checks().get(0).result();
    assertThat(r.status()).isEqualTo("errored");
    assertThat(r.evidence()).isEqualTo("regex ran over its 2 s budget (catastrophic backtracking?); simplify the pattern");
    assertThat(s.checks().get(1).result().status()).isEqualTo("passed");
    assertThat(ms).as("bounded by the budget").isLessThan(10_000);
  }
}
