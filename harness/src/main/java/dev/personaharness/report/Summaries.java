package dev.personaharness.report;

import dev.personaharness.core.Reducer;
import dev.personaharness.runlog.CaseRecord;
import dev.personaharness.runlog.RunInfo;
import dev.personaharness.runlog.RunLog;
import dev.personaharness.stats.Interval;
import dev.personaharness.stats.Statistics;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Computes a run's summary from its log alone, in one pass over the cases that keeps only per-task
 * aggregates (scores, pass counts, names of failed checks) and the errored or stale cases: never
 * an answer or a piece of evidence. The result does not depend on the order cases were logged in,
 * so a run merged from shards reports exactly as the same run unsharded.
 */
final class Summaries {
  private static final int WEAKEST_PER_PERSONA = 3;
  private static final int FAILING_CHECKS = 10;

  private Summaries() {}

  static Summary of(RunLog.View run, Prices prices, Statistics.Method ci) {
    Pass pass = new Pass(prices);
    run.forEachCase(pass::add);

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
    List<Summary.TaskResult> tasks = reduce(pass.byTask, reducers);
    for (Summary.TaskResult t : tasks) {
      pass.byPersona.get(t.persona()).add(t);
      pass.bySuite.get(t.persona() + "\0" + t.suite()).add(t);
      pass.byCategory.get(t.persona() + "\0" + t.suite() + "\0" + t.category()).add(t);
    }
    List<Map.Entry<String, Group>> ranked = new ArrayList<>(pass.byPersona.entrySet());
    ranked.sort(Comparator.comparingDouble((Map.Entry<String, Group> e) -> e.getValue().results.isEmpty() ? 1 : -e.getValue().mean())
        .thenComparing(Map.Entry::getKey));
    List<Summary.Standing> leaderboard = new ArrayList<>();
    for (Map.Entry<String, Group> e : ranked) {
      Group g = e.getValue();
      leaderboard.add(new Summary.Standing(leaderboard.size() + 1, e.getKey(), names.getOrDefault(e.getKey(), e.getKey()),
          g.score(ci), g.passRate(ci), g.cases, g.errored, g.stale));
    }
    List<Summary.Cell> suites = new ArrayList<>();
    pass.bySuite.forEach((k, g) -> {
      String[] parts = k.split("\0");
      suites.add(new Summary.Cell(parts[0], parts[1], null, g.score(ci), g.passRate(ci), g.cases, g.errored));
    });
    List<Summary.Cell> categories = new ArrayList<>();
    pass.byCategory.forEach((k, g) -> {
      String[] parts = k.split("\0");
      categories.add(new Summary.Cell(parts[0], parts[1], parts[2], g.score(ci), g.passRate(ci), g.cases, g.errored));
    });
    List<Summary.Problem> problems = new ArrayList<>(pass.problems);
    problems.sort(Comparator.comparing(Summary.Problem::persona).thenComparing(Summary.Problem::suite)
        .thenComparing(Summary.Problem::task).thenComparingInt(Summary.Problem::epoch));
    return new Summary(run.info().id(), run.info().provider(), run.info().status(), ci.label(), pass.counts(), leaderboard,
        suites, categories, tasks, weakest(tasks, pass.failedChecks), failingChecks(pass.checkCounts), problems,
        pass.costs(prices));
  }

  /** Everything the summary needs from the cases, gathered in one pass. */
  private static final class Pass {
    final Prices prices;
    long cases;
    long errored;
    long stale;
    long missing;
    long passed;
    final Map<String, Group> byPersona = new TreeMap<>();
    final Map<String, Group> bySuite = new TreeMap<>();
    final Map<String, Group> byCategory = new TreeMap<>();
    final Map<String, Epochs> byTask = new TreeMap<>();
    /** persona NUL suite/task → failed check name → its first position in a rubric. */
    final Map<String, Map<String, Integer>> failedChecks = new HashMap<>();
    /** suite NUL task NUL check → {not passed, evaluated}. */
    final Map<String, long[]> checkCounts = new TreeMap<>();
    final List<Summary.Problem> problems = new ArrayList<>();
    /** persona → {input tokens, output tokens, unpriced cases}. */
    final Map<String, long[]> tokens = new TreeMap<>();
    /** persona → model → {input, output} tokens of the priced cases. */
    final Map<String, Map<String, long[]>> priced = new TreeMap<>();
    final Map<String, java.util.Optional<Prices.Price>> priceOf = new HashMap<>();

    Pass(Prices prices) {
      this.prices = prices;
    }

    void add(CaseRecord c) {
      cases++;
      errored += c.errored() ? 1 : 0;
      stale += c.stale() ? 1 : 0;
      missing += c.notes().contains("missing") ? 1 : 0;
      passed += Boolean.TRUE.equals(c.passed()) ? 1 : 0;
      String p = c.key().persona();
      byPersona.computeIfAbsent(p, k -> new Group()).add(c);
      bySuite.computeIfAbsent(p + "\0" + c.key().suite(), k -> new Group()).add(c);
      byCategory.computeIfAbsent(p + "\0" + c.key().suite() + "\0" + c.category(), k -> new Group()).add(c);
      if (!c.errored()) {
        byTask.computeIfAbsent(p + "\0" + c.key().suite() + "\0" + c.key().task(), k -> new Epochs(c)).add(c);
      }
      for (int i = 0; i < c.checks().size(); i++) {
        CaseRecord.CheckRecord r = c.checks().get(i);
        boolean failed = !r.status().equals("passed");
        long[] n = checkCounts.computeIfAbsent(c.key().suite() + "\0" + c.key().task() + "\0" + r.name(), k -> new long[2]);
        n[0] += failed ? 1 : 0;
        n[1]++;
        if (failed) {
          failedChecks.computeIfAbsent(p + "\0" + c.key().suite() + "/" + c.key().task(), k -> new HashMap<>())
              .merge(r.name(), i, Math::min);
        }
      }
      problem(c);
      cost(c);
    }

