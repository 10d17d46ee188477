package dev.personaharness.check;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Finds, in a (compiled, so well-formed) Java regex, the shape of catastrophic backtracking that
 * java.util.regex does not defuse: a repeated group whose body can match one run of text in many
 * ways (it repeats something inside and has at most one part that cannot match nothing, as in
 * {@code (a+)}, {@code (\w+\s?)}, {@code (.*?,)}), repeated lazily ({@code (a+)+?}), a bounded
 * number of times of at least {@value #MANY} ({@code (\w+\s?){1,40}}), or anywhere in a pattern
 * with a back reference ({@code (a+)+\1}). Such a pattern takes exponential time on some answers.
 * Greedy unbounded repetitions ({@code (a+)+}) are left alone: since JDK 9 the engine memoizes
 * them, so they stay polynomial. Overlapping alternatives ({@code (a|a)+?}) are not detected; the
 * evaluation budget ({@link TimeBudget}) stops what this misses, at run time.
 */
final class NestedRepetition {
  private static final int MAX_SHOWN = 40;
  /** Bounded repetitions of fewer rounds cost at most 2^MANY times a polynomial. */
  static final int MANY = 10;

  /** One element of a sequence: an atom with its quantifier, and for groups their alternatives. */
  private static final class Item {
    int start;
    int end;
    boolean zeroWidth;
    boolean atomic;
    List<List<Item>> alternatives;
    int min = 1;
    int max = 1;
    boolean unbounded;
    boolean lazy;
    boolean possessive;

    boolean canBeEmpty() {
      return zeroWidth || min == 0 || (alternatives != null && !atomic
          && alternatives.stream().anyMatch(alt -> alt.stream().allMatch(Item::canBeEmpty)));
    }

    /** Repeats without bound itself, or holds (in a group that can backtrack) something that does. */
    boolean repeatsInside() {
      if (possessive || zeroWidth) {
        return false;
      }
      return unbounded || (alternatives != null && !atomic
          && alternatives.stream().anyMatch(alt -> alt.stream().anyMatch(Item::repeatsInside)));
    }
  }

  private final String p;
  private int i;
  private boolean backReference;

  private NestedRepetition(String pattern) {
    this.p = pattern;
  }

  /** The offending part of {@code pattern} (e.g. {@code (a+)+}), if it has the shape. */
  static Optional<String> find(String pattern) {
    NestedRepetition parser = new NestedRepetition(pattern);
    List<List<Item>> top = parser.alternatives();
    return parser.search(top);
  }

  private Optional<String> search(List<List<Item>> alternatives) {
    for (List<Item> alt : alternatives) {
      for (Item it : alt) {
        if (it.alternatives == null) {
          continue;
        }
        boolean unmemoized = it.lazy || (!it.unbounded && it.max >= MANY) || (it.unbounded && backReference);
        if ((it.unbounded || it.max > 1) && unmemoized && !it.possessive && !it.atomic && !it.zeroWidth
            && it.alternatives.stream().anyMatch(NestedRepetition::ambiguous)) {
          String shown = p.substring(it.start, it.end);
          return Optional.of(shown.length() > MAX_SHOWN ? shown.substring(0, MAX_SHOWN - 1) + "…" : shown);
        }
        Optional<String> inner = search(it.alternatives);
        if (inner.isPresent()) {
          return inner;
        }
      }
    }
    return Optional.empty();
  }

  /** A body that repeats inside and has at most one part that must match something. */
  private static boolean ambiguous(List<Item> alt) {
    return alt.stream().anyMatch(Item::repeatsInside) && alt.stream().filter(it -> !it.canBeEmpty()).count() <= 1;
  }

  /** Alternatives up to the end of the pattern or the ')' closing the current group. */
  private List<List<Item>> alternatives() {
    List<List<Item>> result = new ArrayList<>();
    List<Item> current = new ArrayList<>();
    while (i < p.length() && p.charAt(i) != ')') {
      if (p.charAt(i) == '|') {
        result.add(current);
        current = new ArrayList<>();
        i++;
        continue;
      }
      Item it = atom();
      if (it != null) {
        quantifier(it);
        current.add(it);
      }
    }
    result.add(current);
    return result;
  }

  private Item atom() {
    Item it = new Item();
    it.start = i;
    char c = p.charAt(i);
    switch (c) {
      case '\\' -> escape(it);
      case '[' -> charClass();
      case '(' -> {
        if (!group(it)) {
          return null; // an inline flag such as (?i): no atom
        }
      }
      case '^', '$' -> {
        it.zeroWidth = true;
        i++;
      }
      default -> i++;
    }
    it.end = i;
    return it;
  }

  private void escape(Item it) {
    char next = i + 1 < p.length() ? p.charAt(i + 1) : ' ';
    i += 2;
    switch (next) {
      case 'Q' -> {
        int e = p.indexOf("\\E", i);
        i = e < 0 ? p.length() : e + 2;
      }
      case 'p', 'P', 'x', 'N', 'k' -> {
        backReference |= next == 'k';
        if (i < p.length() && (p.charAt(i) == '{' || p.charAt(i) == '<')) {
          char close = p.charAt(i) == '{' ? '}' : '>';
          int e = p.indexOf(close, i);
          i = e < 0 ? p.length() : e + 1;
        } else if (next == 'x') {
          i = Math.min(p.length(), i + 2);
        } else if (next != 'k') {
          i = Math.min(p.length(), i + 1); // \pL
        }
      }
      case 'u' -> i = Math.min(p.length(), i + 4);
      case 'c' -> i = Math.min(p.length(), i + 1);
      case 'b', 'B', 'A', 'z', 'Z', 'G' -> it.zeroWidth = true;
      case '1', '2', '3', '4', '5', '6', '7', '8', '9' -> backReference = true;
      default -> {
        // one escaped character or a class like \w
      }
    }
  }

  private void charClass() {
    int depth = 0;
    while (i < p.length()) {
      char c = p.charAt(i);
      if (c == '\\') {
        i += 2;
        continue;
      }
      i++;
      if (c == '[') {
        depth++;
      } else if (c == ']' && --depth == 0) {
        return;
      }
    }
  }

  /** Reads a group; false for an inline flag group like {@code (?i)}, which matches nothing. */
  private boolean group(Item it) {
    i++;
    if (i < p.length() && p.charAt(i) == '?') {
      String rest = p.substring(i + 1, Math.min(p.length(), i + 4));
      if (rest.startsWith("=") || rest.startsWith("!") || rest.startsWith("<=") || rest.startsWith("<!")) {
        it.zeroWidth = true;
        i += rest.startsWith("<") ? 3 : 2;
      } else if (rest.startsWith(">")) {
        it.atomic = true;
        i += 2;
      } else if (rest.startsWith("<")) {
        i = p.indexOf('>', i) + 1; // a named group
      } else {
        int j = i + 1;
        while (j < p.length() && p.charAt(j) != ':' && p.charAt(j) != ')') {
          j++;
        }
        if (j >= p.length() || p.charAt(j) == ')') {
          i = Math.min(p.length(), j + 1);
          return false;
        }
        i = j + 1; // (?flags:...)
      }
    }
    it.alternatives = alternatives();
    i = Math.min(p.length(), i + 1); // the ')'
    return true;
  }

  private void quantifier(Item it) {
    if (i >= p.length()) {
      return;
    }
    char c = p.charAt(i);
    if (c == '*' || c == '+' || c == '?') {
      it.min = c == '+' ? 1 : 0;
      it.unbounded = c != '?';
      it.max = 1;
      i++;
    } else if (c == '{') {
      int close = p.indexOf('}', i);
      if (close < 0) {
        return;
      }
      String[] bounds = p.substring(i + 1, close).split(",", -1);
      try {
        it.min = Integer.parseInt(bounds[0].strip());
        it.unbounded = bounds.length > 1 && bounds[1].isBlank();
        it.max = bounds.length == 1 ? it.min : it.unbounded ? Integer.MAX_VALUE : Integer.parseInt(bounds[1].strip());
      } catch (NumberFormatException e) {
        return; // not a quantifier
      }
      i = close + 1;
    } else {
      return;
    }
    if (i < p.length() && (p.charAt(i) == '?' || p.charAt(i) == '+')) {
      it.possessive = p.charAt(i) == '+';
      it.lazy = p.charAt(i) == '?';
      i++;
    }
    it.end = i;
  }
}
