package dev.personaharness.report;

import static dev.personaharness.report.Html.esc;

import dev.personaharness.runlog.CaseRecord;
import dev.personaharness.runlog.RunInfo;
import dev.personaharness.runlog.RunLog;
import dev.personaharness.stats.Interval;
import java.util.ArrayList;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code report.html}: one self-contained page (no network) of a run, or of a comparison of two
 * personas or two runs. Leaderboard with 95% interval whiskers and per-category bars as inline SVG;
 * every task with the answers of two personas side by side, each next to its checks, the lines the
 * evidence points at highlighted; filters for failing, regressed and flipped tasks that work as CSS
 * without JavaScript and follow the chosen pair of personas with it. All run text is escaped.
 */
public final class HtmlReport {
  public static final String FILE = "report.html";
  /** Answers longer than this are cut in the page (the run log keeps them whole). */
  static final int MAX_ANSWER_CHARS = 200_000;
  /** Past this many cases the page shows scores and checks only, not answers. */
  static final int MAX_ANSWERS = 5_000;
  private static final Pattern LINE = Pattern.compile("\\bat line (\\d+)\\b");

  /** One side of the view: a persona of a run. */
  record Column(String label, String persona, RunLog.View run, Summary summary) {}

  private HtmlReport() {}

  /** The page of one run: every persona of it is a column; regressions and flips are between the chosen pair. */
  public static String ofRun(RunLog.View run, Summary summary) {
    List<Column> columns = run.info().personas().stream()
        .map(p -> new Column(p.id(), p.id(), run, summary)).toList();
    StringBuilder body = new StringBuilder();
    header(body, "Persona evaluation: run " + run.info().id(), List.of(run), summary);
    leaderboard(body, columns);
    categories(body, columns);
    tasks(body, columns);
    footer(body, "harness report " + run.dir());
    return Html.page("persona-harness · run " + run.info().id(), css(columns.size()), body.toString(), SCRIPT);
  }

  /** The page of a comparison: baseline and candidate side by side, with the comparison's numbers on top. */
  public static String ofComparison(Comparison c, RunLog.View baseRun, Summary baseSummary, String basePersona,
      RunLog.View candRun, Summary candSummary, String candPersona) {
    boolean sameRun = baseRun.dir().equals(candRun.dir());
    List<Column> columns = List.of(
        new Column(sameRun ? basePersona : "baseline: " + c.baseline(), basePersona, baseRun, baseSummary),
        new Column(sameRun ? candPersona : "candidate: " + c.candidate(), candPersona, candRun, candSummary));
    StringBuilder body = new StringBuilder();
    header(body, "Comparison: " + c.candidate() + " vs " + c.baseline(), sameRun ? List.of(baseRun) : List.of(baseRun, candRun),
        null);
    comparison(body, c);
    leaderboard(body, columns);
    categories(body, columns);
    tasks(body, columns);
    footer(body, "harness compare … --html FILE");
    return Html.page("persona-harness · " + c.candidate() + " vs " + c.baseline(), css(2), body.toString(), SCRIPT);
  }

  private static void header(StringBuilder b, String title, List<RunLog.View> runs, Summary summary) {
    b.append("<h1>").append(esc(title)).append("</h1>\n");
    for (RunLog.View run : runs) {
      RunInfo i = run.info();
      b.append("<p class=\"meta\">Run <code>").append(esc(i.id())).append("</code> · provider <code>").append(esc(i.provider()))
          .append("</code> · status <b>").append(esc(i.status())).append("</b> · ").append(i.cases()).append(" cases · started ")
          .append(esc(i.startedAt()));
      if (i.gitCommit() != null) {
        b.append(" · commit <code>").append(esc(i.gitCommit())).append("</code>");
      }
      b.append("</p>\n");
    }
    if (summary != null) {
      Summary.Counts n = summary.counts();
      if (n.errored() > 0 || n.stale() > 0) {
        b.append("<p class=\"attention\"><b>Attention:</b> ").append(n.errored()).append(" errored (").append(n.missing())
            .append(" missing), ").append(n.stale()).append(" stale; see report.md for the list.</p>\n");
      } else {
        b.append("<p>All ").append(n.cases()).append(" cases were answered and scored; none is stale or missing.</p>\n");
      }
    }
  }

