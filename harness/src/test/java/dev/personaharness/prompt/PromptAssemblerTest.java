package dev.personaharness.prompt;

import static org.assertj.core.api.Assertions.assertThat;

import dev.personaharness.core.Attachment;
import dev.personaharness.core.Hashing;
import dev.personaharness.core.Persona;
import dev.personaharness.core.Prompt;
import dev.personaharness.core.Suite;
import dev.personaharness.core.Task;
import dev.personaharness.persona.PersonaLoader;
import dev.personaharness.project.Project;
import dev.personaharness.suite.SuiteLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PromptAssemblerTest {
  private final Persona persona =
      PersonaLoader.load(Path.of("harness/src/test/resources/fixtures/personas/list-tools.md")).value().orElseThrow();
  private final Task task = SuiteLoader.load(Path.of("harness/src/test/resources/fixtures/suites/good/good.yaml"))
      .value().orElseThrow().task("review-table").orElseThrow();

  @Test
  void systemIsThePersonaBodyAndUserIsTheRenderedTaskWithAttachments() {
    Prompt p = PromptAssembler.assemble(persona, task);
    assertThat(p.system()).isEqualTo("You are a terse reviewer.\n\n---\n\nThe line above is a horizontal rule, not front matter.");
    assertThat(p.user()).isEqualTo("""
        Review the payments table below for a payments team.
        Return the fixed DDL.

        File: `files/schema.sql`
        ````sql
        CREATE TABLE payments (
          id bigserial PRIMARY KEY,
          amount float NOT NULL,
          note text -- uses ``` inside a comment
        );
        ````""");
  }

  @Test
  void theHashIsSha256OverRolesAndMessages() {
    Prompt p = PromptAssembler.assemble(persona, task);
    assertThat(p.hash()).isEqualTo(Hashing.sha256("system\0" + p.system() + "\0user\0" + p.user()));
    assertThat(PromptAssembler.assemble(persona, task)).isEqualTo(p);
  }

  @Test
  void largeNonAsciiAttachmentsHashAsTheirJoinedMessage() {
    String content = ("2026-11-23 café → façade ``` fenced\n").repeat(20_000) + "\uD83D\uDE00 and a lone \uD83D";
    Task big = new Task("big", "c", List.of(), "Read {{what}}.", Map.of("what", "the log"),
        List.of(new Attachment("files/a.log", "text", content), new Attachment("files/b.txt", "text", "\uDE00 odd start\n")),
        task.rubric(), 1);
    Prompt p = PromptAssembler.assemble(persona, big);
    assertThat(p.user()).startsWith("Read the log.\n\nFile: `files/a.log`\n````text\n2026-11-23 café")
        .endsWith("lone \uD83D\n````\n\nFile: `files/b.txt`\n```text\n\uDE00 odd start\n```");
    assertThat(p.user()).isEqualTo(PromptAssembler.userMessage(big));
    assertThat(p.hash()).isEqualTo(PromptAssembler.hash(p.system(), p.user()))
        .isEqualTo(Hashing.sha256("system\0" + p.system() + "\0user\0" + p.user()));
  }

  @Test
  void aLoadedProjectAssemblesWithoutItsFiles(@TempDir Path tmp) throws Exception {
    Path root = Path.of("");
    for (String dir : List.of("agents", "suites")) {
      try (Stream<Path> files = Files.walk(root.resolve(dir))) {
        for (Path f : files.filter(f -> !f.startsWith(root.resolve("suites/recordings"))).toList()) {
          Files.copy(f, tmp.resolve(root.relativize(f).toString()), StandardCopyOption.REPLACE_EXISTING);
        }
      }
    }
    Project project = Project.standard(tmp).requireValid();
    List<Prompt> before = assembleAll(project);
    try (Stream<Path> files = Files.walk(tmp)) {
      for (Path f : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.delete(f);
      }
    }
    assertThat(tmp).doesNotExist();
    assertThat(before).hasSize(5 * 24).isEqualTo(assembleAll(project));
  }

  private static List<Prompt> assembleAll(Project project) {
    List<Prompt> prompts = new ArrayList<>();
    for (Persona p : project.personas()) {
      for (Suite s : project.suites()) {
        s.tasks().forEach(t -> prompts.add(PromptAssembler.assemble(p, t)));
      }
    }
    return prompts;
  }

  @Test
  void sha256MatchesAKnownVector() {
    assertThat(Hashing.sha256("abc")).isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  }
}
