package dev.personaharness.persona;

import static org.assertj.core.api.Assertions.assertThat;

import dev.personaharness.core.Diagnostic;
import dev.personaharness.core.Loaded;
import dev.personaharness.core.Persona;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class PersonaLoaderTest {
  private static final Path FIXTURES = Path.of("harness/src/test/resources/fixtures/personas");

  private static Loaded<Persona> fixture(String name) {
    return PersonaLoader.load(FIXTURES.resolve(name));
  }

  private static List<String> messages(Loaded<?> loaded) {
    return loaded.diagnostics().stream().map(Diagnostic::format).toList();
  }

  @Test
  void loadsAllFiveShippedPersonasWithTheirOddities() {
    List<Loaded<Persona>> all = PersonaLoader.loadDirectory(Path.of("agents"));
    assertThat(all).hasSize(5).allMatch(l -> l.value().isPresent() && !l.hasErrors());
    assertThat(all.stream().map(l -> l.value().get().id()))
        .containsExactly("senior-backend-developer", "senior-backend-engineer-playbook",
            "senior-backend-engineer-pragmatic", "senior-backend-expert", "staff-backend-developer");
    assertThat(all.stream().flatMap(l -> l.diagnostics().stream()).map(Diagnostic::format)).containsExactly(
        "agents/senior-backend-developer.md:3:394: warning: front matter is not strict YAML (mapping values are not allowed here); read as one 'key: value' per line. Quote the value to make it valid YAML",
        "agents/senior-backend-engineer-playbook.md:3:338: warning: front matter is not strict YAML (mapping values are not allowed here); read as one 'key: value' per line. Quote the value to make it valid YAML",
        "agents/senior-backend-engineer-pragmatic.md:2:1: warning: name 'senior-backend-engineer' is also the name of agents/senior-backend-engineer-playbook.md; both load, told apart by their ids ('senior-backend-engineer-pragmatic')",
        "agents/senior-backend-expert.md:3:142: warning: front matter is not strict YAML (mapping values are not allowed here); read as one 'key: value' per line. Quote the value to make it valid YAML",
        "agents/staff-backend-developer.md:3:376: warning: front matter is not strict YAML (mapping values are not allowed here); read as one 'key: value' per line. Quote the value to make it valid YAML");
  }

  @Test
  void readsFieldsTheWayAPersonWould() {
    Persona staff = PersonaLoader.load(Path.of("agents/staff-backend-developer.md")).value().orElseThrow();
    assertThat(staff.name()).isEqualTo("Backend-Developer");
    assertThat(staff.model()).isEqualTo("inherit");
    assertThat(staff.fields().get("tools")).isEqualTo(List.of("Task", "Bash", "Edit", "MultiEdit", "Write",
        "NotebookEdit", "Grep", "LS", "Read", "WebSearch", "Glob"));
    assertThat(staff.fields().get("color")).isEqualTo("blue");
    assertThat(staff.description()).contains("<example>Context: User needs help designing a scalable backend architecture.\nuser:");
    assertThat(staff.body()).startsWith("You are a staff backend engineer").doesNotEndWith("\n");

    Persona pragmatic = PersonaLoader.load(Path.of("agents/senior-backend-engineer-pragmatic.md")).value().orElseThrow();
    assertThat(pragmatic.fields().get("permissionMode")).isEqualTo("default");
    assertThat(pragmatic.body()).contains("— Apply Single Responsibility");
  }

  @Test
  void hashIsSha256OfTheNormalizedFile() throws Exception {
    Persona p = PersonaLoader.load(Path.of("agents/senior-backend-expert.md")).value().orElseThrow();
    byte[] bytes = Files.readAllBytes(Path.of("agents/senior-backend-expert.md"));
    assertThat(p.hash()).isEqualTo(dev.personaharness.core.Hashing.sha256(bytes)).hasSize(64);
  }

  @Test
  void crlfAndBomDoNotChangeTheContentOrItsHash() throws Exception {
    Persona windows = fixture("crlf-bom.md").value().orElseThrow();
    Persona unix = PersonaLoader.parse("crlf-bom", "x", Files.readString(FIXTURES.resolve("crlf-bom-lf.txt"))).value().orElseThrow();
    assertThat(windows.hash()).isEqualTo(unix.hash());
    assertThat(windows.body()).isEqualTo("You answer in français.");
    assertThat(windows.description()).isEqualTo("Windows file — with a BOM, CRLF and non-ASCII: café");
    assertThat(windows.model()).isEqualTo("claude-sonnet-4-5");
  }

  @Test
  void toolsAsAListAndARuleInsideTheBody() {
    Loaded<Persona> l = fixture("list-tools.md");
    assertThat(messages(l)).isEmpty();
    Persona p = l.value().orElseThrow();
    assertThat(p.fields().get("tools")).isEqualTo(List.of("Read", "Grep"));
    assertThat(p.fields().get("maxTurns")).isEqualTo(12);
    assertThat(p.model()).isEqualTo("haiku");
    assertThat(p.body()).isEqualTo("You are a terse reviewer.\n\n---\n\nThe line above is a horizontal rule, not front matter.");
  }

  @Test
  void frontMatterThatIsNotStrictYamlLoadsWithAWarningNamingTheLine() {
    Loaded<Persona> l = fixture("lenient.md");
    assertThat(messages(l)).containsExactly(
        "harness/src/test/resources/fixtures/personas/lenient.md:3:33: warning: front matter is not strict YAML (mapping values are not allowed here); read as one 'key: value' per line. Quote the value to make it valid YAML");
    Persona p = l.value().orElseThrow();
    assertThat(p.description()).isEqualTo("Use this agent when: the user asks. Examples:\n<example>Context: user wants X</example>");
    assertThat(p.fields().get("tools")).isEqualTo(List.of("Read", "Grep"));
    assertThat(p.fields().get("color")).isEqualTo("red");
  }

  @Test
  void noFrontMatterMeansTheWholeFileIsThePrompt() {
    Loaded<Persona> l = fixture("no-front-matter.md");
    assertThat(messages(l)).containsExactly(
        "harness/src/test/resources/fixtures/personas/no-front-matter.md:1:1: warning: no front matter ('---' block); the whole file is the system prompt and the name is 'no-front-matter'");
    assertThat(l.value().orElseThrow().body()).isEqualTo("You are a persona without front matter.\nAnswer briefly.");
  }

  @Test
  void misspelledFieldsAreWarnedUnknownOnesKept() {
    Loaded<Persona> l = fixture("typo.md");
    assertThat(messages(l)).containsExactly(
        "harness/src/test/resources/fixtures/personas/typo.md:3:1: warning: unknown field 'descripton' (did you mean 'description'?)",
        "harness/src/test/resources/fixtures/personas/typo.md:4:1: warning: unknown field 'modle' (did you mean 'model'?)");
    assertThat(l.value().orElseThrow().fields()).containsEntry("favouriteColour", "green");
  }

  @Test
  void brokenFilesGiveOneErrorEachWithTheirPlace() {
    assertThat(messages(fixture("unclosed.md"))).containsExactly(
        "harness/src/test/resources/fixtures/personas/unclosed.md:1:1: error: front matter opened with '---' is never closed; add a '---' line after the last field");
    assertThat(messages(fixture("empty-body.md"))).containsExactly(
        "harness/src/test/resources/fixtures/personas/empty-body.md:5:1: error: persona body is empty: the Markdown after the front matter is the system prompt");
    assertThat(messages(fixture("bad-tools.md"))).containsExactly(
        "harness/src/test/resources/fixtures/personas/bad-tools.md:3:1: error: 'tools' must be a comma-separated string or a list of tool names");
    assertThat(messages(fixture("duplicate-key.md"))).containsExactly(
        "harness/src/test/resources/fixtures/personas/duplicate-key.md:3:1: error: duplicate key in front matter: found duplicate key name");
    assertThat(messages(fixture("invalid-utf8.md"))).containsExactly(
        "harness/src/test/resources/fixtures/personas/invalid-utf8.md:3:1: error: file is not valid UTF-8 text (byte 0xFF at offset 14); save it as UTF-8");
    assertThat(messages(PersonaLoader.load(FIXTURES.resolve("does-not-exist.md")))).containsExactly(
        "harness/src/test/resources/fixtures/personas/does-not-exist.md: error: file not found");
    assertThat(fixture("unclosed.md").value()).isEmpty();
  }
}