  private static void comparison(StringBuilder b, Comparison c) {
    b.append("<h2 id=\"verdict\">Verdict</h2>\n<p class=\"verdict v-").append(c.verdict().replace(' ', '-')).append("\"><b>")
        .append(esc(c.verdict())).append("</b> (α = ").append(c.alpha()).append(", paired sign-flip test; suites and categories Holm-corrected; ")
        .append(c.tasks().size()).append(" paired tasks)</p>\n");
    for (String w : c.warnings()) {
      b.append("<p class=\"attention\"><b>Warning:</b> ").append(esc(w)).append("</p>\n");
    }
    b.append("<table><tr><th>Group</th><th>Tasks</th><th>Mean Δ score [95% CI]</th><th>fail→pass</th><th>pass→fail</th>"
        + "<th>McNemar p</th><th>sign-flip p</th><th>adjusted p</th><th>Verdict</th></tr>\n");
    for (Comparison.Group g : c.groups()) {
      Interval d = g.delta();
      String delta = String.format(java.util.Locale.ROOT, "%+.1f pts", d.mean() * 100)
          + (d.low() == null ? "" : String.format(java.util.Locale.ROOT, " [%+.1f, %+.1f]", d.low() * 100, d.high() * 100));
      b.append("<tr><td>").append(esc(g.name())).append("</td><td class=\"n\">").append(g.tasks()).append("</td><td class=\"n\">")
          .append(delta).append("</td><td class=\"n\">").append(g.failToPass()).append("</td><td class=\"n\">").append(g.passToFail())
          .append("</td><td class=\"n\">").append(Html.num(g.mcnemarP())).append("</td><td class=\"n\">").append(Html.num(g.p()))
          .append("</td><td class=\"n\">").append(Html.num(g.adjustedP())).append("</td><td>").append(esc(g.verdict())).append("</td></tr>\n");
    }
    b.append("</table>\n<h3>Severity guard (drops over ").append(Reports.percent(c.margin())).append(")</h3>\n");
    if (c.drops().isEmpty()) {
      b.append("<p>No task dropped by more than the margin.</p>\n");
    } else {
      b.append("<ul>");
      c.drops().forEach(d -> b.append("<li><a href=\"#").append(anchor(d.task())).append("\">").append(esc(d.task())).append("</a>: ")
          .append(Reports.percent(d.baseline())).append(" → ").append(Reports.percent(d.candidate())).append("</li>"));
      b.append("</ul>\n");
    }
    b.append("<h3>Flips</h3>\n");
    if (c.flips().isEmpty()) {
      b.append("<p>No task changed its pass state.</p>\n");
    } else {
      b.append("<ul>");
      c.flips().forEach(f -> b.append("<li><a href=\"#").append(anchor(f.task())).append("\">").append(esc(f.task())).append("</a>: ")
          .append(f.nowPasses() ? "fail → pass" : "pass → fail").append("</li>"));
      b.append("</ul>\n");
    }
    if (!c.added().isEmpty() || !c.removed().isEmpty()) {
      b.append("<p>Added tasks: ").append(esc(String.join(", ", c.added()))).append(" · removed tasks: ")
          .append(esc(String.join(", ", c.removed()))).append("</p>\n");
    }
  }

