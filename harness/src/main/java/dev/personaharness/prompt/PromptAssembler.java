package dev.personaharness.prompt;

import dev.personaharness.core.Attachment;
import dev.personaharness.core.Hashing;
import dev.personaharness.core.Persona;
import dev.personaharness.core.Prompt;
import dev.personaharness.core.Task;
import dev.personaharness.core.Template;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;

/**
 * Builds the exact messages of one persona × task: system = the persona body; user = the rendered
 * task with its attachments inlined in fenced blocks. Deterministic: the same inputs give the same
 * bytes and the same hash. Assembly works on loaded values only and never reads a file; it costs
 * less than twice copying and hashing the final bytes (docs/performance.md): the user message is
 * joined once at its exact size, and the hash reads attachments from the bytes encoded at load.
 */
public final class PromptAssembler {
  private static final byte[] SYSTEM = "system\0".getBytes(StandardCharsets.UTF_8);
  private static final byte[] USER = "\0user\0".getBytes(StandardCharsets.UTF_8);
  /** Pieces per attachment: header, path, "`\n", fence, language, "\n", content, "\n" or "", fence. */
  private static final int PIECES = 9;
  private static final int CONTENT = 6;

  private PromptAssembler() {}

  public static Prompt assemble(Persona persona, Task task) {
    String[] pieces = pieces(task);
    MessageDigest sha = Hashing.newSha256();
    sha.update(SYSTEM);
    Hashing.updateUtf8(sha, persona.body());
    sha.update(USER);
    List<Attachment> attachments = task.attachments();
    for (int i = 0; i < pieces.length; i++) {
      int at = i - 1;
      if (at >= 0 && at % PIECES == CONTENT) {
        attachments.get(at / PIECES).updateDigest(sha);
      } else {
        Hashing.updateUtf8(sha, pieces[i]);
      }
    }
    return new Prompt(persona.body(), String.join("", pieces), Hashing.hex(sha.digest()));
  }

  /** The user message of a task; it does not depend on the persona. */
  public static String userMessage(Task task) {
    return String.join("", pieces(task));
  }

  /**
   * SHA-256 over {@code "system" NUL system NUL "user" NUL user} in UTF-8: the messages, their
   * roles and their order, unambiguously.
   */
  public static String hash(String system, String user) {
    MessageDigest sha = Hashing.newSha256();
    sha.update(SYSTEM);
    Hashing.updateUtf8(sha, system);
    sha.update(USER);
    Hashing.updateUtf8(sha, user);
    return Hashing.hex(sha.digest());
  }

  /** The user message in the pieces it is joined from: the rendered template, then {@link #PIECES} per attachment. */
  private static String[] pieces(Task task) {
    List<Attachment> attachments = task.attachments();
    String[] pieces = new String[1 + PIECES * attachments.size()];
    pieces[0] = Template.render(task.prompt(), task.vars()).stripTrailing();
    int i = 1;
    for (Attachment a : attachments) {
      String fence = "`".repeat(Math.max(3, longestBacktickRun(a.content()) + 1));
      pieces[i++] = "\n\nFile: `";
      pieces[i++] = a.path();
      pieces[i++] = "`\n";
      pieces[i++] = fence;
      pieces[i++] = a.language();
      pieces[i++] = "\n";
      pieces[i++] = a.content();
      pieces[i++] = a.content().endsWith("\n") ? "" : "\n";
      pieces[i++] = fence;
    }
    return pieces;
  }

  private static int longestBacktickRun(String s) {
    int best = 0;
    for (int i = s.indexOf('`'); i >= 0; ) {
      int j = i + 1;
      while (j < s.length() && s.charAt(j) == '`') {
        j++;
      }
      best = Math.max(best, j - i);
      i = s.indexOf('`', j);
    }
    return best;
  }
}
