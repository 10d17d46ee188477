package dev.personaharness.cli;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The CLI as a separate process (so the API key really comes from its environment) against an
 * OpenAI-compatible server on localhost: a live run with --record, then the same run replayed.
 */
class LiveRunProcessTest {
  private static final String CANARY = "sk-canary-0d9e8f7a6b5c";

  @TempDir Path tmp;
  private WireMockServer server;

  @BeforeEach
  void start() throws Exception {
    server = new WireMockServer(options().dynamicPort().jettyAcceptors(1).containerThreads(8));
    server.start();
    server.stubFor(post("/v1/chat/completions").willReturn(aResponse().withHeader("Content-Type", "application/json")
        .withBody("""
            {"id":"c1","object":"chat.completion","created":1,"model":"local-model",
             "choices":[{"index":0,"message":{"role":"assistant","content":"Use numeric(12,2) and an Idempotency-Key; first store, then replay."},"finish_reason":"stop"}],
             "usage":{"prompt_tokens":50,"completion_tokens":12,"total_tokens":62}}""")));
    Fixtures.project(tmp, false);
  }

  @AfterEach
  void stop() {
    server.stop();
  }

  private int harness(String... args) throws Exception {
    Process p = Fixtures.harness(tmp, Map.of("OPENAI_API_KEY", CANARY), tmp.resolve("out.txt"), args);
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
    return p.exitValue();
  }

  @Test
  void liveRunRecordsAndReplaysAndNeverWritesTheKey() throws Exception {
    int code = harness("run", "--provider", "openai:local-model", "--base-url", server.baseUrl() + "/v1", "--record",
        "--concurrency", "2", "--cache-dir", "cache", "--quiet");
    String out = Files.readString(tmp.resolve("out.txt"));
    assertThat(code).as(out).isZero();
    server.verify(2, postRequestedFor(urlEqualTo("/v1/chat/completions")));
    Path run = tmp.resolve("reports/latest").toRealPath();
    assertThat(Files.readAllLines(run.resolve("cases.jsonl"))).hasSize(2).allMatch(l -> l.contains("\"model\":\"local-model\""));
    assertThat(Files.readString(run.resolve("run.json"))).contains("\"provider\" : \"openai:local-model\"");
    assertThat(tmp.resolve("suites/recordings/good/terse/review-table.1.md")).exists();
    assertThat(tmp.resolve("cache")).isDirectory();

    int replay = harness("run", "--quiet");
    assertThat(replay).as(Files.readString(tmp.resolve("out.txt"))).isZero();
    Path replayed = tmp.resolve("reports/latest").toRealPath();
    assertThat(replayed).isNotEqualTo(run);
    assertThat(Files.readString(replayed.resolve("summary.json")).replaceAll("\"run_id\" : \"[^\"]+\"", "")
        .replace("\"provider\" : \"replay\"", ""))
        .isEqualTo(Files.readString(run.resolve("summary.json")).replaceAll("\"run_id\" : \"[^\"]+\"", "")
            .replace("\"provider\" : \"openai:local-model\"", ""));
    server.verify(2, postRequestedFor(urlEqualTo("/v1/chat/completions")));

    try (Stream<Path> files = Files.walk(tmp)) {
      for (Path f : files.filter(Files::isRegularFile).toList()) {
        assertThat(new String(Files.readAllBytes(f), StandardCharsets.ISO_8859_1)).as(f.toString()).doesNotContain(CANARY);
      }
    }
  }

  @Test
  void aMissingKeyStopsBeforeAnyCase() throws Exception {
    Process p = Fixtures.harness(tmp, Map.of(), tmp.resolve("out.txt"), "run", "--provider", "anthropic:claude-x");
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
    String out = Files.readString(tmp.resolve("out.txt"));
    assertThat(p.exitValue()).isEqualTo(2);
    assertThat(out).isEqualTo("harness: error: ANTHROPIC_API_KEY is not set: export it to use the anthropic provider, or run offline with --provider replay\n");
    assertThat(tmp.resolve("reports")).doesNotExist();
  }
}
