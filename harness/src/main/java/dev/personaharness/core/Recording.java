package dev.personaharness.core;

import java.util.Objects;

/**
 * A stored model answer for one case, with the persona and prompt hashes it was produced against,
 * the model that produced it and when. The text is kept byte for byte.
 */
public record Recording(
    CaseKey key, String model, String recordedAt, String personaHash, String promptHash, Usage usage, String text) {
  /**
   * Longer answers are neither scored nor stored: no real answer comes near (64k output tokens are
   * about 250k characters), and the run log, the cache and the recordings stay readable.
   */
  public static final int MAX_ANSWER_CHARS = 4 * 1024 * 1024;

  public Recording {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(model, "model");
    Objects.requireNonNull(recordedAt, "recordedAt");
    Objects.requireNonNull(personaHash, "personaHash");
    Objects.requireNonNull(promptHash, "promptHash");
    Objects.requireNonNull(text, "text");
    usage = usage == null ? Usage.UNKNOWN : usage;
  }
}
