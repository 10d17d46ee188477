package dev.personaharness.core;

import java.util.List;

/** The checks of a task, the weighted-mean score an answer needs to pass, and how epochs reduce. */
public record Rubric(double threshold, List<CheckSpec> checks, Reducer reducer) {
  public Rubric(double threshold, List<CheckSpec> checks) {
    this(threshold, checks, Reducer.MEAN);
  }

  public Rubric {
    reducer = reducer == null ? Reducer.MEAN : reducer;
    if (threshold < 0 || threshold > 1) {
      throw new IllegalArgumentException("threshold must be in [0, 1]");
    }
    checks = List.copyOf(checks);
  }
}
