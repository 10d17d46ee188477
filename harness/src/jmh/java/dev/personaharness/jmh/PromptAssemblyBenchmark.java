package dev.personaharness.jmh;

import dev.personaharness.core.Loaded;
import dev.personaharness.core.Persona;
import dev.personaharness.core.Prompt;
import dev.personaharness.core.Template;
import dev.personaharness.persona.PersonaLoader;
import dev.personaharness.prompt.PromptAssembler;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Setup;

/**
 * The prompt-assembly path of one case, step by step (persona parsing, template rendering,
 * attachment inlining, the hash, the whole assembly), next to {@link #limit()}: only the
 * irreducible work on the same input, copying the final bytes together and hashing them.
 */
public class PromptAssemblyBenchmark extends Settings {
  @Param({"shipped", "large"})
  public String input;

  private Inputs in;
  private String user;
  private byte[][] parts;
  private MessageDigest sha256;

  @Setup
  public void setUp() throws NoSuchAlgorithmException {
    in = Inputs.of(input);
    user = PromptAssembler.userMessage(in.task);
    parts = Inputs.finalParts(in.persona, in.task);
    sha256 = MessageDigest.getInstance("SHA-256");
    String expected = PromptAssembler.assemble(in.persona, in.task).hash();
    if (!limit().equals(expected)) {
      throw new IllegalStateException("the limit benchmark does not hash the bytes assembly hashes");
    }
  }

  /** Front matter and body of the persona file, as loading does after reading it. */
  @Benchmark
  public Loaded<Persona> parsePersona() {
    return PersonaLoader.parse(in.persona.id(), in.persona.path(), in.personaText);
  }

  /** The task's template with its variables substituted. */
  @Benchmark
  public String renderTemplate() {
    return Template.render(in.task.prompt(), in.task.vars());
  }

  /** The user message: the rendered template with every attachment inlined in a fence. */
  @Benchmark
  public String inlineAttachments() {
    return PromptAssembler.userMessage(in.task);
  }

  /** The prompt hash of messages already built. */
  @Benchmark
  public String hash() {
    return PromptAssembler.hash(in.persona.body(), user);
  }

  /** The full assembly of one case from a loaded persona and task: both messages and the hash. */
  @Benchmark
  public Prompt assemble() {
    return PromptAssembler.assemble(in.persona, in.task);
  }

  /** The floor: the final bytes (already encoded, in pieces) copied into one array and hashed. */
  @Benchmark
  public String limit() {
    return Inputs.joinAndHash(parts, sha256);
  }
}
