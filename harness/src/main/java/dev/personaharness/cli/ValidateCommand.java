package dev.personaharness.cli;

import dev.personaharness.core.Diagnostic;
import dev.personaharness.project.Project;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "validate", mixinStandardHelpOptions = true,
    description = {"Checks persona and suite files and prints every problem as path:line:col: severity: message.",
        "Exit 0 when valid (warnings allowed), 1 when errors were found, 2 for a path that does not exist."})
final class ValidateCommand implements Callable<Integer> {
  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Parameters(paramLabel = "PATH", arity = "0..*",
      description = "Persona files (.md), suite files (.yaml) or directories of them. Default: agents/ and suites/.")
  List<Path> paths = new ArrayList<>();

  @Override
  public Integer call() {
    List<Path> personas = new ArrayList<>();
    List<Path> suites = new ArrayList<>();
    if (paths.isEmpty()) {
      personas.add(Path.of("agents"));
      suites.add(Path.of("suites"));
    }
    for (Path p : paths) {
      String name = p.getFileName() == null ? "" : p.getFileName().toString();
      if (Files.isDirectory(p)) {
        personas.add(p);
        suites.add(p);
      } else if (name.endsWith(".yaml") || name.endsWith(".yml")) {
        suites.add(p);
      } else {
        personas.add(p);
      }
    }
    Project project = Project.load(personas, suites);
    var out = spec.commandLine().getOut();
    project.diagnostics().stream().map(d -> Console.safe(d.format())).forEach(out::println);
    long errors = project.diagnostics().stream().filter(Diagnostic::isError).count();
    long warnings = project.diagnostics().size() - errors;
    int tasks = project.suites().stream().mapToInt(s -> s.tasks().size()).sum();
    out.printf("%d persona%s, %d suite%s (%d tasks) valid; %d error%s, %d warning%s%n",
        project.personas().size(), plural(project.personas().size()), project.suites().size(),
        plural(project.suites().size()), tasks, errors, plural(errors), warnings, plural(warnings));
    return errors > 0 ? Main.FAILED : Main.OK;
  }

  private static String plural(long n) {
    return n == 1 ? "" : "s";
  }
}
