package dev.personaharness.check;

import static dev.personaharness.check.CheckFixtures.assertErrored;
import static dev.personaharness.check.CheckFixtures.assertFailed;
import static dev.personaharness.check.CheckFixtures.assertPassed;
import static dev.personaharness.check.CheckFixtures.assertResult;
import static dev.personaharness.check.CheckFixtures.resource;
import static dev.personaharness.check.CheckFixtures.run;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** The parse checks: json-valid, yaml-valid, sql-valid. */
class ParseChecksTest {

  @Nested
  class JsonValid {
    private static final String GOOD = "```json\n{\"id\": 1, \"tags\": [\"a\", \"b\"]}\n```\n";
    private static final String TRAILING_COMMA = "```json\n{\"id\": 1,}\n```\n";

    @Test
    void passesWhenEveryJsonBlockParses() {
      assertPassed(run("json-valid", true, GOOD), "1 of 1 json block valid");
      assertPassed(run("json-valid", true, GOOD + "\n" + GOOD.replace("```json", "```JSON")), "2 of 2 json blocks valid");
    }

    @Test
    void treatsNoArgumentAsTrue() {
      assertPassed(run("json-valid", null, GOOD), "1 of 1 json block valid");
    }

    @Test
    void ignoresBlocksOfOtherLanguages() {
      assertPassed(run("json-valid", true, "```javascript\n{id: 1,}\n```\n" + GOOD), "1 of 1 json block valid");
    }

    @Test
    void readsTildeFences() {
      assertPassed(run("json-valid", true, "~~~json\n[1, 2, 3]\n~~~\n"), "1 of 1 json block valid");
    }

    @Test
    void scoresTheValidFractionWithTheParserComplaint() {
      assertFailed(run("json-valid", true, GOOD + "\n" + TRAILING_COMMA), 0.5,
          "1 of 2 json blocks valid; block at line 5: Unexpected character ('}' (code 125)): was expecting"
              + " double-quote to start field name (line 1)");
    }

    @Test
    void reportsTheLineOfTheErrorInsideTheBlock() {
      assertFailed(run("json-valid", true, "```json\n{\n  \"id\": 1\n  \"name\": \"x\"\n}\n```"), 0,
          "0 of 1 json block valid; block at line 1: Unexpected character ('\"' (code 34)): was expecting comma to"
              + " separate Object entries (line 3)");
    }

    @Test
    void rejectsComments() {
      assertFailed(run("json-valid", true, "```json\n// config\n{}\n```"), 0,
          "0 of 1 json block valid; block at line 1: Unexpected character ('/' (code 47)): maybe a (non-standard)"
              + " comment? (not recognized as one since Feature 'ALLOW_COMMENTS' not enabled for parser) (line 1)");
    }

    @Test
    void failsWithoutAJsonBlock() {
      assertFailed(run("json-valid", true, "No code here."), 0, "no ```json block found");
    }

    @Test
    void countsMissingBlocksAgainstTheMinimum() {
      assertFailed(run("json-valid", Map.of("min", 2L), GOOD), 0.5, "1 of 1 json block valid; need 2");
      assertFailed(run("json-valid", Map.of("min", 3L), GOOD + "\n" + TRAILING_COMMA), 1.0 / 3,
          "1 of 2 json blocks valid; need 3; block at line 5: Unexpected character ('}' (code 125)): was expecting"
              + " double-quote to start field name (line 1)");
    }

    /** Regression (was a bug): {@code ObjectMapper.readTree("")} returns a MissingNode, so an empty block counts as valid. */
    @Test
    void anEmptyBlockIsNotValidJson() {
      CheckResult r = run("json-valid", true, "```json\n\n```\n");
      assertThat(r.status()).isEqualTo("failed");
      assertThat(r.score()).isZero();
      assertThat(r.evidence()).startsWith("0 of 1 json block valid; block at line 1: ");
    }

