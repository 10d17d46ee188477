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

/** Computes a run's summary from its log alone. */
final class Summaries {
  private static final int WEAKEST_PER_PERSONA = 3;
  private static final int FAILING_CHECKS = 10;

  private Summaries() {}

  static Summary of(RunLog.Run run, Prices prices) {
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
    Map<String, Group> byPersona = new TreeMap<>();
    Map<String, Group> bySuite = new TreeMap<>();
    Map<String, Group> byCategory = new TreeMap<>();
    for (CaseRecord c : cases) {
      String p = c.key().persona();
      byPersona.computeIfAbsent(p, k -> new Group()).add(c);
      bySuite.computeIfAbsent(p + "\0" + c.key().suite(), k -> new Group()).add(c);
      byCategory.computeIfAbsent(p + "\0" + c.key().suite() + "\0" + c.category(), k -> new Group()).add(c);
    }
    List<Map.Entry<String, Group>> ranked = new ArrayList<>(byPersona.entrySet());
    ranked.sort(Comparator.comparingDouble((Map.Entry<String, Group> e) -> e.getValue().mean() == null ? 1 : -e.getValue().mean()).thenComparing(Map.Entry::getKey));
    List<Summary.Standing> leaderboard = new ArrayList<>();
    for (Map.Entry<String, Group> e : ranked) {
      Group g = e.getValue();
      leaderboard.add(new Summary.Standing(leaderboard.size() + 1, e.getKey(), names.getOrDefault(e.getKey(), e.getKey()),
          g.mean(), g.passRate(), g.cases, g.errored, g.stale));
    }
    List<Summary.Cell> suites = new ArrayList<>();
    bySuite.forEach((k, g) -> {
      String[] parts = k.split("\0");
      suites.add(new Summary.Cell(parts[0], parts[1], null, g.mean(), g.passRate(), g.cases, g.errored));
    });
    List<Summary.Cell> categories = new ArrayList<>();
    byCategory.forEach((k, g) -> {
      String[] parts = k.split("\0");
      categories.add(new Summary.Cell(parts[0], parts[1], parts[2], g.mean(), g.passRate(), g.cases, g.errored));
    });
    return new Summary(run.info().id(), run.info().provider(), run.info().status(), counts, leaderboard, suites, categories,
        weakest(byPersona), failingChecks(cases), problems(cases), costs(cases, prices));
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

  private static List<Summary.WeakTask> weakest(Map<String, Group> byPersona) {
    List<Summary.WeakTask> result = new ArrayList<>();
    byPersona.forEach((persona, g) -> g.taskMeans().entrySet().stream()
        .sorted(Map.Entry.<String, Double>comparingByValue().thenComparing(Map.Entry.comparingByKey()))
        .limit(WEAKEST_PER_PERSONA)
        .forEach(e -> {
          String[] parts = e.getKey().split("/", 2);
          List<String> failed = g.failedChecks.getOrDefault(e.getKey(), List.of()).stream().distinct().toList();
          result.add(new Summary.WeakTask(persona, parts[0], parts[1], e.getValue(), failed));
        }));
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

  /** Cases of one persona (and suite or category): task means over epochs, pass rate over scored cases. */
  private static final class Group {
    final Map<String, List<Double>> scores = new TreeMap<>();
    final Map<String, List<String>> failedChecks = new TreeMap<>();
    long cases;
    long errored;
    long stale;
    long scored;
    long passed;

    void add(CaseRecord c) {
      cases++;
      stale += c.stale() ? 1 : 0;
      if (c.errored()) {
        errored++;
        return;
      }
      scored++;
      passed += Boolean.TRUE.equals(c.passed()) ? 1 : 0;
      String task = c.key().suite() + "/" + c.key().task();
      scores.computeIfAbsent(task, k -> new ArrayList<>()).add(c.score());
      for (CaseRecord.CheckRecord r : c.checks()) {
        if (!r.status().equals("passed")) {
          failedChecks.computeIfAbsent(task, k -> new ArrayList<>()).add(r.name());
        }
      }
    }

    Map<String, Double> taskMeans() {
      Map<String, Double> means = new TreeMap<>();
      scores.forEach((t, s) -> means.put(t, s.stream().mapToDouble(Double::doubleValue).average().orElse(0)));
      return means;
    }

    Double mean() {
      var avg = taskMeans().values().stream().mapToDouble(Double::doubleValue).average();
      return avg.isPresent() ? avg.getAsDouble() : null;
    }

    Double passRate() {
      return scored == 0 ? null : (double) passed / scored;
    }
  }
}
