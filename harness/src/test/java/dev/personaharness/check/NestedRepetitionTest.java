package dev.personaharness.check;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class NestedRepetitionTest {
  /** Each of these reads the answer about 10^8 times on 24 characters (measured on JDK 17). */
  @ParameterizedTest
  @CsvSource(delimiter = '→', value = {
      "(a+)+?b → (a+)+?",
      "(a+?)*?b → (a+?)*?",
      "(?i)(\\w+\\s?)+?! → (\\w+\\s?)+?",
      "^(\\w+\\s?){1,40}! → (\\w+\\s?){1,40}",
      "(?:a+){1,30}b → (?:a+){1,30}",
      "(a+)+\\1b → (a+)+",
      "(?<w>x*)*\\k<w>y → (?<w>x*)*",
      "((a+))+?c → ((a+))+?",
      "(.*?,){2,12}end → (.*?,){2,12}"})
  void findsARepetitionTheEngineCannotShortcut(String pattern, String part) {
    assertThat(NestedRepetition.find(pattern)).contains(part);
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "^(a+)+$", // greedy and unbounded: memoized by java.util.regex since JDK 9
      "(\\w+\\s?)*!",
      "(\\w+\\s+){0,3}in[- ]memory", // few rounds, and every round needs both parts
      "(\\w+\\s?){1,9}!", // fewer than 10 rounds
      "(?:[^()]|\\([^()]*\\))*\\)", // the inner repetition sits between two required parts
      "(?is)```sql(?:(?!```).)*?\\bfloat\\b", // lazy, but one character per round
      "(ab+)+?", // every round starts with 'a'
      "(\\d+,){1,50}\\d+", // separated rounds
      "(a++)+?b", // possessive: no backtracking inside
      "(?>a+)+?b", // atomic group
      "(a+){1,40}+b", // possessive outer
      "\\Q(a+)+?\\E", // quoted text
      "[(a+)+?]", // a character class
      "(a|a)+?b"}) // overlapping alternatives: left to the evaluation budget
  void leavesOtherPatternsAlone(String pattern) {
    assertThat(NestedRepetition.find(pattern)).isEqualTo(Optional.empty());
  }
}
