package dev.personaharness.report;

import java.util.Locale;

/** A comparison as Markdown, readable in a terminal and pasteable into a pull request. */
public final class ComparisonReport {
  private ComparisonReport() {}

  public static String markdown(Comparison c) {
    StringBuilder md = new StringBuilder();
    md.append("# Comparison: ").append(MarkdownReport.cell(c.candidate())).append(" vs ").append(MarkdownReport.cell(c.baseline()))
        .append("\n\n**Verdict: ").append(c.verdict()).append("** (α = ").append(c.alpha()).append(", paired sign-flip test; ")
        .append("suites and categories Holm-corrected)\n\n");
    for (String w : c.warnings()) {
      md.append("> **Warning:** ").append(MarkdownReport.cell(w)).append("\n\n");
    }
    md.append("| Group | Tasks | Mean Δ score [95% CI] | fail→pass | pass→fail | McNemar p | sign-flip p | adjusted p | Verdict |\n")
        .append("|---|---:|---:|---:|---:|---:|---:|---:|---|\n");
    for (Comparison.Group g : c.groups()) {
      md.append("| ").append(MarkdownReport.cell(g.name())).append(" | ").append(g.tasks()).append(" | ").append(delta(g))
          .append(" | ").append(g.failToPass()).append(" | ").append(g.passToFail()).append(" | ")
          .append(p(g.mcnemarP())).append(" | ").append(p(g.p())).append(" | ").append(p(g.adjustedP())).append(" | ")
          .append(g.verdict()).append(" |\n");
    }
    md.append("\n## Severity guard\n\n");
    if (c.drops().isEmpty()) {
      md.append("No task's score dropped by more than ").append(points(c.margin())).append(".\n");
    } else {
      md.append("Tasks whose score dropped by more than ").append(points(c.margin()))
          .append(", flagged whatever the mean says:\n\n| Task | Baseline | Candidate |\n|---|---:|---:|\n");
      c.drops().forEach(d -> md.append("| ").append(MarkdownReport.cell(d.task())).append(" | ").append(Reports.percent(d.baseline()))
          .append(" | ").append(Reports.percent(d.candidate())).append(" |\n"));
    }
    md.append("\n## Flips\n\n");
    if (c.flips().isEmpty()) {
      md.append("No task changed between pass and fail.\n");
    } else {
      c.flips().forEach(f -> md.append("- ").append(MarkdownReport.cell(f.task())).append(f.nowPasses() ? ": fail → pass\n" : ": pass → fail\n"));
    }
    if (!c.added().isEmpty() || !c.removed().isEmpty()) {
      md.append("\nAdded tasks: ").append(MarkdownReport.cell(String.join(", ", c.added()))).append("; removed tasks: ")
          .append(MarkdownReport.cell(String.join(", ", c.removed()))).append('\n');
    }
    return md.toString();
  }

  private static String delta(Comparison.Group g) {
    var i = g.delta();
    return i.low() == null ? String.format(Locale.ROOT, "%+.1f pts", i.mean() * 100)
        : String.format(Locale.ROOT, "%+.1f pts [%+.1f, %+.1f]", i.mean() * 100, i.low() * 100, i.high() * 100);
  }

  private static String p(double p) {
    return p < 0.001 ? "<0.001" : String.format(Locale.ROOT, "%.3f", p);
  }

  private static String points(double v) {
    return String.format(Locale.ROOT, "%.0f points", v * 100);
  }
}
