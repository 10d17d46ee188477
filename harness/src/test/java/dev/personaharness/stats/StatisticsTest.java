package dev.personaharness.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class StatisticsTest {
  @Test
  void studentTMatchesR() {
    // R 4.x: t.test(c(1, 2, 3, 4, 5))$conf.int  ->  1.036757 4.963243 ; sd/sqrt(5) = 0.7071068
    Interval i = Statistics.studentT(new double[] {1, 2, 3, 4, 5}, 0.95);
    assertThat(i.mean()).isEqualTo(3.0);
    assertThat(i.standardError()).isCloseTo(0.7071068, within(1e-7));
    assertThat(i.low()).isCloseTo(1.036757, within(1e-6));
    assertThat(i.high()).isCloseTo(4.963243, within(1e-6));
    assertThat(i.n()).isEqualTo(5);
  }

  @Test
  void studentTOnScoresInTheUnitInterval() {
    // R: x <- c(0.9, 0.75, 1, 0.6); t.test(x)$conf.int -> 0.5392578 1.0857422
    // (mean 0.8125, sd 0.1750, se 0.0875, qt(0.975, 3) = 3.182446)
    Interval i = Statistics.studentT(new double[] {0.9, 0.75, 1, 0.6}, 0.95);
    assertThat(i.mean()).isCloseTo(0.8125, within(1e-12));
    assertThat(i.standardError()).isCloseTo(0.0875, within(1e-12));
    assertThat(i.low()).isCloseTo(0.8125 - 3.182446 * 0.0875, within(1e-6));
    assertThat(i.high()).isCloseTo(0.8125 + 3.182446 * 0.0875, within(1e-6));
  }

  @Test
  void oneValueHasNoInterval() {
    Interval i = Statistics.studentT(new double[] {0.7}, 0.95);
    assertThat(i.mean()).isEqualTo(0.7);
    assertThat(i.low()).isNull();
    assertThat(i.standardError()).isNull();
  }

  @Test
  void bootstrapIsSeededAndCoversTheMean() {
    double[] x = {0.2, 0.4, 0.5, 0.9, 1.0, 0.8, 0.6, 0.7};
    Interval a = Statistics.bootstrap(x, 0.95, 10_000, 42);
    Interval b = Statistics.bootstrap(x, 0.95, 10_000, 42);
    assertThat(a).isEqualTo(b);
    assertThat(a.low()).isLessThan(a.mean());
    assertThat(a.high()).isGreaterThan(a.mean());
    // the bootstrap standard error of a mean approaches s * sqrt((n-1)/n) / sqrt(n) = 0.0880 here
    assertThat(a.standardError()).isCloseTo(0.0880, within(0.004));
    // and a constant sample has a zero-width interval
    Interval c = Statistics.bootstrap(new double[] {1, 1, 1}, 0.95, 1000, 1);
    assertThat(c.low()).isEqualTo(1.0);
    assertThat(c.high()).isEqualTo(1.0);
  }
}
