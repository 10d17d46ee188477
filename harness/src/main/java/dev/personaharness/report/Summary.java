package dev.personaharness.report;

import dev.personaharness.stats.Interval;
import java.util.List;

/**
 * The numbers of a run, for machines ({@code summary.json}) and for the Markdown report. Each
 * task's epochs are first reduced by its reducer; a persona's score and pass rate are then means
 * over those task results, each with its standard error and 95% interval ({@code ci}: Student t
 * or percentile bootstrap) and the number of tasks behind it. Errored cases are counted, not
 * scored; a number is null where nothing was scored.
 */
public record Summary(
    String runId,
    String provider,
    String status,
    String ci,
    Counts counts,
    List<Standing> leaderboard,
    List<Cell> suites,
    List<Cell> categories,
    List<TaskResult> tasks,
    List<WeakTask> weakest,
    List<FailingCheck> failingChecks,
    List<Problem> problems,
    List<Cost> costs) {

  /** Case counts of the whole run. */
  public record Counts(long cases, long scored, long passed, long errored, long stale, long missing) {}

  /** A persona's overall standing, best first. */
  public record Standing(int rank, String persona, String name, Interval score, Interval passRate, long cases, long errored, long stale) {
    public Double meanScore() {
      return score == null ? null : score.mean();
    }
  }

  /** A persona's numbers on one suite, or on one category of a suite. */
  public record Cell(String persona, String suite, String category, Interval score, Interval passRate, long cases, long errored) {}

  /** One persona × task after reducing its epochs, with the spread across epochs. */
  public record TaskResult(String persona, String suite, String task, String category, String reducer, int epochs,
      double score, boolean passed, double min, double max, double sd) {}

  /** One of a persona's lowest-scoring tasks, with the checks it failed. */
  public record WeakTask(String persona, String suite, String task, double score, List<String> failedChecks) {}

  /** A check that failed for many personas. */
  public record FailingCheck(String suite, String task, String check, long failed, long evaluated) {}

  /** A persona's token use and, with a price table, its cost; {@code unpriced} cases had no price or usage. */
  public record Cost(String persona, long inputTokens, long outputTokens, Double usd, long unpriced) {}

  /** A case that is errored or stale, with why. */
  public record Problem(String persona, String suite, String task, int epoch, String kind, String reason) {}
}
