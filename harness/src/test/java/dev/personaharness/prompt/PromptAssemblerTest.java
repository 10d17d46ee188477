package dev.personaharness.prompt;

import static org.assertj.core.api.Assertions.assertThat;

import dev.personaharness.core.Hashing;
import dev.personaharness.core.Persona;
import dev.personaharness.core.Prompt;
import dev.personaharness.core.Task;
import dev.personaharness.persona.PersonaLoader;
import dev.personaharness.suite.SuiteLoader;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

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
  void sha256MatchesAKnownVector() {
    assertThat(Hashing.sha256("abc")).isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  }
}
