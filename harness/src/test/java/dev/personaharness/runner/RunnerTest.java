package dev.personaharness.runner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.personaharness.core.ConfigException;
import dev.personaharness.core.Usage;
import dev.personaharness.model.Completion;
import dev.personaharness.model.ModelClient;
import dev.personaharness.model.ModelRequest;
import dev.personaharness.project.Project;
import dev.personaharness.runlog.CaseRecord;
import dev.personaharness.runlog.RunLog;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunnerTest {
  private static final Path FIXTURES = Path.of("harness/src/test/resources/fixtures");
  private final Project project = Project.load(
      List.of(FIXTURES.resolve("personas/list-tools.md"), FIXTURES.resolve("personas/lenient.md")),
      List.of(FIXTURES.resolve("suites/good/good.yaml"))).requireValid();

  @TempDir Path reports;

  /** Answers "numeric" for one task and fails the other, as a provider would. */
  private static final class FakeClient implements ModelClient {
    final List<ModelRequest> seen = new ArrayList<>();

    @Override
    public String name() {
      return "fake";
    }

    @Override
    public Completion complete(ModelRequest r) {
      seen.add(r);
      if (r.key().task().equals("explain-idempotency")) {
        return Completion.failure("HTTP 500 from provider", "fake-1", 3, false, List.of());
      }
      return Completion.answer("Use numeric(12,2).", "fake-1", new Usage(5L, 3L), 7, false, List.of());
    }
  }

  @Test
  void runsEveryPersonaTaskAndEpochAndKeepsErrorsAsData() {
    FakeClient client = new FakeClient();
    Path dir = new Runner(project).run(new Selection(List.of(), List.of(), List.of(), List.of(), 2), client, reports, "r1",
        Map.of(), null, "test", 1, p -> { });
    RunLog.Run run = RunLog.read(dir);
    assertThat(run.cases()).hasSize(2 * 2 * 2);
    assertThat(run.info().status()).isEqualTo("completed");
    assertThat(run.info().cases()).isEqualTo(8);
    CaseRecord errored = run.cases().stream().filter(CaseRecord::errored).findFirst().orElseThrow();
    assertThat(errored.error()).isEqualTo("HTTP 500 from provider");
    assertThat(errored.score()).isNull();
    CaseRecord ok = run.cases().stream().filter(c -> !c.errored()).findFirst().orElseThrow();
    assertThat(ok.response()).isEqualTo("Use numeric(12,2).");
    assertThat(ok.checks()).hasSize(4);
    assertThat(ok.usage()).isEqualTo(new Usage(5L, 3L));
    assertThat(client.seen).extracting(r -> r.key().epoch()).containsOnly(1, 2);
  }

  @Test
  void filtersSelectAndUnknownNamesAreErrors() {
    Runner runner = new Runner(project);
    assertThat(runner.cases(new Selection(List.of("lenient"), List.of(), List.of("good/review-table"), List.of(), null)))
        .extracting(c -> c.key().toString()).containsExactly("lenient × good/review-table #1");
    assertThat(runner.cases(new Selection(List.of(), List.of(), List.of(), List.of("api"), null))).hasSize(2);
    assertThatThrownBy(() -> runner.cases(new Selection(List.of("nobody"), List.of(), List.of(), List.of(), null)))
        .isInstanceOf(ConfigException.class).hasMessage("unknown persona [nobody]; known: lenient, list-tools");
    assertThatThrownBy(() -> new Selection(List.of(), List.of(), List.of(), List.of(), 0))
        .hasMessage("--epochs must be from 1 to 1000");
    // a billion epochs would fill memory with cases before the first one runs
    assertThatThrownBy(() -> new Selection(List.of(), List.of(), List.of(), List.of(), 1_000_000_000))
        .hasMessage("--epochs must be from 1 to 1000");
  }

  /** A client with a bug: its {@code n}th call throws; {@code calls} counts them. */
  private static ModelClient throwingAt(int n, java.util.concurrent.atomic.AtomicInteger calls) {
    return new ModelClient() {
      @Override
      public String name() {
        return "broken";
      }

      @Override
      public Completion complete(ModelRequest r) {
        if (calls.incrementAndGet() == n) {
          throw new IllegalStateException("bug");
        }
        return Completion.answer("x", "m", null, 1, false, List.of());
      }
    };
  }

  @Test
  void aClientThatThrowsLeavesACompleteLogMarkedInterrupted() {
    ModelClient broken = throwingAt(3, new java.util.concurrent.atomic.AtomicInteger());
    assertThatThrownBy(() -> new Runner(project).run(Selection.ALL, broken, reports, "r2", Map.of(), null, "t", 1, p -> { }))
        .hasMessage("bug");
    RunLog.Run run = RunLog.read(reports.resolve("r2"));
    assertThat(run.cases()).hasSize(2);
    assertThat(run.info().status()).isEqualTo("interrupted");
  }

  @Test
  void concurrentWorkersStopAtTheFirstFailureAndTheLogStaysWhole() {
    java.util.concurrent.atomic.AtomicInteger calls = new java.util.concurrent.atomic.AtomicInteger();
    ModelClient broken = throwingAt(5, calls);
    Selection eightEpochs = new Selection(List.of(), List.of(), List.of(), List.of(), 8);
    assertThatThrownBy(() -> new Runner(project).run(eightEpochs, broken, reports, "r4", Map.of(), null, "t", 3, p -> { }))
        .hasMessage("bug");
    RunLog.Run run = RunLog.read(reports.resolve("r4"));
    assertThat(run.info().status()).isEqualTo("interrupted");
    // every answered case is logged once, the failed one is not, and nothing is logged after the log closed
    assertThat(run.cases()).hasSize(calls.get() - 1).extracting(CaseRecord::key).doesNotHaveDuplicates();
    assertThat(run.info().cases()).isEqualTo(calls.get() - 1);
  }

  @Test
  void resumeWithRetryErrorsRunsOnlyTheErroredCasesAgain() {
    Path dir = new Runner(project).run(Selection.ALL, new FakeClient(), reports, "r3", Map.of(), null, "t", 1, p -> { });
    RunLog.Run first = RunLog.read(dir);
    assertThat(first.cases()).filteredOn(CaseRecord::errored).hasSize(2);
    List<String> asked = new ArrayList<>();
    ModelClient healthy = new ModelClient() {
      @Override
      public String name() {
        return "fake";
      }

      @Override
      public Completion complete(ModelRequest r) {
        asked.add(r.key().toString());
        return Completion.answer("first, then retry", "fake-1", null, 1, false, List.of());
      }
    };
    new Runner(project).resume(first, Selection.ALL, healthy, false, 1, p -> { });
    assertThat(asked).isEmpty();
    new Runner(project).resume(RunLog.read(dir), Selection.ALL, healthy, true, 1, p -> { });
    assertThat(asked).containsExactlyInAnyOrder("list-tools × good/explain-idempotency #1", "lenient × good/explain-idempotency #1");
    RunLog.Run done = RunLog.read(dir);
    assertThat(done.cases()).hasSize(4).noneMatch(CaseRecord::errored);
    assertThat(done.info().status()).isEqualTo("completed");
  }
}