    private void problem(CaseRecord c) {
      if (c.errored()) {
        String kind = c.notes().contains("missing") ? "missing" : c.stale() ? "stale" : "errored";
        problems.add(new Summary.Problem(c.key().persona(), c.key().suite(), c.key().task(), c.key().epoch(), kind, c.error()));
      } else if (c.stale()) {
        problems.add(new Summary.Problem(c.key().persona(), c.key().suite(), c.key().task(), c.key().epoch(), "stale",
            String.join("; ", c.notes())));
      }
    }

    private void cost(CaseRecord c) {
      long[] t = tokens.computeIfAbsent(c.key().persona(), k -> new long[3]);
      Long in = c.usage().inputTokens();
      Long out = c.usage().outputTokens();
      t[0] += in == null ? 0 : in;
      t[1] += out == null ? 0 : out;
      boolean hasPrice = prices != null && c.model() != null && priceOf.computeIfAbsent(c.model(), prices::of).isPresent();
      if (hasPrice && in != null && out != null) {
        long[] m = priced.computeIfAbsent(c.key().persona(), k -> new TreeMap<>()).computeIfAbsent(c.model(), k -> new long[2]);
        m[0] += in;
        m[1] += out;
      } else if (!c.errored() || in != null) {
        t[2]++;
      }
    }

    Summary.Counts counts() {
      return new Summary.Counts(cases, cases - errored, passed, errored, stale, missing);
    }

    List<Summary.Cost> costs(Prices prices) {
      List<Summary.Cost> result = new ArrayList<>();
      tokens.forEach((persona, t) -> {
        Double usd = null;
        if (prices != null) {
          double sum = 0;
          for (Map.Entry<String, long[]> m : priced.getOrDefault(persona, Map.of()).entrySet()) {
            Prices.Price price = priceOf.get(m.getKey()).orElseThrow();
            sum += (m.getValue()[0] * price.input() + m.getValue()[1] * price.output()) / 1_000_000;
          }
          usd = sum;
        }
        result.add(new Summary.Cost(persona, t[0], t[1], usd, t[2]));
      });
      return result;
    }
  }

  /** The scored epochs of one persona × task. */
  private static final class Epochs {
    final String persona;
    final String suite;
    final String task;
    final String category;
    final double threshold;
    double[] scores = new double[4];
    int n;
    int passed;

    Epochs(CaseRecord first) {
      persona = first.key().persona();
      suite = first.key().suite();
      task = first.key().task();
      category = first.category();
      threshold = first.threshold();
    }

    void add(CaseRecord c) {
      if (n == scores.length) {
        scores = Arrays.copyOf(scores, n * 2);
      }
      scores[n++] = c.score();
      passed += Boolean.TRUE.equals(c.passed()) ? 1 : 0;
    }
  }

  /** Each persona × task's scored epochs, reduced by the task's reducer. */
  private static List<Summary.TaskResult> reduce(Map<String, Epochs> byTask, Map<String, String> reducers) {
    List<Summary.TaskResult> result = new ArrayList<>();
    for (Epochs e : byTask.values()) {
      Reducer reducer = Reducer.parse(reducers.getOrDefault(e.suite + "/" + e.task, "mean")).orElse(Reducer.MEAN);
      // sorted, so that neither the reduction nor the spread depends on the order epochs were logged in
      double[] x = Arrays.copyOf(e.scores, e.n);
      Arrays.sort(x);
      List<Boolean> passes = new ArrayList<>();
      for (int i = 0; i < e.n; i++) {
        passes.add(i < e.passed);
      }
      Reducer.Reduced r = reducer.reduce(Arrays.stream(x).boxed().toList(), passes, e.threshold);
      double sd = x.length < 2 ? 0 : new org.apache.commons.math3.stat.descriptive.moment.StandardDeviation(true).evaluate(x);
      result.add(new Summary.TaskResult(e.persona, e.suite, e.task, e.category, reducer.label(), x.length, r.score(), r.passed(),
          x[0], x[x.length - 1], sd));
    }
    return result;
  }

  private static List<Summary.WeakTask> weakest(List<Summary.TaskResult> tasks, Map<String, Map<String, Integer>> failed) {
    List<Summary.WeakTask> result = new ArrayList<>();
    tasks.stream().collect(Collectors.groupingBy(Summary.TaskResult::persona, TreeMap::new, Collectors.toList()))
        .forEach((persona, list) -> list.stream()
            .sorted(Comparator.comparingDouble(Summary.TaskResult::score).thenComparing(t -> t.suite() + "/" + t.task()))
            .limit(WEAKEST_PER_PERSONA)
            .forEach(t -> result.add(new Summary.WeakTask(persona, t.suite(), t.task(), t.score(),
                failedNames(failed.get(persona + "\0" + t.suite() + "/" + t.task()))))));
    return result;
  }

  /** Failed check names in rubric order (by the first position each was seen at), then by name. */
  private static List<String> failedNames(Map<String, Integer> positions) {
    if (positions == null) {
      return List.of();
    }
    return positions.entrySet().stream()
        .sorted(Map.Entry.<String, Integer>comparingByValue().thenComparing(Map.Entry.comparingByKey()))
        .map(Map.Entry::getKey).toList();
  }

  private static List<Summary.FailingCheck> failingChecks(Map<String, long[]> counts) {
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
