package dev.personaharness.cli;

import static dev.personaharness.cli.CliTest.cli;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The committed reports/example/ is what today's harness makes of the shipped recordings. */
class ExampleTest {
  @TempDir Path tmp;

  @Test
  void theCommittedExampleMatchesAFreshRun() throws Exception {
    CliTest.Result run = cli("run", "--strict", "--quiet", "--reports", tmp.toString());
    assertThat(run.code()).as(run.err()).isZero();
    ObjectMapper json = new ObjectMapper();
    ObjectNode fresh = (ObjectNode) json.readTree(tmp.resolve("latest/summary.json").toFile());
    ObjectNode committed = (ObjectNode) json.readTree(Path.of("reports/example/summary.json").toFile());
    fresh.remove("run_id");
    committed.remove("run_id");
    assertThat(fresh).as("reports/example/ is out of date: regenerate it with reports/example/regenerate").isEqualTo(committed);
    JsonNode info = json.readTree(Path.of("reports/example/run.json").toFile());
    assertThat(info.get("status").asText()).isEqualTo("completed");
    assertThat(info.get("cases").asInt()).isEqualTo(120);
  }
}
