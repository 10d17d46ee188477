package dev.personaharness.check;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/** Checks that look for text: substrings, regexes, concepts, order. */
final class TextChecks {
  private TextChecks() {}

  static List<Check> all() {
    return List.of(new Contains("contains", false), new Contains("icontains", true), new ContainsAny(),
        new ContainsAll(), new NotContains(), new Regex("regex", false), new Regex("not-regex", true),
        new Mentions(), new Ordered());
  }

  static final class Contains extends TypedCheck<String> {
    private final boolean ignoreCase;

    Contains(String type, boolean ignoreCase) {
      super(type);
      this.ignoreCase = ignoreCase;
    }

    @Override
    String parse(Object argument) {
      return Arguments.text(argument);
    }

    @Override
    CheckResult evaluate(String answer, String needle) {
      int i = ignoreCase ? Text.find(answer, needle, 0) : answer.indexOf(needle);
      return i >= 0
          ? new CheckResult.Passed(1, "found " + Text.quote(needle) + " at " + Text.at(answer, i, i + needle.length()))
          : new CheckResult.Failed(0, Text.quote(needle) + " not found" + (ignoreCase ? " (ignoring case)" : ""));
    }
  }

  static final class ContainsAny extends TypedCheck<List<String>> {
    ContainsAny() {
      super("contains-any");
    }

    @Override
    List<String> parse(Object argument) {
      return Arguments.texts(argument, 1);
    }

    @Override
    CheckResult evaluate(String answer, List<String> needles) {
      for (String n : needles) {
        int i = Text.find(answer, n, 0);
        if (i >= 0) {
          return new CheckResult.Passed(1, "found " + Text.quote(n) + " at " + Text.at(answer, i, i + n.length()));
        }
      }
      return new CheckResult.Failed(0, "none of " + needles + " found");
    }
  }

  static final class ContainsAll extends TypedCheck<List<String>> {
    ContainsAll() {
      super("contains-all");
    }

    @Override
    List<String> parse(Object argument) {
      return Arguments.texts(argument, 1);
    }

    @Override
    CheckResult evaluate(String answer, List<String> needles) {
      List<String> found = new ArrayList<>();
      List<String> missing = new ArrayList<>();
      for (String n : needles) {
        (Text.find(answer, n, 0) >= 0 ? found : missing).add(n);
      }
      double score = (double) found.size() / needles.size();
      String evidence = "found " + found.size() + " of " + needles.size() + (missing.isEmpty() ? "" : "; missing " + missing);
      return CheckResult.of(missing.isEmpty(), score, evidence);
    }
  }

  static final class NotContains extends TypedCheck<List<String>> {
    NotContains() {
      super("not-contains");
    }

    @Override
    List<String> parse(Object argument) {
      return Arguments.oneOrMore(argument);
    }

    @Override
    CheckResult evaluate(String answer, List<String> needles) {
      for (String n : needles) {
        int i = Text.find(answer, n, 0);
        if (i >= 0) {
          return new CheckResult.Failed(0, "found forbidden " + Text.quote(n) + " at " + Text.at(answer, i, i + n.length()));
        }
      }
      return new CheckResult.Passed(1, "none of " + needles + " present");
    }
  }

  static final class Regex extends TypedCheck<Pattern> {
    private final boolean negated;

    Regex(String type, boolean negated) {
      super(type);
      this.negated = negated;
    }

    @Override
    Pattern parse(Object argument) {
      String p = Arguments.text(argument);
      Pattern compiled;
      try {
        compiled = Pattern.compile(p, Pattern.MULTILINE);
      } catch (PatternSyntaxException e) {
        throw new Arguments.Bad("regex does not compile: " + e.getDescription() + " near index " + e.getIndex()
            + " of " + Text.quote(p));
      }
      NestedRepetition.find(p).ifPresent(part -> {
        throw new Arguments.Bad("has '" + part + "', which repeats a group that can match the same text in many ways"
            + " (lazily, " + NestedRepetition.MANY + " or more times, or with a back reference): catastrophic backtracking,"
            + " exponential time on some answers; make the inner repetition possessive (a++ for a+)");
      });
      return compiled;
    }

