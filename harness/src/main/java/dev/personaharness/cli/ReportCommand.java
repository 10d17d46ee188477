package dev.personaharness.cli;

import dev.personaharness.report.Summary;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "report", mixinStandardHelpOptions = true,
    description = "Rebuilds a run's summary.json, report.md, report.html and junit.xml from its run log alone (no model call).")
final class ReportCommand implements Callable<Integer> {
  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Parameters(paramLabel = "RUN_DIR", description = "A run directory, e.g. reports/latest.")
  Path runDir;

  @picocli.CommandLine.Mixin ReportOptions reporting;

  @Override
  public Integer call() {
    Path dir = RunDirs.existingRun(runDir);
    Summary summary = reporting.write(dir);
    Leaderboard.print(spec.commandLine().getOut(), summary, dir);
    return Main.OK;
  }
}
