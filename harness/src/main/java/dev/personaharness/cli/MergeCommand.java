package dev.personaharness.cli;

import dev.personaharness.report.Summary;
import dev.personaharness.runlog.RunLog;
import dev.personaharness.runner.Merge;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "merge", mixinStandardHelpOptions = true, sortOptions = false,
    description = {"Combines the runs of the shards of one split run ('harness run --shard I/N' on N machines) into one run:",
        "run.json, cases.jsonl, summary.json, report.md and junit.xml, equal to those of the run made on one machine.",
        "Refuses a missing, repeated or unfinished shard, and shards of different configurations (personas, suites,",
        "provider, settings). A directory given twice (reports/latest and its target) counts once."})
final class MergeCommand implements Callable<Integer> {
  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Parameters(paramLabel = "RUN_DIR", arity = "1..*", description = "The run directory of every shard.")
  List<Path> runDirs;

  @Option(names = "--reports", paramLabel = "DIR", defaultValue = "reports", description = "Where the merged run is written (default: ${DEFAULT-VALUE}).")
  Path reports;

  @picocli.CommandLine.Mixin ReportOptions reporting;

  @Override
  public Integer call() {
    reporting.check();
    Map<Path, RunLog.View> runs = new LinkedHashMap<>();
    for (Path dir : runDirs) {
      RunDirs.existingRun(dir);
      runs.putIfAbsent(realPath(dir), RunLog.open(dir));
    }
    Path dir = Merge.merge(new ArrayList<>(runs.values()), reports, RunDirs.newId());
    Summary summary = reporting.write(dir);
    RunDirs.markLatest(reports, dir);
    spec.commandLine().getOut().println("Merged " + runs.size() + " shard run(s) into " + dir);
    Leaderboard.print(spec.commandLine().getOut(), summary, dir);
    return Main.OK;
  }

  private static Path realPath(Path dir) {
    try {
      return dir.toRealPath();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
