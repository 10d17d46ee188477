package dev.personaharness.check;

import static org.assertj.core.api.Assertions.assertThat;

import dev.personaharness.core.CheckSpec;
import dev.personaharness.core.Rubric;
import dev.personaharness.core.Task;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** similar, on real answers: two personas' answers to one task against each other and against an unrelated text. */
class SimilarCheckTest {
  private static CheckResult run(Object arg, String answer) {
    CheckSpec spec = new CheckSpec("similar", arg, 1, null, 1, 1);
    Task t = new Task("t", "c", List.of(), "p", Map.of(), List.of(), new Rubric(0.5, List.of(spec)), 1);
    return Checks.standard().score(t, answer).checks().get(0).result();
  }

  @Test
  void answersToTheSameTaskAreCloserThanAnUnrelatedText() throws Exception {
    String a = RealAnswersTest.answer("debugging", "senior-backend-expert", "settlement-deadlock");
    String b = RealAnswersTest.answer("debugging", "staff-backend-developer", "settlement-deadlock");
    String unrelated = "A recipe for sourdough bread: mix flour, water and starter, fold every half hour, bake at 250 C.";
    CheckResult same = run(Map.of("reference", b, "threshold", 0.6), a);
    assertThat(same.status()).as(same.evidence()).isEqualTo("passed");
    assertThat(same.evidence()).startsWith("cosine similarity 0.").contains("with reference 1 of 1 (threshold 0.60)");
    CheckResult far = run(Map.of("references", List.of(unrelated), "threshold", 0.6), a);
    assertThat(far.status()).isEqualTo("failed");
    assertThat(far.score()).isLessThan(0.3);
    assertThat(run(Map.of("threshold", 0.5), a).status()).isEqualTo("errored");
  }

  @Test
  void aSectionIsTheTextUnderItsHeading() {
    String doc = "# Plan\n## Root cause\nLocks taken in opposite order.\n### Detail\nmore\n## Fix\nOrder locks by id.\n";
    assertThat(SimilarCheck.section(doc, "root cause")).isEqualTo("Locks taken in opposite order.\n### Detail\nmore\n");
    assertThat(SimilarCheck.section(doc, "missing")).isNull();
    assertThat(run(Map.of("reference", "x", "section", "Appendix"), doc).evidence()).isEqualTo("no heading containing \"Appendix\"");
  }
}