    /** Regression (was a bug): trailing tokens are ignored (FAIL_ON_TRAILING_TOKENS is off), so this counts as valid. */
    @Test
    void textAfterTheValueIsNotValidJson() {
      CheckResult r = run("json-valid", true, "```json\n{\"id\": 1} and more\n```\n");
      assertThat(r.status()).isEqualTo("failed");
      assertThat(r.score()).isZero();
      assertThat(r.evidence()).startsWith("0 of 1 json block valid; block at line 1: ");
    }

    @Test
    void errorsOnATextArgument() {
      assertErrored(run("json-valid", "yes", GOOD), "'json-valid' needs a mapping with min, found 'yes'");
    }

    @Test
    void errorsOnATextMinimum() {
      assertErrored(run("json-valid", Map.of("min", "two"), GOOD),
          "'json-valid' 'min' must be a whole number of at least 0, found 'two'");
    }

    @Test
    void errorsOnAMisspelledKeyWithAHint() {
      assertErrored(run("json-valid", Map.of("mni", 2L), GOOD),
          "'json-valid' has unknown key 'mni' (did you mean 'min'?); allowed: min");
      assertErrored(run("json-valid", Map.of("minimum", 2L), GOOD),
          "'json-valid' has unknown key 'minimum'; allowed: min");
    }
  }

  @Nested
  class YamlValid {
    private static final String MULTI_DOC = "```yaml\nname: api\nreplicas: 3\n---\nname: worker\nports: [80, 443]\n```\n";

    @Test
    void passesWhenEveryDocumentOfEveryBlockParses() {
      assertPassed(run("yaml-valid", true, MULTI_DOC), "1 of 1 yaml block valid");
    }

    @Test
    void readsYmlBlocksToo() {
      assertPassed(run("yaml-valid", true, MULTI_DOC + "\n```yml\nenv: prod\n```\n"),
          "2 of 2 yaml blocks valid");
    }

    @Test
    void scoresTheValidFractionWithTheParserComplaint() {
      assertFailed(run("yaml-valid", true, MULTI_DOC + "\n```yaml\nkey: value\n  bad: indent\n```\n"), 0.5,
          "1 of 2 yaml blocks valid; block at line 9: mapping values are not allowed here (line 2)");
    }

    @Test
    void failsOnAnUndefinedAlias() {
      assertFailed(run("yaml-valid", true, "```yaml\nbase: *defaults\n```"), 0,
          "0 of 1 yaml block valid; block at line 1: found undefined alias defaults (line 1)");
    }

    @Test
    void failsWithoutAYamlBlock() {
      assertFailed(run("yaml-valid", true, "```json\n{}\n```"), 0, "no ```yaml/```yml block found");
    }

    @Test
    void countsMissingBlocksAgainstTheMinimum() {
      assertFailed(run("yaml-valid", Map.of("min", 2L), MULTI_DOC), 0.5, "1 of 1 yaml block valid; need 2");
    }

    @Test
    void errorsOnAListArgument() {
      assertErrored(run("yaml-valid", List.of(2L), MULTI_DOC), "'yaml-valid' needs a mapping with min, found a list");
    }

    @Test
    void errorsOnANegativeMinimum() {
      assertErrored(run("yaml-valid", Map.of("min", -2L), MULTI_DOC),
          "'yaml-valid' 'min' must be a whole number of at least 0, found '-2'");
    }
  }

  @Nested
  class SqlValid {
    @Test
    void acceptsPostgresDdlAReviewerWouldWrite() {
      // CREATE TABLE with NUMERIC(12,2), timestamptz, REFERENCES, CHECK, identity and jsonb defaults;
      // CREATE INDEX ... USING btree; ALTER TABLE ... ADD COLUMN [IF NOT EXISTS]. The second block is
      // ```postgresql, which counts as SQL.
      assertPassed(run("sql-valid", Map.of("min", 2L), resource("postgres-ddl-answer.md")),
          "2 of 2 sql blocks valid");
    }

