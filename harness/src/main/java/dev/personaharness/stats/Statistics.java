package dev.personaharness.stats;

import java.util.Arrays;
import org.apache.commons.math3.distribution.TDistribution;
import org.apache.commons.math3.random.RandomGenerator;
import org.apache.commons.math3.random.Well19937c;
import org.apache.commons.math3.stat.descriptive.moment.StandardDeviation;
import org.apache.commons.math3.stat.descriptive.rank.Percentile;

/**
 * Confidence intervals for a mean over tasks (after epochs are reduced), from commons-math3.
 *
 * <ul>
 *   <li>Student t: mean ± t(1 − α/2, n − 1) · s / √n, with s the sample standard deviation
 *       (n − 1 denominator). Exact for normal data; the default.
 *   <li>Percentile bootstrap: resample the n values with replacement B times, take the mean of
 *       each resample, and report the α/2 and 1 − α/2 percentiles of those means. The generator is
 *       seeded, so the same data always give the same interval.
 * </ul>
 */
public final class Statistics {
  /** Which interval a report shows. */
  public enum Method {
    T("t"), BOOTSTRAP("bootstrap");

    private final String label;

    Method(String label) {
      this.label = label;
    }

    public String label() {
      return label;
    }
  }

  public static final double CONFIDENCE = 0.95;
  public static final int BOOTSTRAP_RESAMPLES = 10_000;
  public static final long BOOTSTRAP_SEED = 20261123L;

  private Statistics() {}

  public static Interval interval(double[] values, Method method) {
    return method == Method.T ? studentT(values, CONFIDENCE) : bootstrap(values, CONFIDENCE, BOOTSTRAP_RESAMPLES, BOOTSTRAP_SEED);
  }

  public static Interval studentT(double[] values, double confidence) {
    int n = values.length;
    double mean = mean(values);
    if (n < 2) {
      return new Interval(mean, null, null, null, n, "t");
    }
    double se = new StandardDeviation(true).evaluate(values) / Math.sqrt(n);
    double t = new TDistribution(n - 1).inverseCumulativeProbability(1 - (1 - confidence) / 2);
    return new Interval(mean, se, mean - t * se, mean + t * se, n, "t");
  }

  public static Interval bootstrap(double[] values, double confidence, int resamples, long seed) {
    int n = values.length;
    double mean = mean(values);
    if (n < 2) {
      return new Interval(mean, null, null, null, n, "bootstrap");
    }
    RandomGenerator random = new Well19937c(seed);
    double[] means = new double[resamples];
    for (int b = 0; b < resamples; b++) {
      double sum = 0;
      for (int i = 0; i < n; i++) {
        sum += values[random.nextInt(n)];
      }
      means[b] = sum / n;
    }
    double alpha = 1 - confidence;
    Percentile p = new Percentile().withEstimationType(Percentile.EstimationType.R_7);
    double se = new StandardDeviation(true).evaluate(means);
    return new Interval(mean, se, p.evaluate(means, 100 * alpha / 2), p.evaluate(means, 100 * (1 - alpha / 2)), n, "bootstrap");
  }

  private static double mean(double[] values) {
    return values.length == 0 ? Double.NaN : Arrays.stream(values).average().orElse(Double.NaN);
  }
}
