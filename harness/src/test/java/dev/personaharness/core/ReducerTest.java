package dev.personaharness.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ReducerTest {
  private final List<Double> scores = List.of(0.9, 0.4, 0.7);
  private final List<Boolean> passes = List.of(true, false, true);

  @Test
  void eachReducerByItsDefinition() {
    assertThat(Reducer.MEAN.reduce(scores, passes, 0.7)).isEqualTo(new Reducer.Reduced((0.9 + 0.4 + 0.7) / 3, false));
    assertThat(Reducer.PASS_AT_K.reduce(scores, passes, 0.7)).isEqualTo(new Reducer.Reduced(0.9, true));
    assertThat(Reducer.PASS_ALL_K.reduce(scores, passes, 0.7)).isEqualTo(new Reducer.Reduced(0.4, false));
    assertThat(Reducer.MAJORITY.reduce(scores, passes, 0.7)).isEqualTo(new Reducer.Reduced(0.7, true));
    assertThat(Reducer.MAJORITY.reduce(List.of(0.2, 0.8), List.of(false, true), 0.5)).isEqualTo(new Reducer.Reduced(0.5, false));
    assertThat(Reducer.parse("pass^k")).contains(Reducer.PASS_ALL_K);
    assertThat(Reducer.parse("best")).isEmpty();
  }
}
