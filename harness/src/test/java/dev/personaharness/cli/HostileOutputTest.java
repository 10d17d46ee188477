package dev.personaharness.cli;

import static dev.personaharness.cli.CliTest.cli;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Untrusted text everywhere a run shows it: a model answer, a persona name and body, a check label
 * and a category full of HTML, Markdown table breakers, escape sequences and control characters.
 * The run log keeps the answer exactly; report.md stays a valid table with no HTML; junit.xml
 * parses; nothing a command prints carries a raw control character.
 */
class HostileOutputTest {
  static final String ANSWER = "<script>alert('x')</script>\n</textarea><img src=x onerror=alert(1)>\n"
      + "| a | b |\n|---|---|\n| c \\| d | e\n"
      + "\u001b[31mred\u001b[0m \u001b]0;pwned\u0007 nul\u0000 del\u007f csi\u009b2J cr\r\n"
      + "vt\u000b ff\u000c bs\u0008 rlo\u202eevil\u202c ls\u2028end\t";

  @TempDir Path tmp;

  private CliTest.Result process(String... args) throws Exception {
    Path output = Files.createTempFile(tmp, "out", ".txt");
    Process p = Fixtures.harness(tmp, Map.of(), output, args);
    assertThat(p.waitFor(60, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
    return new CliTest.Result(p.exitValue(), Files.readString(output, StandardCharsets.UTF_8), "");
  }

  private String[] project(String... args) {
    List<String> all = new ArrayList<>(List.of(args));
    all.addAll(List.of("--agents-dir", tmp.resolve("agents").toString(), "--suites-dir", tmp.resolve("suites").toString()));
    return all.toArray(String[]::new);
  }

  @Test
  void hostileTextIsKeptExactlyInTheLogAndRenderedHarmlesslyEverywhereElse() throws Exception {
    Files.createDirectories(tmp.resolve("agents"));
    Files.createDirectories(tmp.resolve("suites"));
    Files.writeString(tmp.resolve("agents/hostile.md"), "---\nname: \"Evil | <b>bold</b>\\nsecond line \\e[31mred\"\n"
        + "description: d\n---\nYou are a reviewer.\u001b[2J\u001b]0;title\u0007\n");
    Files.writeString(tmp.resolve("suites/hostile.yaml"), """
        id: hostile
        description: hostile text in every place a report shows
        tasks:
          - id: render
            category: "cat | <i>x</i>\\e[1m"
            prompt: Answer.
            rubric:
              checks:
                - icontains: "never | <script>"
                  label: "label | with <img src=x onerror=alert(1)>\\nand \\e[31m escape"
                - regex: '<script>'
                - word-count: {max: 5}
        """);
    Path answers = tmp.resolve("answers.jsonl");
    Files.writeString(answers, new ObjectMapper().writeValueAsString(Map.of("persona", "hostile", "suite", "hostile",
        "task", "render", "model", "m\u001b[31m", "text", ANSWER)) + "\n");
    String recordings = tmp.resolve("recordings").toString();
    String reports = tmp.resolve("reports").toString();
    List<CliTest.Result> printed = new ArrayList<>();

    printed.add(cli(project("import", answers.toString(), "--recordings", recordings)));
    CliTest.Result run = cli(project("run", "--recordings", recordings, "--reports", reports));
    printed.add(run);
    assertThat(run.code()).as(run.all()).isZero();
    Path dir = tmp.resolve("reports/latest").toRealPath();
    printed.add(cli("report", dir.toString()));
    CliTest.Result rescore = cli(project("rescore", dir.toString(), "--reports", reports));
    printed.add(rescore);
    printed.add(cli("compare", dir.toString(), tmp.resolve("reports/latest").toRealPath().toString()));
    printed.add(cli("validate", tmp.resolve("agents").toString(), tmp.resolve("suites").toString()));
    // list and prompt read agents/ and suites/ of the working directory: a process of their own
    printed.add(process("list"));
    printed.add(process("prompt", "--persona", "hostile", "--task", "hostile/render"));
    for (CliTest.Result o : printed) {
      assertThat(o.code()).as(o.all()).isZero();
      assertNoRawControlCharacters(o.all());
    }
    assertThat(run.out()).contains("1 cases: 0 passed, 1 failed");
    assertThat(printed.get(printed.size() - 1).out()).contains("You are a reviewer.\\u001b[2J\\u001b]0;title\\u0007\n");
    assertThat(printed.get(printed.size() - 2).out()).contains("Evil | <b>bold</b> second line \\u001b[31mred");

    JsonNode logged = new ObjectMapper().readTree(Files.readString(dir.resolve("cases.jsonl"), StandardCharsets.UTF_8));
    assertThat(logged.get("response").asText()).isEqualTo(ANSWER);
    assertThat(Files.readString(tmp.resolve("recordings/hostile/hostile/render.1.md"), StandardCharsets.UTF_8)).endsWith("---\n" + ANSWER);

    String md = Files.readString(dir.resolve("report.md"), StandardCharsets.UTF_8);
    assertValidTables(md);
    assertThat(md).doesNotContain("<").contains("| `hostile` | Evil \\| &lt;b&gt;bold&lt;/b&gt; second line [31mred |",
        "| hostile/render | label \\| with &lt;img src=x onerror=alert(1)&gt; and [31m escape | 1 of 1 |");
    assertThat(md.chars().filter(c -> c < 0x20 && c != '\n')).isEmpty();

    DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(dir.resolve("junit.xml").toFile());
    assertThat(new ObjectMapper().readTree(dir.resolve("summary.json").toFile()).get("counts").get("cases").asInt()).isEqualTo(1);
  }

  /** Newline and tab are fine; every other C0 control, DEL and the C1 controls would be obeyed by a terminal. */
  static void assertNoRawControlCharacters(String printed) {
    for (int i = 0; i < printed.length(); i++) {
      char c = printed.charAt(i);
      boolean control = (c < 0x20 && c != '\n' && c != '\t') || c == 0x7f || (c >= 0x80 && c < 0xa0);
      assertThat(control).as("raw U+%04X at %d in:%n%s", (int) c, i, printed).isFalse();
    }
  }

  /** Every Markdown table keeps its shape: the same number of unescaped '|' on each of its rows. */
  static void assertValidTables(String md) {
    List<String> table = new ArrayList<>();
    for (String line : (md + "\n").split("\n", -1)) {
      if (line.startsWith("|")) {
        table.add(line);
        continue;
      }
      if (!table.isEmpty()) {
        long header = pipes(table.get(0));
        assertThat(table.get(1)).as("delimiter row").matches("\\|(\\s*:?-+:?\\s*\\|)+");
        for (String row : table) {
          assertThat(pipes(row)).as(row).isEqualTo(header);
          assertThat(row).as(row).endsWith("|");
        }
        table.clear();
      }
    }
  }

  private static long pipes(String row) {
    long n = 0;
    for (int i = 0; i < row.length(); i++) {
      if (row.charAt(i) == '|' && (i == 0 || row.charAt(i - 1) != '\\')) {
        n++;
      }
    }
    return n;
  }
}
