package dev.personaharness.core;

import java.util.Objects;

/** The exact messages one case sends to a model, and the SHA-256 that identifies them. */
public record Prompt(String system, String user, String hash) {
  public Prompt {
    Objects.requireNonNull(system, "system");
    Objects.requireNonNull(user, "user");
    Objects.requireNonNull(hash, "hash");
  }
}
