package dev.personaharness.cli;

import dev.personaharness.report.History;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "history", mixinStandardHelpOptions = true,
    description = {"Builds REPORTS_DIR/index.html: every run with its date, personas and mean scores, and a trend chart",
        "per persona × suite across the runs (nightly runs, say). Reads only the runs' files."})
final class HistoryCommand implements Callable<Integer> {
  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Parameters(paramLabel = "REPORTS_DIR", defaultValue = "reports", description = "The folder runs are written to (default: ${DEFAULT-VALUE}).")
  Path reports;

  @Override
  public Integer call() {
    List<String> skipped = new ArrayList<>();
    int runs = History.write(reports, skipped);
    skipped.forEach(s -> spec.commandLine().getErr().println("warning: skipped run " + s));
    spec.commandLine().getOut().println(runs + " run(s) in " + reports.resolve(History.FILE));
    return Main.OK;
  }
}
