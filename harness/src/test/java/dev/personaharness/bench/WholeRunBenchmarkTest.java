package dev.personaharness.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.personaharness.core.ConfigException;
import dev.personaharness.runlog.RunLog;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The whole-run benchmark on tiny matrices: what it runs and reports, never how fast (that is its output, not a test). */
class WholeRunBenchmarkTest {
  @TempDir Path tmp;

  private static WholeRunBenchmark.Result bench(String mode, int concurrency, Path dir, List<String> log) {
    return WholeRunBenchmark.run(new WholeRunBenchmark.Options(3, 4, 2, 600, mode, concurrency, 20, dir, false), log::add, p -> { });
  }

  @Test
  void replayRunsEveryGeneratedCaseFreshAndScoredThenReusesTheMatrix() {
    List<String> log = new ArrayList<>();
    WholeRunBenchmark.Result r = bench("replay", 1, tmp.resolve("m"), log);
    assertThat(r.cases()).isEqualTo(3 * 4 * 2);
    assertThat(r.counts().errored()).isZero();
    assertThat(r.counts().stale()).isZero();
    // one answer in four is generated weak enough to fail
    assertThat(r.counts().passed()).isBetween(1L, 23L);
    assertThat(r.efficiency()).isNull();
    assertThat(r.peakHeapBytes()).isPositive();
    RunLog.Run run = RunLog.read(r.runDir());
    assertThat(run.cases()).hasSize(24).allSatisfy(c -> assertThat(c.checks()).hasSize(7));
    assertThat(run.info().suites()).singleElement().satisfies(s -> assertThat(s.tasks()).hasSize(4));
    assertThat(log).singleElement().asString().startsWith("generating 24 cases in ");

    WholeRunBenchmark.Result again = bench("replay", 2, tmp.resolve("m"), log);
    assertThat(log).last().asString().startsWith("reusing the matrix in ");
    assertThat(again.counts()).isEqualTo(r.counts());
    assertThat(again.runDir()).isNotEqualTo(r.runDir());
    assertThat(r.runDir()).doesNotExist();
  }

  @Test
  void stubModeReachesTheConfiguredConcurrencyThroughTheLiveProvider() {
    WholeRunBenchmark.Result r = bench("stub", 4, tmp.resolve("s"), new ArrayList<>());
    assertThat(r.cases()).isEqualTo(24);
    assertThat(r.counts().errored()).isZero();
    assertThat(r.counts().passed()).isEqualTo(24);
    assertThat(r.stub().maxInFlight()).isEqualTo(4);
    // ceil(24 / 4) rounds of 20 ms
    assertThat(r.stub().idealSeconds()).isEqualTo(0.12);
    assertThat(r.efficiency()).isPositive();
    assertThat(r.stub().turnaroundP90Millis()).isGreaterThanOrEqualTo(r.stub().turnaroundP50Millis()).isPositive();
    assertThat(RunLog.read(r.runDir()).info().provider()).isEqualTo("openai:bench-model");
  }

  @Test
  void aFolderThatIsNotAMatrixIsNeverCleared() throws Exception {
    Files.writeString(Files.createDirectories(tmp.resolve("mine")).resolve("notes.txt"), "keep me");
    assertThatThrownBy(() -> bench("replay", 1, tmp.resolve("mine"), new ArrayList<>())).isInstanceOf(ConfigException.class)
        .hasMessageEndingWith("mine holds files that are not a benchmark matrix; give a new or empty folder to --dir");
    assertThat(tmp.resolve("mine/notes.txt")).hasContent("keep me");
    assertThatThrownBy(() -> new WholeRunBenchmark.Options(1, 1, 1, 0, "live", 1, 0, null, false))
        .hasMessage("--mode takes replay or stub, not 'live'");
  }
}
