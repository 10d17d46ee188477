package dev.personaharness.runner;

import dev.personaharness.core.CaseKey;
import dev.personaharness.core.GenerationSettings;
import dev.personaharness.core.Persona;
import dev.personaharness.core.Prompt;
import dev.personaharness.core.Suite;
import dev.personaharness.core.Task;
import dev.personaharness.project.Project;
import dev.personaharness.prompt.PromptAssembler;
import dev.personaharness.runlog.RunInfo;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.TreeMap;
import java.util.function.Predicate;

/**
 * The cases a selection covers, in persona, suite, task, epoch order, enumerated lazily: a plan
 * holds the personas and the selected tasks (with their settings and epochs), never the list of
 * cases, and each persona × task's prompt is assembled once, when its first case is taken.
 */
final class Plan {
  /** A selected task with the settings and number of epochs it runs with. */
  private record Slot(Suite suite, Task task, GenerationSettings settings, int epochs) {}

  private final List<Persona> personas;
  private final List<Slot> slots = new ArrayList<>();
  private final Shard shard;

  Plan(Project project, Selection selection) {
    shard = selection.shard();
    personas = selection.personasOf(project.personas());
    for (Suite s : selection.suitesOf(project.suites())) {
      GenerationSettings settings = s.defaults().override(selection.epochs(), selection.temperature(), selection.maxTokens(),
          selection.seed());
      for (Task t : s.tasks()) {
        if (selection.includes(s, t)) {
          int epochs = selection.epochs() != null ? selection.epochs() : t.epochs() != null ? t.epochs() : settings.epochs();
          slots.add(new Slot(s, t, settings, epochs));
        }
      }
    }
  }

  /** How many of the selection's cases (in its shard) {@code include} keeps; counted from the keys alone. */
  long count(Predicate<CaseKey> include) {
    long n = 0;
    for (Cursor c = new Cursor(); c.advance(); ) {
      CaseKey key = c.key();
      n += shard.includes(key) && include.test(key) ? 1 : 0;
    }
    return n;
  }

  /**
   * The selection's cases (in its shard) that {@code include} keeps, in order. Not thread-safe:
   * callers that share it take cases under a lock.
   */
  Iterator<Runner.Case> cases(Predicate<CaseKey> include) {
    Cursor cursor = new Cursor();
    return new Iterator<>() {
      private Persona promptPersona;
      private Slot promptSlot;
      private Prompt prompt;
      private Runner.Case next = advance();

      private Runner.Case advance() {
        while (cursor.advance()) {
          CaseKey key = cursor.key();
          if (shard.includes(key) && include.test(key)) {
            Persona p = cursor.persona();
            Slot slot = cursor.slot();
            if (p != promptPersona || slot != promptSlot) {
              prompt = PromptAssembler.assemble(p, slot.task());
              promptPersona = p;
              promptSlot = slot;
            }
            return new Runner.Case(key, p, slot.suite(), slot.task(), prompt, slot.settings());
          }
        }
        return null;
      }

      @Override
      public boolean hasNext() {
        return next != null;
      }

      @Override
      public Runner.Case next() {
        if (next == null) {
          throw new NoSuchElementException();
        }
        Runner.Case c = next;
        next = advance();
        return c;
      }
    };
  }

  /** The personas of the run (none when no task is selected), by id; a shard's are its whole run's. */
  List<RunInfo.PersonaRef> personaRefs() {
    Map<String, RunInfo.PersonaRef> refs = new TreeMap<>();
    if (!slots.isEmpty()) {
      personas.forEach(p -> refs.putIfAbsent(p.id(), new RunInfo.PersonaRef(p.id(), p.name(), p.path(), p.hash())));
    }
    return List.copyOf(refs.values());
  }

  /** The suites of the run by id, each with its selected tasks in suite order; a shard's are its whole run's. */
  List<RunInfo.SuiteRef> suiteRefs() {
    Map<String, Suite> suites = new TreeMap<>();
    Map<String, List<RunInfo.TaskRef>> tasks = new LinkedHashMap<>();
    for (Slot s : slots) {
      suites.putIfAbsent(s.suite().id(), s.suite());
      tasks.computeIfAbsent(s.suite().id(), k -> new ArrayList<>())
          .add(new RunInfo.TaskRef(s.task().id(), s.task().category(), s.task().rubric().reducer().label()));
    }
    List<RunInfo.SuiteRef> refs = new ArrayList<>();
    suites.forEach((id, s) -> refs.add(new RunInfo.SuiteRef(id, s.path(), s.hash(), tasks.get(id))));
    return refs;
  }

  /** A position in persona × task × epoch; {@link #advance()} moves to the next case key. */
  private final class Cursor {
    private int persona;
    private int slot;
    private int epoch;

    boolean advance() {
      while (persona < personas.size()) {
        if (slot == slots.size()) {
          persona++;
          slot = 0;
        } else if (epoch == slots.get(slot).epochs()) {
          slot++;
          epoch = 0;
        } else {
          epoch++;
          return true;
        }
      }
      return false;
    }

    Persona persona() {
      return personas.get(persona);
    }

    Slot slot() {
      return slots.get(slot);
    }

    CaseKey key() {
      Slot s = slot();
      return new CaseKey(persona().id(), s.suite().id(), s.task().id(), epoch);
    }
  }
}
