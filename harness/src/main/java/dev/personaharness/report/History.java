package dev.personaharness.report;

import static dev.personaharness.report.Html.esc;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.personaharness.core.AtomicFiles;
import dev.personaharness.core.ConfigException;
import dev.personaharness.runlog.Json;
import dev.personaharness.runlog.RunInfo;
import dev.personaharness.runlog.RunLog;
import dev.personaharness.stats.Statistics;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * {@code reports/index.html}: every run under a reports folder, newest first, with its date,
 * personas and mean scores, and a trend chart per suite (one line per persona) across the runs.
 * Reads each run's {@code run.json} and {@code summary.json} (the log when a run has no summary yet).
 */
public final class History {
  public static final String FILE = "index.html";

  /** One run as the index shows it. */
  record Entry(String dir, String id, String startedAt, String status, String provider, String commit, long cases,
      Map<String, Double> overall, Map<String, Map<String, Double>> bySuite, Map<String, String> hashes, long errored,
      long stale, boolean hasHtml) {}

  private History() {}

  /** Writes {@code index.html} into {@code reportsDir} and returns how many runs it lists; unreadable runs are skipped with a note. */
  public static int write(Path reportsDir, List<String> skipped) {
    if (!Files.isDirectory(reportsDir)) {
      throw new ConfigException(reportsDir + " is not a folder; give the reports folder runs are written to (default: reports)");
    }
    List<Entry> entries = new ArrayList<>();
    try (Stream<Path> dirs = Files.list(reportsDir)) {
      for (Path dir : dirs.sorted().toList()) {
        String name = dir.getFileName().toString();
        if (name.startsWith(".") || name.equals("latest") || !Files.isRegularFile(dir.resolve(RunLog.RUN_FILE))) {
          continue;
        }
        try {
          entries.add(entry(dir));
        } catch (ConfigException | JsonProcessingException | UncheckedIOException e) {
          skipped.add(name + ": " + e.getMessage());
        }
      }
    } catch (IOException e) {
      throw new ConfigException("cannot list " + reportsDir + ": " + e.getMessage());
    }
    entries.sort(Comparator.comparing(Entry::startedAt).thenComparing(Entry::id));
    AtomicFiles.write(reportsDir.resolve(FILE), render(entries));
    return entries.size();
  }

  private static Entry entry(Path dir) throws JsonProcessingException {
    RunLog.View run = RunLog.open(dir);
    RunInfo info = run.info();
    Path summaryFile = dir.resolve(Reports.SUMMARY_FILE);
    JsonNode summary = Json.parse(Files.isRegularFile(summaryFile) ? read(summaryFile)
        : RunLog.toJson(Reports.summarize(run, null, Statistics.Method.T), false));
    Map<String, Double> overall = new LinkedHashMap<>();
    for (JsonNode s : summary.path("leaderboard")) {
      if (s.path("score").isObject()) {
        overall.put(s.path("persona").asText(), s.path("score").path("mean").asDouble());
      }
    }
    Map<String, Map<String, Double>> bySuite = new TreeMap<>();
    for (JsonNode c : summary.path("suites")) {
      if (c.path("score").isObject()) {
        bySuite.computeIfAbsent(c.path("suite").asText(), k -> new TreeMap<>()).put(c.path("persona").asText(),
            c.path("score").path("mean").asDouble());
      }
    }
    Map<String, String> hashes = new TreeMap<>();
    info.personas().forEach(p -> hashes.put(p.id(), p.hash()));
    JsonNode counts = summary.path("counts");
    return new Entry(dir.getFileName().toString(), info.id(), info.startedAt() == null ? "" : info.startedAt(), info.status(),
        info.provider(), info.gitCommit(), counts.path("cases").asLong(), overall, bySuite, hashes, counts.path("errored").asLong(), counts.path("stale").asLong(),
        Files.isRegularFile(dir.resolve(HtmlReport.FILE)));
  }

  static String render(List<Entry> entries) {
    StringBuilder b = new StringBuilder();
    b.append("<h1>Run history</h1>\n<p class=\"meta\">").append(entries.size()).append(" runs")
        .append(entries.isEmpty() ? "" : ", " + esc(entries.get(0).startedAt()) + " to " + esc(entries.get(entries.size() - 1).startedAt()))
        .append(". Regenerate with <code>harness history reports/</code>.</p>\n");
    List<String> x = entries.stream().map(e -> e.startedAt().length() >= 16 ? e.startedAt().substring(5, 16).replace('T', ' ') : e.id()).toList();
    TreeSet<String> suites = new TreeSet<>();
    entries.forEach(e -> suites.addAll(e.bySuite().keySet()));
    b.append("<h2>Trends</h2>\n");
    if (entries.isEmpty()) {
      b.append("<p>No runs yet: <code>bin/harness run</code> writes one.</p>\n");
    }
    List<String> trendSuites = new ArrayList<>();
    if (!entries.isEmpty()) {
      trendSuites.add("overall");
    }
    trendSuites.addAll(suites);
    for (String suite : trendSuites) {
      TreeSet<String> personas = new TreeSet<>();
      entries.forEach(e -> personas.addAll(suite.equals("overall") ? e.overall().keySet() : e.bySuite().getOrDefault(suite, Map.of()).keySet()));
      Map<String, Double[]> values = new LinkedHashMap<>();
      for (String p : personas) {
        Double[] v = new Double[entries.size()];
        for (int i = 0; i < entries.size(); i++) {
          Entry e = entries.get(i);
          v[i] = suite.equals("overall") ? e.overall().get(p) : e.bySuite().getOrDefault(suite, Map.of()).get(p);
        }
        values.put(p, v);
      }
      b.append("<div class=\"trend\"><h3>").append(esc(suite)).append("</h3>\n");
      b.append(Svg.trend("Mean score per persona, " + suite + ", by run", x, List.copyOf(personas), values)).append("</div>\n");
    }
    b.append("<h2>Runs</h2>\n<table class=\"runs\"><tr><th>Started</th><th>Run</th><th>Status</th><th>Provider</th><th>Commit</th>"
        + "<th>Cases</th><th>Errored</th><th>Stale</th><th>Personas (mean score, revision)</th></tr>\n");
    for (int i = entries.size() - 1; i >= 0; i--) {
      Entry e = entries.get(i);
      String report = e.dir() + "/" + (e.hasHtml() ? HtmlReport.FILE : Reports.MARKDOWN_FILE);
      b.append("<tr class=\"run\"><td>").append(esc(e.startedAt())).append("</td><td><a href=\"").append(esc(report)).append("\">")
          .append(esc(e.id())).append("</a></td><td>").append(esc(e.status())).append("</td><td><code>").append(esc(e.provider()))
          .append("</code></td><td><code>").append(e.commit() == null ? "" : esc(e.commit().substring(0, Math.min(12, e.commit().length()))))
          .append("</code></td><td class=\"n\">").append(e.cases()).append("</td><td class=\"n\">").append(e.errored())
          .append("</td><td class=\"n\">").append(e.stale()).append("</td><td>");
      e.hashes().forEach((p, h) -> b.append("<code>").append(esc(p)).append("</code> ")
          .append(e.overall().containsKey(p) ? Reports.percent(e.overall().get(p)) : "–").append(" <span class=\"meta\">")
          .append(esc(h.substring(0, Math.min(12, h.length())))).append("</span><br>"));
      b.append("</td></tr>\n");
    }
    b.append("</table>\n");
    return Html.page("persona-harness · run history", ".trend{display:inline-block;vertical-align:top;margin-right:16px}\n",
        b.toString(), "");
  }

  private static String read(Path file) {
    try {
      return Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
