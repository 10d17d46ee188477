package dev.personaharness.runner;

import dev.personaharness.check.CheckResult;
import dev.personaharness.check.Checks;
import dev.personaharness.check.Scored;
import dev.personaharness.core.CaseKey;
import dev.personaharness.core.GenerationSettings;
import dev.personaharness.core.Persona;
import dev.personaharness.core.Prompt;
import dev.personaharness.core.Suite;
import dev.personaharness.core.Task;
import dev.personaharness.model.Completion;
import dev.personaharness.model.ModelClient;
import dev.personaharness.model.ModelRequest;
import dev.personaharness.project.Project;
import dev.personaharness.runlog.CaseRecord;
import dev.personaharness.runlog.RunInfo;
import dev.personaharness.runlog.RunLog;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * Runs every selected persona × task × epoch through a model client, scores each answer, and
 * appends each finished case to the run log. A case that fails is an errored case; the run goes on.
 */
public final class Runner {
  private final Project project;
  private final Checks checks;
  private final Map<String, String> models;

  public Runner(Project project) {
    this(project, Map.of());
  }

  /** A runner that asks, for each persona id in {@code models}, that model instead of the provider's. */
  public Runner(Project project, Map<String, String> models) {
    this.project = project;
    this.checks = project.checks();
    this.models = Map.copyOf(models);
  }

  /** How far a run is, for progress lines. */
  public record Progress(long done, long total, long errored, long failed, long retries, long tokens, double elapsedSeconds) {
    /** Seconds left at the rate so far; NaN before the first case finishes. */
    public double etaSeconds() {
      return done == 0 ? Double.NaN : elapsedSeconds / done * (total - done);
    }
  }

  /** One case to run: its key, its assembled prompt, and everything the log needs about it. */
  record Case(CaseKey key, Persona persona, Suite suite, Task task, Prompt prompt, GenerationSettings settings) {}

  /** The request of every selected case, in persona, suite, task, epoch order (for batch export). */
  public List<ModelRequest> requests(Selection selection) {
    return cases(selection).stream()
        .map(c -> new ModelRequest(c.key(), c.prompt(), c.persona().hash(), c.settings(), models.get(c.persona().id())))
        .toList();
  }

  /** The selected cases in persona, suite, task, epoch order, as a list: for small selections and tests. */
  List<Case> cases(Selection selection) {
    List<Case> cases = new ArrayList<>();
    new Plan(project, selection).cases(k -> true).forEachRemaining(cases::add);
    return cases;
  }

  /**
   * Runs the selection into a new directory under {@code reportsDir}, {@code concurrency} cases at
   * a time; returns that directory. Cases are enumerated as they are taken, and each is appended to
   * the log as it finishes: memory does not grow with the number of cases.
   */
  public Path run(Selection selection, ModelClient client, Path reportsDir, String runId, Map<String, Object> settings,
      String gitCommit, String harnessVersion, int concurrency, Consumer<Progress> progress) {
    Plan plan = new Plan(project, selection);
    RunInfo info = new RunInfo(RunInfo.FORMAT_VERSION, runId, harnessVersion, gitCommit, Instant.now().toString(), null,
        "running", client.name(), settings, plan.personaRefs(), plan.suiteRefs(), null, 0);
    return execute(plan.cases(k -> true), plan.count(k -> true), client, RunLog.create(reportsDir.resolve(runId), info),
        concurrency, progress);
  }

  /**
   * Finishes an interrupted run in its own directory: finished cases are kept, the others run
   * (errored ones too when {@code retryErrors}). The personas and suites must be the revisions the
   * run started with, so the finished run equals an uninterrupted one.
   */
  public Path resume(RunLog.View run, Selection selection, ModelClient client, boolean retryErrors, int concurrency,
      Consumer<Progress> progress) {
    Plan plan = new Plan(project, selection);
    if (!plan.personaRefs().equals(run.info().personas()) || !sameSuites(plan.suiteRefs(), run.info().suites())) {
      throw new dev.personaharness.core.ConfigException("the personas or suites changed since run " + run.info().id()
          + " started, so resuming would mix revisions; start a new run instead");
    }
    Set<CaseKey> done = new HashSet<>();
    RunLog log = RunLog.resume(run, r -> (!retryErrors || !r.errored()) && done.add(r.key()));
    Predicate<CaseKey> remaining = k -> !done.contains(k);
    return execute(plan.cases(remaining), plan.count(remaining), client, log, concurrency, progress);
  }

  private static boolean sameSuites(List<RunInfo.SuiteRef> a, List<RunInfo.SuiteRef> b) {
    return a.stream().map(s -> s.id() + "@" + s.hash()).toList().equals(b.stream().map(s -> s.id() + "@" + s.hash()).toList());
  }

