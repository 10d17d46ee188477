package dev.personaharness.project;

import dev.personaharness.check.Checks;
import dev.personaharness.core.ConfigException;
import dev.personaharness.core.Diagnostic;
import dev.personaharness.core.DisplayPath;
import dev.personaharness.core.Loaded;
import dev.personaharness.core.Persona;
import dev.personaharness.core.Suite;
import dev.personaharness.core.Task;
import dev.personaharness.persona.PersonaLoader;
import dev.personaharness.suite.SuiteLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/**
 * The personas and suites a command works on, loaded and validated together (structure, variables,
 * attachments, check types and arguments), with every diagnostic of every file.
 */
public record Project(List<Persona> personas, List<Suite> suites, List<Diagnostic> diagnostics, Checks checks) {
  public Project {
    personas = List.copyOf(personas);
    suites = List.copyOf(suites);
    diagnostics = List.copyOf(diagnostics);
  }

  /** Loads persona files or directories and suite files or directories; a missing path is a ConfigException. */
  public static Project load(List<Path> personaPaths, List<Path> suitePaths) {
    Checks checks = Checks.standard();
    List<Diagnostic> diags = new ArrayList<>();
    List<Persona> personas = new ArrayList<>();
    for (Path p : personaPaths) {
      List<Loaded<Persona>> loaded = Files.isDirectory(p) ? PersonaLoader.loadDirectory(exists(p)) : List.of(PersonaLoader.load(exists(p)));
      for (Loaded<Persona> l : loaded) {
        diags.addAll(l.diagnostics());
        l.value().ifPresent(personas::add);
      }
    }
    List<Suite> suites = new ArrayList<>();
    for (Path p : suitePaths) {
      List<Loaded<Suite>> loaded = Files.isDirectory(p) ? SuiteLoader.loadDirectory(exists(p)) : List.of(SuiteLoader.load(exists(p)));
      for (Loaded<Suite> l : loaded) {
        diags.addAll(l.diagnostics());
        l.value().ifPresent(s -> {
          List<Diagnostic> checkProblems = checks.validate(s);
          diags.addAll(checkProblems);
          if (checkProblems.isEmpty() && !l.hasErrors()) {
            suites.add(s);
          }
        });
      }
    }
    Collections.sort(diags);
    return new Project(personas, suites, diags, checks);
  }

  /** The shipped layout: {@code agents/} and {@code suites/} under {@code root}. */
  public static Project standard(Path root) {
    return load(List.of(root.resolve("agents")), List.of(root.resolve("suites")));
  }

  /**
   * This project plus the personas that {@code refs} name as files or file revisions
   * ({@code agents/x.md@main}); plain ids are left to the selection. A reference whose id is taken
   * by another file is an error.
   */
  public Project withReferences(List<String> refs) {
    List<Persona> all = new ArrayList<>(personas);
    List<Diagnostic> diags = new ArrayList<>(diagnostics);
    for (String ref : refs) {
      if (!PersonaLoader.isReference(ref)) {
        continue;
      }
      String id = PersonaLoader.idOf(ref);
      Optional<Persona> taken = all.stream().filter(p -> p.id().equals(id)).findFirst();
      if (taken.isPresent()) {
        if (!ref.contains(".md@") && Files.exists(Path.of(ref))
            && taken.get().path().equals(DisplayPath.of(Path.of(ref)))) {
          continue;
        }
        diags.add(Diagnostic.error(ref, 0, 0, "persona id '" + id + "' is already taken by " + taken.get().path()
            + "; rename one of the files"));
        continue;
      }
      Loaded<Persona> loaded = PersonaLoader.loadReference(ref);
      diags.addAll(loaded.diagnostics());
      loaded.value().ifPresent(all::add);
    }
    Collections.sort(diags);
    return new Project(all, suites, diags, checks);
  }

  /** This project with {@code judge} grading {@code judge} checks. */
  public Project withJudge(dev.personaharness.model.ModelClient judge) {
    return new Project(personas, suites, diagnostics, Checks.standard(judge));
  }

  public boolean hasErrors() {
    return diagnostics.stream().anyMatch(Diagnostic::isError);
  }

  /** Errors as a ConfigException, for commands that cannot work on a partly valid project. */
  public Project requireValid() {
    if (hasErrors()) {
      throw new ConfigException(diagnostics.stream().filter(Diagnostic::isError).toList());
    }
    return this;
  }

  public Optional<Persona> persona(String id) {
    return personas.stream().filter(p -> p.id().equals(id)).findFirst();
  }

  public Optional<Suite> suite(String id) {
    return suites.stream().filter(s -> s.id().equals(id)).findFirst();
  }

  /** Resolves {@code SUITE/TASK}. */
  public Optional<Task> task(String suiteSlashTask) {
    int slash = suiteSlashTask.indexOf('/');
    if (slash < 0) {
      return Optional.empty();
    }
    return suite(suiteSlashTask.substring(0, slash)).flatMap(s -> s.task(suiteSlashTask.substring(slash + 1)));
  }

  private static Path exists(Path p) {
    if (!Files.exists(p)) {
      throw new ConfigException(List.of(Diagnostic.error(DisplayPath.of(p), 0, 0, "no such file or directory")));
    }
    return p;
  }
}
