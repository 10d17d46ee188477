package dev.personaharness.model;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import dev.personaharness.core.CaseKey;
import dev.personaharness.core.ConfigException;
import dev.personaharness.core.GenerationSettings;
import dev.personaharness.core.Prompt;
import dev.personaharness.core.Usage;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Live providers against WireMock speaking the providers' real wire formats. */
class LiveClientTest {
  private static final String KEY = "sk-canary-7f3a9c2e";
  private static final String OPENAI_OK = """
      {"id":"chatcmpl-1","object":"chat.completion","created":1700000000,"model":"gpt-4o-mini-2024-07-18",
       "choices":[{"index":0,"message":{"role":"assistant","content":"Use keyset pagination."},"finish_reason":"stop"}],
       "usage":{"prompt_tokens":12,"completion_tokens":4,"total_tokens":16}}""";
  private static final String ANTHROPIC_OK = """
      {"id":"msg_1","type":"message","role":"assistant","model":"claude-sonnet-4-5-20250929",
       "content":[{"type":"text","text":"Use keyset pagination."}],"stop_reason":"end_turn","stop_sequence":null,
       "usage":{"input_tokens":12,"output_tokens":4}}""";

  @RegisterExtension
  final WireMockExtension server = WireMockExtension.newInstance()
      .options(options().dynamicPort().jettyAcceptors(1).containerThreads(8)).build();

  private LiveOptions opts(Duration timeout, int attempts) {
    return new LiveOptions(server.baseUrl() + "/v1", timeout, attempts, Duration.ofSeconds(30), Duration.ofMillis(10), 4,
        Map.of("OPENAI_API_KEY", KEY, "ANTHROPIC_API_KEY", KEY), Clock.systemUTC());
  }

  private static ModelRequest request() {
    return new ModelRequest(new CaseKey("p", "s", "t", 1), new Prompt("You are terse.", "How do I paginate?", "h"), "ph",
        new GenerationSettings(1, 0.0, 300, 7, 0.75));
  }

  @Test
  void openAiAnswerUsageAndRequestFormat() {
    server.stubFor(post("/v1/chat/completions").willReturn(aResponse().withHeader("Content-Type", "application/json").withBody(OPENAI_OK)));
    Completion c = Providers.live("openai:gpt-4o-mini", opts(Duration.ofSeconds(5), 3)).complete(request());
    assertThat(c.failed()).as(c.error()).isFalse();
    assertThat(c.text()).isEqualTo("Use keyset pagination.");
    assertThat(c.model()).isEqualTo("gpt-4o-mini-2024-07-18");
    assertThat(c.usage()).isEqualTo(new Usage(12L, 4L));
    assertThat(c.retries()).isZero();
    server.verify(postRequestedFor(urlEqualTo("/v1/chat/completions"))
        .withHeader("Authorization", equalTo("Bearer " + KEY))
        .withRequestBody(matchingJsonPath("$.model", equalTo("gpt-4o-mini")))
        .withRequestBody(matchingJsonPath("$.messages[0].role", equalTo("system")))
        .withRequestBody(matchingJsonPath("$.messages[0].content", equalTo("You are terse.")))
        .withRequestBody(matchingJsonPath("$.messages[1].content", equalTo("How do I paginate?")))
        .withRequestBody(matchingJsonPath("$.seed", equalTo("7")))
        .withRequestBody(matchingJsonPath("$.temperature", equalTo("0.0"))));
  }

  @Test
  void anthropicAnswerAndRequestFormat() {
    server.stubFor(post("/v1/messages").willReturn(aResponse().withHeader("Content-Type", "application/json").withBody(ANTHROPIC_OK)));
    Completion c = Providers.live("anthropic:claude-sonnet-4-5", opts(Duration.ofSeconds(5), 3)).complete(request());
    assertThat(c.failed()).as(c.error()).isFalse();
    assertThat(c.text()).isEqualTo("Use keyset pagination.");
    assertThat(c.usage()).isEqualTo(new Usage(12L, 4L));
    server.verify(postRequestedFor(urlEqualTo("/v1/messages"))
        .withHeader("x-api-key", equalTo(KEY))
        .withHeader("anthropic-version", equalTo("2023-06-01"))
        .withRequestBody(matchingJsonPath("$.system[0].text", equalTo("You are terse.")))
        .withRequestBody(matchingJsonPath("$.max_tokens", equalTo("300"))));
  }