  private static void leaderboard(StringBuilder b, List<Column> columns) {
    List<Summary.Standing> standings = columns.stream().map(HtmlReport::standing).toList();
    List<Integer> ranked = java.util.stream.IntStream.range(0, columns.size()).boxed()
        .sorted(Comparator.comparingDouble((Integer i) -> standings.get(i) == null || standings.get(i).meanScore() == null ? -1
            : standings.get(i).meanScore()).reversed()).toList();
    b.append("<h2 id=\"leaderboard\">Leaderboard</h2>\n");
    b.append(Svg.bars("Mean score with 95% interval", ranked.stream().map(i -> columns.get(i).label()).toList(),
        ranked.stream().map(i -> standings.get(i) == null ? null : standings.get(i).score()).toList(), ranked));
    b.append("<table class=\"board\"><tr><th>Persona</th><th>Name</th><th>Score [95% CI]</th><th>Pass rate [95% CI]</th>"
        + "<th>Tasks</th><th>Cases</th><th>Errored</th><th>Stale</th></tr>\n");
    for (int i : ranked) {
      Column col = columns.get(i);
      Summary.Standing s = standings.get(i);
      b.append("<tr><td><code>").append(esc(col.label())).append("</code></td>");
      if (s == null) {
        b.append("<td colspan=\"7\">no cases</td></tr>\n");
        continue;
      }
      b.append("<td>").append(esc(s.name())).append("</td><td class=\"n\">").append(esc(Reports.interval(s.score())))
          .append("</td><td class=\"n\">").append(esc(Reports.interval(s.passRate()))).append("</td><td class=\"n\">")
          .append(s.score() == null ? 0 : s.score().n()).append("</td><td class=\"n\">").append(s.cases()).append("</td><td class=\"n\">")
          .append(s.errored()).append("</td><td class=\"n\">").append(s.stale()).append("</td></tr>\n");
    }
    b.append("</table>\n");
  }

  private static Summary.Standing standing(Column col) {
    return col.summary().leaderboard().stream().filter(s -> s.persona().equals(col.persona())).findFirst().orElse(null);
  }

  private static void categories(StringBuilder b, List<Column> columns) {
    b.append("<h2 id=\"categories\">By category</h2>\n<p class=\"meta\">Mean score per category (hover a bar for its 95% interval).</p>\n");
    Map<String, Set<String>> bySuite = new TreeMap<>();
    Map<String, Map<String, Interval>> values = new HashMap<>();
    for (Column col : columns) {
      for (Summary.Cell cell : col.summary().categories()) {
        if (cell.persona().equals(col.persona()) && cell.score() != null) {
          bySuite.computeIfAbsent(cell.suite(), k -> new TreeSet<>()).add(cell.category());
          values.computeIfAbsent(cell.suite(), k -> new HashMap<>()).put(cell.category() + "\0" + col.label(), cell.score());
        }
      }
    }
    List<String> series = columns.stream().map(Column::label).toList();
    bySuite.forEach((suite, cats) -> {
      b.append("<h3>").append(esc(suite)).append("</h3>\n");
      b.append(Svg.grouped("Category scores of suite " + suite, List.copyOf(cats), series, values.get(suite)));
    });
  }

  /** One column's tasks: reduced results, tasks whose every case errored, and the cases when the page shows answers. */
  private record Side(Map<String, Summary.TaskResult> results, Set<String> errored, Map<String, List<CaseRecord>> cases) {
    boolean present(String key) {
      return results.containsKey(key) || errored.contains(key);
    }
  }

