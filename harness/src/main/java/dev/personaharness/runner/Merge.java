package dev.personaharness.runner;

import dev.personaharness.core.CaseKey;
import dev.personaharness.core.ConfigException;
import dev.personaharness.core.DisplayPath;
import dev.personaharness.runlog.RunInfo;
import dev.personaharness.runlog.RunLog;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.IntStream;

/**
 * Combines the runs of the shards of one split run ({@code harness run --shard I/N} on N machines)
 * into one run, written through the run log as any run is, whose reports equal those of the same
 * run made on one machine. Refuses, before writing anything: a run that is not a shard, shards of
 * different splits, a shard given twice or missing, an unfinished shard, shards of different
 * configurations (provider, build, persona or suite revisions, settings), and a case that is not
 * in its shard or appears twice. Cases are streamed; only their keys are held, to find repeats.
 */
public final class Merge {
  /** Settings that may differ between the machines of one run: none changes an answer or a score. */
  static final Set<String> LOCAL_SETTINGS = Set.of("shard", "concurrency", "cache");

  private Merge() {}

  /** Merges {@code runs} into {@code reportsDir/runId}; returns that directory. */
  public static Path merge(List<? extends RunLog.View> runs, Path reportsDir, String runId) {
    if (runs.isEmpty()) {
      throw new ConfigException("merge needs the run directories of the shards");
    }
    Map<Integer, RunLog.View> byIndex = new TreeMap<>();
    RunLog.View first = runs.get(0);
    int count = shard(first).count();
    for (RunLog.View run : runs) {
      Shard s = shard(run);
      if (s.count() != count) {
        throw new ConfigException("cannot merge shards of different splits: " + shown(first) + " is shard " + shard(first)
            + ", " + shown(run) + " is shard " + s);
      }
      RunLog.View twice = byIndex.putIfAbsent(s.index(), run);
      if (twice != null) {
        throw new ConfigException("shard " + s + " is given twice: " + shown(twice) + " and " + shown(run));
      }
      if (!"completed".equals(run.info().status())) {
        throw new ConfigException(shown(run) + " is " + run.info().status() + ", not completed: finish it with"
            + " 'harness run --resume " + shown(run) + "' before merging");
      }
      sameConfiguration(first, run);
    }
    List<String> missing = IntStream.rangeClosed(1, count).filter(i -> !byIndex.containsKey(i)).mapToObj(i -> i + "/" + count)
        .toList();
    if (!missing.isEmpty()) {
      throw new ConfigException("shard" + (missing.size() == 1 ? " " : "s ") + String.join(", ", missing)
          + (missing.size() == 1 ? " is" : " are") + " missing: merge needs the runs of all " + count + " shards");
    }
    checkCases(byIndex, count);
    List<RunLog.View> ordered = List.copyOf(byIndex.values());
    RunInfo f = first.info();
    Map<String, Object> settings = new TreeMap<>(f.settings());
    settings.remove("shard");
    RunInfo info = new RunInfo(RunInfo.FORMAT_VERSION, runId, f.harnessVersion(), f.gitCommit(),
        instant(ordered, RunInfo::startedAt, Comparator.naturalOrder()), null, "running", f.provider(), settings, f.personas(),
        f.suites(), null, 0, ordered.stream().map(r -> r.info().id()).toList());
    try (RunLog log = RunLog.create(reportsDir.resolve(runId), info)) {
      String status = "interrupted";
      try {
        for (RunLog.View run : ordered) {
          run.forEachCase(log::append);
        }
        status = "completed";
      } finally {
        log.finish(instant(ordered, RunInfo::endedAt, Comparator.reverseOrder()), status);
      }
      return log.dir();
    }
  }

  private static Shard shard(RunLog.View run) {
    Object s = run.info().settings().get("shard");
    if (!(s instanceof String text)) {
      throw new ConfigException(shown(run) + " is not a shard: it was not run with --shard I/N");
    }
    return Shard.parse(text);
  }

  /** Every case in the shard its key hashes to, and each case once. */
  private static void checkCases(Map<Integer, RunLog.View> byIndex, int count) {
    Map<CaseKey, RunLog.View> seen = new HashMap<>();
    byIndex.forEach((index, run) -> {
      Shard s = new Shard(index, count);
      run.forEachCase(c -> {
        if (!s.includes(c.key())) {
          throw new ConfigException("case " + c.key() + " in " + shown(run) + " belongs to shard " + Shard.of(c.key(), count)
              + "/" + count + ", not " + s + ": the run was not made by 'harness run --shard " + s + "'");
        }
        RunLog.View before = seen.putIfAbsent(c.key(), run);
        if (before != null) {
          throw new ConfigException("case " + c.key() + " is logged twice: in " + shown(before)
              + (before == run ? " (two lines)" : " and in " + shown(run)));
        }
      });
    });
  }

  private static void sameConfiguration(RunLog.View first, RunLog.View run) {
    RunInfo a = first.info();
    RunInfo b = run.info();
    differ(first, run, "provider", a.provider(), b.provider());
    differ(first, run, "harness version", a.harnessVersion(), b.harnessVersion());
    differ(first, run, "git commit", a.gitCommit(), b.gitCommit());
    differ(first, run, "persona revisions", revisions(a.personas()), revisions(b.personas()));
    differ(first, run, "suites", suites(a.suites()), suites(b.suites()));
    differ(first, run, "settings", shared(a.settings()), shared(b.settings()));
  }

  private static void differ(RunLog.View first, RunLog.View run, String what, Object a, Object b) {
    if (!Objects.equals(a, b)) {
      throw new ConfigException("cannot merge runs of different configurations: " + shown(run) + " differs from "
          + shown(first) + " in its " + what + " (" + b + " vs " + a + ")");
    }
  }

  private static List<String> revisions(List<RunInfo.PersonaRef> personas) {
    return personas.stream().map(p -> p.id() + "@" + p.hash().substring(0, Math.min(12, p.hash().length()))).toList();
  }

  private static List<String> suites(List<RunInfo.SuiteRef> suites) {
    List<String> result = new ArrayList<>();
    for (RunInfo.SuiteRef s : suites) {
      result.add(s.id() + "@" + s.hash().substring(0, Math.min(12, s.hash().length())) + " "
          + s.tasks().stream().map(RunInfo.TaskRef::id).toList());
    }
    return result;
  }

  private static Map<String, Object> shared(Map<String, Object> settings) {
    Map<String, Object> result = new TreeMap<>(settings);
    result.keySet().removeAll(LOCAL_SETTINGS);
    return result;
  }

  /** The earliest (or latest) of the shards' timestamps; null when one has none. */
  private static String instant(List<RunLog.View> runs, java.util.function.Function<RunInfo, String> field,
      Comparator<Instant> order) {
    List<String> values = runs.stream().map(r -> field.apply(r.info())).toList();
    if (values.contains(null)) {
      return null;
    }
    return values.stream().min(Comparator.comparing(Instant::parse, order)).orElseThrow();
  }

  private static String shown(RunLog.View run) {
    return DisplayPath.of(run.dir());
  }
}
