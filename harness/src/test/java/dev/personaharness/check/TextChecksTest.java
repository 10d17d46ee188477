package dev.personaharness.check;

import static dev.personaharness.check.CheckFixtures.assertErrored;
import static dev.personaharness.check.CheckFixtures.assertFailed;
import static dev.personaharness.check.CheckFixtures.assertPassed;
import static dev.personaharness.check.CheckFixtures.run;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** The text checks: contains, icontains, contains-any, contains-all, not-contains, regex, not-regex, mentions, ordered. */
class TextChecksTest {
  private static final String ANSWER = "Use a cursor, not OFFSET.";

  @Nested
  class Contains {
    @Test
    void passesWithTheMatchAndItsLine() {
      assertPassed(run("contains", "cursor", ANSWER), "found \"cursor\" at line 1: \"Use a cursor, not OFFSET.\"");
    }

    @Test
    void isCaseSensitive() {
      assertFailed(run("contains", "Cursor", ANSWER), 0, "\"Cursor\" not found");
    }

    @Test
    void evidenceShowsThirtyCharactersEitherSideWithWhitespaceCollapsed() {
      String answer = "Intro line.\nWe recommend keyset pagination because OFFSET scans every skipped row before it"
          + " returns a page.";
      assertPassed(run("contains", "OFFSET", answer),
          "found \"OFFSET\" at line 2: \"…end keyset pagination because OFFSET scans every skipped row befor…\"");
    }

    @Test
    void errorsOnAListArgument() {
      assertErrored(run("contains", List.of("cursor"), ANSWER), "'contains' needs a non-empty text argument, found a list");
    }

    @Test
    void errorsOnAnEmptyArgument() {
      assertErrored(run("contains", "", ANSWER), "'contains' needs a non-empty text argument, found ''");
    }
  }

  @Nested
  class IContains {
    @Test
    void passesIgnoringCaseAndQuotesTheNeedleAsWritten() {
      assertPassed(run("icontains", "CURSOR", ANSWER), "found \"CURSOR\" at line 1: \"Use a cursor, not OFFSET.\"");
    }

    @Test
    void failsSayingCaseWasIgnored() {
      assertFailed(run("icontains", "keyset", ANSWER), 0, "\"keyset\" not found (ignoring case)");
    }

    @Test
    void errorsOnAMappingArgument() {
      assertErrored(run("icontains", Map.of("text", "cursor"), ANSWER),
          "'icontains' needs a non-empty text argument, found a mapping");
    }

    /**
     * Regression (was a bug): matching runs on {@code answer.toLowerCase()} but the evidence is cut from the
     * original answer; 'İ' (U+0130) lowercases to two chars, so offsets drift and
     * {@code Text.at} throws StringIndexOutOfBoundsException (the check errors instead of passing).
     */
    @Test
    void findsTextAfterCharactersWhoseLowerCaseIsLonger() {
      String answer = "İ".repeat(40) + " needle";
      assertPassed(run("icontains", "needle", answer), "found \"needle\" at line 1: \"…" + "İ".repeat(29) + " needle\"");
    }
  }

  @Nested
  class ContainsAny {
    @Test
    void passesOnTheFirstListedTermPresentIgnoringCase() {
      assertPassed(run("contains-any", List.of("keyset", "Cursor", "offset"), ANSWER),
          "found \"Cursor\" at line 1: \"Use a cursor, not OFFSET.\"");
    }

    @Test
    void failsListingTheTerms() {
      assertFailed(run("contains-any", List.of("keyset", "seek method"), ANSWER), 0,
          "none of [keyset, seek method] found");
    }

    @Test
    void errorsOnATextArgument() {
      assertErrored(run("contains-any", "cursor", ANSWER),
          "'contains-any' needs a list of at least 1 text value, found 'cursor'");
    }

    @Test
    void errorsOnANonTextItem() {
      assertErrored(run("contains-any", List.of("cursor", 5L), ANSWER),
          "'contains-any' needs a non-empty text argument, found '5'");
    }

    @Test
    void errorsOnAnEmptyList() {
      assertErrored(run("contains-any", List.of(), ANSWER),
          "'contains-any' needs a list of at least 1 text value, found a list");
    }
  }

  @Nested
  class ContainsAll {
    @Test
    void passesWhenEveryTermIsPresentIgnoringCase() {
      assertPassed(run("contains-all", List.of("CURSOR", "offset"), ANSWER), "found 2 of 2");
    }

    @Test
    void scoresTheFractionPresent() {
      assertFailed(run("contains-all", List.of("cursor", "offset", "index"), ANSWER), 2.0 / 3,
          "found 2 of 3; missing [index]");
    }

