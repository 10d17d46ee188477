package dev.personaharness.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class TemplateTest {
  /** The regex the scanner replaced: its matches are the definition of a variable reference. */
  private static final Pattern VARIABLE = Pattern.compile("\\{\\{\\s*([A-Za-z_][A-Za-z0-9_.-]*)\\s*}}");

  private static List<Template.Use> regexUses(String template) {
    List<Template.Use> result = new ArrayList<>();
    Matcher m = VARIABLE.matcher(template);
    while (m.find()) {
      result.add(new Template.Use(m.group(1), m.start()));
    }
    return result;
  }

  private static String regexRender(String template, Map<String, String> vars) {
    Matcher m = VARIABLE.matcher(template);
    StringBuilder sb = new StringBuilder();
    while (m.find()) {
      m.appendReplacement(sb, Matcher.quoteReplacement(vars.get(m.group(1))));
    }
    return m.appendTail(sb).toString();
  }

  @Test
  void rendersVariablesWithBlanksInsideTheBracesAndLeavesOtherBracesAlone() {
    Map<String, String> vars = Map.of("name", "Ada", "a.b-c_1", "$1 \\x");
    assertThat(Template.render("Hi {{name}}, {{ name }}, {{\tname\n}}! {{a.b-c_1}} { {x}} {{1x}} {{{name}}} }}", vars))
        .isEqualTo("Hi Ada, Ada, Ada! $1 \\x { {x}} {{1x}} {Ada} }}");
    assertThat(Template.render("no variables", vars)).isEqualTo("no variables");
    assertThat(Template.uses("{{ a }} and {{b}}")).containsExactly(new Template.Use("a", 0), new Template.Use("b", 12));
    assertThatThrownBy(() -> Template.render("{{missing}}", vars)).hasMessage("undefined template variable 'missing'");
  }

  @Test
  void findsExactlyWhatTheRegexFoundOnRandomTemplates() {
    String[] alphabet = {"{", "{{", "}", "}}", " ", "\t", "\n", "\u000B", "a", "Z", "_", "1", ".", "-", "x", "é", "\u00A0", "$"};
    Random random = new Random(7);
    Map<String, String> vars = new HashMap<>();
    for (int n = 0; n < 20_000; n++) {
      StringBuilder sb = new StringBuilder();
      for (int i = random.nextInt(30); i > 0; i--) {
        sb.append(alphabet[random.nextInt(alphabet.length)]);
      }
      String template = sb.toString();
      List<Template.Use> expected = regexUses(template);
      assertThat(Template.uses(template)).as(template).isEqualTo(expected);
      expected.forEach(u -> vars.computeIfAbsent(u.name(), k -> "<" + k + ">"));
      assertThat(Template.render(template, vars)).as(template).isEqualTo(regexRender(template, vars));
    }
  }
}
