package dev.personaharness.core;

import java.util.List;

/**
 * Input that cannot be used: a missing file, malformed YAML, an unknown persona. Carries every
 * diagnostic found, so the CLI can print them all and exit 2 instead of showing a stack trace.
 */
public final class ConfigException extends RuntimeException {
  private static final long serialVersionUID = 1L;
  private final transient List<Diagnostic> diagnostics;

  public ConfigException(List<Diagnostic> diagnostics) {
    super(diagnostics.isEmpty() ? "invalid configuration" : diagnostics.get(0).format());
    this.diagnostics = List.copyOf(diagnostics);
  }

  public ConfigException(String message) {
    super(message);
    this.diagnostics = List.of();
  }

  public List<Diagnostic> diagnostics() {
    return diagnostics;
  }
}
