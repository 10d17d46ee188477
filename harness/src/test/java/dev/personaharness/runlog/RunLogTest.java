package dev.personaharness.runlog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.personaharness.core.CaseKey;
import dev.personaharness.core.ConfigException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunLogTest {
  @TempDir Path tmp;

  private static CaseRecord record(String task, boolean errored) {
    return new CaseRecord(new CaseKey("p", "s", task, 1), "c", "h", "h", "m", errored ? null : "answer " + task, null, 1, false,
        List.of(), errored ? "boom" : null, 0.5, List.of(), errored ? null : 1.0, errored ? null : true, 0);
  }

  private Path logOf(String... tasks) {
    RunInfo info = new RunInfo(1, "r", "v", null, "t0", null, "running", "replay", Map.of(), List.of(), List.of(), null, 0);
    try (RunLog log = RunLog.create(tmp.resolve("r"), info)) {
      for (String t : tasks) {
        log.append(record(t, t.startsWith("e")));
      }
      log.finish("t1", "interrupted");
      return log.dir();
    }
  }

  private static List<String> tasks(RunLog.View run) {
    List<String> tasks = new ArrayList<>();
    run.forEachCase(c -> tasks.add(c.key().task()));
    return tasks;
  }

  @Test
  void openedRunsStreamTheSameCasesAsReadRunsEveryTimeTheyAreWalked() {
    Path dir = logOf("a", "e1", "b");
    RunLog.View opened = RunLog.open(dir);
    assertThat(tasks(opened)).containsExactly("a", "e1", "b").isEqualTo(tasks(opened));
    assertThat(RunLog.read(dir).cases()).extracting(c -> c.key().task()).containsExactly("a", "e1", "b");
    assertThat(opened.info().status()).isEqualTo("interrupted");
  }

  @Test
  void aTornLastLineIsIgnoredAndABadLineInsideIsAnError() throws Exception {
    Path dir = logOf("a", "b");
    Files.writeString(dir.resolve(RunLog.CASES_FILE), "{\"key\":{\"persona\":\"p\",\"su", StandardOpenOption.APPEND);
    assertThat(tasks(RunLog.open(dir))).containsExactly("a", "b");
    Files.writeString(dir.resolve(RunLog.CASES_FILE), "\n" + Files.readAllLines(dir.resolve(RunLog.CASES_FILE)).get(0) + "\n",
        StandardOpenOption.APPEND);
    assertThatThrownBy(() -> tasks(RunLog.open(dir))).isInstanceOf(ConfigException.class)
        .hasMessageContaining("cases.jsonl:3: error: not a case record");
  }

  @Test
  void resumeKeepsOnlyTheAcceptedRecordsAndAppendsAfterThem() throws Exception {
    Path dir = logOf("a", "e1", "b");
    try (RunLog log = RunLog.resume(RunLog.open(dir), r -> !r.errored())) {
      log.append(record("c", false));
      log.finish("t2", "completed");
    }
    RunLog.Run run = RunLog.read(dir);
    assertThat(run.cases()).extracting(c -> c.key().task()).containsExactly("a", "b", "c");
    assertThat(run.info().cases()).isEqualTo(3);
    assertThat(Files.getPosixFilePermissions(dir.resolve(RunLog.CASES_FILE)).toString()).contains("OTHERS_READ");
  }
}