    @Test
    void scoresZeroWhenNoneIsPresent() {
      assertFailed(run("contains-all", List.of("keyset", "index"), ANSWER), 0, "found 0 of 2; missing [keyset, index]");
    }

    @Test
    void errorsOnATextArgument() {
      assertErrored(run("contains-all", "cursor", ANSWER),
          "'contains-all' needs a list of at least 1 text value, found 'cursor'");
    }
  }

  @Nested
  class NotContains {
    @Test
    void passesOnASingleAbsentString() {
      assertPassed(run("not-contains", "TODO", ANSWER), "none of [TODO] present");
    }

    @Test
    void passesOnAListOfAbsentStrings() {
      assertPassed(run("not-contains", List.of("lorem", "TODO"), ANSWER), "none of [lorem, TODO] present");
    }

    @Test
    void failsOnAnyPresentIgnoringCase() {
      assertFailed(run("not-contains", List.of("lorem", "offset"), ANSWER), 0,
          "found forbidden \"offset\" at line 1: \"Use a cursor, not OFFSET.\"");
    }

    @Test
    void errorsOnAMappingArgument() {
      assertErrored(run("not-contains", Map.of("text", "x"), ANSWER),
          "'not-contains' needs a non-empty text argument, found a mapping");
    }

    @Test
    void errorsOnAnEmptyItem() {
      assertErrored(run("not-contains", List.of("lorem", ""), ANSWER),
          "'not-contains' needs a non-empty text argument, found ''");
    }
  }

  @Nested
  class Regex {
    @Test
    void passesWithThePatternAndMatch() {
      assertPassed(run("regex", "\\b429\\b", "Return 429 Too Many Requests."),
          "matched /\\b429\\b/ at line 1: \"Return 429 Too Many Requests.\"");
    }

    @Test
    void anchorsMatchAtLineStarts() {
      assertPassed(run("regex", "^Retry-After: \\d+$", "Headers:\nRetry-After: 30\nDone"),
          "matched /^Retry-After: \\d+$/ at line 2: \"Headers: Retry-After: 30 Done\"");
    }

    @Test
    void isCaseSensitiveUnlessThePatternSaysOtherwise() {
      String answer = "Send Retry-After.";
      assertFailed(run("regex", "retry-after", answer), 0, "/retry-after/ not found");
      assertPassed(run("regex", "(?i)retry-after", answer),
          "matched /(?i)retry-after/ at line 1: \"Send Retry-After.\"");
    }

    @Test
    void errorsOnAPatternThatDoesNotCompile() {
      assertErrored(run("regex", "(a|b", ANSWER),
          "'regex' regex does not compile: Unclosed group near index 4 of \"(a|b\"");
    }

    @Test
    void errorsOnAListArgument() {
      assertErrored(run("regex", List.of("a", "b"), ANSWER), "'regex' needs a non-empty text argument, found a list");
    }
  }

  @Nested
  class NotRegex {
    @Test
    void passesWhenThePatternIsAbsent() {
      assertPassed(run("not-regex", "(?i)\\blorem ipsum\\b", ANSWER), "/(?i)\\blorem ipsum\\b/ not found");
    }

    @Test
    void failsWithTheForbiddenMatch() {
      assertFailed(run("not-regex", "\\bOFFSET\\b", ANSWER), 0,
          "forbidden pattern matched /\\bOFFSET\\b/ at line 1: \"Use a cursor, not OFFSET.\"");
    }

    @Test
    void errorsOnANumberArgument() {
      assertErrored(run("not-regex", 42L, ANSWER), "'not-regex' needs a non-empty text argument, found '42'");
    }

    @Test
    void errorsOnAPatternThatDoesNotCompile() {
      assertErrored(run("not-regex", "[a-", ANSWER),
          "'not-regex' regex does not compile: Illegal character range near index 3 of \"[a-\"");
    }
  }

  @Nested
  class Mentions {
    private final Map<String, Object> stableKey = Map.of("concept", "stable sort key",
        "synonyms", List.of("tie-breaker", "tiebreaker", "unique key"));

    @Test
    void matchesAHyphenatedSynonymWrittenWithASpace() {
      assertPassed(run("mentions", stableKey, "Sort by created_at with id as a tie breaker."),
          "mentions \"stable sort key\" as \"tie breaker\" at line 1: \"…rt by created_at with id as a tie breaker.\"");
    }

    @Test
    void ignoresCaseAndToleratesRunsOfSpacesAndHyphens() {
      assertPassed(run("mentions", stableKey, "Use a STABLE  Sort-Key."),
          "mentions \"stable sort key\" as \"STABLE Sort-Key\" at line 1: \"Use a STABLE Sort-Key.\"");
      assertPassed(run("mentions", stableKey, "Add a Tie-Breaker column."),
          "mentions \"stable sort key\" as \"Tie-Breaker\" at line 1: \"Add a Tie-Breaker column.\"");
    }

