package dev.personaharness.runner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.personaharness.core.CaseKey;
import dev.personaharness.core.ConfigException;
import dev.personaharness.project.Project;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class ShardTest {
  private static final Path FIXTURES = Path.of("harness/src/test/resources/fixtures");
  private final Project project = Project.load(
      List.of(FIXTURES.resolve("personas/list-tools.md"), FIXTURES.resolve("personas/lenient.md")),
      List.of(FIXTURES.resolve("suites/good/good.yaml"))).requireValid();

  @Test
  void shardsCountFromOneAndAnythingElseSaysTheForm() {
    assertThat(Shard.parse("2/4")).isEqualTo(new Shard(2, 4)).hasToString("2/4");
    assertThat(Shard.parse(" 1/1 ")).isEqualTo(Shard.ALL);
    assertThatThrownBy(() -> Shard.parse("0/4")).isInstanceOf(ConfigException.class).hasMessage("--shard 0/4 is out of range:"
        + " shards count from 1, so I/N needs 1 <= I <= N (for a 0-based index such as JOB_COMPLETION_INDEX, give index + 1)");
    assertThatThrownBy(() -> Shard.parse("5/4")).hasMessageStartingWith("--shard 5/4 is out of range");
    assertThatThrownBy(() -> Shard.parse("1/0")).hasMessageStartingWith("--shard 1/0 is out of range");
    for (String bad : List.of("2", "2/4/8", "a/b", "-1/4", "2 of 4", "")) {
      assertThatThrownBy(() -> Shard.parse(bad)).as(bad).isInstanceOf(ConfigException.class)
          .hasMessage("--shard takes I/N, e.g. 2/4 (the second of four shards, counted from 1), not '" + bad + "'");
    }
  }

  @Test
  void everyCaseIsInExactlyOneShardAndShardsAreBalanced() {
    int[] sizes = new int[4];
    for (int i = 0; i < 10_000; i++) {
      CaseKey key = new CaseKey("p" + i % 10, "s", "t" + i / 10 % 100, i / 1000 + 1);
      int owners = 0;
      for (int s = 1; s <= 4; s++) {
        owners += new Shard(s, 4).includes(key) ? 1 : 0;
      }
      assertThat(owners).isEqualTo(1);
      sizes[Shard.of(key, 4) - 1]++;
    }
    // 2,500 expected each; a shard's size has a standard deviation of about 43
    assertThat(sizes).containsExactly(2504, 2529, 2453, 2514);
    // pinned: changing the hash would move every case of every split run
    assertThat(Shard.of(new CaseKey("senior-backend-expert", "api-design", "cursor-pagination-sync", 1), 4)).isEqualTo(3);
  }

  @Test
  void aCaseKeepsItsShardWhenTasksAndEpochsAreAdded() {
    Runner runner = new Runner(project);
    Selection small = new Selection(List.of(), List.of(), List.of("review-table"), List.of(), 3);
    Selection grown = new Selection(List.of(), List.of(), List.of(), List.of(), 6);
    for (int s = 1; s <= 3; s++) {
      Shard shard = new Shard(s, 3);
      List<CaseKey> before = runner.cases(small.withShard(shard)).stream().map(Runner.Case::key).toList();
      List<CaseKey> after = runner.cases(grown.withShard(shard)).stream().map(Runner.Case::key).toList();
      assertThat(after).containsAll(before);
      assertThat(runner.cases(grown).stream().map(Runner.Case::key).filter(shard::includes).toList()).isEqualTo(after);
    }
  }
}
