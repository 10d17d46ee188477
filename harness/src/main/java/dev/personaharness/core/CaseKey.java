package dev.personaharness.core;

import java.util.Objects;

/** Identifies one case: persona × suite × task × epoch (epochs count from 1). */
public record CaseKey(String persona, String suite, String task, int epoch) implements Comparable<CaseKey> {
  public CaseKey {
    Objects.requireNonNull(persona, "persona");
    Objects.requireNonNull(suite, "suite");
    Objects.requireNonNull(task, "task");
    if (epoch < 1) {
      throw new IllegalArgumentException("epoch must be at least 1");
    }
  }

  @Override
  public String toString() {
    return persona + " × " + suite + "/" + task + " #" + epoch;
  }

  @Override
  public int compareTo(CaseKey o) {
    int c = persona.compareTo(o.persona);
    if (c == 0) {
      c = suite.compareTo(o.suite);
    }
    if (c == 0) {
      c = task.compareTo(o.task);
    }
    return c != 0 ? c : Integer.compare(epoch, o.epoch);
  }
}