    @Test
    void doesNotJoinWordsThatAreWrittenApart() {
      // "tie-breaker" needs a space or hyphen between the words: the closed form must be its own synonym.
      assertFailed(run("mentions", Map.of("concept", "tie-breaker"), "Add a tiebreaker column."), 0,
          "no mention of \"tie-breaker\" (looked for [tie-breaker])");
    }

    @Test
    void failsListingConceptAndSynonyms() {
      assertFailed(run("mentions", stableKey, "Sort by created_at."), 0,
          "no mention of \"stable sort key\" (looked for [stable sort key, tie-breaker, tiebreaker, unique key])");
    }

    @Test
    void matchesWholeWordsOnly() {
      assertFailed(run("mentions", "ACID", "The acidic taste of lemons."), 0, "no mention of \"ACID\" (looked for [ACID])");
      assertFailed(run("mentions", "ACID", "Use ACID_TX mode."), 0, "no mention of \"ACID\" (looked for [ACID])");
      assertPassed(run("mentions", "ACID", "Postgres is ACID-compliant."),
          "mentions \"ACID\" as \"ACID\" at line 1: \"Postgres is ACID-compliant.\"");
    }

    @Test
    void acceptsAPlainConceptWithoutSynonyms() {
      assertPassed(run("mentions", "idempotency key", "Send an Idempotency-Key header."),
          "mentions \"idempotency key\" as \"Idempotency-Key\" at line 1: \"Send an Idempotency-Key header.\"");
    }

    @Test
    void errorsOnAListConcept() {
      assertErrored(run("mentions", Map.of("concept", List.of("a", "b")), ANSWER),
          "'mentions' needs a non-empty text argument, found a list");
    }

    @Test
    void errorsWithoutAConcept() {
      assertErrored(run("mentions", Map.of("synonyms", List.of("a")), ANSWER),
          "'mentions' needs 'concept' (and optional 'synonyms')");
    }

    @Test
    void errorsOnTextSynonyms() {
      assertErrored(run("mentions", Map.of("concept", "key", "synonyms", "id"), ANSWER),
          "'mentions' needs a list of at least 1 text value, found 'id'");
    }

    @Test
    void errorsOnAMisspelledKeyWithAHint() {
      CheckResult r = run("mentions", Map.of("concept", "key", "synonym", List.of("id")), ANSWER);
      // The allowed keys' order is not stable (see ChecksTest#allowedKeysAreListedInTheDocumentedOrder).
      assertThat(r.status()).isEqualTo("errored");
      assertThat(r.evidence()).isIn(
          "'mentions' has unknown key 'synonym' (did you mean 'synonyms'?); allowed: concept, synonyms",
          "'mentions' has unknown key 'synonym' (did you mean 'synonyms'?); allowed: synonyms, concept");
    }
  }

  @Nested
  class Ordered {
    private static final String STEPS = "Problem: slow pages.\n\nFix: keyset pagination.\n\nRollout: behind a flag.";

    @Test
    void passesWithTheLineOfEachItem() {
      assertPassed(run("ordered", List.of("problem", "fix", "rollout"), STEPS),
          "in order: \"problem\"@1 < \"fix\"@3 < \"rollout\"@5");
    }

    @Test
    void scoresTheInOrderPrefixWhenAnItemIsMissing() {
      assertFailed(run("ordered", List.of("problem", "fix", "monitoring", "rollout"), STEPS), 0.5,
          "in order up to \"fix\"; \"monitoring\" is missing after \"fix\"");
    }

    @Test
    void scoresTheInOrderPrefixWhenAnItemComesTooEarly() {
      assertFailed(run("ordered", List.of("fix", "problem", "rollout"), STEPS), 1.0 / 3,
          "in order up to \"fix\"; \"problem\" appears only before \"fix\"");
    }

    @Test
    void scoresZeroWhenTheFirstItemIsMissing() {
      assertFailed(run("ordered", List.of("canary release", "rollout"), STEPS), 0, "\"canary release\" not found");
    }

    @Test
    void errorsOnASingleItem() {
      assertErrored(run("ordered", List.of("problem"), STEPS),
          "'ordered' needs a list of at least 2 text values, found a list");
    }

    @Test
    void errorsOnATextArgument() {
      assertErrored(run("ordered", "problem, fix", STEPS),
          "'ordered' needs a list of at least 2 text values, found 'problem, fix'");
    }
  }
}
