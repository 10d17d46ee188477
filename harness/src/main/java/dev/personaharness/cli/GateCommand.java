package dev.personaharness.cli;

import dev.personaharness.core.AtomicFiles;
import dev.personaharness.report.Baseline;
import dev.personaharness.report.Comparison;
import dev.personaharness.report.ComparisonReport;
import dev.personaharness.report.JUnitXml;
import dev.personaharness.runlog.RunLog;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "gate", mixinStandardHelpOptions = true, sortOptions = false,
    description = {"A merge gate: compares a run with a committed baseline of per-task scores.",
        "Exit 0 when nothing regressed significantly and no task dropped by more than the margin, 1 otherwise, 2 on usage errors.",
        "Writes gate.md (for a pull-request comment) and gate-junit.xml into the run directory."})
final class GateCommand implements Callable<Integer> {
  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Option(names = "--baseline", required = true, paramLabel = "FILE", description = "The baseline file (JSON), e.g. agents/x.baseline.json.")
  Path baseline;

  @Parameters(paramLabel = "RUN_DIR", description = "The run to gate, e.g. reports/latest.")
  Path runDir;

  @Option(names = "--persona", paramLabel = "ID", description = "The persona to gate (needed when the run has several).")
  String persona;

  @Option(names = "--update-baseline", description = "Write the baseline from this run instead of gating.")
  boolean update;

  @picocli.CommandLine.Mixin SignificanceOptions significance;

  @Override
  public Integer call() {
    RunLog.View run = RunLog.open(RunDirs.existingRun(runDir));
    significance.check();
    String p = RunDirs.persona(run, persona, "--persona");
    var out = spec.commandLine().getOut();
    if (update) {
      Baseline.write(baseline, run, p);
      out.println("wrote baseline " + baseline + " from " + p + " in run " + run.info().id());
      return Main.OK;
    }
    Comparison c = Baseline.compare(baseline, run, p, significance.alpha, significance.margin);
    String md = ComparisonReport.markdown(c) + "\n**Gate: " + (c.gatePasses() ? "passed" : "FAILED") + "**\n";
    AtomicFiles.write(run.dir().resolve("gate.md"), md);
    AtomicFiles.write(run.dir().resolve("gate-junit.xml"), JUnitXml.ofGate(c));
    out.print(md);
    return c.gatePasses() ? Main.OK : Main.FAILED;
  }
}