  private static void tasks(StringBuilder b, List<Column> columns) {
    Map<Path, Long> runCases = new LinkedHashMap<>();
    columns.forEach(col -> runCases.putIfAbsent(col.run().dir(), col.summary().counts().cases()));
    long total = runCases.values().stream().mapToLong(Long::longValue).sum();
    boolean answers = total <= MAX_ANSWERS;
    Map<String, String> category = new TreeMap<>();
    List<Side> sides = new ArrayList<>();
    for (Column col : columns) {
      col.run().info().suites().forEach(s -> s.tasks().forEach(t -> category.putIfAbsent(s.id() + "/" + t.id(), t.category())));
      Map<String, Summary.TaskResult> results = new HashMap<>();
      col.summary().tasks().stream().filter(t -> t.persona().equals(col.persona())).forEach(t -> results.put(t.suite() + "/" + t.task(), t));
      results.forEach((k, t) -> category.putIfAbsent(k, t.category()));
      Set<String> errored = new TreeSet<>();
      col.summary().problems().stream().filter(p -> p.persona().equals(col.persona()))
          .map(p -> p.suite() + "/" + p.task()).filter(k -> !results.containsKey(k)).forEach(errored::add);
      sides.add(new Side(results, errored, new HashMap<>()));
    }
    if (answers) {
      // each run is read once, one case at a time
      Map<RunLog.View, List<Integer>> byRun = new LinkedHashMap<>();
      for (int i = 0; i < columns.size(); i++) {
        byRun.computeIfAbsent(columns.get(i).run(), k -> new ArrayList<>()).add(i);
      }
      byRun.forEach((run, cols) -> run.forEachCase(c -> cols.stream().filter(i -> c.key().persona().equals(columns.get(i).persona()))
          .forEach(i -> sides.get(i).cases().computeIfAbsent(c.key().suite() + "/" + c.key().task(), x -> new ArrayList<>()).add(c))));
      sides.forEach(side -> side.cases().values().forEach(l -> l.sort(Comparator.comparingInt(c -> c.key().epoch()))));
    }
    b.append("<h2 id=\"tasks\">Tasks side by side</h2>\n");
    if (!answers) {
      b.append("<p class=\"attention\">This run has ").append(total).append(" cases; over ").append(MAX_ANSWERS)
          .append(" the page shows scores only. Answers and evidence are in cases.jsonl.</p>\n");
    }
    b.append("<form class=\"controls\" id=\"controls\">Compare <label>A <select id=\"pick-a\">");
    options(b, columns, 0);
    b.append("</select></label> with <label>B <select id=\"pick-b\">");
    options(b, columns, Math.min(1, columns.size() - 1));
    b.append("</select></label> <label><input type=\"checkbox\" id=\"pick-all\"> show every persona</label>"
        + " <span id=\"shown\" class=\"meta\"></span></form>\n");
    b.append("<div class=\"filters\">Show: ");
    String[][] filters = {{"all", "all tasks"}, {"failing", "failing"}, {"regressed", "regressed (B below A)"}, {"flipped", "flipped (pass state differs)"}};
    for (String[] f : filters) {
      b.append("<label><input type=\"radio\" name=\"filter\" id=\"f-").append(f[0]).append("\" value=\"").append(f[0]).append('"')
          .append(f[0].equals("all") ? " checked" : "").append("> ").append(f[1]).append("</label> ");
    }
    b.append("</div>\n<div id=\"tasks-list\" class=\"tasks\">\n");
    Set<String> keys = new TreeSet<>();
    sides.forEach(side -> {
      keys.addAll(side.results().keySet());
      keys.addAll(side.errored());
    });
    int index = 0;
    for (String key : keys) {
      task(b, key, category.getOrDefault(key, ""), index++, columns, sides, answers);
    }
    b.append("</div>\n");
  }

  private static void options(StringBuilder b, List<Column> columns, int selected) {
    for (int i = 0; i < columns.size(); i++) {
      b.append("<option value=\"").append(i).append('"').append(i == selected ? " selected" : "").append('>')
          .append(esc(columns.get(i).label())).append("</option>");
    }
  }

