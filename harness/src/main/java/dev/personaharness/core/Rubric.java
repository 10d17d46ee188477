package dev.personaharness.core;

import java.util.List;

/** The checks of a task and the weighted-mean score an answer needs to pass. */
public record Rubric(double threshold, List<CheckSpec> checks) {
  public Rubric {
    if (threshold < 0 || threshold > 1) {
      throw new IllegalArgumentException("threshold must be in [0, 1]");
    }
    checks = List.copyOf(checks);
  }
}
