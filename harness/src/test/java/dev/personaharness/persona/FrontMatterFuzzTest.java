package dev.personaharness.persona;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.personaharness.core.Diagnostic;
import dev.personaharness.core.Hashing;
import dev.personaharness.core.Loaded;
import dev.personaharness.core.Persona;
import java.nio.charset.StandardCharsets;

/**
 * Coverage-guided fuzzing of persona files (front matter, YAML or lenient, and body). Seeds and
 * every crash found are in {@code FrontMatterFuzzTestInputs/} beside this class's resources and
 * run as regression tests in every build; see the README for the longer fuzzing command.
 */
class FrontMatterFuzzTest {
  @FuzzTest(maxDuration = "10s")
  void anyTextBecomesAPersonaOrDiagnosticsInsideTheFile(byte[] input) {
    String text = new String(input, StandardCharsets.UTF_8);
    Loaded<Persona> loaded = PersonaLoader.parse("fuzz", "fuzz.md", text);
    assertThat(loaded.value().isPresent()).as(loaded.diagnostics().toString()).isEqualTo(!loaded.hasErrors());
    loaded.value().ifPresent(p -> {
      assertThat(p.body()).isNotBlank();
      assertThat(p.hash()).isEqualTo(Hashing.sha256(Hashing.normalize(text)));
    });
    long lines = Hashing.normalize(text).split("\n", -1).length;
    for (Diagnostic d : loaded.diagnostics()) {
      assertThat(d.path()).isEqualTo("fuzz.md");
      assertThat(d.line()).as(d.format()).isBetween(0, (int) lines + 1);
      assertThat(d.message()).isNotBlank();
    }
  }
}
