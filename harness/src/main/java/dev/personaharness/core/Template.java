package dev.personaharness.core;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Prompt templates: {@code {{name}}} (spaces allowed inside the braces) is replaced by a variable.
 * A name starts with a letter or {@code _} and goes on with letters, digits, {@code _ . -}; any
 * other {@code {{} is plain text. Scanned by hand rather than by a regex: rendering is on the path
 * of every case (see docs/performance.md).
 */
public final class Template {
  private Template() {}

  /** A variable occurrence: its name and its offset in the template. */
  public record Use(String name, int offset) {}

  public static List<Use> uses(String template) {
    List<Use> result = new ArrayList<>();
    int[] name = new int[2];
    for (int i = template.indexOf("{{"); i >= 0; ) {
      int end = reference(template, i, name);
      if (end < 0) {
        i = template.indexOf("{{", i + 1);
      } else {
        result.add(new Use(template.substring(name[0], name[1]), i));
        i = template.indexOf("{{", end);
      }
    }
    return result;
  }

  /** Substitutes every variable; validation guarantees each is defined, so a missing one is a bug. */
  public static String render(String template, Map<String, String> vars) {
    int i = template.indexOf("{{");
    if (i < 0) {
      return template;
    }
    StringBuilder sb = new StringBuilder(template.length() + 64);
    int copied = 0;
    int[] name = new int[2];
    while (i >= 0) {
      int end = reference(template, i, name);
      if (end < 0) {
        i = template.indexOf("{{", i + 1);
        continue;
      }
      String var = template.substring(name[0], name[1]);
      String value = vars.get(var);
      if (value == null) {
        throw new IllegalStateException("undefined template variable '" + var + "'");
      }
      sb.append(template, copied, i).append(value);
      copied = end;
      i = template.indexOf("{{", end);
    }
    return sb.append(template, copied, template.length()).toString();
  }

  /**
   * The end of the variable reference that starts at {@code at} (which holds {@code {{}), or -1
   * when none starts there; {@code name} receives the bounds of its name.
   */
  private static int reference(String s, int at, int[] name) {
    int j = blanks(s, at + 2);
    if (j >= s.length() || !nameStart(s.charAt(j))) {
      return -1;
    }
    name[0] = j++;
    while (j < s.length() && namePart(s.charAt(j))) {
      j++;
    }
    name[1] = j;
    j = blanks(s, j);
    return s.startsWith("}}", j) ? j + 2 : -1;
  }

  private static int blanks(String s, int from) {
    int j = from;
    while (j < s.length() && " \t\n\u000B\f\r".indexOf(s.charAt(j)) >= 0) {
      j++;
    }
    return j;
  }

  private static boolean nameStart(char c) {
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || c == '_';
  }

  private static boolean namePart(char c) {
    return nameStart(c) || (c >= '0' && c <= '9') || c == '.' || c == '-';
  }
}
