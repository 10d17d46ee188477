package dev.personaharness.report;

import dev.personaharness.runlog.RunInfo;
import dev.personaharness.runlog.RunLog;
import dev.personaharness.stats.Interval;
import dev.personaharness.stats.PairedTests;
import dev.personaharness.stats.Statistics;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * A baseline and a candidate (two personas of one run, or two runs) compared task by task after
 * each task's epochs are reduced: per group (overall, each suite, each category) the mean score
 * delta with a seeded bootstrap 95% interval, the exact McNemar test on pass/fail flips, the paired
 * sign-flip permutation test on score deltas (Holm-corrected across suites and categories), and a
 * verdict; plus every task whose score dropped by more than the margin, the flips, added and
 * removed tasks, and warnings when the two sides differ in model or suite definitions.
 */
public record Comparison(
    String baseline, String candidate, double alpha, double margin, List<String> tasks, List<Group> groups, List<Drop> drops,
    List<Flip> flips, List<String> added, List<String> removed, List<String> warnings) {

  /** One group's numbers; {@code p} is the sign-flip p-value, {@code adjustedP} after Holm (overall: unadjusted). */
  public record Group(String name, int tasks, Interval delta, int failToPass, int passToFail, double mcnemarP, double p,
      double adjustedP, String verdict) {}

  /** A task whose score dropped by more than the margin. */
  public record Drop(String task, double baseline, double candidate) {}

  /** A task whose pass state changed. */
  public record Flip(String task, boolean nowPasses) {}

  static final long SEED = 20261123L;

  /** The overall verdict: improved, regressed or no significant change. */
  public String verdict() {
    return groups.get(0).verdict();
  }

  public static Comparison of(RunLog.View baseRun, String basePersona, RunLog.View candRun, String candPersona, double alpha,
      double margin) {
    Summary baseSummary = summary(baseRun);
    Summary candSummary = candRun == baseRun ? baseSummary : summary(candRun);
    return of(baseRun, baseSummary, basePersona, candRun, candSummary, candPersona, alpha, margin);
  }

  /** As above, with the runs' summaries already made (one summary serves both sides of a run). */
  public static Comparison of(RunLog.View baseRun, Summary baseSummary, String basePersona, RunLog.View candRun,
      Summary candSummary, String candPersona, double alpha, double margin) {
    return of(tasks(baseRun, baseSummary, basePersona), label(baseRun, basePersona), tasks(candRun, candSummary, candPersona),
        label(candRun, candPersona), alpha, margin, warnings(baseRun, basePersona, candRun, candPersona));
  }

  /** The summary a comparison pairs tasks from (Student-t intervals; the tests themselves are paired). */
  public static Summary summary(RunLog.View run) {
    return Summaries.of(run, null, Statistics.Method.T);
  }

  /** Compares task results keyed by {@code suite/task}. */
  static Comparison of(Map<String, Summary.TaskResult> base, String baseLabel, Map<String, Summary.TaskResult> cand,
      String candLabel, double alpha, double margin, List<String> warnings) {
    Set<String> shared = new TreeSet<>(base.keySet());
    shared.retainAll(cand.keySet());
    List<String> added = cand.keySet().stream().filter(k -> !base.containsKey(k)).sorted().toList();
    List<String> removed = base.keySet().stream().filter(k -> !cand.containsKey(k)).sorted().toList();

    Map<String, List<String>> byGroup = new LinkedHashMap<>();
    byGroup.put("overall", new ArrayList<>(shared));
    Map<String, List<String>> suites = new TreeMap<>();
    Map<String, List<String>> categories = new TreeMap<>();
    for (String k : shared) {
      Summary.TaskResult t = cand.get(k);
      suites.computeIfAbsent("suite " + t.suite(), x -> new ArrayList<>()).add(k);
      categories.computeIfAbsent("category " + t.suite() + "/" + t.category(), x -> new ArrayList<>()).add(k);
    }
    byGroup.putAll(suites);
    byGroup.putAll(categories);
    List<String> names = new ArrayList<>(byGroup.keySet());
    double[] p = new double[names.size()];
    List<Object[]> raw = new ArrayList<>();
    for (int g = 0; g < names.size(); g++) {
      List<String> keys = byGroup.get(names.get(g));
      double[] deltas = keys.stream().mapToDouble(k -> cand.get(k).score() - base.get(k).score()).toArray();
      int up = (int) keys.stream().filter(k -> !base.get(k).passed() && cand.get(k).passed()).count();
      int down = (int) keys.stream().filter(k -> base.get(k).passed() && !cand.get(k).passed()).count();
      p[g] = PairedTests.signFlip(deltas, SEED);
      raw.add(new Object[] {keys.size(), Statistics.bootstrap(deltas, 0.95, Statistics.BOOTSTRAP_RESAMPLES, SEED), up, down,
          PairedTests.mcnemarExact(up, down)});
    }
    double[] adjusted = new double[p.length];
    adjusted[0] = p[0];
    if (p.length > 1) {
      double[] adj = PairedTests.holm(java.util.Arrays.copyOfRange(p, 1, p.length));
      System.arraycopy(adj, 0, adjusted, 1, adj.length);
    }
    List<Group> groups = new ArrayList<>();
    for (int g = 0; g < names.size(); g++) {
      Object[] r = raw.get(g);
      Interval delta = (Interval) r[1];
      String verdict = adjusted[g] < alpha && delta.mean() != 0 ? (delta.mean() > 0 ? "improved" : "regressed") : "no significant change";
      groups.add(new Group(names.get(g), (int) r[0], delta, (int) r[2], (int) r[3], (double) r[4], p[g], adjusted[g], verdict));
    }
    List<Drop> drops = shared.stream().filter(k -> base.get(k).score() - cand.get(k).score() > margin)
        .map(k -> new Drop(k, base.get(k).score(), cand.get(k).score())).toList();
    List<Flip> flips = shared.stream().filter(k -> base.get(k).passed() != cand.get(k).passed())
        .map(k -> new Flip(k, cand.get(k).passed())).toList();
    return new Comparison(baseLabel, candLabel, alpha, margin, List.copyOf(shared), groups, drops, flips, added, removed, warnings);
  }

  /** Whether a gate passes: no group significantly regressed and no task dropped by more than the margin. */
  public boolean gatePasses() {
    return drops.isEmpty() && groups.stream().noneMatch(g -> g.verdict().equals("regressed"));
  }

  static Map<String, Summary.TaskResult> tasks(RunLog.View run, String persona) {
    return tasks(run, summary(run), persona);
  }

  private static Map<String, Summary.TaskResult> tasks(RunLog.View run, Summary summary, String persona) {
    Map<String, Summary.TaskResult> result = new TreeMap<>();
    for (Summary.TaskResult t : summary.tasks()) {
      if (t.persona().equals(persona)) {
        result.put(t.suite() + "/" + t.task(), t);
      }
    }
    if (result.isEmpty()) {
      throw new dev.personaharness.core.ConfigException("run " + run.info().id() + " has no scored task of persona '" + persona
          + "'; personas in it: " + run.info().personas().stream().map(RunInfo.PersonaRef::id).toList());
    }
    return result;
  }

  private static List<String> warnings(RunLog.View a, String pa, RunLog.View b, String pb) {
    List<String> w = new ArrayList<>();
    Set<String> ma = models(a, pa);
    Set<String> mb = models(b, pb);
    if (!ma.equals(mb)) {
      w.add("the two sides were answered by different models: " + ma + " vs " + mb);
    }
    Map<String, String> sa = a.info().suites().stream().collect(Collectors.toMap(RunInfo.SuiteRef::id, RunInfo.SuiteRef::hash));
    Map<String, String> sb = b.info().suites().stream().collect(Collectors.toMap(RunInfo.SuiteRef::id, RunInfo.SuiteRef::hash));
    for (String id : sa.keySet()) {
      if (sb.containsKey(id) && !sa.get(id).equals(sb.get(id))) {
        w.add("suite '" + id + "' differs between the runs (tasks or checks changed): scores may not be comparable");
      }
    }
    return w;
  }

  private static Set<String> models(RunLog.View run, String persona) {
    Set<String> models = new TreeSet<>();
    run.forEachCase(c -> {
      if (c.key().persona().equals(persona) && !c.errored()) {
        models.add(c.model());
      }
    });
    return models;
  }

  private static String label(RunLog.View run, String persona) {
    return persona + " @ run " + run.info().id();
  }
}
