package dev.personaharness.report;

import dev.personaharness.runlog.RunInfo;
import dev.personaharness.runlog.RunLog;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** {@code report.md}: readable on GitHub in a minute; every cell from the log is escaped. */
final class MarkdownReport {
  /** A report stays readable whatever the run's size: its per-case and per-task tables are capped. */
  private static final int MAX_PROBLEMS = 50;
  private static final int MAX_SPREAD = 50;

  private MarkdownReport() {}

  static String render(RunLog.View run, Summary s) {
    RunInfo info = run.info();
    StringBuilder md = new StringBuilder();
    md.append("# Persona evaluation: run ").append(cell(info.id())).append("\n\n");
    md.append("Provider `").append(cell(info.provider())).append("` · status **").append(cell(info.status()))
        .append("** · ").append(s.counts().cases()).append(" cases (").append(info.personas().size()).append(" personas, ")
        .append(info.suites().size()).append(" suites, ")
        .append(info.suites().stream().mapToInt(x -> x.tasks().size()).sum()).append(" tasks)")
        .append(" · started ").append(cell(info.startedAt()));
    if (info.gitCommit() != null) {
      md.append(" · commit `").append(cell(info.gitCommit())).append('`');
    }
    if (info.rescoredFrom() != null) {
      md.append(" · rescored from run `").append(cell(info.rescoredFrom())).append('`');
    }
    md.append("\n\n");
    problems(md, s);
    leaderboard(md, s, info);
    categories(md, s);
    weakest(md, s);
    failingChecks(md, s);
    costs(md, s);
    spread(md, s);
    md.append("A case's score is the weighted mean of its task's checks. Each task's epochs are reduced by its reducer ")
        .append("(mean, pass@k, pass^k or majority); scores and pass rates are means over those task results, with ")
        .append(s.ci().equals("t") ? "Student-t" : "percentile-bootstrap").append(" 95% intervals over tasks. ")
        .append("Errored cases are listed above and not scored. Regenerate with `harness report ")
        .append(cell(run.dir().toString())).append("`.\n");
    return md.toString();
  }

  private static void problems(StringBuilder md, Summary s) {
    Summary.Counts c = s.counts();
    if (c.errored() == 0 && c.stale() == 0) {
      md.append("All ").append(c.cases()).append(" cases were answered and scored; none is stale or missing.\n\n");
      return;
    }
    md.append("> **Attention:** ").append(c.errored()).append(" errored (").append(c.missing()).append(" missing), ")
        .append(c.stale()).append(" stale. Stale answers were recorded against another persona revision or prompt.\n\n");
    md.append("| Case | Kind | Reason |\n|---|---|---|\n");
    s.problems().stream().limit(MAX_PROBLEMS).forEach(p -> md.append("| ").append(cell(p.persona() + " × " + p.suite() + "/"
        + p.task() + " #" + p.epoch())).append(" | ").append(p.kind()).append(" | ").append(cell(p.reason())).append(" |\n"));
    if (s.problems().size() > MAX_PROBLEMS) {
      md.append("\n…and ").append(s.problems().size() - MAX_PROBLEMS).append(" more in summary.json.\n");
    }
    md.append('\n');
  }

  private static void leaderboard(StringBuilder md, Summary s, RunInfo info) {
    md.append("## Leaderboard\n\n");
    List<String> suites = info.suites().stream().map(RunInfo.SuiteRef::id).toList();
    md.append("| # | Persona | Name | Score (95% CI) | Pass rate (95% CI) | Tasks |");
    suites.forEach(x -> md.append(' ').append(cell(x)).append(" |"));
    md.append(" Cases | Errored |\n|---:|---|---|---:|---:|---:|");
    suites.forEach(x -> md.append("---:|"));
    md.append("---:|---:|\n");
    Map<String, Summary.Cell> bySuite = new TreeMap<>();
    s.suites().forEach(c -> bySuite.put(c.persona() + "\0" + c.suite(), c));
    for (Summary.Standing st : s.leaderboard()) {
      md.append("| ").append(st.rank()).append(" | `").append(cell(st.persona())).append("` | ").append(cell(st.name()))
          .append(" | **").append(Reports.interval(st.score())).append("** | ").append(Reports.interval(st.passRate()))
          .append(" | ").append(st.score() == null ? 0 : st.score().n()).append(" |");
      for (String suite : suites) {
        Summary.Cell c = bySuite.get(st.persona() + "\0" + suite);
        md.append(' ').append(c == null ? "–" : Reports.interval(c.score())).append(" |");
      }
      md.append(' ').append(st.cases()).append(" | ").append(st.errored()).append(" |\n");
    }
    md.append('\n');
  }

  private static void categories(StringBuilder md, Summary s) {
    md.append("## By category\n\n");
    Map<String, Map<String, Summary.Cell>> rows = new TreeMap<>();
    List<String> personas = s.leaderboard().stream().map(Summary.Standing::persona).toList();
    for (Summary.Cell c : s.categories()) {
      rows.computeIfAbsent(c.suite() + " / " + c.category(), k -> new TreeMap<>()).put(c.persona(), c);
    }
    md.append("| Suite / category |");
    personas.forEach(p -> md.append(" `").append(cell(p)).append("` |"));
    md.append("\n|---|");
    personas.forEach(p -> md.append("---:|"));
    md.append('\n');
    rows.forEach((row, cells) -> {
      md.append("| ").append(cell(row)).append(" |");
      personas.forEach(p -> md.append(' ').append(cells.containsKey(p) ? Reports.interval(cells.get(p).score()) : "–").append(" |"));
      md.append('\n');
    });
    md.append('\n');
  }

