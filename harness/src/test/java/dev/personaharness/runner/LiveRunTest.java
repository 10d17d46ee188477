package dev.personaharness.runner;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.http.Fault;
import dev.personaharness.model.LiveOptions;
import dev.personaharness.model.Providers;
import dev.personaharness.project.Project;
import dev.personaharness.runlog.CaseRecord;
import dev.personaharness.runlog.RunLog;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** A concurrent live run over a server that throttles, fails and drops connections: no case lost or doubled. */
class LiveRunTest {
  private static final Path FIXTURES = Path.of("harness/src/test/resources/fixtures");
  private static final String OK = """
      {"id":"c","object":"chat.completion","created":1,"model":"m","choices":[{"index":0,
       "message":{"role":"assistant","content":"numeric; first, then replay"},"finish_reason":"stop"}],
       "usage":{"prompt_tokens":5,"completion_tokens":5,"total_tokens":10}}""";

  @TempDir Path reports;
  @RegisterExtension
  final WireMockExtension server = WireMockExtension.newInstance()
      .options(options().dynamicPort().jettyAcceptors(1).containerThreads(12)).build();

  @BeforeEach
  void start() {
    server.stubFor(post("/v1/chat/completions").atPriority(5)
        .willReturn(aResponse().withHeader("Content-Type", "application/json").withBody(OK)));
    // every request of the lenient persona is dropped; the other task is throttled with Retry-After: 0
    server.stubFor(post("/v1/chat/completions").atPriority(1).withRequestBody(containing("You are lenient"))
        .willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
    server.stubFor(post("/v1/chat/completions").atPriority(2).withRequestBody(containing("idempotency keys"))
        .willReturn(aResponse().withStatus(429).withHeader("Retry-After", "0").withBody("{\"error\":{\"message\":\"rate limited\"}}")));
  }

  @Test
  void everyCaseEndsDoneOrErroredWithAReasonExactlyOnce() {
    Project project = Project.load(List.of(FIXTURES.resolve("personas/list-tools.md"), FIXTURES.resolve("personas/lenient.md")),
        List.of(FIXTURES.resolve("suites/good/good.yaml"))).requireValid();
    LiveOptions o = new LiveOptions(server.baseUrl() + "/v1", Duration.ofSeconds(5), 3, Duration.ofSeconds(20),
        Duration.ofMillis(5), 4, Map.of("OPENAI_API_KEY", "sk-x"), Clock.systemUTC());
    Path dir = new Runner(project).run(new Selection(List.of(), List.of(), List.of(), List.of(), 5),
        Providers.live("openai:m", o), reports, "live", Map.of(), null, "t", 4, p -> { });
    List<CaseRecord> cases = RunLog.read(dir).cases();
    assertThat(cases).hasSize(2 * 2 * 5);
    Set<Object> keys = new HashSet<>();
    for (CaseRecord c : cases) {
      assertThat(keys.add(c.key())).as("logged once: " + c.key()).isTrue();
      if (c.errored()) {
        assertThat(c.error()).isNotBlank();
        assertThat(c.retries()).isEqualTo(2);
      } else {
        assertThat(c.response()).isEqualTo("numeric; first, then replay");
      }
    }
    assertThat(cases).filteredOn(c -> c.key().persona().equals("lenient")).allMatch(CaseRecord::errored);
    assertThat(cases).filteredOn(c -> c.key().task().equals("explain-idempotency")).allMatch(CaseRecord::errored)
        .allMatch(c -> c.error().contains("429") || c.key().persona().equals("lenient"));
    assertThat(cases).filteredOn(c -> c.key().persona().equals("list-tools") && c.key().task().equals("review-table"))
        .hasSize(5).noneMatch(CaseRecord::errored);
  }
}
