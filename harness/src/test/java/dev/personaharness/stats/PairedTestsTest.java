package dev.personaharness.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class PairedTestsTest {
  @Test
  void exactMcNemarMatchesTheBinomialTest() {
    // R: binom.test(1, 9, 0.5)$p.value = 0.0390625 (b = 8, c = 1)
    assertThat(PairedTests.mcnemarExact(8, 1)).isCloseTo(0.0390625, within(1e-12));
    // R: binom.test(3, 6, 0.5)$p.value = 1
    assertThat(PairedTests.mcnemarExact(3, 3)).isEqualTo(1.0);
    // R: binom.test(0, 5, 0.5)$p.value = 0.0625
    assertThat(PairedTests.mcnemarExact(0, 5)).isCloseTo(0.0625, within(1e-12));
    assertThat(PairedTests.mcnemarExact(0, 0)).isEqualTo(1.0);
  }

  @Test
  void signFlipIsExactForSmallSamples() {
    // deltas all positive, n = 5: only the two all-same-sign assignments reach |sum| = 1.5 -> p = 2/32
    assertThat(PairedTests.signFlip(new double[] {0.1, 0.2, 0.3, 0.4, 0.5}, 1)).isEqualTo(2.0 / 32);
    // {1, -1}: every assignment has |sum| 0 or 2 >= 0 -> p = 1
    assertThat(PairedTests.signFlip(new double[] {1, -1}, 1)).isEqualTo(1.0);
    // {0.5, 0.1, -0.1}: observed 0.5; assignments with |sum| >= 0.5: (+,+,-),(+,-,+),(-,+,-),(-,-,+),(+,+,+)=0.7? 0.5+0.1+0.1
    // enumerate: sums of ±0.5 ±0.1 ±0.1 -> 0.7,0.5,0.5,0.3,-0.3,-0.5,-0.5,-0.7: six of eight reach 0.5
    assertThat(PairedTests.signFlip(new double[] {0.5, 0.1, -0.1}, 1)).isEqualTo(6.0 / 8);
  }

  @Test
  void signFlipSamplesLargeOnesReproducibly() {
    double[] d = new double[30];
    for (int i = 0; i < d.length; i++) {
      d[i] = (i % 3 == 0 ? -0.05 : 0.1);
    }
    double p = PairedTests.signFlip(d, 7);
    assertThat(p).isEqualTo(PairedTests.signFlip(d, 7)).isLessThan(0.01);
  }

  @Test
  void holmMatchesR() {
    // R: p.adjust(c(0.01, 0.04, 0.03, 0.20), "holm") = 0.04 0.09 0.09 0.20
    assertThat(PairedTests.holm(new double[] {0.01, 0.04, 0.03, 0.20})).containsExactly(new double[] {0.04, 0.09, 0.09, 0.20}, within(1e-12));
  }
}
