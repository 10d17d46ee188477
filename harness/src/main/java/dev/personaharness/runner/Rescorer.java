package dev.personaharness.runner;

import dev.personaharness.check.Checks;
import dev.personaharness.check.Scored;
import dev.personaharness.core.Suite;
import dev.personaharness.core.Task;
import dev.personaharness.project.Project;
import dev.personaharness.runlog.CaseRecord;
import dev.personaharness.runlog.RunInfo;
import dev.personaharness.runlog.RunLog;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Re-evaluates the current suites' checks against a run's stored answers, into a new run: a rubric
 * change tried on yesterday's answers, with no model call.
 */
public final class Rescorer {
  private final Project project;

  public Rescorer(Project project) {
    this.project = project;
  }

  /** Rescores {@code source} into {@code reportsDir/runId}; cases whose task is gone are reported to {@code skipped}. */
  public Path rescore(RunLog.View source, Path reportsDir, String runId, String harnessVersion, Consumer<String> skipped) {
    Checks checks = project.checks();
    RunInfo old = source.info();
    List<RunInfo.SuiteRef> suites = new ArrayList<>();
    for (RunInfo.SuiteRef ref : old.suites()) {
      project.suite(ref.id()).ifPresent(s -> suites.add(new RunInfo.SuiteRef(s.id(), s.path(), s.hash(),
          s.tasks().stream().filter(t -> ref.tasks().stream().anyMatch(r -> r.id().equals(t.id())))
              .map(t -> new RunInfo.TaskRef(t.id(), t.category(), t.rubric().reducer().label())).toList())));
    }
    RunInfo info = new RunInfo(RunInfo.FORMAT_VERSION, runId, harnessVersion, old.gitCommit(), Instant.now().toString(), null,
        "running", old.provider(), old.settings(), old.personas(), suites, old.id(), 0);
    try (RunLog log = RunLog.create(reportsDir.resolve(runId), info)) {
      String status = "interrupted";
      try {
        source.forEachCase(c -> {
          Optional<Task> task = project.suite(c.key().suite()).flatMap((Suite s) -> s.task(c.key().task()));
          if (task.isEmpty()) {
            skipped.accept(c.key() + ": task no longer in the suites");
          } else {
            log.append(rescore(c, task.get(), checks));
          }
        });
        status = "completed";
      } finally {
        log.finish(Instant.now().toString(), status);
      }
      return log.dir();
    }
  }

  static CaseRecord rescore(CaseRecord c, Task task, Checks checks) {
    if (c.errored()) {
      return new CaseRecord(c.key(), task.category(), c.personaHash(), c.promptHash(), c.model(), null, c.usage(),
          c.latencyMillis(), c.stale(), c.notes(), c.error(), task.rubric().threshold(), List.of(), null, null, c.retries());
    }
    Scored scored = checks.score(task, c.response());
    return new CaseRecord(c.key(), task.category(), c.personaHash(), c.promptHash(), c.model(), c.response(), c.usage(),
        c.latencyMillis(), c.stale(), c.notes(), null, task.rubric().threshold(), Runner.checkRecords(scored),
        scored.score(), scored.passed(), c.retries());
  }
}
