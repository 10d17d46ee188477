package dev.personaharness.suite;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.personaharness.check.Checks;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The JSON Schema editors use must say what the loader says: same keys, same check types. */
class SuiteSchemaTest {
  private final JsonNode schema;

  SuiteSchemaTest() throws Exception {
    schema = new ObjectMapper().readTree(Path.of("suites/suite.schema.json").toFile());
  }

  private static Set<String> keys(JsonNode properties) {
    Set<String> keys = new HashSet<>();
    properties.fieldNames().forEachRemaining(keys::add);
    return keys;
  }

  @Test
  void suiteTaskAndRubricKeysMatchTheLoader() {
    assertThat(keys(schema.get("properties"))).containsExactlyInAnyOrder("id", "description", "defaults", "tasks");
    assertThat(keys(schema.at("/properties/defaults/properties")))
        .containsExactlyInAnyOrder("epochs", "temperature", "max_tokens", "seed", "threshold");
    assertThat(keys(schema.at("/$defs/task/properties")))
        .containsExactlyInAnyOrder("id", "category", "tags", "description", "prompt", "vars", "attachments", "epochs", "rubric");
  }

  @Test
  void everyBuiltInCheckTypeIsInTheSchema() {
    Set<String> inSchema = keys(schema.at("/$defs/check/properties"));
    inSchema.removeAll(Set.of("weight", "label"));
    Set<String> builtIn = new HashSet<>(Checks.standard().types());
    builtIn.remove("max-line-length"); // the test-scope example of a custom check
    assertThat(inSchema).isEqualTo(builtIn);
  }
}
