package dev.personaharness.core;

import java.util.Objects;

/**
 * One rubric entry as written in a suite: the check type, its argument (plain Java values: String,
 * Number, Boolean, List, Map), weight and optional label, and where it stands in the file.
 */
public record CheckSpec(String type, Object argument, double weight, String label, int line, int column) {
  public CheckSpec {
    Objects.requireNonNull(type, "type");
    if (!(weight > 0)) {
      throw new IllegalArgumentException("weight must be positive");
    }
  }

  /** A short human name for the check: its label, else {@code type: argument}. */
  public String displayName() {
    if (label != null && !label.isBlank()) {
      return label;
    }
    String arg = String.valueOf(argument);
    return type + ": " + (arg.length() > 60 ? arg.substring(0, 57) + "..." : arg);
  }
}
