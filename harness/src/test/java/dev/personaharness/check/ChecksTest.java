package dev.personaharness.check;

import static dev.personaharness.check.CheckFixtures.SUITE_PATH;
import static dev.personaharness.check.CheckFixtures.assertErrored;
import static dev.personaharness.check.CheckFixtures.assertFailed;
import static dev.personaharness.check.CheckFixtures.assertPassed;
import static dev.personaharness.check.CheckFixtures.spec;
import static dev.personaharness.check.CheckFixtures.specAt;
import static dev.personaharness.check.CheckFixtures.suite;
import static dev.personaharness.check.CheckFixtures.task;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.personaharness.core.CheckSpec;
import dev.personaharness.core.Diagnostic;
import dev.personaharness.core.Task;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** {@link Checks#standard()}: the known types, rubric validation, and weighted scoring. */
class ChecksTest {
  private static final List<String> BUILT_IN = List.of("code-block", "contains", "contains-all", "contains-any",
      "headings", "icontains", "json-valid", "mentions", "not-contains", "not-regex", "ordered", "regex", "sql-valid",
      "word-count", "yaml-valid");

  private final Checks checks = Checks.standard();

  private List<String> messages(CheckSpec... specs) {
    return checks.validate(suite(task("only", 0.75, specs))).stream().map(Diagnostic::message).toList();
  }

  @Test
  void knowsEveryBuiltInTypeAndTheServiceLoadedExampleInNameOrder() {
    assertThat(checks.types()).containsAll(BUILT_IN).contains("max-line-length");
    assertThat(List.copyOf(checks.types())).isSorted();
  }

  @Nested
  class Validation {
    @Test
    void acceptsWellFormedArguments() {
      assertThat(messages(spec("icontains", "cursor"),
          spec("mentions", Map.of("concept", "stable sort key", "synonyms", List.of("tie-breaker"))),
          spec("ordered", List.of("problem", "fix")), spec("regex", "(?i)\\bHTTP/1\\.1 429\\b"),
          spec("code-block", Map.of("language", "sql", "min", 2L)), spec("json-valid", true),
          spec("sql-valid", null), spec("word-count", Map.of("max", 300L)),
          spec("headings", Map.of("include", List.of("Risks"))), spec("max-line-length", 100L))).isEmpty();
    }

    @Test
    void reportsAnUnknownTypeWithADidYouMeanAtItsPosition() {
      List<Diagnostic> found = checks.validate(suite(task("only", 0.75, specAt("contians", "cursor", 12, 11))));
      assertThat(found).containsExactly(
          Diagnostic.error(SUITE_PATH, 12, 11, "unknown check 'contians' (did you mean 'contains'?)"));
      assertThat(found.get(0).format())
          .isEqualTo("suites/check-test.yaml:12:11: error: unknown check 'contians' (did you mean 'contains'?)");
    }

    @Test
    void suggestsTheHyphenatedTypeForUnderscoresAndCloseSpellings() {
      assertThat(messages(spec("not_contains", "x"), spec("regexp", "x"), spec("word_count", Map.of("max", 1L)),
          spec("max-line-lenght", 80L))).containsExactly(
              "unknown check 'not_contains' (did you mean 'not-contains'?)",
              "unknown check 'regexp' (did you mean 'regex'?)",
              "unknown check 'word_count' (did you mean 'word-count'?)",
              "unknown check 'max-line-lenght' (did you mean 'max-line-length'?)");
    }

    @Test
    void listsTheKnownTypesWhenNoneIsClose() {
      assertThat(messages(spec("frobnicate", "x"))).containsExactly("unknown check 'frobnicate'; known types: "
          + "code-block, contains, contains-all, contains-any, headings, http-status, icontains, json-schema, json-valid, judge, "
          + "max-line-length, mentions, not-contains, not-regex, openapi-valid, ordered, regex, similar, sql-defines, sql-valid, word-count, "
          + "yaml-valid");
    }

    @Test
    void reportsARegexThatDoesNotCompile() {
      assertThat(messages(spec("regex", "[0-9"), spec("not-regex", "*.tmp"))).containsExactly(
          "check 'regex' regex does not compile: Unclosed character class near index 3 of \"[0-9\"",
          "check 'not-regex' regex does not compile: Dangling meta character '*' near index 0 of \"*.tmp\"");
    }

    @Test
    void reportsArgumentsOfTheWrongShape() {
      assertThat(messages(spec("contains", List.of("a", "b")), spec("contains-all", "cursor"),
          spec("ordered", List.of("only one")), spec("not-contains", List.of("x", 3L)),
          spec("mentions", Map.of("synonyms", List.of("x"))), spec("word-count", Map.of("min", 10L, "max", 5L)),
          spec("code-block", Map.of("min", -1L)), spec("headings", Map.of("include", "Risks")),
          spec("json-valid", "yes"))).containsExactly(
              "check 'contains' needs a non-empty text argument, found a list",
              "check 'contains-all' needs a list of at least 1 text value, found 'cursor'",
              "check 'ordered' needs a list of at least 2 text values, found a list",
              "check 'not-contains' needs a non-empty text argument, found '3'",
              "check 'mentions' needs 'concept' (and optional 'synonyms')",
              "check 'word-count' has 'min' 10 above 'max' 5",
              "check 'code-block' 'min' must be a whole number of at least 0, found '-1'",
              "check 'headings' needs a list of at least 1 text value, found 'Risks'",
              "check 'json-valid' needs a mapping with min, found 'yes'");
    }

    @Test
    void reportsEveryProblemOfEveryTaskInOrderAtItsOwnPosition() {
      Task first = task("first", 0.75, specAt("icontains", "ok", 8, 11), specAt("contains", 42L, 9, 11));
      Task second = task("second", 0.75, specAt("ordered", "a", 20, 11), specAt("nope", "x", 21, 11));
      assertThat(checks.validate(suite(first, second)).stream().map(Diagnostic::format)).containsExactly(
          "suites/check-test.yaml:9:11: error: check 'contains' needs a non-empty text argument, found '42'",
          "suites/check-test.yaml:20:11: error: check 'ordered' needs a list of at least 2 text values, found 'a'",
          "suites/check-test.yaml:21:11: error: unknown check 'nope'; known types: "
              + String.join(", ", checks.types()));
    }

    /**
     * Regression (was a bug): {@code Arguments.map} joins the allowed keys of a {@code Set.of(...)}, whose
     * iteration order changes from one JVM run to the next, so the same suite gets "allowed: min, max"
     * or "allowed: max, min". Fails intermittently until the keys are kept in their documented order.
     */
    @Test
    void allowedKeysAreListedInTheDocumentedOrder() {
      assertThat(messages(spec("word-count", Map.of("mx", 5L)), spec("code-block", List.of("sql")),
          spec("headings", 3L), spec("mentions", Map.of("concept", "key", "synonym", List.of("id"))))).containsExactly(
              "check 'word-count' has unknown key 'mx' (did you mean 'max'?); allowed: min, max",
              "check 'code-block' needs a mapping with language, min, found a list",
              "check 'headings' needs a mapping with min, include, found '3'",
              "check 'mentions' has unknown key 'synonym' (did you mean 'synonyms'?); allowed: concept, synonyms");
    }
  }

  @Nested
  class Scoring {
    private static final String ANSWER = "Use a cursor, not OFFSET.";

    @Test
    void scoresTheWeightedMeanAndKeepsEachOutcome() {
      CheckSpec cursor = spec("icontains", "cursor", 2);
      CheckSpec keyset = new CheckSpec("icontains", "keyset", 1, "names keyset pagination", 11, 7);
      CheckSpec terms = spec("contains-all", List.of("cursor", "offset", "index", "keyset"), 1);
      Scored s = checks.score(task("t", 0.75, cursor, keyset, terms), ANSWER);

      assertThat(s.score()).isEqualTo((2 * 1.0 + 1 * 0.0 + 1 * 0.5) / 4);
      assertThat(s.passed()).isFalse();
      assertThat(s.checks()).extracting(Scored.Outcome::type, Scored.Outcome::name, Scored.Outcome::weight)
          .containsExactly(
              org.assertj.core.groups.Tuple.tuple("icontains", "icontains: cursor", 2.0),
              org.assertj.core.groups.Tuple.tuple("icontains", "names keyset pagination", 1.0),
              org.assertj.core.groups.Tuple.tuple("contains-all", "contains-all: [cursor, offset, index, keyset]", 1.0));
      assertPassed(s.checks().get(0).result(), "found \"cursor\" at line 1: \"Use a cursor, not OFFSET.\"");
      assertFailed(s.checks().get(1).result(), 0, "\"keyset\" not found (ignoring case)");
      assertFailed(s.checks().get(2).result(), 0.5, "found 2 of 4; missing [index, keyset]");
    }

    @Test
    void passesWhenTheScoreReachesTheThreshold() {
      CheckSpec[] specs = {spec("icontains", "cursor", 3), spec("icontains", "keyset", 1)};
      assertThat(checks.score(task("t", 0.75, specs), ANSWER)).satisfies(s -> {
        assertThat(s.score()).isEqualTo(0.75);
        assertThat(s.passed()).isTrue();
      });
      assertThat(checks.score(task("t", 0.76, specs), ANSWER).passed()).isFalse();
      assertThat(checks.score(task("t", 1.0, specs), ANSWER).passed()).isFalse();
    }

    @Test
    void toleratesRoundingAtTheThreshold() {
      Scored s = checks.score(task("t", 0.3, spec("icontains", "cursor", 0.1), spec("icontains", "offset", 0.2),
          spec("icontains", "keyset", 0.7)), ANSWER);
      assertThat(s.score()).isCloseTo(0.3, within(1e-12));
      assertThat(s.passed()).isTrue();
    }

    @Test
    void aThresholdOfZeroPassesEvenWithNothingMatched() {
      Scored s = checks.score(task("t", 0, spec("icontains", "keyset")), ANSWER);
      assertThat(s.score()).isZero();
      assertThat(s.passed()).isTrue();
    }

    @Test
    void aCheckThatThrowsIsErroredScoresZeroAndTheOthersStillRun() {
      // Java's regex engine recurses once per repetition of (a|b)*: on a long answer it overflows
      // the stack, which the harness records as an errored check instead of aborting the run.
      String answer = "ab".repeat(500_000);
      Scored s = checks.score(task("t", 0.5, spec("regex", "(a|b)*c"), spec("contains", "ab"),
          spec("not-contains", "xyz")), answer);
      assertErrored(s.checks().get(0).result(), "check 'regex' failed: java.lang.StackOverflowError");
      assertPassed(s.checks().get(1).result(), "found \"ab\" at line 1: \"" + "ab".repeat(16) + "…\"");
      assertPassed(s.checks().get(2).result(), "none of [xyz] present");
      assertThat(s.score()).isEqualTo(2.0 / 3);
      assertThat(s.passed()).isTrue();
    }

    @Test
    void unknownTypesAndBadArgumentsAreErroredAtScoringTimeToo() {
      Scored s = checks.score(task("t", 0.5, spec("contians", "cursor"), spec("contains", List.of("cursor")),
          spec("icontains", "cursor", 2)), ANSWER);
      assertErrored(s.checks().get(0).result(), "unknown check type 'contians'");
      assertErrored(s.checks().get(1).result(), "'contains' needs a non-empty text argument, found a list");
      assertPassed(s.checks().get(2).result(), "found \"cursor\" at line 1: \"Use a cursor, not OFFSET.\"");
      assertThat(s.score()).isEqualTo(0.5);
      assertThat(s.passed()).isTrue();
    }

    @Test
    void resultsRejectScoresOutsideTheUnitInterval() {
      assertThatThrownBy(() -> new CheckResult.Passed(1.5, "x")).isInstanceOf(IllegalArgumentException.class)
          .hasMessage("score must be in [0, 1], was 1.5");
      assertThatThrownBy(() -> new CheckResult.Failed(Double.NaN, "x")).isInstanceOf(IllegalArgumentException.class)
          .hasMessage("score must be in [0, 1], was NaN");
      assertThat(new CheckResult.Errored("why").score()).isZero();
    }
  }

  /** The extension point: {@link ExampleCustomCheck} is listed in test-scope META-INF/services. */
  @Nested
  class CustomCheck {
    private static final String ANSWER = "short\n" + "x".repeat(30) + "\nshort again\n" + "y".repeat(25);

    @Test
    void isFoundThroughTheServiceLoader() {
      assertThat(checks.types()).contains("max-line-length");
    }

    @Test
    void validatesItsArgument() {
      assertThat(messages(spec("max-line-length", 80L), spec("max-line-length", 80.0))).isEmpty();
      assertThat(messages(spec("max-line-length", "eighty"), spec("max-line-length", 0L),
          spec("max-line-length", List.of(80L)))).containsExactly(
              "check 'max-line-length' needs a whole number of characters of at least 1, found 'eighty'",
              "check 'max-line-length' needs a whole number of characters of at least 1, found '0'",
              "check 'max-line-length' needs a whole number of characters of at least 1, found '[80]'");
    }

    @Test
    void scoresAlongsideTheBuiltIns() {
      Scored s = checks.score(task("t", 0.75, spec("max-line-length", 30L), spec("max-line-length", 24L),
          spec("icontains", "again"), spec("max-line-length", "wide")), ANSWER);
      assertPassed(s.checks().get(0).result(), "all 4 lines within 30 characters (longest: 30 at line 2)");
      assertFailed(s.checks().get(1).result(), 0.5, "2 of 4 lines over 24 characters (longest: 30 at line 2)");
      assertPassed(s.checks().get(2).result(), "found \"again\" at line 3: \"…" + "x".repeat(23)
          + " short again " + "y".repeat(25) + "\"");
      assertErrored(s.checks().get(3).result(),
          "'max-line-length' needs a whole number of characters of at least 1, found 'wide'");
      assertThat(s.score()).isEqualTo((1 + 0.5 + 1 + 0) / 4);
      assertThat(s.passed()).isFalse();
    }

    @Test
    void countsCharactersNotUtf16Units() {
      CheckSpec spec = spec("max-line-length", 3L);
      Check check = new ExampleCustomCheck();
      assertPassed(check.evaluate(new CheckInput("😀😀😀\r\nabc", spec, task("t", 0.75, spec))),
          "all 2 lines within 3 characters (longest: 3 at line 1)");
    }
  }
}
