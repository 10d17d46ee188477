package dev.personaharness.core;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * Credentials the harness must never write: values of environment variables that hold API keys,
 * tokens or passwords. Text bound for a file, a report or a terminal can be passed through
 * {@link #redact} as a last line of defence; the provider clients redact their own keys first.
 */
public final class Secrets {
  /** Shorter environment values are too likely to be flags ("1", "true") rather than credentials. */
  private static final int MIN_ENV_LENGTH = 8;
  /** A known key shorter than this ("x") would mask ordinary text. */
  private static final int MIN_LENGTH = 4;

  private Secrets() {}

  /** The values of {@code *_API_KEY}, {@code *_TOKEN}, {@code *_SECRET} and {@code *_PASSWORD} variables. */
  public static List<String> fromEnvironment(Map<String, String> env) {
    List<String> values = new ArrayList<>();
    env.forEach((name, value) -> {
      String n = name.toUpperCase(java.util.Locale.ROOT);
      if ((n.endsWith("_API_KEY") || n.endsWith("_TOKEN") || n.endsWith("_SECRET") || n.endsWith("_PASSWORD"))
          && value != null && value.strip().length() >= MIN_ENV_LENGTH) {
        values.add(value.strip());
      }
    });
    return values;
  }

  /** {@code text} with every occurrence of every secret (of at least 4 characters) replaced by {@code ***}. */
  public static String redact(String text, Collection<String> secrets) {
    if (text == null) {
      return null;
    }
    String result = text;
    for (String s : secrets) {
      if (s != null && s.length() >= MIN_LENGTH && result.contains(s)) {
        result = result.replace(s, "***");
      }
    }
    return result;
  }
}
