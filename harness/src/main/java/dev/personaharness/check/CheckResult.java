package dev.personaharness.check;

/** The outcome of one check on one answer: passed, failed, skipped or errored, each with its evidence. */
public sealed interface CheckResult {
  /** In [0, 1]; an errored check scores 0. */
  double score();

  /** What was found or missing, and where; for an errored check, why it could not be evaluated. */
  String evidence();

  default String status() {
    return this instanceof Passed ? "passed" : this instanceof Failed ? "failed" : this instanceof Skipped ? "skipped" : "errored";
  }

  static CheckResult of(boolean passed, double score, String evidence) {
    return passed ? new Passed(score, evidence) : new Failed(score, evidence);
  }

  /** The answer meets the check. */
  record Passed(double score, String evidence) implements CheckResult {
    public Passed {
      requireScore(score);
    }
  }

  /** The answer does not meet the check; the score may still give partial credit. */
  record Failed(double score, String evidence) implements CheckResult {
    public Failed {
      requireScore(score);
    }
  }

  /** The check was not run (a judge check with no judge configured): shown, and left out of the score. */
  record Skipped(String evidence) implements CheckResult {
    @Override
    public double score() {
      return 0;
    }
  }

  /** The check could not be evaluated: a bad argument, or the check itself failed. */
  record Errored(String evidence) implements CheckResult {
    @Override
    public double score() {
      return 0;
    }
  }

  private static void requireScore(double score) {
    if (!(score >= 0 && score <= 1)) {
      throw new IllegalArgumentException("score must be in [0, 1], was " + score);
    }
  }
}
