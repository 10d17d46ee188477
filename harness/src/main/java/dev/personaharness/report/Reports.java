package dev.personaharness.report;

import dev.personaharness.core.AtomicFiles;
import dev.personaharness.runlog.RunLog;
import dev.personaharness.stats.Interval;
import dev.personaharness.stats.Statistics;
import java.nio.file.Path;

/** Builds a run's reports ({@code summary.json}, {@code report.md}, {@code report.html}, {@code junit.xml}) from its log alone. */
public final class Reports {
  public static final String SUMMARY_FILE = "summary.json";
  public static final String MARKDOWN_FILE = "report.md";
  public static final String JUNIT_FILE = "junit.xml";

  private Reports() {}

  public static Summary summarize(RunLog.View run, Prices prices, Statistics.Method ci) {
    return Summaries.of(run, prices, ci);
  }

  /** Writes the reports into the run's directory, each atomically; returns the summary. */
  public static Summary write(RunLog.View run) {
    return write(run, null, Statistics.Method.T);
  }

  /** As {@link #write(RunLog.View)}, pricing token use with {@code prices} (null: no costs), with {@code ci} intervals. */
  public static Summary write(RunLog.View run, Prices prices, Statistics.Method ci) {
    Summary summary = summarize(run, prices, ci);
    AtomicFiles.write(run.dir().resolve(SUMMARY_FILE), RunLog.toJson(summary, true) + "\n");
    AtomicFiles.write(run.dir().resolve(MARKDOWN_FILE), MarkdownReport.render(run, summary));
    AtomicFiles.write(run.dir().resolve(HtmlReport.FILE), HtmlReport.ofRun(run, summary));
    AtomicFiles.write(run.dir().resolve(JUNIT_FILE), JUnitXml.ofRun(summary));
    return summary;
  }

  /** A mean and its 95% interval as percentages: {@code 91.3% [86.0–96.6]}; just the mean when there is no interval. */
  public static String interval(Interval i) {
    if (i == null) {
      return "–";
    }
    if (i.low() == null) {
      return percent(i.mean());
    }
    return String.format(java.util.Locale.ROOT, "%.1f%% [%.1f–%.1f]", i.mean() * 100, Math.max(0, i.low()) * 100,
        Math.min(1, i.high()) * 100);
  }

  /** A score or rate as a percentage with one decimal, or a dash when there is none. */
  public static String percent(Double value) {
    return value == null ? "–" : String.format(java.util.Locale.ROOT, "%.1f%%", value * 100);
  }
}
