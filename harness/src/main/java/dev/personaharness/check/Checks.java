package dev.personaharness.check;

import dev.personaharness.core.CheckSpec;
import dev.personaharness.core.Diagnostic;
import dev.personaharness.core.Similarity;
import dev.personaharness.core.Suite;
import dev.personaharness.core.Task;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.TreeMap;

/**
 * The check types a run knows (built-ins plus those found through {@link ServiceLoader}); validates
 * rubrics and scores answers. Task score = weighted mean of its checks; pass = score ≥ threshold.
 */
public final class Checks {
  private final Map<String, Check> byType;

  private Checks(Map<String, Check> byType) {
    this.byType = Collections.unmodifiableMap(byType);
  }

  /** Built-in checks and every {@link Check} listed in {@code META-INF/services} on the class path. */
  public static Checks standard() {
    return standard(null);
  }

  /** The standard checks, with {@code judge} answering {@code judge} checks (null: they are skipped). */
  public static Checks standard(dev.personaharness.model.ModelClient judge) {
    Map<String, Check> map = new TreeMap<>();
    List<Check> builtIn = new ArrayList<>(TextChecks.all());
    builtIn.add(new JudgeCheck(judge));
    builtIn.addAll(StructureChecks.all());
    builtIn.addAll(ParseChecks.all());
    builtIn.addAll(DomainChecks.all());
    builtIn.add(new JsonSchemaCheck());
    builtIn.add(new SqlDefines());
    builtIn.add(new SimilarCheck());
    builtIn.forEach(c -> map.put(c.type(), c));
    for (Check c : ServiceLoader.load(Check.class)) {
      if (map.containsKey(c.type())) {
        throw new IllegalStateException("check type '" + c.type() + "' of " + c.getClass().getName()
            + " is already defined by " + map.get(c.type()).getClass().getName());
      }
      map.put(c.type(), c);
    }
    return new Checks(map);
  }

  public java.util.Set<String> types() {
    return byType.keySet();
  }

  /** Every unknown check type and bad argument of a suite, at its line. */
  public List<Diagnostic> validate(Suite suite) {
    List<Diagnostic> out = new ArrayList<>();
    for (Task task : suite.tasks()) {
      for (CheckSpec spec : task.rubric().checks()) {
        Check check = byType.get(spec.type());
        if (check == null) {
          String hint = Similarity.closest(spec.type(), byType.keySet()).map(s -> " (did you mean '" + s + "'?)")
              .orElse("; known types: " + String.join(", ", byType.keySet()));
          out.add(Diagnostic.error(suite.path(), spec.line(), spec.column(), "unknown check '" + spec.type() + "'" + hint));
          continue;
        }
        java.nio.file.Path folder = java.nio.file.Path.of(suite.path()).toAbsolutePath().normalize().getParent();
        for (String problem : check.validate(spec.argument(), folder)) {
          out.add(Diagnostic.error(suite.path(), spec.line(), spec.column(), "check '" + spec.type() + "' " + problem));
        }
      }
    }
    return out;
  }

  /** Scores one answer against its task's rubric. A check that throws is recorded as errored. */
  public Scored score(Task task, String answer) {
    List<Scored.Outcome> outcomes = new ArrayList<>();
    double weighted = 0;
    double total = 0;
    for (CheckSpec spec : task.rubric().checks()) {
      CheckResult r = evaluate(spec, task, answer);
      outcomes.add(new Scored.Outcome(spec.type(), spec.displayName(), spec.weight(), r));
      if (!(r instanceof CheckResult.Skipped)) {
        weighted += spec.weight() * r.score();
        total += spec.weight();
      }
    }
    // a rubric whose every check was skipped has nothing to say: score 0, not passed
    double score = total == 0 ? 0 : weighted / total;
    return new Scored(score, score >= task.rubric().threshold() - 1e-9, outcomes);
  }

  private CheckResult evaluate(CheckSpec spec, Task task, String answer) {
    Check check = byType.get(spec.type());
    if (check == null) {
      return new CheckResult.Errored("unknown check type '" + spec.type() + "'");
    }
    try {
      CheckResult r = check.evaluate(new CheckInput(answer, spec, task));
      return r != null ? r : new CheckResult.Errored("check '" + spec.type() + "' returned no result");
    } catch (RuntimeException | StackOverflowError e) {
      return new CheckResult.Errored("check '" + spec.type() + "' failed: " + e);
    }
  }
}
