package dev.personaharness.report;

import dev.personaharness.runlog.CaseRecord;
import dev.personaharness.runlog.RunInfo;
import dev.personaharness.runlog.RunLog;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.Arrays;
import dev.personaharness.core.Reducer;
import dev.personaharness.stats.Interval;
import dev.personaharness.stats.Statistics;

/** Computes a run's summary from its log alone. */
final class Summaries {
  private static final int WEAKEST_PER_PERSONA = 3;
  private static final int FAILING_CHECKS = 10;

  private Summaries() {}

  static Summary of(RunLog.Run run, Prices prices, Statistics.Method ci) {
    List<CaseRecord> cases = run.cases();
    long errored = cases.stream().filter(CaseRecord::errored).count();
    long stale = cases.stream().filter(CaseRecord::stale).count();
    long missing = cases.stream().filter(c -> c.notes().contains("missing")).count();
    long passed = cases.stream().filter(c -> Boolean.TRUE.equals(c.passed())).count();
    Summary.Counts counts = new Summary.Counts(cases.size(), cases.size() - errored, passed, errored, stale, missing);

    Map<String, String> names = new LinkedHashMap<>();
    for (RunInfo.PersonaRef p : run.info().personas()) {
      names.put(p.id(), p.name());
    }
    Map<String, String> reducers = new TreeMap<>();
    for (RunInfo.SuiteRef s : run.info().suites()) {
      for (RunInfo.TaskRef t : s.tasks()) {
        reducers.put(s.id() + "/" + t.id(), t.reducer());
      }
    }
    List<Summary.TaskResult> tasks = reduce(cases, reducers);
    Map<String, Group> byPersona = new TreeMap<>();
    Map<String, Group> bySuite = new TreeMap<>();
    Map<String, Group> byCategory = new TreeMap<>();
    for (CaseRecord c : cases) {
      String p = c.key().persona();
      byPersona.computeIfAbsent(p, k -> new Group()).add(c);
      bySuite.computeIfAbsent(p + "\0" + c.key().suite(), k -> new Group()).add(c);
      byCategory.computeIfAbsent(p + "\0" + c.key().suite() + "\0" + c.category(), k -> new Group()).add(c);
    }
    for (Summary.TaskResult t : tasks) {
      byPersona.get(t.persona()).add(t);
      bySuite.get(t.persona() + "\0" + t.suite()).add(t);
      byCategory.get(t.persona() + "\0" + t.suite() + "\0" + t.category()).add(t);
    }
    List<Map.Entry<String, Group>> ranked = new ArrayList<>(byPersona.entrySet());
    ranked.sort(Comparator.comparingDouble((Map.Entry<String, Group> e) -> e.getValue().results.isEmpty() ? 1 : -e.getValue().mean())
        .thenComparing(Map.Entry::getKey));
    List<Summary.Standing> leaderboard = new ArrayList<>();
    for (Map.Entry<String, Group> e : ranked) {
      Group g = e.getValue();
      leaderboard.add(new Summary.Standing(leaderboard.size() + 1, e.getKey(), names.getOrDefault(e.getKey(), e.getKey()),
          g.score(ci), g.passRate(ci), g.cases, g.errored, g.stale));
    }
    List<Summary.Cell> suites = new ArrayList<>();
    bySuite.forEach((k, g) -> {
      String[] parts = k.split("\0");
      suites.add(new Summary.Cell(parts[0], parts[1], null, g.score(ci), g.passRate(ci), g.cases, g.errored));
    });
    List<Summary.Cell> categories = new ArrayList<>();
    byCategory.forEach((k, g) -> {
      String[] parts = k.split("\0");
      categories.add(new Summary.Cell(parts[0], parts[1], parts[2], g.score(ci), g.passRate(ci), g.cases, g.errored));
    });
    return new Summary(run.info().id(), run.info().provider(), run.info().status(), ci.label(), counts, leaderboard, suites,
        categories, tasks, weakest(tasks, cases), failingChecks(cases), problems(cases), costs(cases, prices));
  }

  /** Each persona × task's scored epochs, reduced by the task's reducer. */
  private static List<Summary.TaskResult> reduce(List<CaseRecord> cases, Map<String, String> reducers) {
    Map<String, List<CaseRecord>> byTask = new TreeMap<>();
    for (CaseRecord c : cases) {
      if (!c.errored()) {
        byTask.computeIfAbsent(c.key().persona() + "\0" + c.key().suite() + "\0" + c.key().task(), k -> new ArrayList<>()).add(c);
      }
    }
    List<Summary.TaskResult> result = new ArrayList<>();
    byTask.forEach((k, list) -> {
      CaseRecord first = list.get(0);
      String label = reducers.getOrDefault(first.key().suite() + "/" + first.key().task(), "mean");
      Reducer reducer = Reducer.parse(label).orElse(Reducer.MEAN);
      List<Double> scores = list.stream().map(CaseRecord::score).toList();
      Reducer.Reduced r = reducer.reduce(scores, list.stream().map(c -> Boolean.TRUE.equals(c.passed())).toList(), first.threshold());
      double[] x = scores.stream().mapToDouble(Double::doubleValue).toArray();
      double sd = x.length < 2 ? 0 : new org.apache.commons.math3.stat.descriptive.moment.StandardDeviation(true).evaluate(x);
      result.add(new Summary.TaskResult(first.key().persona(), first.key().suite(), first.key().task(), first.category(),
          reducer.label(), x.length, r.score(), r.passed(), Arrays.stream(x).min().orElse(0), Arrays.stream(x).max().orElse(0), sd));
    });
    return result;
  }

