package dev.personaharness.check;

import java.util.List;

/** An answer scored against a rubric: each check's outcome, the weighted mean, and pass or fail. */
public record Scored(double score, boolean passed, List<Outcome> checks) {
  public Scored {
    checks = List.copyOf(checks);
  }

  /** One check's result, with the name and weight it had in the rubric. */
  public record Outcome(String type, String name, double weight, CheckResult result) {}
}