  private static void task(StringBuilder b, String key, String category, int index, List<Column> columns, List<Side> sides,
      boolean answers) {
    Summary.TaskResult a = sides.get(0).results().get(key);
    Summary.TaskResult bb = columns.size() > 1 ? sides.get(1).results().get(key) : null;
    boolean anyFail = false;
    StringBuilder data = new StringBuilder();
    for (int i = 0; i < columns.size(); i++) {
      Summary.TaskResult t = sides.get(i).results().get(key);
      if (t != null) {
        data.append(" data-s").append(i).append("=\"").append(t.score()).append("\" data-p").append(i).append("=\"")
            .append(t.passed() ? 1 : 0).append('"');
      }
      anyFail |= t == null ? sides.get(i).errored().contains(key) : !t.passed();
    }
    boolean regressed = a != null && bb != null && bb.score() < a.score() - 1e-9;
    boolean flipped = a != null && bb != null && a.passed() != bb.passed();
    List<String> classes = new ArrayList<>(List.of("task"));
    if (anyFail) {
      classes.add("failing");
    }
    if (regressed) {
      classes.add("regressed");
    }
    if (flipped) {
      classes.add("flipped");
    }
    b.append("<section class=\"").append(String.join(" ", classes)).append("\" id=\"").append(anchor(key)).append('"')
        .append(data).append(" data-any-fail=\"").append(anyFail ? 1 : 0).append("\">\n<details><summary><span class=\"tname\">")
        .append(esc(key)).append("</span> <span class=\"cat\">").append(esc(category)).append("</span>");
    for (int i = 0; i < columns.size(); i++) {
      Summary.TaskResult t = sides.get(i).results().get(key);
      String cls = t == null ? (sides.get(i).errored().contains(key) ? "err" : "none") : t.passed() ? "pass" : "fail";
      b.append(" <span class=\"chip ").append(cls).append("\" data-col=\"").append(i).append("\" title=\"")
          .append(esc(columns.get(i).label())).append("\">").append(esc(columns.get(i).label())).append(": ")
          .append(t == null ? (cls.equals("err") ? "errored" : "–") : Reports.percent(t.score()) + (t.passed() ? " ✓" : " ✗")).append("</span>");
    }
    b.append(" <span class=\"badge b-fail\">failing</span><span class=\"badge b-reg\">regressed</span><span class=\"badge b-flip\">flipped</span>")
        .append("</summary>\n<div class=\"cols\">\n");
    for (int i = 0; i < columns.size(); i++) {
      Side side = sides.get(i);
      column(b, index, i, columns.get(i), side.results().get(key), side.present(key), side.cases().getOrDefault(key, List.of()), answers);
    }
    b.append("</div></details></section>\n");
  }

  private static void column(StringBuilder b, int task, int col, Column column, Summary.TaskResult t, boolean present,
      List<CaseRecord> cases, boolean answers) {
    b.append("<div class=\"col\" data-col=\"").append(col).append("\"><h4>").append(esc(column.label())).append("</h4>\n");
    if (t != null) {
      b.append("<p class=\"meta\">").append(Reports.percent(t.score())).append(t.passed() ? " · passed" : " · failed").append(" · ")
          .append(t.epochs()).append(t.epochs() == 1 ? " epoch" : " epochs").append(" reduced by ").append(esc(t.reducer()));
      if (t.epochs() > 1) {
        b.append(" · spread ").append(Reports.percent(t.min())).append("–").append(Reports.percent(t.max()));
      }
      b.append("</p>\n");
    }
    if (!present) {
      b.append("<p class=\"meta\">Not in this run.</p>\n");
    }
    for (CaseRecord c : cases) {
      String id = "a" + task + "-" + col + "-" + c.key().epoch();
      b.append("<div class=\"case\">");
      if (cases.size() > 1) {
        b.append("<h5>Epoch ").append(c.key().epoch()).append("</h5>");
      }
      b.append("<p class=\"meta\">model <code>").append(esc(c.model())).append("</code> · ").append(c.latencyMillis()).append(" ms");
      if (c.score() != null) {
        b.append(" · score ").append(Reports.percent(c.score())).append(Boolean.TRUE.equals(c.passed()) ? " · passed" : " · failed");
      }
      b.append("</p>\n");
      if (c.stale()) {
        b.append("<p class=\"attention\">Stale: ").append(esc(String.join("; ", c.notes()))).append("</p>\n");
      }
      if (c.errored()) {
        b.append("<p class=\"attention\">Errored: ").append(esc(c.error())).append("</p>\n");
      }
      Map<Integer, String> marks = new LinkedHashMap<>();
      b.append("<ol class=\"checks\">");
      for (CaseRecord.CheckRecord k : c.checks()) {
        Integer line = lineOf(k.evidence());
        if (line != null) {
          marks.merge(line, k.status(), (x, y) -> x.equals("passed") && y.equals("passed") ? "passed" : "failed");
        }
        b.append("<li class=\"").append(esc(k.status())).append("\"><span class=\"st\">").append(esc(k.status())).append("</span> <b>")
            .append(esc(k.name())).append("</b> <span class=\"meta\">").append(esc(k.type())).append(" · weight ")
            .append(Html.num(k.weight())).append(" · ").append(Reports.percent(k.score())).append("</span><div class=\"ev\">").append(esc(k.evidence()));
        if (line != null && answers) {
          b.append(" <a href=\"#").append(id).append("-L").append(line).append("\">→ line ").append(line).append("</a>");
        }
        b.append("</div></li>");
      }
      b.append("</ol>\n");
      if (answers && c.response() != null) {
        answer(b, id, c.response(), marks);
      }
      b.append("</div>\n");
    }
    b.append("</div>\n");
  }