  private static List<Summary.WeakTask> weakest(List<Summary.TaskResult> tasks, List<CaseRecord> cases) {
    Map<String, List<String>> failed = new TreeMap<>();
    for (CaseRecord c : cases) {
      for (CaseRecord.CheckRecord r : c.checks()) {
        if (!r.status().equals("passed")) {
          List<String> names = failed.computeIfAbsent(c.key().persona() + "\0" + c.key().suite() + "/" + c.key().task(), k -> new ArrayList<>());
          if (!names.contains(r.name())) {
            names.add(r.name());
          }
        }
      }
    }
    List<Summary.WeakTask> result = new ArrayList<>();
    tasks.stream().collect(Collectors.groupingBy(Summary.TaskResult::persona, TreeMap::new, Collectors.toList()))
        .forEach((persona, list) -> list.stream()
            .sorted(Comparator.comparingDouble(Summary.TaskResult::score).thenComparing(t -> t.suite() + "/" + t.task()))
            .limit(WEAKEST_PER_PERSONA)
            .forEach(t -> result.add(new Summary.WeakTask(persona, t.suite(), t.task(), t.score(),
                failed.getOrDefault(persona + "\0" + t.suite() + "/" + t.task(), List.of())))));
    return result;
  }

  private static List<Summary.Cost> costs(List<CaseRecord> cases, Prices prices) {
    Map<String, double[]> sums = new TreeMap<>();
    for (CaseRecord c : cases) {
      double[] s = sums.computeIfAbsent(c.key().persona(), k -> new double[4]);
      Long in = c.usage().inputTokens();
      Long out = c.usage().outputTokens();
      s[0] += in == null ? 0 : in;
      s[1] += out == null ? 0 : out;
      var price = prices == null ? java.util.Optional.<Prices.Price>empty() : prices.of(c.model());
      if (price.isPresent() && in != null && out != null) {
        s[2] += (in * price.get().input() + out * price.get().output()) / 1_000_000;
      } else if (!c.errored() || in != null) {
        s[3]++;
      }
    }
    List<Summary.Cost> result = new ArrayList<>();
    sums.forEach((p, s) -> result.add(new Summary.Cost(p, (long) s[0], (long) s[1], prices == null ? null : s[2], (long) s[3])));
    return result;
  }

  private static List<Summary.FailingCheck> failingChecks(List<CaseRecord> cases) {
    Map<String, long[]> counts = new TreeMap<>();
    for (CaseRecord c : cases) {
      for (CaseRecord.CheckRecord r : c.checks()) {
        long[] n = counts.computeIfAbsent(c.key().suite() + "\0" + c.key().task() + "\0" + r.name(), k -> new long[2]);
        n[0] += r.status().equals("passed") ? 0 : 1;
        n[1]++;
      }
    }
    return counts.entrySet().stream()
        .filter(e -> e.getValue()[0] > 0)
        .sorted(Comparator.comparingDouble((Map.Entry<String, long[]> e) -> -(double) e.getValue()[0] / e.getValue()[1])
            .thenComparing(e -> -e.getValue()[0]).thenComparing(Map.Entry::getKey))
        .limit(FAILING_CHECKS)
        .map(e -> {
          String[] parts = e.getKey().split("\0", 3);
          return new Summary.FailingCheck(parts[0], parts[1], parts[2], e.getValue()[0], e.getValue()[1]);
        })
        .toList();
  }

  private static List<Summary.Problem> problems(List<CaseRecord> cases) {
    List<Summary.Problem> result = new ArrayList<>();
    for (CaseRecord c : cases) {
      if (c.errored()) {
        String kind = c.notes().contains("missing") ? "missing" : c.stale() ? "stale" : "errored";
        result.add(new Summary.Problem(c.key().persona(), c.key().suite(), c.key().task(), c.key().epoch(), kind, c.error()));
      } else if (c.stale()) {
        result.add(new Summary.Problem(c.key().persona(), c.key().suite(), c.key().task(), c.key().epoch(), "stale",
            String.join("; ", c.notes())));
      }
    }
    return result;
  }

  /** The cases and reduced task results of one persona (and suite or category). */
  private static final class Group {
    final List<Summary.TaskResult> results = new ArrayList<>();
    long cases;
    long errored;
    long stale;

    void add(CaseRecord c) {
      cases++;
      stale += c.stale() ? 1 : 0;
      errored += c.errored() ? 1 : 0;
    }

    void add(Summary.TaskResult t) {
      results.add(t);
    }

    double mean() {
      return results.stream().mapToDouble(Summary.TaskResult::score).average().orElse(Double.NaN);
    }

    Interval score(Statistics.Method ci) {
      return results.isEmpty() ? null : Statistics.interval(results.stream().mapToDouble(Summary.TaskResult::score).toArray(), ci);
    }

    Interval passRate(Statistics.Method ci) {
      return results.isEmpty() ? null : Statistics.interval(results.stream().mapToDouble(t -> t.passed() ? 1 : 0).toArray(), ci);
    }
  }
}
