package dev.personaharness.core;

import java.util.Collection;
import java.util.Comparator;
import java.util.Locale;
import java.util.Optional;

/** "Did you mean" suggestions for misspelled keys and names. */
public final class Similarity {
  private Similarity() {}

  /** The candidate closest to {@code word} when it is close enough to be a likely typo. */
  public static Optional<String> closest(String word, Collection<String> candidates) {
    String w = word.toLowerCase(Locale.ROOT);
    return candidates.stream()
        .filter(c -> isClose(w, c.toLowerCase(Locale.ROOT)))
        .min(Comparator.comparingInt(c -> distance(w, c.toLowerCase(Locale.ROOT))));
  }

  private static boolean isClose(String a, String b) {
    if (a.equals(b)) {
      return true;
    }
    int limit = Math.max(1, Math.min(a.length(), b.length()) / 3);
    return distance(a, b) <= Math.min(limit, 2)
        || a.replace("-", "").replace("_", "").equals(b.replace("-", "").replace("_", ""));
  }

  /** Damerau–Levenshtein (optimal string alignment) distance. */
  static int distance(String a, String b) {
    int[][] d = new int[a.length() + 1][b.length() + 1];
    for (int i = 0; i <= a.length(); i++) {
      d[i][0] = i;
    }
    for (int j = 0; j <= b.length(); j++) {
      d[0][j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
        if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
          d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
        }
      }
    }
    return d[a.length()][b.length()];
  }
}
