package dev.personaharness.jmh;

import dev.personaharness.core.Persona;
import dev.personaharness.core.Suite;
import dev.personaharness.core.Task;
import dev.personaharness.project.Project;
import dev.personaharness.prompt.PromptAssembler;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.List;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Every case of the shipped matrix (5 personas × 24 tasks) assembled from a project loaded once,
 * against the limit on the same 120 prompts, and against loading the project again: what
 * assembly would cost if it re-read and re-parsed the files.
 */
public class SuiteAssemblyBenchmark extends Settings {
  private Project project;
  private final List<byte[][]> parts = new ArrayList<>();
  private MessageDigest sha256;

  @Setup
  public void setUp() throws NoSuchAlgorithmException {
    project = Inputs.shippedProject();
    for (Persona p : project.personas()) {
      for (Suite s : project.suites()) {
        for (Task t : s.tasks()) {
          parts.add(Inputs.finalParts(p, t));
        }
      }
    }
    sha256 = MessageDigest.getInstance("SHA-256");
  }

  /** All 120 prompts of the prepared project: no file is read or parsed. */
  @Benchmark
  public void assembleAll(Blackhole bh) {
    for (Persona p : project.personas()) {
      for (Suite s : project.suites()) {
        for (Task t : s.tasks()) {
          bh.consume(PromptAssembler.assemble(p, t));
        }
      }
    }
  }

  /** The floor for the same 120 prompts: their final bytes copied together and hashed. */
  @Benchmark
  public void limitAll(Blackhole bh) {
    for (byte[][] prompt : parts) {
      bh.consume(Inputs.joinAndHash(prompt, sha256));
    }
  }

  /** Reading, parsing and validating agents/ and suites/ again: the cost a prepared project saves. */
  @Benchmark
  public Project loadProject() {
    return Inputs.shippedProject();
  }
}
