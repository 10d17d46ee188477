package dev.personaharness.check;

import static org.assertj.core.api.Assertions.assertThat;

import dev.personaharness.core.CheckSpec;
import dev.personaharness.core.Rubric;
import dev.personaharness.core.Task;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** json-schema on real recorded answers, with schema files beside a fixture suite. */
class JsonSchemaCheckTest {
  private static final Path FOLDER = Path.of("harness/src/test/resources/fixtures").toAbsolutePath();

  private static CheckResult run(String schema, String answer) {
    CheckSpec spec = new CheckSpec("json-schema", schema, 1, null, 1, 1);
    Task t = new Task("t", "c", List.of(), "p", Map.of(), List.of(), new Rubric(0.5, List.of(spec)), null, 1, FOLDER.toString());
    return Checks.standard().score(t, answer).checks().get(0).result();
  }

  @Test
  void passesFailsAndErrorsOnRealAnswers() throws Exception {
    String export = RealAnswersTest.answer("api-design", "senior-backend-developer", "async-export-operation");
    assertThat(run("schemas/any-object.json", export).status()).isEqualTo("passed");
    CheckResult failed = run("schemas/problem.json", export);
    assertThat(failed.status()).isEqualTo("failed");
    assertThat(failed.evidence()).startsWith("0 of 1 json block match schemas/problem.json; block at line ").contains("required property");
    CheckResult missing = run("schemas/nope.json", export);
    assertThat(missing.status()).isEqualTo("errored");
    assertThat(missing.evidence()).startsWith("schema 'schemas/nope.json' cannot be read");
    assertThat(run("../../../../../etc/passwd", export).evidence()).isEqualTo("schema '../../../../../etc/passwd' must be a path inside the suite's folder");
  }

  @Test
  void aMissingSchemaIsAValidationErrorAtTheCheck() {
    JsonSchemaCheck c = new JsonSchemaCheck();
    assertThat(c.validate("schemas/problem.json", FOLDER)).isEmpty();
    assertThat(c.validate("schemas/absent.json", FOLDER)).singleElement().asString().startsWith("schema 'schemas/absent.json' cannot be read");
    assertThat(c.validate(List.of("x"), FOLDER)).containsExactly("needs a non-empty text argument, found a list");
  }
}
