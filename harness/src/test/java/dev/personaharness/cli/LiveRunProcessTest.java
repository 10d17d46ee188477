package dev.personaharness.cli;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The CLI as a separate process (so the API key really comes from its environment) against an
 * OpenAI-compatible server on localhost: a live run with --record, then the same run replayed.
 */
class LiveRunProcessTest {
  private static final String CANARY = "sk-canary-0d9e8f7a6b5c";

  @TempDir Path tmp;
  @RegisterExtension
  final WireMockExtension server = WireMockExtension.newInstance()
      .options(options().dynamicPort().jettyAcceptors(1).containerThreads(8)).build();

  @BeforeEach
  void start() throws Exception {
    server.stubFor(post("/v1/chat/completions").willReturn(aResponse().withHeader("Content-Type", "application/json")
        .withBody("""
            {"id":"c1","object":"chat.completion","created":1,"model":"local-model",
             "choices":[{"index":0,"message":{"role":"assistant","content":"Use numeric(12,2) and an Idempotency-Key; first store, then replay."},"finish_reason":"stop"}],
             "usage":{"prompt_tokens":50,"completion_tokens":12,"total_tokens":62}}""")));
    Fixtures.project(tmp, false);
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

  /**
   * A server that echoes the key back: in a successful answer (stored, cached and recorded), in a
   * 401 body long enough that shortening the message would cut the key in two, and in Anthropic's
   * x-api-key header. No piece of either key may reach any file, the terminal or an error message.
   */
  @Test
  void keysEchoedBackByTheServerAreNeverWrittenAnywhere() throws Exception {
    String anthropicKey = "sk-ant-canary-5e4d3c2b1a09f8e7";
    server.resetAll();
    server.stubFor(post("/v1/chat/completions").withRequestBody(containing("Review the payments table"))
        .willReturn(aResponse().withHeader("Content-Type", "application/json").withTransformers("response-template").withBody("""
            {"id":"c1","object":"chat.completion","created":1,"model":"local-model",
             "choices":[{"index":0,"message":{"role":"assistant","content":"I saw your header: {{request.headers.Authorization}}"},"finish_reason":"stop"}],
             "usage":{"prompt_tokens":50,"completion_tokens":12,"total_tokens":62}}""")));
    String before = "{\"error\":{\"message\":\"" + "x".repeat(480 - 21 - "Bearer ".length());
    server.stubFor(post("/v1/chat/completions").withRequestBody(containing("Explain idempotency"))
        .willReturn(aResponse().withStatus(401).withTransformers("response-template")
            .withBody(before + "{{request.headers.Authorization}} is not a valid key\"}}")));
    server.stubFor(post("/v1/messages").willReturn(aResponse().withStatus(400).withTransformers("response-template")
        .withBody("{\"type\":\"error\",\"error\":{\"message\":\"bad request with x-api-key {{request.headers.[x-api-key]}}\"}}")));
    Map<String, String> env = Map.of("OPENAI_API_KEY", CANARY, "ANTHROPIC_API_KEY", anthropicKey);

    Process openai = Fixtures.harness(tmp, env, tmp.resolve("openai.txt"), "run", "--provider", "openai:local-model",
        "--base-url", server.baseUrl() + "/v1", "--record", "--cache-dir", "cache", "--max-attempts", "1", "--quiet");
    assertThat(openai.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(openai.exitValue()).as(Files.readString(tmp.resolve("openai.txt"))).isZero();
    Path run = tmp.resolve("reports/latest").toRealPath();
    String cases = Files.readString(run.resolve("cases.jsonl"));
    assertThat(cases).contains("\"response\":\"I saw your header: Bearer ***\"",
        "the answer contained the API key; it is stored as ***",
        "openai error: HTTP 401: " + before.replace("\"", "\\\"") + "Bearer *** is not a vali...");
    assertThat(Files.readString(tmp.resolve("suites/recordings/good/terse/review-table.1.md"))).endsWith("I saw your header: Bearer ***");

    Process anthropic = Fixtures.harness(tmp, env, tmp.resolve("anthropic.txt"), "run", "--provider", "anthropic:claude-test",
        "--base-url", server.baseUrl() + "/v1/", "--cache-dir", "cache", "--max-attempts", "1", "--quiet");
    assertThat(anthropic.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(anthropic.exitValue()).as(Files.readString(tmp.resolve("anthropic.txt"))).isZero();
    assertThat(Files.readString(tmp.resolve("reports/latest/report.md"))).contains("bad request with x-api-key ***");

    // every file under the project: run logs, reports, recordings, the cache, and both processes' output
    try (Stream<Path> files = Files.walk(tmp)) {
      for (Path f : files.filter(Files::isRegularFile).toList()) {
        String content = new String(Files.readAllBytes(f), StandardCharsets.ISO_8859_1);
        for (String key : List.of(CANARY, anthropicKey)) {
          for (int i = 0; i + 10 <= key.length(); i++) {
            assertThat(content).as(f + " holds a piece of a key").doesNotContain(key.substring(i, i + 10));
          }
        }
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
