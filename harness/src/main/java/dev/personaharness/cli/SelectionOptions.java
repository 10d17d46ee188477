package dev.personaharness.cli;

import dev.personaharness.persona.PersonaLoader;
import dev.personaharness.runner.Selection;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/** The options that choose cases and override generation settings, shared by run and export. */
final class SelectionOptions {
  @Option(names = "--persona", paramLabel = "ID|FILE[@REV]",
      description = "Only this persona (repeatable): an id, a file, or a file at a git revision (agents/x.md@main).")
  List<String> personas = new ArrayList<>();

  @Option(names = "--suite", paramLabel = "ID", description = "Only this suite (repeatable).")
  List<String> suites = new ArrayList<>();

  @Option(names = "--task", paramLabel = "[SUITE/]TASK", description = "Only this task (repeatable).")
  List<String> tasks = new ArrayList<>();

  @Option(names = "--category", paramLabel = "NAME", description = "Only tasks of this category (repeatable).")
  List<String> categories = new ArrayList<>();

  @Option(names = "--epochs", paramLabel = "N", description = "Answers per persona × task, overriding the suites' defaults.")
  Integer epochs;

  @Option(names = "--temperature", paramLabel = "T", description = "Sampling temperature, overriding the suites' defaults.")
  Double temperature;

  @Option(names = "--max-tokens", paramLabel = "N", description = "Max output tokens, overriding the suites' defaults.")
  Integer maxTokens;

  @Option(names = "--seed", paramLabel = "N", description = "Sampling seed (where the provider takes one), overriding the suites' defaults.")
  Integer seed;

  Selection selection() {
    List<String> ids = personas.stream().map(PersonaLoader::idOf).toList();
    return new Selection(ids, suites, tasks, categories, epochs, temperature, maxTokens, seed, null);
  }
}
