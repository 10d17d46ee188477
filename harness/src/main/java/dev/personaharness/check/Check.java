package dev.personaharness.check;

import java.util.List;

/**
 * A rubric check type, found by name. Add one by implementing this interface and listing the class
 * in {@code META-INF/services/dev.personaharness.check.Check}; a suite then names {@link #type()}
 * as a check key. {@link #evaluate} is the one method that must do work.
 */
public interface Check {
  /** The key suites use, e.g. {@code contains}. */
  String type();

  /** Scores one answer; never throws for a bad answer (a throw is recorded as an errored check). */
  CheckResult evaluate(CheckInput input);

  /** Problems with a suite's argument for this check, found at validation time; empty when fine. */
  default List<String> validate(Object argument) {
    return List.of();
  }

  /** As {@link #validate(Object)}, for checks that read files relative to the suite's folder. */
  default List<String> validate(Object argument, java.nio.file.Path suiteFolder) {
    return validate(argument);
  }
}
