package dev.personaharness.cli;

import static dev.personaharness.cli.CliTest.cli;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code agents/x.md@REV}: a persona as it was at a git revision, run next to today's file. */
class RevisionsTest {
  @TempDir Path tmp;
  Path persona;

  @BeforeEach
  void repository() throws Exception {
    Fixtures.project(tmp, false);
    persona = tmp.resolve("agents/terse.md");
    git("init", "-q", "-b", "main");
    git("add", ".");
    git("-c", "user.name=t", "-c", "user.email=t@example.com", "commit", "-q", "-m", "first revision");
    Path answers = Files.write(tmp.resolve("answers.jsonl"), List.of(
        "{\"persona\":\"terse\",\"suite\":\"good\",\"task\":\"review-table\",\"model\":\"claude\",\"text\":\"Use numeric(12,2) for money, never FLOAT.\"}",
        "{\"persona\":\"terse\",\"suite\":\"good\",\"task\":\"explain-idempotency\",\"model\":\"claude\",\"text\":\"Send an Idempotency-Key.\"}"));
    assertThat(cli(dirs("import", answers.toString(), "--recordings", tmp.resolve("suites/recordings").toString())).code()).isZero();
    Files.writeString(persona, Files.readString(persona) + "\nAlways answer in one sentence.\n");
  }

  @Test
  void twoRevisionsOfOneFileRunSideBySideAndCompare() throws Exception {
    Path reports = tmp.resolve("reports");
    CliTest.Result run = cli(dirs("run", "--persona", persona + "@main", "--persona", persona.toString(),
        "--recordings", tmp.resolve("suites/recordings").toString(), "--reports", reports.toString(), "--quiet"));
    assertThat(run.code()).as(run.err()).isZero();
    assertThat(run.out()).contains("4 cases: ", "2 stale");
    JsonNode info = new ObjectMapper().readTree(reports.resolve("latest/run.json").toFile());
    List<String> ids = new ArrayList<>();
    info.get("personas").forEach(p -> ids.add(p.get("id").asText()));
    assertThat(ids).containsExactlyInAnyOrder("terse", "terse@main");
    List<String> lines = Files.readAllLines(reports.resolve("latest/cases.jsonl"));
    ObjectMapper json = new ObjectMapper();
    for (String line : lines) {
      JsonNode c = json.readTree(line);
      boolean old = c.get("key").get("persona").asText().equals("terse@main");
      assertThat(c.get("stale").asBoolean()).as(line).isEqualTo(!old);
    }
    CliTest.Result cmp = cli("compare", reports.resolve("latest").toString(), "--baseline-persona", persona + "@main",
        "--candidate-persona", persona.toString());
    assertThat(cmp.code()).as(cmp.err()).isZero();
    assertThat(cmp.out()).contains("**Verdict: ", "terse@main");
  }

  @Test
  void unknownRevisionsAndFilesOutsideGitAreClearErrors() throws Exception {
    CliTest.Result unknown = cli(dirs("run", "--persona", persona + "@no-such-branch", "--reports", tmp.resolve("r").toString()));
    assertThat(unknown.code()).isEqualTo(2);
    assertThat(unknown.err()).contains("terse.md@no-such-branch: error: unknown git revision 'no-such-branch'; name a branch, tag, commit or HEAD~N")
        .doesNotContain("\tat ");
    Path newFile = Files.copy(persona, tmp.resolve("agents/added.md"));
    CliTest.Result absent = cli(dirs("run", "--persona", newFile + "@main", "--reports", tmp.resolve("r").toString()));
    assertThat(absent.code()).isEqualTo(2);
    assertThat(absent.err()).contains("added.md@main: error: the file does not exist at revision 'main'");
    Path outside = Files.createTempDirectory("no-git");
    Path lone = Files.copy(persona, outside.resolve("lone.md"));
    CliTest.Result noGit = cli(dirs("run", "--persona", lone + "@HEAD", "--reports", tmp.resolve("r").toString()));
    assertThat(noGit.code()).isEqualTo(2);
    assertThat(noGit.err()).contains("lone.md@HEAD: error: not inside a git repository");
    assertThat(tmp.resolve("r")).doesNotExist();
  }

  private String[] dirs(String... args) {
    List<String> all = new ArrayList<>(List.of(args));
    all.addAll(List.of("--agents-dir", tmp.resolve("agents").toString(), "--suites-dir", tmp.resolve("suites").toString()));
    return all.toArray(String[]::new);
  }

  private void git(String... args) throws Exception {
    List<String> cmd = new ArrayList<>(List.of("git", "-C", tmp.toString()));
    cmd.addAll(List.of(args));
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes());
    assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
    assertThat(p.exitValue()).as(out).isZero();
  }
}
