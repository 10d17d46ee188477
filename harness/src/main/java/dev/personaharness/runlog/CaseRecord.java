package dev.personaharness.runlog;

import dev.personaharness.core.CaseKey;
import dev.personaharness.core.Usage;
import java.util.List;

/**
 * One finished case as the run log keeps it: key, prompt identity, the answer exactly, who answered
 * and at what cost, every check with its evidence, score and pass. An errored case has an
 * {@code error} and no score. {@code retries} counts provider attempts after the first.
 */
public record CaseRecord(
    CaseKey key,
    String category,
    String personaHash,
    String promptHash,
    String model,
    String response,
    Usage usage,
    long latencyMillis,
    boolean stale,
    List<String> notes,
    String error,
    double threshold,
    List<CheckRecord> checks,
    Double score,
    Boolean passed,
    int retries) {

  public CaseRecord {
    notes = List.copyOf(notes);
    checks = List.copyOf(checks);
    usage = usage == null ? Usage.UNKNOWN : usage;
  }

  public boolean errored() {
    return error != null;
  }

  /** One check's outcome: {@code status} is passed, failed or errored. */
  public record CheckRecord(String type, String name, double weight, String status, double score, String evidence) {}
}
