package dev.personaharness.cli;

import dev.personaharness.report.Reports;
import dev.personaharness.report.Summary;
import dev.personaharness.runlog.RunLog;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "report", mixinStandardHelpOptions = true,
    description = "Rebuilds a run's summary.json and report.md from its run log alone (no model call).")
final class ReportCommand implements Callable<Integer> {
  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Parameters(paramLabel = "RUN_DIR", description = "A run directory, e.g. reports/latest.")
  Path runDir;

  @picocli.CommandLine.Option(names = "--prices", paramLabel = "FILE",
      description = "Price table (YAML: model: {input: USD per 1M tokens, output: USD per 1M tokens}) to turn token use into cost.")
  Path prices;

  @picocli.CommandLine.Option(names = "--ci", paramLabel = "METHOD", defaultValue = "t",
      description = "Confidence intervals: t (Student t over tasks; default) or bootstrap (seeded percentile bootstrap).")
  String ci;

  @Override
  public Integer call() {
    Path dir = RunDirs.existingRun(runDir);
    Summary summary = Reports.write(RunLog.read(dir), prices == null ? null : dev.personaharness.report.Prices.load(prices),
        CiOption.parse(ci));
    Leaderboard.print(spec.commandLine().getOut(), summary, dir);
    return Main.OK;
  }
}
