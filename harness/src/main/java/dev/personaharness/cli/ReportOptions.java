package dev.personaharness.cli;

import dev.personaharness.report.Prices;
import dev.personaharness.report.Reports;
import dev.personaharness.report.Summary;
import dev.personaharness.runlog.RunLog;
import dev.personaharness.stats.Statistics;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** How reports are built ({@code --prices}, {@code --ci}), shared by run and report. */
final class ReportOptions {
  @Option(names = "--prices", paramLabel = "FILE",
      description = "Price table (YAML: model: {input: USD per 1M tokens, output: USD per 1M tokens}) to turn token use into cost.")
  Path prices;

  @Option(names = "--ci", paramLabel = "METHOD", defaultValue = "t",
      description = "Confidence intervals: t (Student t over tasks; default) or bootstrap (seeded percentile bootstrap).")
  String ci;

  private Prices table;
  private Statistics.Method method;

  /** Reads the price table and interval method now, so that bad options fail before any case runs. */
  ReportOptions check() {
    table = prices == null ? null : Prices.load(prices);
    method = switch (ci) {
      case "t" -> Statistics.Method.T;
      case "bootstrap" -> Statistics.Method.BOOTSTRAP;
      default -> throw new dev.personaharness.core.ConfigException("--ci takes t or bootstrap, not '" + ci + "'");
    };
    return this;
  }

  /** Writes a run's summary.json and report.md from its log. */
  Summary write(Path runDir) {
    if (method == null) {
      check();
    }
    return Reports.write(RunLog.open(runDir), table, method);
  }
}
