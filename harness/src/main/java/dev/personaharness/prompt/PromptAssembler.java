package dev.personaharness.prompt;

import dev.personaharness.core.Attachment;
import dev.personaharness.core.Hashing;
import dev.personaharness.core.Persona;
import dev.personaharness.core.Prompt;
import dev.personaharness.core.Task;
import dev.personaharness.core.Template;

/**
 * Builds the exact messages of one persona × task: system = the persona body; user = the rendered
 * task with its attachments inlined in fenced blocks. Deterministic: the same inputs give the same
 * bytes and the same hash.
 */
public final class PromptAssembler {
  private PromptAssembler() {}

  public static Prompt assemble(Persona persona, Task task) {
    String user = userMessage(task);
    return new Prompt(persona.body(), user, hash(persona.body(), user));
  }

  /** The user message of a task; it does not depend on the persona. */
  public static String userMessage(Task task) {
    StringBuilder sb = new StringBuilder(Template.render(task.prompt(), task.vars()).stripTrailing());
    for (Attachment a : task.attachments()) {
      String fence = "`".repeat(Math.max(3, longestBacktickRun(a.content()) + 1));
      sb.append("\n\nFile: `").append(a.path()).append("`\n")
          .append(fence).append(a.language()).append('\n')
          .append(a.content().endsWith("\n") ? a.content() : a.content() + "\n")
          .append(fence);
    }
    return sb.toString();
  }

  /**
   * SHA-256 over {@code "system" NUL system NUL "user" NUL user} in UTF-8: the messages, their
   * roles and their order, unambiguously.
   */
  public static String hash(String system, String user) {
    return Hashing.sha256("system\0" + system + "\0user\0" + user);
  }

  private static int longestBacktickRun(String s) {
    int best = 0;
    int run = 0;
    for (int i = 0; i < s.length(); i++) {
      run = s.charAt(i) == '`' ? run + 1 : 0;
      best = Math.max(best, run);
    }
    return best;
  }
}
