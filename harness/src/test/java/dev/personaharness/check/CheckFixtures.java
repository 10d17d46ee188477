package dev.personaharness.check;

import static org.assertj.core.api.Assertions.assertThat;

import dev.personaharness.core.CheckSpec;
import dev.personaharness.core.GenerationSettings;
import dev.personaharness.core.Rubric;
import dev.personaharness.core.Suite;
import dev.personaharness.core.Task;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/** Builds rubric values in code and runs single checks, for the check tests. */
final class CheckFixtures {
  private CheckFixtures() {}

  static final String SUITE_PATH = "suites/check-test.yaml";

  static CheckSpec spec(String type, Object argument) {
    return new CheckSpec(type, argument, 1, null, 10, 7);
  }

  static CheckSpec spec(String type, Object argument, double weight) {
    return new CheckSpec(type, argument, weight, null, 10, 7);
  }

  static CheckSpec specAt(String type, Object argument, int line, int column) {
    return new CheckSpec(type, argument, 1, null, line, column);
  }

  static Task task(String id, double threshold, CheckSpec... checks) {
    return new Task(id, "testing", List.of(), "Answer the question.", Map.of(), List.of(),
        new Rubric(threshold, Arrays.asList(checks)), 3);
  }

  static Suite suite(Task... tasks) {
    return new Suite("check-test", "checks under test", GenerationSettings.DEFAULT, List.of(tasks), SUITE_PATH,
        "0000");
  }

  /** The built-in check of a type, as {@link Checks#standard()} would use it. */
  static Check builtIn(String type) {
    return java.util.stream.Stream.of(TextChecks.all(), StructureChecks.all(), ParseChecks.all())
        .flatMap(List::stream)
        .filter(c -> c.type().equals(type))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no built-in check " + type));
  }

  /** Evaluates one built-in check directly, through the {@link Check} interface. */
  static CheckResult run(String type, Object argument, String answer) {
    CheckSpec spec = spec(type, argument);
    return builtIn(type).evaluate(new CheckInput(answer, spec, task("t", 0.75, spec)));
  }

  static void assertPassed(CheckResult r, String evidence) {
    assertResult(r, "passed", 1.0, evidence);
  }

  static void assertFailed(CheckResult r, double score, String evidence) {
    assertResult(r, "failed", score, evidence);
  }

  static void assertErrored(CheckResult r, String evidence) {
    assertThat(r).isInstanceOf(CheckResult.Errored.class);
    assertResult(r, "errored", 0.0, evidence);
  }

  static void assertResult(CheckResult r, String status, double score, String evidence) {
    assertThat(r.evidence()).as("evidence").isEqualTo(evidence);
    assertThat(r.status()).as("status of [%s]", r.evidence()).isEqualTo(status);
    assertThat(r.score()).as("score of [%s]", r.evidence()).isEqualTo(score);
  }

  /** A test resource under {@code src/test/resources/check/}. */
  static String resource(String name) {
    try (InputStream in = CheckFixtures.class.getResourceAsStream("/check/" + name)) {
      if (in == null) {
        throw new AssertionError("missing test resource check/" + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
