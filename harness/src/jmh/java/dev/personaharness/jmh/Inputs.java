package dev.personaharness.jmh;

import dev.personaharness.core.Attachment;
import dev.personaharness.core.CheckSpec;
import dev.personaharness.core.Persona;
import dev.personaharness.core.Rubric;
import dev.personaharness.core.Suite;
import dev.personaharness.core.Task;
import dev.personaharness.core.Template;
import dev.personaharness.persona.PersonaLoader;
import dev.personaharness.project.Project;
import dev.personaharness.prompt.PromptAssembler;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the benchmarks assemble: the shipped case with the largest prompt (persona file text, parsed
 * persona, task), or a large generated one; and, for the limit benchmarks, the exact bytes the
 * prompt hash is taken over, cut at the places assembly joins them.
 */
final class Inputs {
  final String personaText;
  final Persona persona;
  final Task task;

  private Inputs(String personaText, Persona persona, Task task) {
    this.personaText = personaText;
    this.persona = persona;
    this.task = task;
  }

  /** {@code shipped}: the largest prompt of agents/ × suites/; {@code large}: a generated task of about 1 MB. */
  static Inputs of(String which) {
    return switch (which) {
      case "shipped" -> shipped();
      case "large" -> large();
      default -> throw new IllegalArgumentException(which);
    };
  }

  static Project shippedProject() {
    return Project.standard(Path.of("")).requireValid();
  }

  private static Inputs shipped() {
    Project project = shippedProject();
    Persona best = null;
    Task bestTask = null;
    long bestSize = -1;
    for (Persona p : project.personas()) {
      for (Suite s : project.suites()) {
        for (Task t : s.tasks()) {
          long size = p.body().length() + PromptAssembler.userMessage(t).length();
          if (size > bestSize) {
            bestSize = size;
            best = p;
            bestTask = t;
          }
        }
      }
    }
    try {
      return new Inputs(Files.readString(Path.of(best.path()), StandardCharsets.UTF_8), best, bestTask);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A persona of 24 KB and a task of 16 KB with 100 variables and four 256 KB attachments (a little non-ASCII, some backticks). */
  private static Inputs large() {
    StringBuilder persona = new StringBuilder("---\nname: large-generated\ndescription: \"A generated persona: review, design, debug\"\n"
        + "tools: Read, Grep, Glob\nmodel: inherit\n---\n\n# Role\n\n");
    for (int i = 0; persona.length() < 24 * 1024; i++) {
      persona.append("- Rule ").append(i).append(": prefer explicit contracts over clever code; measure before tuning — always.\n");
    }
    String text = persona.toString();
    Persona p = PersonaLoader.parse("large-generated", "agents/large-generated.md", text).value().orElseThrow();
    Map<String, String> vars = new LinkedHashMap<>();
    StringBuilder prompt = new StringBuilder();
    for (int i = 0; prompt.length() < 16 * 1024; i++) {
      String name = "var_" + (i % 100);
      vars.putIfAbsent(name, "value " + i + " of the service called checkout-" + i);
      prompt.append("Line ").append(i).append(" mentions {{").append(name).append("}} and { braces } that are not variables.\n");
    }
    List<Attachment> attachments = new ArrayList<>();
    for (int a = 0; a < 4; a++) {
      StringBuilder content = new StringBuilder();
      for (int i = 0; content.length() < 256 * 1024; i++) {
        content.append(i % 97 == 0 ? "// see ``` in the docs, café → façade\n" : "2026-11-23T10:00:" + (i % 60)
            + "Z INFO order-" + i + " processed in " + (i % 250) + " ms by worker-" + (i % 16) + "\n");
      }
      attachments.add(new Attachment("files/large/part-" + a + ".log", "text", content.toString()));
    }
    Task t = new Task("large-generated", "bench", List.of(), prompt.toString().stripTrailing(), vars, attachments,
        new Rubric(0.5, List.of(new CheckSpec("contains", "x", 1, null, 1, 1))), 1);
    return new Inputs(text, p, t);
  }

  /**
   * The bytes the prompt hash covers ({@code "system" NUL system NUL "user" NUL user} in UTF-8), in
   * the pieces assembly puts together: what any assembler must at least copy and hash.
   */
  static byte[][] finalParts(Persona persona, Task task) {
    List<String> parts = new ArrayList<>();
    parts.add("system\0");
    parts.add(persona.body());
    parts.add("\0user\0");
    parts.add(Template.render(task.prompt(), task.vars()).stripTrailing());
    for (Attachment a : task.attachments()) {
      String fence = "`".repeat(Math.max(3, longestRun(a.content()) + 1));
      parts.add("\n\nFile: `" + a.path() + "`\n" + fence + a.language() + "\n");
      parts.add(a.content().endsWith("\n") ? a.content() : a.content() + "\n");
      parts.add(fence);
    }
    byte[][] bytes = new byte[parts.size()][];
    for (int i = 0; i < bytes.length; i++) {
      bytes[i] = parts.get(i).getBytes(StandardCharsets.UTF_8);
    }
    return bytes;
  }

  /** The limit's work: the pieces copied into one array, hashed, shown as hex. */
  static String joinAndHash(byte[][] parts, MessageDigest sha256) {
    int total = 0;
    for (byte[] p : parts) {
      total += p.length;
    }
    byte[] all = new byte[total];
    int at = 0;
    for (byte[] p : parts) {
      System.arraycopy(p, 0, all, at, p.length);
      at += p.length;
    }
    return HexFormat.of().formatHex(sha256.digest(all));
  }

  private static int longestRun(String s) {
    int best = 0;
    int run = 0;
    for (int i = 0; i < s.length(); i++) {
      run = s.charAt(i) == '`' ? run + 1 : 0;
      best = Math.max(best, run);
    }
    return best;
  }
}
