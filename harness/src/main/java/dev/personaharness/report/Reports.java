package dev.personaharness.report;

import dev.personaharness.core.AtomicFiles;
import dev.personaharness.runlog.RunLog;
import java.nio.file.Path;

/** Builds a run's reports ({@code summary.json}, {@code report.md}) from its log alone. */
public final class Reports {
  public static final String SUMMARY_FILE = "summary.json";
  public static final String MARKDOWN_FILE = "report.md";

  private Reports() {}

  public static Summary summarize(RunLog.Run run) {
    return Summaries.of(run);
  }

  /** Writes both reports into the run's directory, each atomically; returns the summary. */
  public static Summary write(RunLog.Run run) {
    Summary summary = summarize(run);
    AtomicFiles.write(run.dir().resolve(SUMMARY_FILE), RunLog.toJson(summary, true) + "\n");
    AtomicFiles.write(run.dir().resolve(MARKDOWN_FILE), MarkdownReport.render(run, summary));
    return summary;
  }

  /** A score or rate as a percentage with one decimal, or a dash when there is none. */
  public static String percent(Double value) {
    return value == null ? "–" : String.format(java.util.Locale.ROOT, "%.1f%%", value * 100);
  }
}
