package dev.personaharness.cli;

import static dev.personaharness.cli.CliTest.cli;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code run --shard I/N} on the shipped matrix and {@code merge}: the merged run reports as the unsharded one. */
class ShardMergeTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path tmp;

  private static String[] args(List<String> first, List<Path> dirs) {
    return Stream.concat(first.stream(), dirs.stream().map(Path::toString)).toArray(String[]::new);
  }

  private static List<Path> entries(Path dir) throws Exception {
    try (Stream<Path> s = Files.list(dir)) {
      return s.sorted().toList();
    }
  }

  /** A report file with what must differ between two runs (id, directory, timestamps) blanked out. */
  private static String normalized(Path run, String file) throws Exception {
    String id = run.getFileName().toString();
    return Files.readString(run.resolve(file)).replace(run.toString(), "RUN_DIR").replace(id, "RUN_ID")
        .replaceAll("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d(\\.\\d+)?Z", "TIME");
  }

  private static Set<String> scoredKeys(Path run) throws Exception {
    Set<String> keys = new TreeSet<>();
    for (String line : Files.readAllLines(run.resolve("cases.jsonl"))) {
      JsonNode c = JSON.readTree(line);
      keys.add(c.get("key").toString() + " " + c.get("score").asText() + " " + c.get("prompt_hash").asText());
    }
    return keys;
  }

  @Test
  void theMergedShardsOfTheShippedMatrixReportExactlyAsTheUnshardedRun() throws Exception {
    Path whole = tmp.resolve("whole");
    Path shards = tmp.resolve("shards");
    Path merged = tmp.resolve("merged");
    CliTest.Result run = cli("run", "--strict", "--quiet", "--reports", whole.toString());
    assertThat(run.code()).as(run.err()).isZero();
    long total = 0;
    for (int i = 1; i <= 3; i++) {
      CliTest.Result shard = cli("run", "--strict", "--quiet", "--shard", i + "/3", "--reports", shards.toString());
      assertThat(shard.code()).as(shard.err()).isZero();
      long cases = Files.readAllLines(shards.resolve("latest/cases.jsonl")).size();
      assertThat(cases).as("shard %d/3", i).isBetween(25L, 55L);
      total += cases;
    }
    assertThat(total).isEqualTo(120);

    // every entry of the shards' folder, reports/latest (a second name for the last shard) included
    CliTest.Result merge = cli(args(List.of("merge", "--reports", merged.toString()), entries(shards)));
    assertThat(merge.code()).as(merge.err()).isZero();
    assertThat(merge.out()).contains("Merged 3 shard run(s) into ", "120 cases: 114 passed, 6 failed, 0 errored (0 missing), 0 stale");
    Path a = whole.resolve("latest").toRealPath();
    Path b = merged.resolve("latest").toRealPath();
    for (String file : List.of("summary.json", "report.md", "junit.xml")) {
      assertThat(normalized(b, file)).as(file).isEqualTo(normalized(a, file));
    }
    assertThat(scoredKeys(b)).hasSize(120).isEqualTo(scoredKeys(a));
    JsonNode info = JSON.readTree(b.resolve("run.json").toFile());
    assertThat(info.get("status").asText()).isEqualTo("completed");
    assertThat(info.get("cases").asInt()).isEqualTo(120);
    assertThat(info.get("merged_from")).hasSize(3);
    assertThat(info.get("settings").has("shard")).isFalse();
    assertThat(JSON.readTree(a.resolve("run.json").toFile()).has("merged_from")).isFalse();
  }

  @Test
  void mergeRefusesShardsThatDoNotMakeOneRun() throws Exception {
    Fixtures.project(tmp, true);
    String agents = tmp.resolve("agents").toString();
    String suites = tmp.resolve("suites").toString();
    List<String> common = List.of("--quiet", "--agents-dir", agents, "--suites-dir", suites, "--recordings", tmp.resolve("none").toString());
    List<Path> runs = new ArrayList<>();
    for (String[] a : new String[][] {{"--shard", "1/2", "--epochs", "2"}, {"--shard", "2/2", "--epochs", "2"},
        {"--shard", "1/2", "--epochs", "3"}, {"--epochs", "2"}}) {
      Path reports = tmp.resolve("r" + runs.size());
      List<String> argv = new ArrayList<>(List.of("run", "--reports", reports.toString()));
      argv.addAll(List.of(a));
      argv.addAll(common);
      assertThat(cli(argv.toArray(String[]::new)).code()).isZero();
      runs.add(reports.resolve("latest").toRealPath());
    }
    Path one = runs.get(0);
    Path two = runs.get(1);
    assertThat(refusal(one)).isEqualTo("shard 2/2 is missing: merge needs the runs of all 2 shards");
    assertThat(refusal(one, runs.get(2), two)).startsWith("shard 1/2 is given twice: ");
    assertThat(refusal(runs.get(2), two)).contains("differs from").contains("in its settings");
    assertThat(refusal(one, runs.get(3))).endsWith(" is not a shard: it was not run with --shard I/N");

    Files.writeString(tmp.resolve("agents/terse.md"), Files.readString(tmp.resolve("agents/terse.md")) + "\nBe kind.\n");
    List<String> argv = new ArrayList<>(List.of("run", "--reports", tmp.resolve("r9").toString(), "--shard", "2/2", "--epochs", "2"));
    argv.addAll(common);
    assertThat(cli(argv.toArray(String[]::new)).code()).isZero();
    assertThat(refusal(one, tmp.resolve("r9/latest"))).contains("in its persona revisions");

    Files.writeString(two.resolve("run.json"), Files.readString(two.resolve("run.json")).replace("\"completed\"", "\"interrupted\""));
    assertThat(refusal(one, two)).endsWith(" is interrupted, not completed: finish it with 'harness run --resume "
        + dev.personaharness.core.DisplayPath.of(two) + "' before merging");

    CliTest.Result bad = cli("run", "--shard", "0/2", "--reports", tmp.resolve("unused").toString());
    assertThat(bad.code()).isEqualTo(2);
    assertThat(bad.err()).startsWith("harness: error: --shard 0/2 is out of range: shards count from 1");
    assertThat(tmp.resolve("unused")).doesNotExist();
  }

  private String refusal(Path... runs) {
    CliTest.Result r = cli(args(List.of("merge", "--reports", tmp.resolve("merged").toString()), List.of(runs)));
    assertThat(r.code()).as(r.out()).isEqualTo(2);
    assertThat(r.err()).startsWith("harness: error: ").doesNotContain("\tat ");
    assertThat(tmp.resolve("merged")).doesNotExist();
    return r.err().substring("harness: error: ".length()).strip();
  }
}
