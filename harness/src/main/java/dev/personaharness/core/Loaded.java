package dev.personaharness.core;

import java.util.List;
import java.util.Optional;

/** What a loader made of one file: the value, if the file was usable, and every problem found. */
public record Loaded<T>(Optional<T> value, List<Diagnostic> diagnostics) {
  public Loaded {
    diagnostics = List.copyOf(diagnostics);
  }

  public boolean hasErrors() {
    return diagnostics.stream().anyMatch(Diagnostic::isError);
  }
}