    @Test
    void acceptsEachReviewerStatementOnItsOwn() {
      List<String> statements = List.of(
          "CREATE TABLE invoices (amount NUMERIC(12,2) NOT NULL CHECK (amount > 0));",
          "CREATE TABLE events (at timestamptz NOT NULL DEFAULT now());",
          "CREATE TABLE lines (order_id bigint NOT NULL REFERENCES orders (id) ON DELETE CASCADE);",
          "CREATE TABLE lines (order_id bigint, FOREIGN KEY (order_id) REFERENCES orders (id) ON DELETE RESTRICT);",
          "CREATE TABLE accounts (id uuid PRIMARY KEY DEFAULT gen_random_uuid(), email text NOT NULL UNIQUE);",
          "CREATE INDEX orders_created_idx ON orders (created_at);",
          "CREATE INDEX IF NOT EXISTS orders_customer_idx ON orders (customer_id);",
          "ALTER TABLE orders ADD COLUMN shipped_at timestamptz;",
          "ALTER TABLE orders ADD CONSTRAINT orders_customer_fk FOREIGN KEY (customer_id) REFERENCES customers (id);",
          "INSERT INTO orders (id, total) VALUES (1, 9.99) ON CONFLICT (id) DO NOTHING;");
      for (String statement : statements) {
        assertThat(run("sql-valid", true, "```sql\n" + statement + "\n```").evidence()).as(statement)
            .isEqualTo("1 of 1 sql block valid");
      }
    }

    @Test
    void failsWhenAnyStatementOfABlockDoesNotParse() {
      assertFailed(run("sql-valid", true, "```sql\nSELECT 1;\nSELEC 2;\n```"), 0,
          "0 of 1 sql block valid; block at line 1: Encountered unexpected"
              + " token: \"SELEC\" <S_IDENTIFIER> in \"SELEC 2\"");
    }

    @Test
    void scoresTheValidFraction() {
      assertFailed(run("sql-valid", true, "```sql\nSELECT 1;\n```\n```sql\nDROP TABLE;\n```"), 0.5,
          "1 of 2 sql blocks valid; block at line 4: Encountered unexpected"
              + " token:<EOF> in \"DROP TABLE\"");
    }

    @Test
    void anEmptyBlockIsInvalid() {
      assertFailed(run("sql-valid", true, "```sql\n\n```"), 0, "0 of 1 sql block valid; block at line 1: empty block");
    }

    @Test
    void failsWithoutASqlBlockNamingEveryAcceptedLanguage() {
      assertFailed(run("sql-valid", true, "```python\nprint(1)\n```"), 0,
          "no ```mysql/```postgres/```postgresql/```psql/```sql block found");
    }

    @Test
    void errorsOnFalse() {
      assertErrored(run("sql-valid", false, "```sql\nSELECT 1;\n```"), "'sql-valid' needs a mapping with min, dialect, found 'false'");
    }

    @Test
    void errorsOnAFractionalMinimum() {
      assertErrored(run("sql-valid", Map.of("min", 1.5), "```sql\nSELECT 1;\n```"),
          "'sql-valid' 'min' must be a whole number of at least 0, found '1.5'");
    }
  }

  /**
   * Regression (was a bug): yaml-valid and sql-valid name the language with the first element of an
   * unordered {@code Set.of(...)}, so the evidence says "yml", "psql", "mysql", ... depending on the
   * JVM run (and an answer with only ```postgresql blocks may be reported as "mysql"). Fails
   * intermittently until the check names its documented language.
   */
  @Test
  void evidenceNamesTheDocumentedLanguage() {
    assertResult(run("yaml-valid", true, "```yml\na: 1\n```"), "passed", 1, "1 of 1 yaml block valid");
    assertResult(run("sql-valid", true, "```postgresql\nSELECT 1;\n```"), "passed", 1, "1 of 1 sql block valid");
  }
}
