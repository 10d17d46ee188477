package dev.personaharness.prompt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.personaharness.core.Attachment;
import dev.personaharness.core.CheckSpec;
import dev.personaharness.core.Rubric;
import dev.personaharness.core.Task;
import dev.personaharness.core.Template;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Coverage-guided fuzzing of the template renderer and the user message built from it: every use
 * is found where it is, every defined variable renders (whatever its value holds: '$', '\\',
 * braces), a missing one is named, and an attachment's fence is longer than any backtick run in it.
 */
class PromptTemplateFuzzTest {
  @FuzzTest(maxDuration = "10s")
  void templatesRenderAndAttachmentsStayFenced(FuzzedDataProvider data) {
    String template = data.consumeString(500);
    List<Template.Use> uses = Template.uses(template);
    Map<String, String> vars = new LinkedHashMap<>();
    for (Template.Use u : uses) {
      assertThat(template.startsWith("{{", u.offset())).isTrue();
      vars.putIfAbsent(u.name(), data.consumeString(50));
    }
    String rendered = Template.render(template, vars);
    if (uses.isEmpty()) {
      assertThat(rendered).isEqualTo(template);
    }
    for (String value : vars.values()) {
      assertThat(rendered).contains(value);
    }
    if (!uses.isEmpty()) {
      String first = uses.get(0).name();
      Map<String, String> missing = new LinkedHashMap<>(vars);
      missing.remove(first);
      assertThatThrownBy(() -> Template.render(template, missing)).hasMessage("undefined template variable '" + first + "'");
    }

    String content = data.consumeRemainingAsString();
    Task task = new Task("t", "c", List.of(), template, vars, List.of(new Attachment("files/a.sql", "sql", content)),
        new Rubric(0.5, List.of(new CheckSpec("icontains", "x", 1, null, 1, 1))), 1);
    String message = PromptAssembler.userMessage(task);
    assertThat(message).startsWith(rendered.stripTrailing());
    int fence = 0;
    while (fence < message.length() && message.charAt(message.length() - 1 - fence) == '`') {
      fence++;
    }
    assertThat(fence).isGreaterThanOrEqualTo(3).isGreaterThan(longestBacktickRun(content));
  }

  private static int longestBacktickRun(String s) {
    int best = 0;
    int run = 0;
    for (char c : s.toCharArray()) {
      run = c == '`' ? run + 1 : 0;
      best = Math.max(best, run);
    }
    return best;
  }
}
