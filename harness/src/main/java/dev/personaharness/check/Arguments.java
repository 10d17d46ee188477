package dev.personaharness.check;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Reading check arguments, with the problem described in words a suite author can act on. */
final class Arguments {
  private Arguments() {}

  /** Thrown inside a check when its argument has the wrong shape. */
  static final class Bad extends RuntimeException {
    private static final long serialVersionUID = 1L;

    Bad(String message) {
      super(message, null, false, false);
    }
  }

  static String text(Object arg) {
    if (arg instanceof String s && !s.isEmpty()) {
      return s;
    }
    throw new Bad("needs a non-empty text argument, found " + describe(arg));
  }

  static List<String> texts(Object arg, int min) {
    if (arg instanceof List<?> list && list.size() >= min) {
      List<String> result = new ArrayList<>();
      for (Object o : list) {
        result.add(text(o));
      }
      return result;
    }
    throw new Bad("needs a list of at least " + min + " text value" + (min == 1 ? "" : "s") + ", found " + describe(arg));
  }

  /** A string alone or a list of strings. */
  static List<String> oneOrMore(Object arg) {
    return arg instanceof List<?> ? texts(arg, 1) : List.of(text(arg));
  }

  static Map<String, Object> map(Object arg, List<String> allowed) {
    if (!(arg instanceof Map<?, ?> m)) {
      throw new Bad("needs a mapping with " + String.join(", ", allowed) + ", found " + describe(arg));
    }
    @SuppressWarnings("unchecked")
    Map<String, Object> map = (Map<String, Object>) m;
    for (String k : map.keySet()) {
      if (!allowed.contains(k)) {
        String hint = dev.personaharness.core.Similarity.closest(k, allowed).map(s -> " (did you mean '" + s + "'?)").orElse("");
        throw new Bad("has unknown key '" + k + "'" + hint + "; allowed: " + String.join(", ", allowed));
      }
    }
    return map;
  }

  static Integer count(Map<String, Object> map, String key, Integer fallback) {
    Object v = map.get(key);
    if (v == null) {
      return fallback;
    }
    if (v instanceof Number n && n.doubleValue() == Math.rint(n.doubleValue()) && n.longValue() >= 0
        && n.longValue() <= Integer.MAX_VALUE) {
      return n.intValue();
    }
    throw new Bad("'" + key + "' must be a whole number of at least 0, found " + describe(v));
  }

  static String describe(Object o) {
    if (o == null) {
      return "nothing";
    }
    if (o instanceof List<?>) {
      return "a list";
    }
    if (o instanceof Map<?, ?>) {
      return "a mapping";
    }
    return "'" + o + "'";
  }
}
