package dev.personaharness.cli;

import dev.personaharness.core.ConfigException;
import dev.personaharness.core.Diagnostic;
import dev.personaharness.core.DisplayPath;
import dev.personaharness.project.Project;
import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine.Option;

/** The {@code --agents-dir} and {@code --suites-dir} options shared by the commands that load a project. */
final class ProjectDirs {
  @Option(names = "--agents-dir", paramLabel = "DIR", defaultValue = "agents", description = "Personas (default: ${DEFAULT-VALUE}).")
  Path agentsDir;

  @Option(names = "--suites-dir", paramLabel = "DIR", defaultValue = "suites", description = "Suites (default: ${DEFAULT-VALUE}).")
  Path suitesDir;

  /** The project, which must be free of errors (warnings are fine), with its judge if one is named. */
  Project load() {
    return load(List.of());
  }

  /** The project plus the personas named as files or revisions ({@code agents/x.md@main}) among {@code personaRefs}. */
  Project load(List<String> personaRefs) {
    return Project.load(List.of(agentsDir), List.of(suitesDir)).withReferences(personaRefs).requireValid();
  }

  /** As {@link #load(List)}, for commands that ask models: a project without personas or suites has nothing to ask. */
  Project loadNonEmpty(List<String> personaRefs) {
    Project project = load(personaRefs);
    List<Diagnostic> empty = new java.util.ArrayList<>();
    if (project.personas().isEmpty()) {
      empty.add(Diagnostic.error(DisplayPath.of(agentsDir), 0, 0, "no personas here (*.md files); add one, or point --agents-dir at them"));
    }
    if (project.suites().isEmpty()) {
      empty.add(Diagnostic.error(DisplayPath.of(suitesDir), 0, 0, "no suites here (*.yaml files); add one, or point --suites-dir at them"));
    }
    if (!empty.isEmpty()) {
      throw new ConfigException(empty);
    }
    return project;
  }
}
