package dev.personaharness.suite;

import static org.assertj.core.api.Assertions.assertThat;

import dev.personaharness.core.Diagnostic;
import dev.personaharness.core.Suite;
import dev.personaharness.core.Task;
import dev.personaharness.project.Project;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SuiteLoaderTest {
  private static final String DIR = "harness/src/test/resources/fixtures/suites/";

  /** Every diagnostic of a file, loader and check validation together, as {@code harness validate} prints them. */
  private static List<String> diagnostics(String file) {
    Project p = Project.load(List.of(), List.of(Path.of(DIR + file)));
    return p.diagnostics().stream().map(Diagnostic::format).toList();
  }

  @Test
  void theShippedSuitesAreValidWithAtLeastEightTasksAndFourChecksEach() {
    Project p = Project.standard(Path.of(""));
    assertThat(p.diagnostics()).noneMatch(Diagnostic::isError);
    assertThat(p.suites()).extracting(Suite::id).containsExactly("api-design", "debugging", "schema-review");
    for (Suite s : p.suites()) {
      assertThat(s.tasks()).hasSizeGreaterThanOrEqualTo(8);
      assertThat(s.tasks()).allMatch(t -> t.rubric().checks().size() >= 4);
    }
  }

  @Test
  void readsAValidSuiteWithDefaultsVarsAndAttachments() {
    Suite s = SuiteLoader.load(Path.of(DIR + "good/good.yaml")).value().orElseThrow();
    assertThat(s.defaults().temperature()).isEqualTo(0.2);
    assertThat(s.defaults().seed()).isEqualTo(7);
    Task t = s.task("review-table").orElseThrow();
    assertThat(t.vars()).containsEntry("table", "payments").containsEntry("team", "payments");
    assertThat(t.attachments()).singleElement().satisfies(a -> {
      assertThat(a.path()).isEqualTo("files/schema.sql");
      assertThat(a.language()).isEqualTo("sql");
    });
    assertThat(t.rubric().threshold()).isEqualTo(0.6);
    assertThat(t.rubric().checks()).extracting(c -> c.type()).containsExactly("mentions", "sql-valid", "not-regex", "word-count");
    assertThat(t.rubric().checks().get(0).weight()).isEqualTo(2.0);
    assertThat(s.task("explain-idempotency").orElseThrow().rubric().threshold()).isEqualTo(0.5);
  }

  @Test
  void unknownKeysGetADidYouMeanHint() {
    assertThat(diagnostics("broken/unknown-keys.yaml")).containsExactly(
        DIR + "broken/unknown-keys.yaml:3:1: error: unknown key 'defualts' in a suite (did you mean 'defaults'?)",
        DIR + "broken/unknown-keys.yaml:6:5: error: task 't1' has no 'prompt'",
        DIR + "broken/unknown-keys.yaml:8:5: error: unknown key 'promt' in a task (did you mean 'prompt'?)");
  }

  @Test
  void duplicateTaskIdsAreErrors() {
    assertThat(diagnostics("broken/duplicate-task.yaml")).containsExactly(
        DIR + "broken/duplicate-task.yaml:8:5: error: duplicate task id 'same' (first at line 4); task ids must be unique in a suite");
  }

  @Test
  void anUndefinedVariableIsAnErrorAtItsLine() {
    assertThat(diagnostics("broken/missing-var.yaml")).containsExactly(
        DIR + "broken/missing-var.yaml:8:15: error: undefined variable '{{team}}' in the prompt; define it under 'vars'",
        DIR + "broken/missing-var.yaml:10:7: warning: variable 'unused' is defined but the prompt never uses {{unused}}");
  }

  @Test
  void attachmentsMustStayInsideTheSuiteFolder() {
    Path missing = Path.of(DIR + "broken/files/nope.sql").toAbsolutePath();
    assertThat(diagnostics("broken/attachments.yaml")).containsExactly(
        DIR + "broken/attachments.yaml:8:9: error: attachment '../good/files/schema.sql' points outside the suite's folder; keep attachments beside the suite",
        DIR + "broken/attachments.yaml:9:9: error: attachment '/etc/passwd' is an absolute path; give a path relative to the suite's folder",
        DIR + "broken/attachments.yaml:10:9: error: attachment 'files/nope.sql' not found (looked for " + missing + ")");
  }

  @Test
  void aSymlinkOutOfTheSuiteFolderIsRefused(@TempDir Path tmp) throws Exception {
    Path outside = Files.writeString(tmp.resolve("secret.txt"), "secret");
    Path suiteDir = Files.createDirectories(tmp.resolve("suites"));
    Files.createSymbolicLink(suiteDir.resolve("link.txt"), outside);
    Files.writeString(suiteDir.resolve("s.yaml"), "id: s\ndescription: d\ntasks:\n  - id: t\n    category: c\n"
        + "    prompt: p\n    attachments: [link.txt]\n    rubric: {checks: [{icontains: x}]}\n");
    List<Diagnostic> d = SuiteLoader.load(suiteDir.resolve("s.yaml")).diagnostics();
    assertThat(d).singleElement().extracting(Diagnostic::message)
        .isEqualTo("attachment 'link.txt' is a link to a file outside the suite's folder");
    assertThat(d.get(0).line()).isEqualTo(7);
  }

  @Test
  void malformedYamlNamesTheSpot() {
    assertThat(diagnostics("broken/malformed.yaml")).containsExactly(
        DIR + "broken/malformed.yaml:5:4: error: not valid YAML: expected <block end>, but found '<block mapping start>' (while parsing a block collection)");
    assertThat(diagnostics("broken/tabs.yaml")).containsExactly(
        DIR + "broken/tabs.yaml:4:1: error: not valid YAML: found character '\\t(TAB)' that cannot start any token. (Do not use \\t(TAB) for indentation) (while scanning for the next token)");
  }

  @Test
  void emptySuitesAreErrors() {
    assertThat(diagnostics("broken/empty.yaml")).containsExactly(
        DIR + "broken/empty.yaml:1:1: error: suite file is empty; see docs/suites.md for the format");
    assertThat(diagnostics("broken/no-tasks.yaml")).containsExactly(
        DIR + "broken/no-tasks.yaml:3:8: error: the suite has no tasks; add at least one task");
  }

  @Test
  void wrongTypesAreReportedTogether() {
    assertThat(diagnostics("broken/wrong-types.yaml")).containsExactly(
        DIR + "broken/wrong-types.yaml:4:11: error: epochs must be a whole number from 1 to 1000, found 'two'",
        DIR + "broken/wrong-types.yaml:5:14: error: threshold must be a number from 0 to 1, found '1.5'",
        DIR + "broken/wrong-types.yaml:7:9: error: task id 'Bad_Id' must be lowercase letters, digits and '-'",
        DIR + "broken/wrong-types.yaml:8:15: error: 'category' must be text, found a list");
  }

  @Test
  void everyBadCheckOfAFileIsReportedAtOnce() {
    assertThat(diagnostics("broken/bad-checks.yaml")).containsExactly(
        DIR + "broken/bad-checks.yaml:9:11: error: unknown check 'containz' (did you mean 'contains'?)",
        DIR + "broken/bad-checks.yaml:10:11: error: check 'regex' regex does not compile: Unclosed group near index 9 of \"(unclosed\"",
        DIR + "broken/bad-checks.yaml:11:11: error: check 'contains-all' needs a list of at least 1 text value, found 'just-a-string'",
        DIR + "broken/bad-checks.yaml:12:11: error: one check has several type keys (icontains, wieght); each list item is one check with optional 'weight' and 'label' (did you mean 'weight' for 'wieght'?)",
        DIR + "broken/bad-checks.yaml:14:11: error: check 'word-count' has unknown key 'minimum'; allowed: min, max",
        DIR + "broken/bad-checks.yaml:15:11: error: the check names no type; write e.g. '- icontains: cursor' (see docs/suites.md)");
  }

  @Test
  void aSuiteWithErrorsIsNeverRun() {
    Project p = Project.load(List.of(), List.of(Path.of(DIR + "broken/bad-checks.yaml"), Path.of(DIR + "good/good.yaml")));
    assertThat(p.suites()).extracting(Suite::id).containsExactly("good");
    assertThat(p.hasErrors()).isTrue();
  }

  @Test
  void anUnknownReducerNamesTheKnownOnes() {
    assertThat(diagnostics("broken/bad-reducer.yaml")).containsExactly(
        DIR + "broken/bad-reducer.yaml:9:16: error: unknown reducer 'best-of'; use one of [mean, pass@k, pass^k, majority]");
  }
}
