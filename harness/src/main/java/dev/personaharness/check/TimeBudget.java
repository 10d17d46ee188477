package dev.personaharness.check;

/**
 * Runs suite regexes under a time budget. java.util.regex backtracks, so a pattern like
 * {@code (a+)+$} on a long answer can take forever; reading the answer through this sequence makes
 * every step check the clock, and a match that overruns becomes an errored check instead of a hung run.
 */
final class TimeBudget implements CharSequence {
  /** Per regex evaluation. */
  static final long BUDGET_NANOS = 2_000_000_000L;

  /** Thrown when the budget is spent. */
  static final class Exceeded extends RuntimeException {
    private static final long serialVersionUID = 1L;

    Exceeded() {
      super("regex ran over its " + BUDGET_NANOS / 1_000_000_000 + " s budget (catastrophic backtracking?); simplify the pattern",
          null, false, false);
    }
  }

  private final CharSequence text;
  private final long deadline;
  private int reads;

  private TimeBudget(CharSequence text, long deadline) {
    this.text = text;
    this.deadline = deadline;
  }

  static CharSequence of(String text) {
    return new TimeBudget(text, System.nanoTime() + BUDGET_NANOS);
  }

  @Override
  public char charAt(int index) {
    if ((++reads & 0xFFF) == 0 && System.nanoTime() > deadline) {
      throw new Exceeded();
    }
    return text.charAt(index);
  }

  @Override
  public int length() {
    return text.length();
  }

  @Override
  public CharSequence subSequence(int start, int end) {
    return new TimeBudget(text.subSequence(start, end), deadline);
  }

  @Override
  public String toString() {
    return text.toString();
  }
}
