package dev.personaharness.bench;

import dev.personaharness.core.ConfigException;
import dev.personaharness.model.LiveOptions;
import dev.personaharness.model.ModelClient;
import dev.personaharness.model.Providers;
import dev.personaharness.model.ReplayClient;
import dev.personaharness.project.Project;
import dev.personaharness.recording.RecordingStore;
import dev.personaharness.report.Reports;
import dev.personaharness.report.Summary;
import dev.personaharness.runlog.RunLog;
import dev.personaharness.runner.Runner;
import dev.personaharness.runner.Selection;
import java.io.IOException;
import java.io.UncheckedIOException;
import com.sun.management.GarbageCollectionNotificationInfo;
import com.sun.management.GcInfo;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Comparator;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.management.ListenerNotFoundException;
import javax.management.NotificationEmitter;
import javax.management.NotificationListener;
import javax.management.openmbean.CompositeData;

/**
 * The whole-run benchmark: generates a matrix (personas × tasks × epochs), runs it through the same
 * runner, run log and reports as {@code harness run}, and measures it. {@code replay} mode serves
 * recorded answers (pure harness work); {@code stub} mode asks a local OpenAI-compatible server
 * with a fixed latency at a fixed concurrency, through the live provider path, where the ideal run
 * takes ceil(N / C) × L and efficiency is that over the time the run took.
 */
public final class WholeRunBenchmark {
  private WholeRunBenchmark() {}

  /** What to run: the matrix's shape, the mode, and for stub mode the latency; {@code dir} null: a temporary folder. */
  public record Options(int personas, int tasks, int epochs, int answerBytes, String mode, int concurrency, long latencyMillis,
      Path dir, boolean keep) {
    public Options {
      if (personas < 1 || tasks < 1 || epochs < 1) {
        throw new ConfigException("--personas, --tasks and --epochs must each be at least 1");
      }
      if (!mode.equals("replay") && !mode.equals("stub")) {
        throw new ConfigException("--mode takes replay or stub, not '" + mode + "'");
      }
      if (concurrency < 1 || latencyMillis < 0 || answerBytes < 0) {
        throw new ConfigException("--concurrency must be at least 1, --latency-ms and --answer-bytes at least 0");
      }
    }
  }

  /**
   * What was measured. Times are wall-clock seconds of the run (every case answered, scored and
   * logged) and of writing its reports; CPU is the whole process's (stub server, JIT and GC
   * included); {@code peakHeapBytes} is the sum of the heap pools' peaks while running and
   * reporting (garbage included: it grows with the heap it is given), {@code peakAfterGcBytes} the
   * most heap in use after a collection; {@code stub} only in stub mode.
   */
  public record Result(Options options, long cases, double generateSeconds, double runSeconds, double reportSeconds,
      double cpuSeconds, long peakHeapBytes, long peakAfterGcBytes, long maxHeapBytes, long gcCount, double gcSeconds,
      Stub stub, Summary.Counts counts, Path runDir) {
    public double casesPerSecond() {
      return cases / (runSeconds + reportSeconds);
    }

    /** Ideal time over the run's time; null in replay mode. */
    public Double efficiency() {
      return stub == null ? null : stub.idealSeconds() / runSeconds;
    }
  }

  /**
   * What the stub server saw: the ideal run time ceil(N / C) × L, the most requests it had in flight,
   * and the median and 90th percentile of the turnaround (a response written to the next request on
   * that connection: the harness's time per case as the provider sees it).
   */
  public record Stub(double idealSeconds, int maxInFlight, double turnaroundP50Millis, double turnaroundP90Millis) {}

