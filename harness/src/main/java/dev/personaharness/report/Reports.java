package dev.personaharness.report;

import dev.personaharness.core.AtomicFiles;
import dev.personaharness.runlog.RunLog;
import java.nio.file.Path;

/** Builds a run's reports ({@code summary.json}, {@code report.md}) from its log alone. */
public final class Reports {
  public static final String SUMMARY_FILE = "summary.json";
  public static final String MARKDOWN_FILE = "report.md";

  private Reports() {}

  public static Summary summarize(RunLog.Run run, Prices prices) {
    return Summaries.of(run, prices);
  }

  /** Writes both reports into the run's directory, each atomically; returns the summary. */
  public static Summary write(RunLog.Run run) {
    return write(run, null);
  }

  /** As {@link #write(RunLog.Run)}, pricing token use with {@code prices} (null: no costs). */
  public static Summary write(RunLog.Run run, Prices prices) {
    Summary summary = summarize(run, prices);
    AtomicFiles.write(run.dir().resolve(SUMMARY_FILE), RunLog.toJson(summary, true) + "\n");
    AtomicFiles.write(run.dir().resolve(MARKDOWN_FILE), MarkdownReport.render(run, summary));
    return summary;
  }

  /** A score or rate as a percentage with one decimal, or a dash when there is none. */
  public static String percent(Double value) {
    return value == null ? "–" : String.format(java.util.Locale.ROOT, "%.1f%%", value * 100);
  }
}