  private static void answer(StringBuilder b, String id, String text, Map<Integer, String> marks) {
    String shown = text.length() > MAX_ANSWER_CHARS ? text.substring(0, MAX_ANSWER_CHARS) : text;
    b.append("<pre class=\"answer\">");
    int n = 1;
    int start = 0;
    while (start <= shown.length()) {
      int end = shown.indexOf('\n', start);
      String line = shown.substring(start, end < 0 ? shown.length() : end);
      String mark = marks.get(n);
      if (mark == null) {
        b.append("<i>");
      } else {
        b.append("<i class=\"").append(mark.equals("passed") ? "hit-pass" : "hit-fail").append("\" id=\"").append(id).append("-L")
            .append(n).append("\">");
      }
      b.append(esc(line)).append("</i>");
      if (end < 0) {
        break;
      }
      start = end + 1;
      n++;
    }
    b.append("</pre>\n");
    if (shown.length() < text.length()) {
      b.append("<p class=\"attention\">Answer cut here at ").append(MAX_ANSWER_CHARS).append(" of ").append(text.length())
          .append(" characters; the run log (cases.jsonl) keeps it whole.</p>\n");
    }
  }

  /** The answer line a check's evidence points at ("… at line 7 …"), if any. */
  static Integer lineOf(String evidence) {
    if (evidence == null) {
      return null;
    }
    Matcher m = LINE.matcher(evidence);
    return m.find() ? Integer.valueOf(m.group(1)) : null;
  }

  static String anchor(String key) {
    return "t-" + key.replaceAll("[^A-Za-z0-9_-]", "-");
  }

  private static void footer(StringBuilder b, String regenerate) {
    b.append("<footer class=\"meta\"><p>A case's score is the weighted mean of its checks; each task's epochs are reduced by its reducer;")
        .append(" scores are means over tasks with 95% intervals. Regenerate with <code>").append(esc(regenerate))
        .append("</code>. This page loads nothing from the network.</p></footer>\n");
  }

