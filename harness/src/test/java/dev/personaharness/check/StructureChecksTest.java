package dev.personaharness.check;

import static dev.personaharness.check.CheckFixtures.assertErrored;
import static dev.personaharness.check.CheckFixtures.assertFailed;
import static dev.personaharness.check.CheckFixtures.assertPassed;
import static dev.personaharness.check.CheckFixtures.run;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** The structure checks: code-block, word-count, headings. */
class StructureChecksTest {

  @Nested
  class CodeBlock {
    private static final String ONE_SQL = "Run this:\n\n```sql\nSELECT 1;\n```\n";

    @Test
    void passesWithTheLineOfTheFence() {
      assertPassed(run("code-block", "sql", ONE_SQL), "1 ```sql block at line 3; need 1");
    }

    @Test
    void comparesLanguagesIgnoringCase() {
      assertPassed(run("code-block", "SQL", "```Sql\nSELECT 1;\n```"), "1 ```sql block at line 1; need 1");
    }

    @Test
    void readsTheLanguageBeforeAnyAttributes() {
      assertPassed(run("code-block", "python", "```python title=\"app.py\"\nprint(1)\n```"),
          "1 ```python block at line 1; need 1");
    }

    @Test
    void failsWhenOnlyOtherLanguagesArePresent() {
      assertFailed(run("code-block", "sql", "```python\nprint(1)\n```"), 0, "0 ```sql blocks; need 1");
    }

    @Test
    void countsAnyLanguageWhenNoneIsGiven() {
      String answer = "```\nplain\n```\n\n```json\n{}\n```\n";
      assertPassed(run("code-block", Map.of("min", 2L), answer), "2 fenced code blocks at lines 1, 5; need 2");
      assertPassed(run("code-block", true, answer), "2 fenced code blocks at lines 1, 5; need 1");
      assertFailed(run("code-block", Map.of("min", 3L), answer), 0, "2 fenced code blocks at lines 1, 5; need 3");
    }

    @Test
    void failsBelowTheMinimumForALanguage() {
      assertFailed(run("code-block", Map.of("language", "sql", "min", 2L), ONE_SQL), 0,
          "1 ```sql block at line 3; need 2");
    }

    @Test
    void recognisesTildeFences() {
      assertPassed(run("code-block", "sql", "~~~sql\nSELECT 1;\n~~~\n"), "1 ```sql block at line 1; need 1");
    }

    @Test
    void aLongerBacktickFenceContainsShorterOnes() {
      String answer = "````markdown\n```sql\nSELECT 1;\n```\n````\n";
      assertFailed(run("code-block", "sql", answer), 0, "0 ```sql blocks; need 1");
      assertPassed(run("code-block", "markdown", answer), "1 ```markdown block at line 1; need 1");
    }

    @Test
    void backticksDoNotCloseATildeFence() {
      String answer = "~~~\n```\n~~~\n```sql\nSELECT 1;\n```\n";
      assertPassed(run("code-block", Map.of("min", 2L), answer), "2 fenced code blocks at lines 1, 4; need 2");
    }

    @Test
    void errorsOnAListLanguage() {
      assertErrored(run("code-block", Map.of("language", List.of("sql")), ONE_SQL),
          "'code-block' needs a non-empty text argument, found a list");
    }

    @Test
    void errorsOnANegativeMinimum() {
      assertErrored(run("code-block", Map.of("min", -1L), ONE_SQL),
          "'code-block' 'min' must be a whole number of at least 0, found '-1'");
    }

    @Test
    void errorsOnAListArgument() {
      CheckResult r = run("code-block", List.of("sql"), ONE_SQL);
      // The allowed keys' order is not stable (see ChecksTest#allowedKeysAreListedInTheDocumentedOrder).
      assertThat(r.status()).isEqualTo("errored");
      assertThat(r.evidence()).isIn("'code-block' needs a mapping with language, min, found a list",
          "'code-block' needs a mapping with min, language, found a list");
    }
  }

  @Nested
  class WordCount {
    /** Three words: tokens without a letter or digit ("—", "!") are not words. */
    private static final String THREE = "Hello, world — 42 !";

    @Test
    void passesWithinBounds() {
      assertPassed(run("word-count", Map.of("min", 2L, "max", 5L), THREE), "3 words (min 2, max 5)");
      assertPassed(run("word-count", Map.of("min", 3L, "max", 3L), THREE), "3 words (min 3, max 3)");
    }

    @Test
    void failsBelowTheMinimum() {
      assertFailed(run("word-count", Map.of("min", 10L), THREE), 0, "3 words (min 10)");
    }

    @Test
    void failsAboveTheMaximum() {
      assertFailed(run("word-count", Map.of("max", 2L), THREE), 0, "3 words (max 2)");
    }

