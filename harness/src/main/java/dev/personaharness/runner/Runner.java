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
import dev.personaharness.prompt.PromptAssembler;
import dev.personaharness.runlog.CaseRecord;
import dev.personaharness.runlog.RunInfo;
import dev.personaharness.runlog.RunLog;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;

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

  /** Enumerates the selected cases in persona, suite, task, epoch order. */
  List<Case> cases(Selection selection) {
    List<Case> cases = new ArrayList<>();
    List<Persona> personas = selection.personasOf(project.personas());
    List<Suite> suites = selection.suitesOf(project.suites());
    for (Persona p : personas) {
      for (Suite s : suites) {
        GenerationSettings settings = s.defaults().override(selection.epochs(), selection.temperature(), selection.maxTokens(), selection.seed());
        for (Task t : s.tasks()) {
          if (!selection.includes(s, t)) {
            continue;
          }
          Prompt prompt = PromptAssembler.assemble(p, t);
          int epochs = selection.epochs() != null ? selection.epochs() : t.epochs() != null ? t.epochs() : settings.epochs();
          for (int e = 1; e <= epochs; e++) {
            cases.add(new Case(new CaseKey(p.id(), s.id(), t.id(), e), p, s, t, prompt, settings));
          }
        }
      }
    }
    return cases;
  }

  /**
   * Runs the selection into a new directory under {@code reportsDir}, {@code concurrency} cases at
   * a time; returns that directory. Each case is appended to the log as it finishes.
   */
  public Path run(Selection selection, ModelClient client, Path reportsDir, String runId, Map<String, Object> settings,
      String gitCommit, String harnessVersion, int concurrency, Consumer<Progress> progress) {
    List<Case> cases = cases(selection);
    RunInfo info = new RunInfo(RunInfo.FORMAT_VERSION, runId, harnessVersion, gitCommit, Instant.now().toString(), null,
        "running", client.name(), settings, personaRefs(cases), suiteRefs(cases), null, 0);
    return execute(cases, client, RunLog.create(reportsDir.resolve(runId), info), concurrency, progress);
  }

  /**
   * Finishes an interrupted run in its own directory: finished cases are kept, the others run
   * (errored ones too when {@code retryErrors}). The personas and suites must be the revisions the
   * run started with, so the finished run equals an uninterrupted one.
   */
  public Path resume(RunLog.Run run, Selection selection, ModelClient client, boolean retryErrors, int concurrency,
      Consumer<Progress> progress) {
    List<Case> all = cases(selection);
    List<RunInfo.PersonaRef> personas = personaRefs(all);
    List<RunInfo.SuiteRef> suites = suiteRefs(all);
    if (!personas.equals(run.info().personas()) || !sameSuites(suites, run.info().suites())) {
      throw new dev.personaharness.core.ConfigException("the personas or suites changed since run " + run.info().id()
          + " started, so resuming would mix revisions; start a new run instead");
    }
    java.util.Set<dev.personaharness.core.CaseKey> done = new java.util.HashSet<>();
    List<CaseRecord> keep = new ArrayList<>();
    for (CaseRecord r : run.cases()) {
      if ((!retryErrors || !r.errored()) && done.add(r.key())) {
        keep.add(r);
      }
    }
    List<Case> remaining = all.stream().filter(c -> !done.contains(c.key())).toList();
    return execute(remaining, client, RunLog.resume(run, keep), concurrency, progress);
  }

  private static boolean sameSuites(List<RunInfo.SuiteRef> a, List<RunInfo.SuiteRef> b) {
    return a.stream().map(s -> s.id() + "@" + s.hash()).toList().equals(b.stream().map(s -> s.id() + "@" + s.hash()).toList());
  }

  private Path execute(List<Case> cases, ModelClient client, RunLog opened, int concurrency, Consumer<Progress> progress) {
    Tally tally = new Tally(cases.size(), progress);
    try (RunLog log = opened) {
      String status = "interrupted";
      try {
        if (concurrency <= 1) {
          for (Case c : cases) {
            tally.done(runOne(c, client, log));
          }
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

  private void runConcurrently(List<Case> cases, ModelClient client, RunLog log, int concurrency, Tally tally) {
    ExecutorService pool = Executors.newFixedThreadPool(concurrency, r -> {
      Thread t = new Thread(r, "case-runner");
      t.setDaemon(true);
      return t;
    });
    try {
      List<Future<?>> futures = new ArrayList<>();
      for (Case c : cases) {
        futures.add(pool.submit(() -> tally.done(runOne(c, client, log))));
      }
      for (Future<?> f : futures) {
        f.get();
      }
    } catch (ExecutionException e) {
      throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("run interrupted", e);
    } finally {
      pool.shutdownNow();
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

  static List<RunInfo.PersonaRef> personaRefs(List<Case> cases) {
    Map<String, RunInfo.PersonaRef> refs = new TreeMap<>();
    for (Case c : cases) {
      Persona p = c.persona();
      refs.putIfAbsent(p.id(), new RunInfo.PersonaRef(p.id(), p.name(), p.path(), p.hash()));
    }
    return List.copyOf(refs.values());
  }

  static List<RunInfo.SuiteRef> suiteRefs(List<Case> cases) {
    Map<String, Suite> suites = new TreeMap<>();
    Map<String, Map<String, Task>> tasks = new TreeMap<>();
    for (Case c : cases) {
      suites.putIfAbsent(c.suite().id(), c.suite());
      tasks.computeIfAbsent(c.suite().id(), k -> new java.util.LinkedHashMap<>()).put(c.task().id(), c.task());
    }
    List<RunInfo.SuiteRef> refs = new ArrayList<>();
    suites.forEach((id, s) -> refs.add(new RunInfo.SuiteRef(id, s.path(), s.hash(),
        tasks.get(id).values().stream()
            .map(t -> new RunInfo.TaskRef(t.id(), t.category(), t.rubric().reducer().label())).toList())));
    return refs;
  }
}
