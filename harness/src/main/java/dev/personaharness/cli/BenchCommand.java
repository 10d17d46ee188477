package dev.personaharness.cli;

import dev.personaharness.bench.WholeRunBenchmark;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "bench", mixinStandardHelpOptions = true, sortOptions = false,
    description = {"The whole-run benchmark: generates a matrix of personas × tasks × epochs, runs it as 'harness run' does",
        "(run log and reports included) and prints cases/s, time per case and peak heap. --mode replay serves a recorded",
        "answer per case (pure harness work); --mode stub asks a local OpenAI-compatible server that answers after",
        "--latency-ms, --concurrency cases at a time, and prints efficiency = ideal time ceil(N/C) × L / run time.",
        "Set the heap with HARNESS_JAVA_OPTS, e.g. -Xmx256m. See docs/performance.md."})
final class BenchCommand implements Callable<Integer> {
  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Option(names = "--mode", paramLabel = "MODE", defaultValue = "replay", description = "replay (default) or stub.")
  String mode;

  @Option(names = "--personas", paramLabel = "P", defaultValue = "10", description = "Generated personas (default: ${DEFAULT-VALUE}).")
  int personas;

  @Option(names = "--tasks", paramLabel = "T", defaultValue = "100", description = "Generated tasks, in suites of 100 (default: ${DEFAULT-VALUE}).")
  int tasks;

  @Option(names = "--epochs", paramLabel = "E", defaultValue = "1", description = "Epochs per task (default: ${DEFAULT-VALUE}).")
  int epochs;

  @Option(names = "--answer-bytes", paramLabel = "B", defaultValue = "2000", description = "Size of each answer (default: ${DEFAULT-VALUE}).")
  int answerBytes;

  @Option(names = "--concurrency", paramLabel = "C", description = "Cases in flight (default: 1 for replay, 16 for stub).")
  Integer concurrency;

  @Option(names = "--latency-ms", paramLabel = "L", defaultValue = "200", description = "Stub mode: the server's latency per request (default: ${DEFAULT-VALUE}).")
  long latencyMillis;

  @Option(names = "--dir", paramLabel = "DIR",
      description = "Keep the generated matrix and run here, and reuse a matrix of the same shape (default: a temporary folder, removed).")
  Path dir;

  @Option(names = "--quiet", description = "No progress line.")
  boolean quiet;

  @Override
  public Integer call() {
    int c = concurrency != null ? concurrency : mode.equals("stub") ? 16 : 1;
    var options = new WholeRunBenchmark.Options(personas, tasks, epochs, answerBytes, mode, c, latencyMillis, dir, false);
    PrintWriter err = spec.commandLine().getErr();
    Progress progress = new Progress(err, quiet);
    WholeRunBenchmark.Result r = WholeRunBenchmark.run(options, line -> err.println("bench: " + line), progress::update);
    progress.done();
    print(spec.commandLine().getOut(), r);
    return Main.OK;
  }

  static void print(PrintWriter out, WholeRunBenchmark.Result r) {
    WholeRunBenchmark.Options o = r.options();
    out.printf(Locale.ROOT, "bench %s: %d cases (%d personas × %d tasks × %d epochs), concurrency %d%s%n", o.mode(), r.cases(),
        o.personas(), o.tasks(), o.epochs(), o.concurrency(),
        o.mode().equals("stub") ? ", latency " + o.latencyMillis() + " ms" : "");
    out.printf(Locale.ROOT, "  run      %8.2f s  %8.1f cases/s  %7.3f ms/case wall%n", r.runSeconds(), r.cases() / r.runSeconds(),
        1000 * r.runSeconds() / r.cases());
    out.printf(Locale.ROOT, "  reports  %8.2f s%n", r.reportSeconds());
    out.printf(Locale.ROOT, "  total    %8.2f s  %8.1f cases/s  %7.3f ms/case CPU (whole process)%n", r.runSeconds() + r.reportSeconds(),
        r.casesPerSecond(), 1000 * r.cpuSeconds() / r.cases());
    out.printf(Locale.ROOT, "  heap     max %d MB; %s, pool peaks %d MB; %d GCs, %.2f s%n", r.maxHeapBytes() >> 20,
        r.gcCount() == 0 ? "no collection ran" : "at most " + (r.peakAfterGcBytes() >> 20) + " MB in use after a GC",
        r.peakHeapBytes() >> 20, r.gcCount(), r.gcSeconds());
    if (r.stub() != null) {
      out.printf(Locale.ROOT, "  stub     ideal %.2f s = ceil(%d / %d) × %d ms; efficiency %.3f; at most %d requests in flight;%n"
          + "           turnaround (response to the next request) p50 %.1f ms, p90 %.1f ms%n", r.stub().idealSeconds(), r.cases(),
          o.concurrency(), o.latencyMillis(), r.efficiency(), r.stub().maxInFlight(), r.stub().turnaroundP50Millis(),
          r.stub().turnaroundP90Millis());
    }
    var c = r.counts();
    out.printf(Locale.ROOT, "  cases    %d passed, %d failed, %d errored, %d stale; run log %s%n", c.passed(), c.scored() - c.passed(),
        c.errored(), c.stale(), o.dir() == null ? "removed with its temporary folder (keep it with --dir)" : r.runDir());
  }
}