  private static String css(int columns) {
    StringBuilder s = new StringBuilder("""
        .controls,.filters{margin:6px 0;padding:6px 10px;background:#f6f8fa;border:1px solid #d0d7de;border-radius:6px}
        .filters label,.controls label{margin-right:12px}
        .task{border:1px solid #d0d7de;border-radius:6px;margin:6px 0}
        .task summary{padding:6px 10px;cursor:pointer}.tname{font-weight:600}.cat{color:#57606a;font-size:12px}
        .chip{display:inline-block;border-radius:10px;padding:0 8px;margin:0 2px;font-size:12px;border:1px solid #d0d7de}
        .chip.pass{background:#dafbe1}.chip.fail{background:#ffebe9}.chip.err{background:#fff8c5}.chip.none{color:#57606a}
        .badge{display:none;border-radius:4px;padding:0 6px;margin-left:4px;font-size:11px;color:#fff}
        .failing .b-fail{display:inline;background:#cf222e}.regressed .b-reg{display:inline;background:#9a6700}.flipped .b-flip{display:inline;background:#8250df}
        .cols{display:grid;grid-auto-flow:column;grid-auto-columns:minmax(380px,1fr);gap:12px;overflow-x:auto;padding:0 10px 10px}
        .col h4{margin:8px 0 2px}.col h5{margin:8px 0 0}
        ol.checks{padding-left:20px;margin:4px 0}ol.checks li{margin:2px 0}
        .st{font-size:11px;border-radius:4px;padding:0 4px;color:#fff;background:#6e7781}
        li.passed .st{background:#1a7f37}li.failed .st{background:#cf222e}li.errored .st{background:#9a6700}
        .ev{font-size:12px;color:#1f2328;white-space:pre-wrap;word-break:break-word;background:#f6f8fa;padding:2px 4px;border-radius:4px}
        pre.answer{white-space:pre-wrap;word-break:break-word;background:#f6f8fa;border:1px solid #d0d7de;border-radius:6px;padding:6px;max-height:640px;overflow:auto;font-size:12px}
        pre.answer{counter-reset:ln}pre.answer i{font-style:normal;display:block;min-height:1.3em;padding-left:3.2em;text-indent:-3.2em;counter-increment:ln}
        pre.answer i::before{content:counter(ln);display:inline-block;width:2.6em;margin-right:.6em;text-align:right;color:#8c959f}
        .hit-pass{background:#dafbe1}.hit-fail{background:#ffebe9}pre.answer i:target{outline:2px solid #0969da}
        .verdict b{font-size:16px}.v-regressed b{color:#cf222e}.v-improved b{color:#1a7f37}
        #f-failing:checked~#tasks-list .task:not(.failing),#f-regressed:checked~#tasks-list .task:not(.regressed),#f-flipped:checked~#tasks-list .task:not(.flipped){display:none}
        .tasks.pick .col{display:none}
        """);
    for (int i = 0; i < columns; i++) {
      s.append(".tasks.pick.a").append(i).append(" .col[data-col=\"").append(i).append("\"],.tasks.pick.b").append(i)
          .append(" .col[data-col=\"").append(i).append("\"]{display:block}\n");
    }
    return s.toString();
  }

  /** Filters and the A/B choice; reads only the page's own attributes, never text from the run. */
  private static final String SCRIPT = """
      (function () {
        var list = document.getElementById('tasks-list');
        if (!list) { return; }
        var a = document.getElementById('pick-a'), b = document.getElementById('pick-b'), every = document.getElementById('pick-all');
        var shown = document.getElementById('shown');
        var radios = Array.prototype.slice.call(document.querySelectorAll('input[name="filter"]'));
        var tasks = Array.prototype.slice.call(list.querySelectorAll('.task'));
        function num(t, k) { var v = t.getAttribute('data-' + k); return v === null ? null : parseFloat(v); }
        function update() {
          var A = a.value, B = b.value, all = every.checked, filter = 'all', count = 0;
          radios.forEach(function (r) { if (r.checked) { filter = r.value; } });
          list.className = 'tasks' + (all ? '' : ' pick a' + A + ' b' + B);
          tasks.forEach(function (t) {
            var sa = num(t, 's' + A), sb = num(t, 's' + B), pa = t.getAttribute('data-p' + A), pb = t.getAttribute('data-p' + B);
            var regressed = sa !== null && sb !== null && sb < sa - 1e-9;
            var flipped = pa !== null && pb !== null && pa !== pb;
            var failing = all ? t.getAttribute('data-any-fail') === '1' : (pa !== '1' || pb !== '1');
            t.classList.toggle('regressed', regressed);
            t.classList.toggle('flipped', flipped);
            t.classList.toggle('failing', failing);
            var visible = filter === 'all' || (filter === 'failing' && failing) || (filter === 'regressed' && regressed)
                || (filter === 'flipped' && flipped);
            t.hidden = !visible;
            if (visible) { count++; }
          });
          shown.textContent = count + ' of ' + tasks.length + ' tasks shown';
        }
        function reveal() {
          var target = location.hash ? document.getElementById(decodeURIComponent(location.hash.slice(1))) : null;
          if (!target) { return; }
          var d = target.tagName === 'SECTION' ? target.querySelector('details') : target.closest('details');
          if (d) { d.open = true; target.scrollIntoView(); }
        }
        [a, b, every].concat(radios).forEach(function (e) { e.addEventListener('change', update); });
        window.addEventListener('hashchange', reveal);
        update();
        reveal();
      })();
      """;
}