    @Override
    CheckResult evaluate(String answer, Pattern pattern) {
      Matcher m = pattern.matcher(TimeBudget.of(answer));
      boolean found;
      try {
        found = m.find();
      } catch (TimeBudget.Exceeded e) {
        return new CheckResult.Errored(e.getMessage());
      }
      String where = found ? "matched /" + pattern.pattern() + "/ at " + Text.at(answer, m.start(), m.end()) : null;
      if (negated) {
        return found ? new CheckResult.Failed(0, "forbidden pattern " + where)
            : new CheckResult.Passed(1, "/" + pattern.pattern() + "/ not found");
      }
      return found ? new CheckResult.Passed(1, where) : new CheckResult.Failed(0, "/" + pattern.pattern() + "/ not found");
    }
  }

  /** {@code mentions}: a concept or any of its synonyms as whole words, ignoring case and hyphenation. */
  static final class Mentions extends TypedCheck<Mentions.Concept> {
    record Concept(String name, List<String> terms, Pattern pattern) {}

    Mentions() {
      super("mentions");
    }

    @Override
    Concept parse(Object argument) {
      String name;
      List<String> terms = new ArrayList<>();
      if (argument instanceof String s && !s.isBlank()) {
        name = s;
      } else {
        Map<String, Object> m = Arguments.map(argument, List.of("concept", "synonyms"));
        if (!m.containsKey("concept")) {
          throw new Arguments.Bad("needs 'concept' (and optional 'synonyms')");
        }
        name = Arguments.text(m.get("concept"));
        if (m.containsKey("synonyms")) {
          terms.addAll(Arguments.texts(m.get("synonyms"), 1));
        }
      }
      terms.add(0, name);
      for (String t : terms) {
        if (t.codePoints().noneMatch(Character::isLetterOrDigit)) {
          throw new Arguments.Bad("term " + Text.quote(t) + " has no letter or digit to match");
        }
      }
      StringBuilder alt = new StringBuilder();
      for (String t : terms) {
        if (alt.length() > 0) {
          alt.append('|');
        }
        String[] words = t.strip().split("[\\s-]+");
        List<String> quoted = new ArrayList<>();
        for (String w : words) {
          quoted.add(Pattern.quote(w));
        }
        alt.append(String.join("[\\s-]+", quoted));
      }
      Pattern p = Pattern.compile("(?<![\\p{L}\\p{N}_])(?:" + alt + ")(?![\\p{L}\\p{N}_])",
          Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
      return new Concept(name, List.copyOf(terms), p);
    }

    @Override
    CheckResult evaluate(String answer, Concept c) {
      Matcher m = c.pattern().matcher(answer);
      return m.find()
          ? new CheckResult.Passed(1, "mentions " + Text.quote(c.name()) + " as " + Text.quote(m.group().replaceAll("\\s+", " ")) + " at "
              + Text.at(answer, m.start(), m.end()))
          : new CheckResult.Failed(0, "no mention of " + Text.quote(c.name()) + " (looked for " + c.terms() + ")");
    }
  }

  static final class Ordered extends TypedCheck<List<String>> {
    Ordered() {
      super("ordered");
    }

    @Override
    List<String> parse(Object argument) {
      return Arguments.texts(argument, 2);
    }

    @Override
    CheckResult evaluate(String answer, List<String> items) {
      int from = 0;
      List<String> lines = new ArrayList<>();
      for (int k = 0; k < items.size(); k++) {
        int i = Text.find(answer, items.get(k), from);
        if (i < 0) {
          String why = Text.find(answer, items.get(k), 0) >= 0 ? " appears only before " : " is missing after ";
          String evidence = (k == 0 ? Text.quote(items.get(0)) + " not found"
              : "in order up to " + Text.quote(items.get(k - 1)) + "; " + Text.quote(items.get(k)) + why
                  + Text.quote(items.get(k - 1)));
          return new CheckResult.Failed((double) k / items.size(), evidence);
        }
        lines.add(Text.quote(items.get(k)) + "@" + Text.lineOf(answer, i));
        from = i + items.get(k).length();
      }
      return new CheckResult.Passed(1, "in order: " + String.join(" < ", lines));
    }
  }
}
