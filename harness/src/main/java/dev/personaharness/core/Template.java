package dev.personaharness.core;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Prompt templates: {@code {{name}}} (spaces allowed inside the braces) is replaced by a variable. */
public final class Template {
  private static final Pattern VARIABLE = Pattern.compile("\\{\\{\\s*([A-Za-z_][A-Za-z0-9_.-]*)\\s*}}");

  private Template() {}

  /** A variable occurrence: its name and its offset in the template. */
  public record Use(String name, int offset) {}

  public static List<Use> uses(String template) {
    List<Use> result = new ArrayList<>();
    Matcher m = VARIABLE.matcher(template);
    while (m.find()) {
      result.add(new Use(m.group(1), m.start()));
    }
    return result;
  }

  /** Substitutes every variable; validation guarantees each is defined, so a missing one is a bug. */
  public static String render(String template, Map<String, String> vars) {
    Matcher m = VARIABLE.matcher(template);
    StringBuilder sb = new StringBuilder(template.length() + 64);
    while (m.find()) {
      String value = vars.get(m.group(1));
      if (value == null) {
        throw new IllegalStateException("undefined template variable '" + m.group(1) + "'");
      }
      m.appendReplacement(sb, Matcher.quoteReplacement(value));
    }
    m.appendTail(sb);
    return sb.toString();
  }
}
