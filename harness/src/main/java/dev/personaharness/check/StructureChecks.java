package dev.personaharness.check;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Checks on the shape of an answer: code blocks, length, headings. */
final class StructureChecks {
  private StructureChecks() {}

  static List<Check> all() {
    return List.of(new CodeBlock(), new WordCount(), new Headings());
  }

  static final class CodeBlock extends TypedCheck<CodeBlock.Arg> {
    record Arg(String language, int min) {}

    CodeBlock() {
      super("code-block");
    }

    @Override
    Arg parse(Object argument) {
      if (argument instanceof String s && !s.isBlank()) {
        return new Arg(Text.lower(s.strip()), 1);
      }
      if (argument == null || Boolean.TRUE.equals(argument)) {
        return new Arg("", 1);
      }
      Map<String, Object> m = Arguments.map(argument, List.of("language", "min"));
      String lang = m.containsKey("language") ? Text.lower(Arguments.text(m.get("language"))) : "";
      return new Arg(lang, Arguments.count(m, "min", 1));
    }

    @Override
    CheckResult evaluate(String answer, Arg arg) {
      List<Integer> lines = new ArrayList<>();
      for (Text.Block b : Text.blocks(answer)) {
        if (arg.language().isEmpty() || b.language().equals(arg.language())) {
          lines.add(b.line());
        }
      }
      String what = arg.language().isEmpty() ? "fenced code block" : "```" + arg.language() + " block";
      String evidence = lines.size() + " " + what + (lines.size() == 1 ? "" : "s")
          + (lines.isEmpty() ? "" : " at line" + (lines.size() == 1 ? " " : "s ")
              + String.join(", ", lines.stream().map(String::valueOf).toList())) + "; need " + arg.min();
      return CheckResult.of(lines.size() >= arg.min(), lines.size() >= arg.min() ? 1 : 0, evidence);
    }
  }

  static final class WordCount extends TypedCheck<WordCount.Arg> {
    record Arg(Integer min, Integer max) {}

    WordCount() {
      super("word-count");
    }

    @Override
    Arg parse(Object argument) {
      Map<String, Object> m = Arguments.map(argument, List.of("min", "max"));
      Arg a = new Arg(Arguments.count(m, "min", null), Arguments.count(m, "max", null));
      if (a.min() == null && a.max() == null) {
        throw new Arguments.Bad("needs 'min' and/or 'max'");
      }
      if (a.min() != null && a.max() != null && a.min() > a.max()) {
        throw new Arguments.Bad("has 'min' " + a.min() + " above 'max' " + a.max());
      }
      return a;
    }

    @Override
    CheckResult evaluate(String answer, Arg arg) {
      int n = Text.wordCount(answer);
      boolean ok = (arg.min() == null || n >= arg.min()) && (arg.max() == null || n <= arg.max());
      String bounds = (arg.min() == null ? "" : "min " + arg.min()) + (arg.min() != null && arg.max() != null ? ", " : "")
          + (arg.max() == null ? "" : "max " + arg.max());
      return CheckResult.of(ok, ok ? 1 : 0, n + " words (" + bounds + ")");
    }
  }

  static final class Headings extends TypedCheck<Headings.Arg> {
    record Arg(int min, List<String> include) {}

    Headings() {
      super("headings");
    }

    @Override
    Arg parse(Object argument) {
      if (argument instanceof List<?>) {
        return new Arg(0, Arguments.texts(argument, 1));
      }
      Map<String, Object> m = Arguments.map(argument, List.of("min", "include"));
      List<String> include = m.containsKey("include") ? Arguments.texts(m.get("include"), 1) : List.of();
      int min = Arguments.count(m, "min", 0);
      if (min == 0 && include.isEmpty()) {
        throw new Arguments.Bad("needs 'min' and/or 'include'");
      }
      return new Arg(min, include);
    }

    @Override
    CheckResult evaluate(String answer, Arg arg) {
      List<String> headings = Text.headings(answer);
      List<String> missing = new ArrayList<>();
      for (String want : arg.include()) {
        if (headings.stream().noneMatch(h -> Text.lower(h).contains(Text.lower(want)))) {
          missing.add(want);
        }
      }
      boolean ok = headings.size() >= arg.min() && missing.isEmpty();
      String evidence = headings.size() + " heading" + (headings.size() == 1 ? "" : "s")
          + (arg.min() > 0 ? " (need " + arg.min() + ")" : "")
          + (missing.isEmpty() ? "" : "; no heading containing " + missing)
          + (headings.isEmpty() ? "" : ": " + abbreviate(headings));
      return CheckResult.of(ok, ok ? 1 : 0, evidence);
    }

    private static String abbreviate(List<String> headings) {
      String joined = String.join(" | ", headings);
      return joined.length() > 160 ? joined.substring(0, 157) + "..." : joined;
    }
  }
}
