package dev.personaharness.stats;

import java.util.Arrays;
import java.util.Random;
import org.apache.commons.math3.distribution.BinomialDistribution;

/**
 * Paired tests for comparing two revisions on the same tasks.
 *
 * <ul>
 *   <li>Exact McNemar: of the tasks whose pass state differs, {@code b} went fail→pass and
 *       {@code c} pass→fail; under no change each is Binomial(b + c, ½), and the two-sided p is
 *       min(1, 2·P(X ≤ min(b, c))).
 *   <li>Paired sign-flip permutation test on score deltas: under no change each delta's sign is a
 *       coin flip; p is the share of sign assignments whose |mean| is at least the observed one
 *       (all 2ⁿ when n ≤ 20, else 100,000 seeded random ones, counted as (k + 1)/(N + 1)).
 *   <li>Holm's step-down correction of several p-values.
 * </ul>
 */
public final class PairedTests {
  static final int EXACT_LIMIT = 20;
  static final int RANDOM_FLIPS = 100_000;

  private PairedTests() {}

  public static double mcnemarExact(int failToPass, int passToFail) {
    int n = failToPass + passToFail;
    if (n == 0) {
      return 1.0;
    }
    double tail = new BinomialDistribution(null, n, 0.5).cumulativeProbability(Math.min(failToPass, passToFail));
    return Math.min(1.0, 2 * tail);
  }

  public static double signFlip(double[] deltas, long seed) {
    int n = deltas.length;
    if (n == 0) {
      return 1.0;
    }
    double observed = Math.abs(Arrays.stream(deltas).sum());
    double eps = 1e-12 * Math.max(1, observed);
    if (n <= EXACT_LIMIT) {
      long extreme = 0;
      long total = 1L << n;
      for (long mask = 0; mask < total; mask++) {
        double sum = 0;
        for (int i = 0; i < n; i++) {
          sum += ((mask >> i) & 1) == 1 ? -deltas[i] : deltas[i];
        }
        if (Math.abs(sum) >= observed - eps) {
          extreme++;
        }
      }
      return (double) extreme / total;
    }
    Random random = new Random(seed);
    long extreme = 0;
    for (int k = 0; k < RANDOM_FLIPS; k++) {
      double sum = 0;
      for (double d : deltas) {
        sum += random.nextBoolean() ? -d : d;
      }
      if (Math.abs(sum) >= observed - eps) {
        extreme++;
      }
    }
    return (extreme + 1.0) / (RANDOM_FLIPS + 1.0);
  }

  /** Holm-adjusted p-values, in the order given: p(i) sorted ascending times (m − i), made monotone, capped at 1. */
  public static double[] holm(double[] p) {
    int m = p.length;
    Integer[] order = new Integer[m];
    for (int i = 0; i < m; i++) {
      order[i] = i;
    }
    Arrays.sort(order, (a, b) -> Double.compare(p[a], p[b]));
    double[] adjusted = new double[m];
    double running = 0;
    for (int rank = 0; rank < m; rank++) {
      int i = order[rank];
      running = Math.max(running, Math.min(1.0, (m - rank) * p[i]));
      adjusted[i] = running;
    }
    return adjusted;
  }
}
