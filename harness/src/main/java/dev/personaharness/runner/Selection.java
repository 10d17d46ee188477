package dev.personaharness.runner;

import dev.personaharness.core.ConfigException;
import dev.personaharness.core.Persona;
import dev.personaharness.core.Suite;
import dev.personaharness.core.Task;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Which part of a project a run covers (and, when it is split across machines, which shard of it),
 * and the generation settings given on the command line (null: the suite's). Empty lists select
 * everything; a name that selects nothing is a ConfigException, so a typo never yields an empty,
 * green run.
 */
public record Selection(
    List<String> personas, List<String> suites, List<String> tasks, List<String> categories, Integer epochs,
    Double temperature, Integer maxTokens, Integer seed, Shard shard) {
  public static final Selection ALL = new Selection(List.of(), List.of(), List.of(), List.of(), null);

  /** A selection that keeps the suites' temperature, max tokens and seed, unsharded. */
  public Selection(List<String> personas, List<String> suites, List<String> tasks, List<String> categories, Integer epochs) {
    this(personas, suites, tasks, categories, epochs, null, null, null, Shard.ALL);
  }

  /** This selection, limited to one shard. */
  public Selection withShard(Shard s) {
    return new Selection(personas, suites, tasks, categories, epochs, temperature, maxTokens, seed, s);
  }

  public Selection {
    shard = shard == null ? Shard.ALL : shard;
    personas = List.copyOf(personas);
    suites = List.copyOf(suites);
    tasks = List.copyOf(tasks);
    categories = List.copyOf(categories);
    if (epochs != null && (epochs < 1 || epochs > dev.personaharness.core.GenerationSettings.MAX_EPOCHS)) {
      throw new ConfigException("--epochs must be from 1 to " + dev.personaharness.core.GenerationSettings.MAX_EPOCHS);
    }
    if (temperature != null && (temperature < 0 || temperature > 2)) {
      throw new ConfigException("--temperature must be from 0 to 2");
    }
    if (maxTokens != null && maxTokens < 1) {
      throw new ConfigException("--max-tokens must be at least 1");
    }
  }

  List<Persona> personasOf(List<Persona> all) {
    requireKnown("persona", personas, all.stream().map(Persona::id).collect(Collectors.toSet()));
    return all.stream().filter(p -> personas.isEmpty() || personas.contains(p.id())).toList();
  }

  List<Suite> suitesOf(List<Suite> all) {
    requireKnown("suite", suites, all.stream().map(Suite::id).collect(Collectors.toSet()));
    List<Suite> chosen = all.stream().filter(s -> suites.isEmpty() || suites.contains(s.id())).toList();
    Set<String> taskNames = new java.util.HashSet<>();
    Set<String> categoryNames = new java.util.HashSet<>();
    for (Suite s : chosen) {
      for (Task t : s.tasks()) {
        taskNames.add(t.id());
        taskNames.add(s.id() + "/" + t.id());
        categoryNames.add(t.category());
      }
    }
    requireKnown("task", tasks, taskNames);
    requireKnown("category", categories, categoryNames);
    return chosen;
  }

  boolean includes(Suite suite, Task task) {
    return (tasks.isEmpty() || tasks.contains(task.id()) || tasks.contains(suite.id() + "/" + task.id()))
        && (categories.isEmpty() || categories.contains(task.category()));
  }

  private static void requireKnown(String what, List<String> asked, Set<String> known) {
    List<String> unknown = new ArrayList<>(asked);
    unknown.removeAll(known);
    if (!unknown.isEmpty()) {
      throw new ConfigException("unknown " + what + (unknown.size() == 1 ? " " : "s ") + unknown
          + "; known: " + known.stream().sorted().collect(Collectors.joining(", ")));
    }
  }
}