  public static Result run(Options o, Consumer<String> log, Consumer<Runner.Progress> progress) {
    boolean temporary = o.dir() == null;
    Path dir = temporary ? temporaryDir() : o.dir();
    try {
      Matrix matrix = new Matrix(dir, o.personas(), o.tasks(), o.epochs(), o.answerBytes());
      long start = System.nanoTime();
      boolean replay = o.mode().equals("replay");
      if (matrix.exists()) {
        log.accept("reusing the matrix in " + dir);
        clear(dir.resolve("reports"));
      } else {
        if (!temporary && !matrix.isBenchmarkFolder()) {
          throw new ConfigException(dir + " holds files that are not a benchmark matrix; give a new or empty folder to --dir");
        }
        log.accept("generating " + matrix.cases() + " cases in " + dir + (replay ? " (with a recording each)" : ""));
        clear(dir);
        matrix.write(replay);
      }
      double generated = seconds(start);
      Project project = matrix.project();
      try (StubServer stub = replay ? null : new StubServer(o.latencyMillis(), Matrix.answer(2, o.answerBytes()))) {
        ModelClient client = replay ? new ReplayClient(new RecordingStore(matrix.recordings()), false)
            : Providers.live("openai:bench-model", new LiveOptions(stub.baseUrl(), Duration.ofSeconds(60), 1, Duration.ofMinutes(10),
                Duration.ofMillis(100), o.concurrency(), Map.of("OPENAI_API_KEY", "bench"), Clock.systemUTC()));
        Path reports = dir.resolve("reports");
        String runId = "bench-" + o.mode() + "-" + System.currentTimeMillis();
        try (Meter meter = new Meter()) {
          Path runDir = new Runner(project).run(Selection.ALL, client, reports, runId, Map.of("bench", o.mode()), null, "bench",
              o.concurrency(), progress);
          double runSeconds = meter.lap();
          Summary summary = Reports.write(RunLog.open(runDir));
          double reportSeconds = meter.lap();
          long cases = summary.counts().cases();
          Double ideal = replay ? null : Math.ceil((double) cases / o.concurrency()) * o.latencyMillis() / 1000.0;
          Stub stubbed = replay ? null : new Stub(ideal, stub.maxInFlight(), stub.turnaroundMillis(0.5), stub.turnaroundMillis(0.9));
          return new Result(o, cases, generated, runSeconds, reportSeconds, meter.cpuSeconds(), meter.peakHeap(),
              meter.peakAfterGc(), Runtime.getRuntime().maxMemory(), meter.gcCount(), meter.gcSeconds(), stubbed,
              summary.counts(), runDir);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      if (temporary && !o.keep()) {
        clear(dir);
      }
    }
  }

  /**
   * Wall time, process CPU time, collections, and two heap figures since it was made: the sum of
   * the heap pools' peaks (an upper bound on the heap ever in use, garbage included) and the most
   * heap still in use after a collection (what the run really kept).
   */
  private static final class Meter implements AutoCloseable {
    private final com.sun.management.OperatingSystemMXBean os =
        (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    private final long cpuStart = os.getProcessCpuTime();
    private final long gcCountStart = gcCount(false);
    private final long gcMillisStart = gcCount(true);
    private final Set<String> heapPools = heapPools().map(MemoryPoolMXBean::getName).collect(Collectors.toSet());
    private final AtomicLong peakAfterGc = new AtomicLong();
    private final NotificationListener afterGc = (n, handback) -> {
      if (n.getType().equals(GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION)) {
        GcInfo info = GarbageCollectionNotificationInfo.from((CompositeData) n.getUserData()).getGcInfo();
        long used = info.getMemoryUsageAfterGc().entrySet().stream().filter(e -> heapPools.contains(e.getKey()))
            .mapToLong(e -> e.getValue().getUsed()).sum();
        peakAfterGc.accumulateAndGet(used, Math::max);
      }
    };
    private long lapStart = System.nanoTime();

    Meter() {
      heapPools().forEach(MemoryPoolMXBean::resetPeakUsage);
      ManagementFactory.getGarbageCollectorMXBeans().forEach(g -> ((NotificationEmitter) g).addNotificationListener(afterGc, null, null));
    }

    double lap() {
      long now = System.nanoTime();
      double s = (now - lapStart) / 1e9;
      lapStart = now;
      return s;
    }

    double cpuSeconds() {
      return (os.getProcessCpuTime() - cpuStart) / 1e9;
    }

    long peakHeap() {
      return heapPools().mapToLong(p -> p.getPeakUsage().getUsed()).sum();
    }

    long peakAfterGc() {
      return peakAfterGc.get();
    }

    long gcCount() {
      return gcCount(false) - gcCountStart;
    }

    double gcSeconds() {
      return (gcCount(true) - gcMillisStart) / 1000.0;
    }

    @Override
    public void close() {
      for (var g : ManagementFactory.getGarbageCollectorMXBeans()) {
        try {
          ((NotificationEmitter) g).removeNotificationListener(afterGc);
        } catch (ListenerNotFoundException e) {
          // never added
        }
      }
    }

    private static long gcCount(boolean millis) {
      return ManagementFactory.getGarbageCollectorMXBeans().stream()
          .mapToLong(g -> Math.max(0, millis ? g.getCollectionTime() : g.getCollectionCount())).sum();
    }

    private static Stream<MemoryPoolMXBean> heapPools() {
      return ManagementFactory.getMemoryPoolMXBeans().stream().filter(p -> p.getType() == MemoryType.HEAP);
    }
  }

  private static double seconds(long since) {
    return (System.nanoTime() - since) / 1e9;
  }

  private static Path temporaryDir() {
    try {
      return Files.createTempDirectory("persona-harness-bench-");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void clear(Path dir) {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> files = Files.walk(dir)) {
      for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
        if (!p.equals(dir)) {
          Files.delete(p);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot clear " + dir + ": " + e.getMessage(), e);
    }
  }
}
