package dev.personaharness.report;

import java.util.List;
import java.util.Locale;

/**
 * JUnit XML, so CI systems show results natively: a run gives one test case per persona × task
 * (failed when the task's reduced result does not pass); a gate gives one per task compared.
 */
public final class JUnitXml {
  private JUnitXml() {}

  /** One test case per persona × task of a run. */
  public static String ofRun(Summary s) {
    StringBuilder cases = new StringBuilder();
    int failures = 0;
    for (Summary.TaskResult t : s.tasks()) {
      cases.append("    <testcase classname=\"").append(attr(t.persona() + "." + t.suite())).append("\" name=\"").append(attr(t.task()))
          .append("\">");
      if (!t.passed()) {
        failures++;
        cases.append("<failure message=\"").append(attr(String.format(Locale.ROOT, "score %.3f below the threshold", t.score())))
            .append("\"/>");
      }
      cases.append("</testcase>\n");
    }
    return document("persona-harness run " + s.runId(), s.tasks().size(), failures, cases);
  }

  /** One test case per task of a gate, failed for a severity breach or a pass→fail flip, plus the verdict. */
  public static String ofGate(Comparison c) {
    StringBuilder cases = new StringBuilder();
    int failures = 0;
    List<String> dropped = c.drops().stream().map(Comparison.Drop::task).toList();
    List<String> broke = c.flips().stream().filter(f -> !f.nowPasses()).map(Comparison.Flip::task).toList();
    cases.append("    <testcase classname=\"gate\" name=\"verdict\">");
    if (!c.gatePasses()) {
      failures++;
      cases.append("<failure message=\"").append(attr("verdict " + c.verdict() + ", " + c.drops().size() + " severity breach(es)")).append("\"/>");
    }
    cases.append("</testcase>\n");
    int n = 1;
    for (String task : c.tasks()) {
      n++;
      cases.append("    <testcase classname=\"gate.task\" name=\"").append(attr(task)).append("\">");
      if (dropped.contains(task) || broke.contains(task)) {
        failures++;
        cases.append("<failure message=\"").append(attr(dropped.contains(task) ? "score dropped by more than the margin" : "pass → fail"))
            .append("\"/>");
      }
      cases.append("</testcase>\n");
    }
    return document("persona-harness gate", n, failures, cases);
  }

  private static String document(String name, int tests, int failures, CharSequence cases) {
    return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuites>\n  <testsuite name=\"" + attr(name) + "\" tests=\"" + tests
        + "\" failures=\"" + failures + "\" errors=\"0\">\n" + cases + "  </testsuite>\n</testsuites>\n";
  }

  /** Text safe in an XML attribute: escaped, control characters dropped. */
  static String attr(String s) {
    StringBuilder sb = new StringBuilder();
    s.codePoints().forEach(c -> {
      switch (c) {
        case '&' -> sb.append("&amp;");
        case '<' -> sb.append("&lt;");
        case '>' -> sb.append("&gt;");
        case '"' -> sb.append("&quot;");
        case '\'' -> sb.append("&apos;");
        default -> {
          if (c == 0x9 || c == 0xA || c == 0xD || (c >= 0x20 && c != 0xFFFE && c != 0xFFFF)) {
            sb.appendCodePoint(c);
          }
        }
      }
    });
    return sb.toString();
  }
}
