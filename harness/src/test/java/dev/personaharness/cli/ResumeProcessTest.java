package dev.personaharness.cli;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * A live run killed part-way (SIGKILL: no chance to clean up; SIGTERM: the shutdown hook) and
 * resumed: the final log holds every case exactly once, with the scores of an uninterrupted run.
 */
class ResumeProcessTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path tmp;
  @RegisterExtension
  final WireMockExtension server = WireMockExtension.newInstance()
      .options(options().dynamicPort().jettyAcceptors(1).containerThreads(8)).build();

  @BeforeEach
  void start() throws Exception {
    server.stubFor(post("/v1/chat/completions").willReturn(aResponse().withFixedDelay(150).withHeader("Content-Type", "application/json")
        .withBody("""
            {"id":"c1","object":"chat.completion","created":1,"model":"slow-model",
             "choices":[{"index":0,"message":{"role":"assistant","content":"## Summary\\nUse numeric; first store the Idempotency-Key, then replay."},"finish_reason":"stop"}],
             "usage":{"prompt_tokens":50,"completion_tokens":12,"total_tokens":62}}""")));
    Fixtures.project(tmp, true);
  }

  private Process start(String... args) throws Exception {
    return Fixtures.harness(tmp, Map.of("OPENAI_API_KEY", "sk-test"), tmp.resolve("out-" + System.nanoTime() + ".txt"), args);
  }

  private String[] live(String... extra) {
    List<String> a = new ArrayList<>(List.of("run", "--provider", "openai:slow-model", "--base-url", server.baseUrl() + "/v1",
        "--epochs", "4", "--no-cache", "--quiet"));
    a.addAll(List.of(extra));
    return a.toArray(String[]::new);
  }

  private static Path onlyRun(Path reports) throws Exception {
    try (var s = Files.list(reports)) {
      return s.filter(p -> Files.isDirectory(p) && !Files.isSymbolicLink(p)).findFirst().orElseThrow();
    }
  }

  private static void waitForCases(Path cases, int n) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (System.nanoTime() < deadline) {
      if (Files.exists(cases) && Files.readAllLines(cases).size() >= n) {
        return;
      }
      Thread.sleep(50);
    }
    throw new AssertionError("no " + n + " cases logged in time");
  }

  private static Map<String, Double> scores(Path run) throws Exception {
    Map<String, Double> scores = new HashMap<>();
    for (String line : Files.readAllLines(run.resolve("cases.jsonl"))) {
      JsonNode c = JSON.readTree(line);
      String key = c.get("key").toString();
      assertThat(scores.put(key, c.get("score").asDouble())).as("case logged twice: " + key).isNull();
    }
    return scores;
  }

  @Test
  void killedRunsResumeToTheResultOfAnUninterruptedRun() throws Exception {
    Process full = start(live("--reports", "full"));
    assertThat(full.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(full.exitValue()).isZero();
    Map<String, Double> expected = scores(onlyRun(tmp.resolve("full")));
    assertThat(expected).hasSize(16);

    Process killed = start(live("--reports", "killed"));
    Path run = null;
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (run == null && System.nanoTime() < deadline) {
      try {
        run = onlyRun(tmp.resolve("killed"));
      } catch (Exception notYet) {
        Thread.sleep(20);
      }
    }
    waitForCases(run.resolve("cases.jsonl"), 4);
    killed.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
    int logged = Files.readAllLines(run.resolve("cases.jsonl")).size();
    assertThat(logged).isBetween(4, 15);
    assertThat(JSON.readTree(run.resolve("run.json").toFile()).get("status").asText()).isEqualTo("running");

    Process resumed = start("run", "--resume", run.toString(), "--quiet");
    assertThat(resumed.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(resumed.exitValue()).isZero();
    assertThat(scores(run)).isEqualTo(expected);
    JsonNode info = JSON.readTree(run.resolve("run.json").toFile());
    assertThat(info.get("status").asText()).isEqualTo("completed");
    assertThat(info.get("cases").asInt()).isEqualTo(16);
  }

  @Test
  void aStoppedRunIsMarkedInterruptedAndSaysHowToResume() throws Exception {
    Process p = start(live("--reports", "stopped"));
    Path run = null;
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (run == null && System.nanoTime() < deadline) {
      try {
        run = onlyRun(tmp.resolve("stopped"));
      } catch (Exception notYet) {
        Thread.sleep(20);
      }
    }
    waitForCases(run.resolve("cases.jsonl"), 2);
    p.destroy();
    assertThat(p.waitFor(20, TimeUnit.SECONDS)).isTrue();
    JsonNode info = JSON.readTree(run.resolve("run.json").toFile());
    assertThat(info.get("status").asText()).isEqualTo("interrupted");
    String out;
    try (var s = Files.list(tmp)) {
      out = Files.readString(s.filter(f -> f.getFileName().toString().startsWith("out-")).findFirst().orElseThrow());
    }
    assertThat(out).contains("resume with: bin/harness run --resume ");
  }
}
