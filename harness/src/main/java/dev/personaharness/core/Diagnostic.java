package dev.personaharness.core;

import java.util.Objects;

/** One problem found in an input file, printed as {@code path:line:col: severity: message}. */
public record Diagnostic(String path, int line, int column, Severity severity, String message)
    implements Comparable<Diagnostic> {

  /** How bad a problem is: errors make a file unusable, warnings do not. */
  public enum Severity {
    ERROR, WARNING;

    @Override
    public String toString() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }
  }

  public Diagnostic {
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(severity, "severity");
    Objects.requireNonNull(message, "message");
  }

  public static Diagnostic error(String path, int line, int column, String message) {
    return new Diagnostic(path, line, column, Severity.ERROR, message);
  }

  public static Diagnostic warning(String path, int line, int column, String message) {
    return new Diagnostic(path, line, column, Severity.WARNING, message);
  }

  public boolean isError() {
    return severity == Severity.ERROR;
  }

  /** The {@code path:line:col: severity: message} form; line and column are left out when unknown (0). */
  public String format() {
    StringBuilder sb = new StringBuilder(path);
    if (line > 0) {
      sb.append(':').append(line);
      if (column > 0) {
        sb.append(':').append(column);
      }
    }
    return sb.append(": ").append(severity).append(": ").append(message).toString();
  }

  @Override
  public int compareTo(Diagnostic o) {
    int c = path.compareTo(o.path);
    if (c != 0) {
      return c;
    }
    c = Integer.compare(line, o.line);
    return c != 0 ? c : Integer.compare(column, o.column);
  }

  @Override
  public String toString() {
    return format();
  }
}
