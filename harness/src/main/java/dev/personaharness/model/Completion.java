package dev.personaharness.model;

import dev.personaharness.core.Recording;
import dev.personaharness.core.Usage;
import java.util.List;

/**
 * What a model client returns for one case: the answer text, or an error that makes the case
 * errored (a missing recording, a provider failure). {@code notes} say how the answer was obtained
 * (e.g. that a recording is stale), and {@code stale} marks answers recorded against another prompt;
 * {@code retries} counts the attempts after the first.
 */
public record Completion(
    String text, String model, Usage usage, long latencyMillis, String error, boolean stale, List<String> notes, int retries) {
  public Completion {
    usage = usage == null ? Usage.UNKNOWN : usage;
    notes = List.copyOf(notes);
    if ((text == null) == (error == null)) {
      throw new IllegalArgumentException("a completion has either text or an error");
    }
  }

  /** An answer; one over {@link Recording#MAX_ANSWER_CHARS} is a failure saying so, whichever client got it. */
  public static Completion answer(String text, String model, Usage usage, long latencyMillis, boolean stale, List<String> notes) {
    if (text != null && text.length() > Recording.MAX_ANSWER_CHARS) {
      return new Completion(null, model, usage, latencyMillis, "the answer is " + text.length() + " characters, over the "
          + Recording.MAX_ANSWER_CHARS + "-character limit for answers; it was neither scored nor stored", stale, notes, 0);
    }
    return new Completion(text, model, usage, latencyMillis, null, stale, notes, 0);
  }

  public static Completion failure(String error, String model, long latencyMillis, boolean stale, List<String> notes) {
    return new Completion(null, model, Usage.UNKNOWN, latencyMillis, error, stale, notes, 0);
  }

  /** The same completion after {@code n} retries. */
  public Completion withRetries(int n) {
    return new Completion(text, model, usage, latencyMillis, error, stale, notes, n);
  }

  public boolean failed() {
    return error != null;
  }
}
