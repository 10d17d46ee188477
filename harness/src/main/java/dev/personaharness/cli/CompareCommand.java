package dev.personaharness.cli;

import dev.personaharness.core.AtomicFiles;
import dev.personaharness.core.ConfigException;
import dev.personaharness.report.Comparison;
import dev.personaharness.report.ComparisonReport;
import dev.personaharness.report.HtmlReport;
import dev.personaharness.report.Summary;
import dev.personaharness.runlog.RunLog;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "compare", mixinStandardHelpOptions = true, sortOptions = false,
    description = {"Compares a candidate with a baseline, task by task: two run directories, or two personas of one run.",
        "Prints the mean score delta with a bootstrap 95%% interval, exact McNemar and paired sign-flip tests",
        "(Holm-corrected across suites and categories), a verdict, tasks that dropped by more than the margin, and flips."})
final class CompareCommand implements Callable<Integer> {
  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Parameters(index = "0", paramLabel = "BASELINE_RUN", description = "The baseline run directory.")
  Path baseline;

  @Parameters(index = "1", arity = "0..1", paramLabel = "CANDIDATE_RUN", description = "The candidate run (default: the baseline run).")
  Path candidate;

  @Option(names = "--baseline-persona", paramLabel = "ID", description = "The baseline's persona (needed when its run has several).")
  String baselinePersona;

  @Option(names = "--candidate-persona", paramLabel = "ID", description = "The candidate's persona (needed when its run has several).")
  String candidatePersona;

  @picocli.CommandLine.Mixin SignificanceOptions significance;

  @Option(names = "--out", paramLabel = "FILE", description = "Also write the comparison as Markdown to FILE.")
  Path out;

  @Option(names = "--html", paramLabel = "FILE", description = "Also write the comparison as a self-contained HTML page, answers side by side.")
  Path html;

  @Override
  public Integer call() {
    significance.check();
    RunLog.View base = RunLog.open(RunDirs.existingRun(baseline));
    RunLog.View cand = candidate == null ? base : RunLog.open(RunDirs.existingRun(candidate));
    String bp = RunDirs.persona(base, baselinePersona, "--baseline-persona");
    String cp = RunDirs.persona(cand, candidatePersona, "--candidate-persona");
    if (cand == base && bp.equals(cp)) {
      throw new ConfigException("baseline and candidate are the same persona of the same run; name two personas or two runs");
    }
    Summary baseSummary = Comparison.summary(base);
    Summary candSummary = cand == base ? baseSummary : Comparison.summary(cand);
    Comparison c = Comparison.of(base, baseSummary, bp, cand, candSummary, cp, significance.alpha, significance.margin);
    String md = ComparisonReport.markdown(c);
    spec.commandLine().getOut().print(md);
    if (out != null) {
      AtomicFiles.write(out, md);
    }
    if (html != null) {
      AtomicFiles.write(html, HtmlReport.ofComparison(c, base, baseSummary, bp, cand, candSummary, cp));
    }
    return Main.OK;
  }
}
