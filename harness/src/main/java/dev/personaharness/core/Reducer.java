package dev.personaharness.core;

import java.util.List;
import java.util.Optional;

/**
 * How a task's epochs become one result. {@code mean}: the mean score, passing when it reaches
 * the threshold. {@code pass@k}: passes when any of the k epochs passed; scores the best epoch.
 * {@code pass^k}: passes only when all k passed; scores the worst. {@code majority}: passes when
 * more than half passed; scores the median.
 */
public enum Reducer {
  MEAN("mean"), PASS_AT_K("pass@k"), PASS_ALL_K("pass^k"), MAJORITY("majority");

  private final String label;

  Reducer(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }

  public static Optional<Reducer> parse(String s) {
    for (Reducer r : values()) {
      if (r.label.equals(s)) {
        return Optional.of(r);
      }
    }
    return Optional.empty();
  }

  public static List<String> labels() {
    return java.util.Arrays.stream(values()).map(Reducer::label).toList();
  }

  /** One task's epochs reduced: the score and pass the reports use. */
  public record Reduced(double score, boolean passed) {}

  public Reduced reduce(List<Double> scores, List<Boolean> passes, double threshold) {
    if (scores.isEmpty()) {
      throw new IllegalArgumentException("nothing to reduce");
    }
    double[] sorted = scores.stream().mapToDouble(Double::doubleValue).sorted().toArray();
    long passed = passes.stream().filter(Boolean::booleanValue).count();
    return switch (this) {
      case MEAN -> {
        double mean = java.util.Arrays.stream(sorted).average().orElseThrow();
        yield new Reduced(mean, mean >= threshold - 1e-9);
      }
      case PASS_AT_K -> new Reduced(sorted[sorted.length - 1], passed > 0);
      case PASS_ALL_K -> new Reduced(sorted[0], passed == passes.size());
      case MAJORITY -> {
        int n = sorted.length;
        double median = n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
        yield new Reduced(median, passed * 2 > passes.size());
      }
    };
  }
}