  private static void weakest(StringBuilder md, Summary s) {
    md.append("## Weakest tasks per persona\n\n| Persona | Task | Score | Checks not passed |\n|---|---|---:|---|\n");
    for (Summary.WeakTask w : s.weakest()) {
      md.append("| `").append(cell(w.persona())).append("` | ").append(cell(w.suite() + "/" + w.task())).append(" | ")
          .append(Reports.percent(w.score())).append(" | ")
          .append(w.failedChecks().isEmpty() ? "–" : cell(String.join("; ", w.failedChecks()))).append(" |\n");
    }
    md.append('\n');
  }

  private static void failingChecks(StringBuilder md, Summary s) {
    md.append("## Checks that fail most\n\n");
    if (s.failingChecks().isEmpty()) {
      md.append("No check failed.\n\n");
      return;
    }
    md.append("| Task | Check | Not passed |\n|---|---|---:|\n");
    for (Summary.FailingCheck f : s.failingChecks()) {
      md.append("| ").append(cell(f.suite() + "/" + f.task())).append(" | ").append(cell(f.check())).append(" | ")
          .append(f.failed()).append(" of ").append(f.evaluated()).append(" |\n");
    }
    md.append('\n');
  }

  private static void spread(StringBuilder md, Summary s) {
    List<Summary.TaskResult> multi = s.tasks().stream().filter(t -> t.epochs() > 1).toList();
    if (multi.isEmpty()) {
      return;
    }
    md.append("## Spread across epochs\n\n");
    List<Summary.TaskResult> shown = multi;
    if (multi.size() > MAX_SPREAD) {
      // a large run lists the tasks whose epochs disagree most, in the usual order; all are in summary.json
      java.util.Set<Summary.TaskResult> widest = multi.stream()
          .sorted(java.util.Comparator.comparingDouble(Summary.TaskResult::sd).reversed()).limit(MAX_SPREAD)
          .collect(java.util.stream.Collectors.toSet());
      shown = multi.stream().filter(widest::contains).toList();
      md.append("The ").append(MAX_SPREAD).append(" of ").append(multi.size())
          .append(" persona × task results with the widest spread; every one is in summary.json.\n\n");
    }
    md.append("| Persona | Task | Reducer | Epochs | Score | Min | Max | SD |\n|---|---|---|---:|---:|---:|---:|---:|\n");
    for (Summary.TaskResult t : shown) {
      md.append("| `").append(cell(t.persona())).append("` | ").append(cell(t.suite() + "/" + t.task())).append(" | ")
          .append(t.reducer()).append(" | ").append(t.epochs()).append(" | ").append(Reports.percent(t.score())).append(" | ")
          .append(Reports.percent(t.min())).append(" | ").append(Reports.percent(t.max()))
          .append(String.format(java.util.Locale.ROOT, " | %.3f |%n", t.sd()));
    }
    md.append('\n');
  }

  private static void costs(StringBuilder md, Summary s) {
    boolean anyTokens = s.costs().stream().anyMatch(c -> c.inputTokens() + c.outputTokens() > 0);
    boolean priced = s.costs().stream().anyMatch(c -> c.usd() != null);
    if (!anyTokens && !priced) {
      return;
    }
    md.append("## Tokens").append(priced ? " and cost" : "").append("\n\n| Persona | Input tokens | Output tokens |")
        .append(priced ? " Cost (USD) | Unpriced cases |" : "").append("\n|---|---:|---:|").append(priced ? "---:|---:|" : "").append('\n');
    for (Summary.Cost c : s.costs()) {
      md.append("| `").append(cell(c.persona())).append("` | ").append(c.inputTokens()).append(" | ").append(c.outputTokens()).append(" |");
      if (priced) {
        md.append(String.format(java.util.Locale.ROOT, " %.4f | %d |", c.usd(), c.unpriced()));
      }
      md.append('\n');
    }
    md.append('\n');
  }

  /** Text safe inside a Markdown table cell: no pipes, line breaks, HTML or control characters. */
  static String cell(String text) {
    if (text == null) {
      return "";
    }
    StringBuilder sb = new StringBuilder(text.length());
    text.codePoints().forEach(c -> {
      switch (c) {
        case '|' -> sb.append("\\|");
        case '\n', '\r', '\t' -> sb.append(' ');
        case '<' -> sb.append("&lt;");
        case '>' -> sb.append("&gt;");
        case '&' -> sb.append("&amp;");
        case '`' -> sb.append('\'');
        default -> {
          if (c >= 0x20 && c != 0x7f && !(c >= 0x80 && c < 0xa0)) {
            sb.appendCodePoint(c);
          }
        }
      }
    });
    return sb.toString();
  }

}
