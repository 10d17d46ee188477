package dev.personaharness.cli;

import dev.personaharness.project.Project;
import dev.personaharness.report.Reports;
import dev.personaharness.report.Summary;
import dev.personaharness.runlog.RunLog;
import dev.personaharness.runner.Rescorer;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "rescore", mixinStandardHelpOptions = true,
    description = "Re-evaluates the current suites' checks against a run's stored answers, into a new run directory (no model call).")
final class RescoreCommand implements Callable<Integer> {
  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Parameters(paramLabel = "RUN_DIR", description = "The run whose answers to rescore, e.g. reports/latest.")
  Path runDir;

  @picocli.CommandLine.Mixin ProjectDirs dirs;

  @picocli.CommandLine.Mixin JudgeOption judging;

  @Option(names = "--reports", paramLabel = "DIR", defaultValue = "reports", description = "Where the new run is written (default: ${DEFAULT-VALUE}).")
  Path reports;

  @Override
  public Integer call() {
    RunLog.View source = RunLog.open(RunDirs.existingRun(runDir));
    Project project = dirs.load();
    project = judging.judge == null ? project : project.withJudge(judging.judge(Path.of("suites/recordings"), false));
    var err = spec.commandLine().getErr();
    Path dir = new Rescorer(project).rescore(source, reports, RunDirs.newId(), Version.get(), s -> err.println(Console.safe("skipped " + s)));
    Summary summary = Reports.write(RunLog.open(dir));
    RunDirs.markLatest(reports, dir);
    spec.commandLine().getOut().println("Rescored " + source.info().id() + " into " + dir);
    Leaderboard.print(spec.commandLine().getOut(), summary, dir);
    return Main.OK;
  }
}
