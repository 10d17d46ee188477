package dev.personaharness.cli;

import dev.personaharness.core.ConfigException;
import dev.personaharness.stats.Statistics;

/** Reads {@code --ci t|bootstrap}. */
final class CiOption {
  private CiOption() {}

  static Statistics.Method parse(String value) {
    return switch (value) {
      case "t" -> Statistics.Method.T;
      case "bootstrap" -> Statistics.Method.BOOTSTRAP;
      default -> throw new ConfigException("--ci takes t or bootstrap, not '" + value + "'");
    };
  }
}
