package dev.personaharness.cli;

import dev.personaharness.report.Reports;
import dev.personaharness.report.Summary;
import java.io.PrintWriter;
import java.nio.file.Path;

/** The end-of-run console output: the leaderboard table and where the reports are. */
final class Leaderboard {
  private Leaderboard() {}

  static void print(PrintWriter out, Summary s, Path runDir) {
    Table t = new Table("#", "persona", "score [95% CI]", "pass rate [95% CI]", "cases", "errored", "stale");
    for (Summary.Standing st : s.leaderboard()) {
      t.row(String.valueOf(st.rank()), st.persona(), Reports.interval(st.score()), Reports.interval(st.passRate()),
          String.valueOf(st.cases()), String.valueOf(st.errored()), String.valueOf(st.stale()));
    }
    out.println();
    out.print(t.render());
    Summary.Counts c = s.counts();
    out.printf("%n%d cases: %d passed, %d failed, %d errored (%d missing), %d stale%n", c.cases(), c.passed(),
        c.scored() - c.passed(), c.errored(), c.missing(), c.stale());
    out.println("Report: " + runDir.resolve(Reports.MARKDOWN_FILE));
  }
}
