package dev.personaharness.cli;

import dev.personaharness.core.ConfigException;
import picocli.CommandLine.Option;

/** {@code --alpha} and {@code --margin}, shared by compare and gate. */
final class SignificanceOptions {
  @Option(names = "--alpha", paramLabel = "A", defaultValue = "0.05", description = "Significance level (default: ${DEFAULT-VALUE}).")
  double alpha;

  @Option(names = "--margin", paramLabel = "M", defaultValue = "0.15",
      description = "Any task whose score drops by more than this is a severity breach (default: ${DEFAULT-VALUE}).")
  double margin;

  SignificanceOptions check() {
    if (!(alpha > 0 && alpha < 1) || margin < 0 || margin > 1) {
      throw new ConfigException("--alpha must be in (0, 1) and --margin in [0, 1]");
    }
    return this;
  }
}
