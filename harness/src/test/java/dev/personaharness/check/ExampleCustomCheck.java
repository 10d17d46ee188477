package dev.personaharness.check;

import java.util.List;

/**
 * An example custom check type, to copy when adding your own. In a suite:
 *
 * <pre>{@code
 * - max-line-length: 100    # no line of the answer is longer than 100 characters
 * }</pre>
 *
 * <p>To register a check: implement {@link Check} in a public class with a public no-argument
 * constructor, and list the class's full name in a file
 * {@code META-INF/services/dev.personaharness.check.Check} on the class path (this one is listed in
 * {@code harness/src/test/resources/META-INF/services/}; in your own jar, use
 * {@code src/main/resources/META-INF/services/}). {@link Checks#standard()} finds it through
 * {@link java.util.ServiceLoader}. Its {@link #type()} must not clash with a built-in type.
 *
 * <p>Only public API is used here: {@link Check}, {@link CheckInput} and {@link CheckResult}.
 */
public final class ExampleCustomCheck implements Check {

  /** The key suites write for this check. */
  @Override
  public String type() {
    return "max-line-length";
  }

  /**
   * Run by {@code harness validate}. Return one message per problem with the suite's argument, or an
   * empty list when it is fine; the harness prefixes each with {@code check 'max-line-length' } and
   * the file position. Numbers arrive as {@code Long} or {@code Double}, lists as {@code List},
   * mappings as {@code Map<String, Object>}.
   */
  @Override
  public List<String> validate(Object argument) {
    return limit(argument) > 0 ? List.of() : List.of(problem(argument));
  }

  /**
   * Scores one answer. Never throw for a bad answer or argument: return an {@link CheckResult.Errored}
   * instead (an exception is also recorded as errored, but with a less helpful message).
   */
  @Override
  public CheckResult evaluate(CheckInput input) {
    int max = limit(input.argument());
    if (max == 0) {
      return new CheckResult.Errored("'max-line-length' " + problem(input.argument()));
    }
    String[] lines = input.answer().split("\r?\n", -1);
    int over = 0;
    int longest = -1;
    int longestLine = 0;
    for (int i = 0; i < lines.length; i++) {
      int length = lines[i].codePointCount(0, lines[i].length()); // characters, not UTF-16 units
      if (length > max) {
        over++;
      }
      if (length > longest) {
        longest = length;
        longestLine = i + 1;
      }
    }
    // The evidence is what reports show: say what was measured and where.
    String where = " (longest: " + longest + " at line " + longestLine + ")";
    if (over == 0) {
      return new CheckResult.Passed(1, "all " + lines.length + " lines within " + max + " characters" + where);
    }
    // A failed check may still give partial credit: here, the share of lines within the limit.
    double score = (double) (lines.length - over) / lines.length;
    return new CheckResult.Failed(score, over + " of " + lines.length + " lines over " + max + " characters" + where);
  }

  /** The limit, or 0 when the argument is not a whole number of at least 1. */
  private static int limit(Object argument) {
    if (argument instanceof Number n) {
      double d = n.doubleValue();
      if (d == Math.rint(d) && d >= 1 && d <= Integer.MAX_VALUE) {
        return (int) d;
      }
    }
    return 0;
  }

  private static String problem(Object argument) {
    return "needs a whole number of characters of at least 1, found '" + argument + "'";
  }
}