    @Test
    void countsWordsAcrossLinesAndLeadingWhitespace() {
      assertPassed(run("word-count", Map.of("max", 4L), "  one\ntwo\n\n- three\tfour\n"), "4 words (max 4)");
      assertPassed(run("word-count", Map.of("max", 0L), ""), "0 words (max 0)");
    }

    @Test
    void errorsOnATextBound() {
      assertErrored(run("word-count", Map.of("min", "ten"), THREE),
          "'word-count' 'min' must be a whole number of at least 0, found 'ten'");
    }

    @Test
    void errorsOnAFractionalBound() {
      assertErrored(run("word-count", Map.of("max", 2.5), THREE),
          "'word-count' 'max' must be a whole number of at least 0, found '2.5'");
    }

    @Test
    void errorsWithoutBounds() {
      assertErrored(run("word-count", Map.of(), THREE), "'word-count' needs 'min' and/or 'max'");
    }

    @Test
    void errorsOnCrossedBounds() {
      assertErrored(run("word-count", Map.of("min", 10L, "max", 5L), THREE), "'word-count' has 'min' 10 above 'max' 5");
    }

    @Test
    void errorsOnAListArgument() {
      CheckResult r = run("word-count", List.of(10L), THREE);
      assertThat(r.status()).isEqualTo("errored");
      assertThat(r.evidence()).isIn("'word-count' needs a mapping with min, max, found a list",
          "'word-count' needs a mapping with max, min, found a list");
    }
  }

  @Nested
  class Headings {
    private static final String DOC = """
        # Plan

        Intro. #NoSpace is not a heading, nor is the indented line below.

            # indented code

        ## Risks ##

        ```bash
        # a shell comment, not a heading
        ```

        ~~~
        ## inside a tilde fence
        ~~~

        ````markdown
        ```
        # inside a nested fence
        ```
        # still inside the outer fence
        ````

        ### Rollback
        """;

    @Test
    void countsHeadingsOutsideCodeFences() {
      assertPassed(run("headings", Map.of("min", 3L), DOC), "3 headings (need 3): Plan | Risks | Rollback");
    }

    @Test
    void failsBelowTheMinimum() {
      assertFailed(run("headings", Map.of("min", 4L), DOC), 0, "3 headings (need 4): Plan | Risks | Rollback");
    }

    @Test
    void findsIncludedTextIgnoringCase() {
      assertPassed(run("headings", Map.of("include", List.of("rollback", "RISK")), DOC),
          "3 headings: Plan | Risks | Rollback");
      assertPassed(run("headings", List.of("plan"), DOC), "3 headings: Plan | Risks | Rollback");
    }

    @Test
    void failsNamingTheMissingHeadings() {
      assertFailed(run("headings", Map.of("min", 2L, "include", List.of("Monitoring", "Plan", "Cost")), DOC), 0,
          "3 headings (need 2); no heading containing [Monitoring, Cost]: Plan | Risks | Rollback");
    }

    @Test
    void failsWithNoHeadings() {
      assertFailed(run("headings", Map.of("min", 1L), "Just a paragraph.\n```\n# code\n```\n"), 0,
          "0 headings (need 1)");
    }

    @Test
    void abbreviatesALongHeadingList() {
      String doc = IntStream.rangeClosed(1, 20).mapToObj(i -> String.format("## Heading %02d\n", i))
          .collect(Collectors.joining());
      String joined = IntStream.rangeClosed(1, 20).mapToObj(i -> String.format("Heading %02d", i))
          .collect(Collectors.joining(" | "));
      assertPassed(run("headings", Map.of("min", 20L), doc),
          "20 headings (need 20): " + joined.substring(0, 157) + "...");
    }

    /**
     * Regression (was a bug): {@code Text.headings} splits on '\n' only and its heading regex uses '.', which
     * does not match '\r', so no heading of a CRLF answer is counted.
     */
    @Test
    void countsHeadingsOfACrlfAnswer() {
      assertPassed(run("headings", Map.of("min", 2L), "# Title\r\nbody\r\n## Next\r\n"),
          "2 headings (need 2): Title | Next");
    }

    @Test
    void errorsOnTextInclude() {
      assertErrored(run("headings", Map.of("include", "Summary"), DOC),
          "'headings' needs a list of at least 1 text value, found 'Summary'");
    }

    @Test
    void errorsWithNothingToCheck() {
      assertErrored(run("headings", Map.of("min", 0L), DOC), "'headings' needs 'min' and/or 'include'");
    }

    @Test
    void errorsOnANumberArgument() {
      CheckResult r = run("headings", 3L, DOC);
      assertThat(r.status()).isEqualTo("errored");
      assertThat(r.evidence()).isIn("'headings' needs a mapping with min, include, found '3'",
          "'headings' needs a mapping with include, min, found '3'");
    }
  }
}
