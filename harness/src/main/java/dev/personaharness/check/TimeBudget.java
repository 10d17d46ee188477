package dev.personaharness.check;

/**
 * Runs suite regexes under a budget. java.util.regex backtracks, so a pattern like
 * {@code (a|a)+b} on a long answer can take forever; reading the answer through this sequence
 * counts every character the engine reads, and a match that overruns becomes an errored check
 * instead of a hung run. The budget is a number of reads, not a time, so the same answer and
 * pattern give the same result on every machine; a wall-clock backstop catches the rest.
 */
final class TimeBudget implements CharSequence {
  /** Reads every evaluation may make (under 2 s of backtracking on the 2-core machine this was tuned on)... */
  static final long BASE_READS = 200_000_000L;
  /** ...plus this many per character of the answer, so that long answers are not cut short by linear work. */
  static final long READS_PER_CHAR = 200;
  /** For answers so long that the read budget itself would take minutes. */
  static final long BACKSTOP_NANOS = 30_000_000_000L;

  /** Thrown when the budget is spent. */
  static final class Exceeded extends RuntimeException {
    private static final long serialVersionUID = 1L;

    Exceeded(String what) {
      super("regex gave up after " + what + " (catastrophic backtracking?); simplify the pattern", null, false, false);
    }
  }

  /** What is left of one evaluation's budget, shared by the sub-sequences the engine takes. */
  private static final class Budget {
    private final long reads;
    private final long deadline;
    private long left;

    Budget(long reads, long deadline) {
      this.reads = reads;
      this.left = reads;
      this.deadline = deadline;
    }
  }

  private final CharSequence text;
  private final Budget budget;

  private TimeBudget(CharSequence text, Budget budget) {
    this.text = text;
    this.budget = budget;
  }

  static CharSequence of(String text) {
    return new TimeBudget(text, new Budget(BASE_READS + READS_PER_CHAR * text.length(), System.nanoTime() + BACKSTOP_NANOS));
  }

  @Override
  public char charAt(int index) {
    long left = --budget.left;
    if (left < 0) {
      throw new Exceeded(budget.reads + " character reads");
    }
    if ((left & 0xFFFF) == 0 && System.nanoTime() > budget.deadline) {
      throw new Exceeded(BACKSTOP_NANOS / 1_000_000_000 + " s");
    }
    return text.charAt(index);
  }

  @Override
  public int length() {
    return text.length();
  }

  @Override
  public CharSequence subSequence(int start, int end) {
    return new TimeBudget(text.subSequence(start, end), budget);
  }

  @Override
  public String toString() {
    return text.toString();
  }
}