  private Path execute(Iterator<Case> cases, long total, ModelClient client, RunLog opened, int concurrency,
      Consumer<Progress> progress) {
    Tally tally = new Tally(total, progress);
    try (RunLog log = opened) {
      String status = "interrupted";
      try {
        if (concurrency <= 1) {
          cases.forEachRemaining(c -> tally.done(runOne(c, client, log)));
        } else {
          runConcurrently(cases, client, log, concurrency, tally);
        }
        status = "completed";
      } finally {
        log.finish(Instant.now().toString(), status);
      }
      return log.dir();
    }
  }

  private CaseRecord runOne(Case c, ModelClient client, RunLog log) {
    Completion completion = client.complete(
        new ModelRequest(c.key(), c.prompt(), c.persona().hash(), c.settings(), models.get(c.persona().id())));
    CaseRecord record = score(c, completion);
    log.append(record);
    return record;
  }

  /**
   * {@code concurrency} workers, each taking the next case as soon as its last one is logged, so
   * exactly that many cases are in flight until the cases run out. The first failure stops them all
   * from taking more cases and is rethrown once each has logged the case in hand.
   */
  private void runConcurrently(Iterator<Case> cases, ModelClient client, RunLog log, int concurrency, Tally tally) {
    ExecutorService pool = Executors.newFixedThreadPool(concurrency, r -> {
      Thread t = new Thread(r, "case-runner");
      t.setDaemon(true);
      return t;
    });
    AtomicBoolean failed = new AtomicBoolean();
    try {
      List<Future<?>> workers = new ArrayList<>();
      for (int i = 0; i < concurrency; i++) {
        workers.add(pool.submit(() -> {
          try {
            for (Case c = take(cases, failed); c != null; c = take(cases, failed)) {
              tally.done(runOne(c, client, log));
            }
          } catch (RuntimeException | Error e) {
            failed.set(true);
            throw e;
          }
        }));
      }
      // every worker is waited for, so none is still logging when the log is closed
      RuntimeException first = null;
      for (Future<?> f : workers) {
        try {
          f.get();
        } catch (ExecutionException e) {
          if (first == null) {
            first = e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
          }
        }
      }
      if (first != null) {
        throw first;
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("run interrupted", e);
    } finally {
      pool.shutdownNow();
    }
  }

  private static Case take(Iterator<Case> cases, AtomicBoolean failed) {
    synchronized (cases) {
      return !failed.get() && cases.hasNext() ? cases.next() : null;
    }
  }

  /** Counts finished cases for progress lines; safe from several threads. */
  private static final class Tally {
    private final long total;
    private final Consumer<Progress> progress;
    private final long start = System.nanoTime();
    private long done;
    private long errored;
    private long failed;
    private long retries;
    private long tokens;

    Tally(long total, Consumer<Progress> progress) {
      this.total = total;
      this.progress = progress;
    }

    synchronized void done(CaseRecord r) {
      done++;
      errored += r.errored() ? 1 : 0;
      failed += Boolean.FALSE.equals(r.passed()) ? 1 : 0;
      retries += r.retries();
      tokens += (r.usage().inputTokens() == null ? 0 : r.usage().inputTokens())
          + (r.usage().outputTokens() == null ? 0 : r.usage().outputTokens());
      progress.accept(new Progress(done, total, errored, failed, retries, tokens, (System.nanoTime() - start) / 1e9));
    }
  }

  CaseRecord score(Case c, Completion completion) {
    if (completion.failed()) {
      return new CaseRecord(c.key(), c.task().category(), c.persona().hash(), c.prompt().hash(), completion.model(),
          null, completion.usage(), completion.latencyMillis(), completion.stale(), completion.notes(), completion.error(),
          c.task().rubric().threshold(), List.of(), null, null, completion.retries());
    }
    Scored scored = checks.score(c.task(), completion.text());
    return new CaseRecord(c.key(), c.task().category(), c.persona().hash(), c.prompt().hash(), completion.model(),
        completion.text(), completion.usage(), completion.latencyMillis(), completion.stale(), completion.notes(), null,
        c.task().rubric().threshold(), checkRecords(scored), scored.score(), scored.passed(), completion.retries());
  }

  /** The log's form of scored checks; shared with rescoring. */
  public static List<CaseRecord.CheckRecord> checkRecords(Scored scored) {
    List<CaseRecord.CheckRecord> result = new ArrayList<>();
    for (Scored.Outcome o : scored.checks()) {
      CheckResult r = o.result();
      result.add(new CaseRecord.CheckRecord(o.type(), o.name(), o.weight(), r.status(), r.score(), r.evidence()));
    }
    return result;
  }
}