  @Test
  void a429WithRetryAfterIsWaitedOutThenRetried() {
    server.stubFor(post("/v1/chat/completions").inScenario("rl").whenScenarioStateIs(Scenario.STARTED)
        .willReturn(aResponse().withStatus(429).withHeader("Retry-After", "1").withBody("{\"error\":{\"message\":\"slow down\"}}"))
        .willSetStateTo("ok"));
    server.stubFor(post("/v1/chat/completions").inScenario("rl").whenScenarioStateIs("ok")
        .willReturn(aResponse().withHeader("Content-Type", "application/json").withBody(OPENAI_OK)));
    long start = System.nanoTime();
    Completion c = Providers.live("openai:gpt-4o-mini", opts(Duration.ofSeconds(5), 3)).complete(request());
    long waitedMs = (System.nanoTime() - start) / 1_000_000;
    assertThat(c.failed()).as(c.error()).isFalse();
    assertThat(c.retries()).isEqualTo(1);
    assertThat(c.notes()).containsExactly("retried 1 time");
    assertThat(waitedMs).as("Retry-After: 1 honoured, not the 10 ms backoff").isGreaterThanOrEqualTo(1000);
  }

  @Test
  void serverErrorsAndResetsAreRetriedThenSucceed() {
    server.stubFor(post("/v1/chat/completions").inScenario("flaky").whenScenarioStateIs(Scenario.STARTED)
        .willReturn(aResponse().withStatus(503).withBody("overloaded")).willSetStateTo("reset"));
    server.stubFor(post("/v1/chat/completions").inScenario("flaky").whenScenarioStateIs("reset")
        .willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)).willSetStateTo("ok"));
    server.stubFor(post("/v1/chat/completions").inScenario("flaky").whenScenarioStateIs("ok")
        .willReturn(aResponse().withHeader("Content-Type", "application/json").withBody(OPENAI_OK)));
    Completion c = Providers.live("openai:gpt-4o-mini", opts(Duration.ofSeconds(5), 5)).complete(request());
    assertThat(c.failed()).as(c.error()).isFalse();
    assertThat(c.retries()).isEqualTo(2);
  }

  @Test
  void persistentFailuresBecomeErroredCasesWithTheProvidersMessage() {
    server.stubFor(post("/v1/messages").willReturn(aResponse().withStatus(500)
        .withBody("{\"type\":\"error\",\"error\":{\"type\":\"api_error\",\"message\":\"Internal server error\"}}")));
    Completion c = Providers.live("anthropic:claude-sonnet-4-5", opts(Duration.ofSeconds(5), 3)).complete(request());
    assertThat(c.failed()).isTrue();
    assertThat(c.retries()).isEqualTo(2);
    assertThat(c.error()).startsWith("anthropic error: HTTP 500: ").contains("Internal server error");
    server.verify(3, postRequestedFor(urlEqualTo("/v1/messages")));
  }

  @Test
  void clientErrorsAreNotRetriedAndNeverShowTheKey() {
    server.stubFor(post("/v1/chat/completions").willReturn(aResponse().withStatus(401)
        .withBody("{\"error\":{\"message\":\"Incorrect API key provided: " + KEY + "\"}}")));
    Completion c = Providers.live("openai:gpt-4o-mini", opts(Duration.ofSeconds(5), 3)).complete(request());
    assertThat(c.failed()).isTrue();
    assertThat(c.retries()).isZero();
    assertThat(c.error()).startsWith("openai error: HTTP 401: ").contains("***").doesNotContain(KEY);
    server.verify(1, postRequestedFor(urlEqualTo("/v1/chat/completions")));
  }

  @Test
  void malformedJsonIsAnErroredCase() {
    server.stubFor(post("/v1/chat/completions").willReturn(aResponse().withHeader("Content-Type", "application/json")
        .withBody("{\"choices\": [ {\"message\": ")));
    Completion c = Providers.live("openai:gpt-4o-mini", opts(Duration.ofSeconds(5), 2)).complete(request());
    assertThat(c.failed()).isTrue();
    assertThat(c.error()).startsWith("openai error: ");
  }

  @Test
  void anAnswerSlowerThanTheTimeoutIsRetriedThenErrored() {
    server.stubFor(post("/v1/chat/completions").willReturn(aResponse().withFixedDelay(1500)
        .withHeader("Content-Type", "application/json").withBody(OPENAI_OK)));
    Completion c = Providers.live("openai:gpt-4o-mini", opts(Duration.ofMillis(300), 2)).complete(request());
    assertThat(c.failed()).isTrue();
    assertThat(c.retries()).isEqualTo(1);
    assertThat(c.error()).startsWith("openai error: ");
  }

  @Test
  void aMissingKeyIsAConfigurationErrorBeforeAnyCall() {
    LiveOptions noKeys = new LiveOptions(null, Duration.ofSeconds(1), 1, Duration.ofSeconds(1), Duration.ofMillis(1), 1, Map.of(), Clock.systemUTC());
    assertThatThrownBy(() -> Providers.live("openai:gpt-4o", noKeys)).isInstanceOf(ConfigException.class)
        .hasMessage("OPENAI_API_KEY is not set: export it to use the openai provider, or run offline with --provider replay");
    assertThatThrownBy(() -> Providers.live("anthropic:claude", noKeys)).hasMessageStartingWith("ANTHROPIC_API_KEY is not set");
    assertThatThrownBy(() -> Providers.live("gemini:x", noKeys)).hasMessage("unknown provider kind 'gemini'; use replay or one of [openai, anthropic, ollama]");
    assertThatThrownBy(() -> Providers.live("openai", noKeys)).hasMessageStartingWith("provider 'openai' must be replay or KIND:MODEL");
  }

  @Test
  void retryAfterReadsSecondsAndHttpDates() {
    Instant now = Instant.parse("2026-11-23T10:00:00Z");
    assertThat(HeaderAwareHttpClient.retryAfter("7", now)).isEqualTo(Duration.ofSeconds(7));
    assertThat(HeaderAwareHttpClient.retryAfter("Mon, 23 Nov 2026 10:00:30 GMT", now)).isEqualTo(Duration.ofSeconds(30));
    assertThat(HeaderAwareHttpClient.retryAfter("Mon, 23 Nov 2026 09:00:00 GMT", now)).isEqualTo(Duration.ZERO);
    assertThat(HeaderAwareHttpClient.retryAfter("soon", now)).isNull();
  }

  @Test
  void theCacheServesOnlyTheSameModelAndServer(@org.junit.jupiter.api.io.TempDir java.nio.file.Path cache) {
    server.stubFor(post("/v1/chat/completions").willReturn(aResponse().withHeader("Content-Type", "application/json").withBody(OPENAI_OK)));
    ModelClient a = Providers.live("openai:gpt-4o-mini", opts(Duration.ofSeconds(5), 1), cache);
    assertThat(a.complete(request()).notes()).isEmpty();
    Completion again = a.complete(request());
    assertThat(again.notes()).containsExactly("cached");
    assertThat(again.text()).isEqualTo("Use keyset pagination.");
    server.verify(1, postRequestedFor(urlEqualTo("/v1/chat/completions")));

    ModelClient otherModel = Providers.live("openai:gpt-4o", opts(Duration.ofSeconds(5), 1), cache);
    assertThat(otherModel.complete(request()).notes()).isEmpty();
    ModelRequest epoch2 = new ModelRequest(new CaseKey("p", "s", "t", 2), request().prompt(), "ph", request().settings());
    assertThat(a.complete(epoch2).notes()).isEmpty();
    server.verify(3, postRequestedFor(urlEqualTo("/v1/chat/completions")));
    assertThat(Providers.cacheStats(cache).entries()).isEqualTo(3);
    assertThat(Providers.clearCache(cache)).isEqualTo(3);
    assertThat(Providers.cacheStats(cache).entries()).isZero();
  }

  @Test
  void backoffDoublesWithJitterUnlessTheServerSaysWhen() {
    Duration base = Duration.ofMillis(100);
    for (int attempt = 1; attempt <= 8; attempt++) {
      long expected = 100L << Math.min(attempt - 1, 5);
      assertThat(LiveClient.delay(new RuntimeException(), attempt, base).toMillis()).isBetween(expected * 3 / 4, expected * 5 / 4);
    }
    ProviderHttpException rl = new ProviderHttpException(429, "slow", Duration.ofSeconds(42));
    assertThat(LiveClient.delay(new RuntimeException(rl), 1, base)).isEqualTo(Duration.ofSeconds(42));
  }

  @Test
  void aPersonasOwnModelIsAskedForWhenTheRequestNamesOne() {
    server.stubFor(post("/v1/messages").willReturn(aResponse().withHeader("Content-Type", "application/json").withBody(ANTHROPIC_OK)));
    ModelRequest r = request();
    String model = ModelAliases.resolve("sonnet", "anthropic", "p");
    assertThat(model).isEqualTo("claude-sonnet-4-5");
    Providers.live("anthropic:claude-haiku-4-5", opts(Duration.ofSeconds(5), 1))
        .complete(new ModelRequest(r.key(), r.prompt(), r.personaHash(), r.settings(), model));
    server.verify(postRequestedFor(urlEqualTo("/v1/messages")).withRequestBody(matchingJsonPath("$.model", equalTo("claude-sonnet-4-5"))));
    assertThat(ModelAliases.resolve("inherit", "anthropic", "p")).isNull();
    assertThat(ModelAliases.resolve(null, "openai", "p")).isNull();
    assertThat(ModelAliases.resolve("gpt-4o", "openai", "p")).isEqualTo("gpt-4o");
    assertThatThrownBy(() -> ModelAliases.resolve("opus", "openai", "staff"))
        .hasMessage("persona 'staff' declares model 'opus', a Claude alias, but the provider is openai; use --provider anthropic:MODEL or leave out --model persona");
  }
}
