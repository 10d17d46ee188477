package dev.personaharness.cli;

import static dev.personaharness.cli.CliTest.cli;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.personaharness.core.CaseKey;
import dev.personaharness.importing.BatchFormats;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Batch export in the providers' input formats, and their result files imported as recordings. */
class BatchTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  @TempDir Path tmp;

  private String[] dirs(String... args) {
    List<String> a = new java.util.ArrayList<>(List.of(args));
    a.addAll(List.of("--agents-dir", tmp.resolve("agents").toString(), "--suites-dir", tmp.resolve("suites").toString()));
    return a.toArray(String[]::new);
  }

  @BeforeEach
  void project() throws Exception {
    Fixtures.project(tmp, false);
  }

  @Test
  void openAiBatchRoundTrip() throws Exception {
    Path in = tmp.resolve("batch.jsonl");
    CliTest.Result export = cli(dirs("export", "--format", "openai-batch", "--model", "gpt-4o-mini", "-o", in.toString()));
    assertThat(export.code()).as(export.err()).isZero();
    List<String> lines = Files.readAllLines(in);
    assertThat(lines).hasSize(2);
    JsonNode first = JSON.readTree(lines.get(0));
    String id = BatchFormats.customId(new CaseKey("terse", "good", "review-table", 1));
    assertThat(first.get("custom_id").asText()).isEqualTo(id).matches("[A-Za-z0-9_-]{1,64}");
    assertThat(first.get("url").asText()).isEqualTo("/v1/chat/completions");
    assertThat(first.at("/body/messages/0/role").asText()).isEqualTo("system");
    assertThat(first.at("/body/seed").asInt()).isEqualTo(7);

    String otherId = BatchFormats.customId(new CaseKey("terse", "good", "explain-idempotency", 1));
    Path results = Files.write(tmp.resolve("results.jsonl"), List.of(
        "{\"id\":\"batch_req_1\",\"custom_id\":\"" + id + "\",\"response\":{\"status_code\":200,\"request_id\":\"r1\",\"body\":"
            + "{\"id\":\"chatcmpl-1\",\"object\":\"chat.completion\",\"model\":\"gpt-4o-mini-2024-07-18\",\"choices\":[{\"index\":0,"
            + "\"message\":{\"role\":\"assistant\",\"content\":\"Use numeric.\"},\"finish_reason\":\"stop\"}],"
            + "\"usage\":{\"prompt_tokens\":90,\"completion_tokens\":3,\"total_tokens\":93}}},\"error\":null}",
        "{\"id\":\"batch_req_2\",\"custom_id\":\"" + otherId + "\",\"response\":null,\"error\":{\"code\":\"server_error\",\"message\":\"boom\"}}"));
    CliTest.Result imported = cli(dirs("import", results.toString(), "--recordings", tmp.resolve("rec").toString()));
    assertThat(imported.code()).as(imported.err()).isZero();
    assertThat(imported.out()).contains("imported 1 recording(s)");
    assertThat(imported.err()).contains("case terse × good/explain-idempotency #1 failed in the batch (boom)");
    String rec = Files.readString(tmp.resolve("rec/good/terse/review-table.1.md"));
    assertThat(rec).contains("model: gpt-4o-mini-2024-07-18", "input_tokens: 90").endsWith("---\nUse numeric.");
  }

  @Test
  void anthropicBatchRoundTrip() throws Exception {
    Path in = tmp.resolve("batch.json");
    assertThat(cli(dirs("export", "--format", "anthropic-batch", "--model", "claude-sonnet-4-5", "-o", in.toString())).code()).isZero();
    JsonNode body = JSON.readTree(in.toFile());
    assertThat(body.get("requests")).hasSize(2);
    assertThat(body.at("/requests/0/params/system").asText()).startsWith("You are a terse reviewer.");
    assertThat(body.at("/requests/0/params/max_tokens").asInt()).isEqualTo(1000);
    String id = body.at("/requests/1/custom_id").asText();
    Path results = Files.write(tmp.resolve("results.jsonl"), List.of(
        "{\"custom_id\":\"" + id + "\",\"result\":{\"type\":\"succeeded\",\"message\":{\"id\":\"msg_1\",\"type\":\"message\","
            + "\"role\":\"assistant\",\"model\":\"claude-sonnet-4-5-20250929\",\"content\":[{\"type\":\"text\",\"text\":\"First store, then replay.\"}],"
            + "\"stop_reason\":\"end_turn\",\"usage\":{\"input_tokens\":80,\"output_tokens\":6}}}}"));
    CliTest.Result imported = cli(dirs("import", results.toString(), "--recordings", tmp.resolve("rec").toString()));
    assertThat(imported.code()).as(imported.err()).isZero();
    assertThat(Files.readString(tmp.resolve("rec/good/terse/explain-idempotency.1.md"))).endsWith("---\nFirst store, then replay.");
    Path unknown = Files.write(tmp.resolve("unknown.jsonl"), List.of("{\"custom_id\":\"cnope\",\"result\":{\"type\":\"succeeded\",\"message\":{}}}"));
    CliTest.Result bad = cli(dirs("import", unknown.toString(), "--recordings", tmp.resolve("rec").toString()));
    assertThat(bad.code()).isEqualTo(2);
    assertThat(bad.err()).contains(":1: error: custom_id 'cnope' matches no case of the current personas and suites");
  }
}
