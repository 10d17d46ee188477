package dev.personaharness.cli;

import dev.personaharness.core.Persona;
import dev.personaharness.core.Suite;
import dev.personaharness.core.Task;
import dev.personaharness.project.Project;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Spec;

@Command(name = "list", mixinStandardHelpOptions = true,
    description = "Lists the personas in agents/ (id, name, model, hash prefix, warnings) and the suites in suites/.")
final class ListCommand implements Callable<Integer> {
  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    Project project = Project.standard(Path.of(""));
    var out = spec.commandLine().getOut();
    out.println("Personas (" + project.personas().size() + ")");
    Table personas = new Table("id", "name", "model", "hash", "warnings");
    for (Persona p : project.personas()) {
      personas.row(p.id(), p.name(), p.model(), p.shortHash(), String.valueOf(p.warnings().size()));
    }
    out.print(personas.render());
    out.println();
    out.println("Suites (" + project.suites().size() + ")");
    Table suites = new Table("id", "tasks", "categories");
    for (Suite s : project.suites()) {
      Map<String, Long> byCategory = s.tasks().stream()
          .collect(Collectors.groupingBy(Task::category, TreeMap::new, Collectors.counting()));
      String cats = byCategory.entrySet().stream().map(e -> e.getKey() + " " + e.getValue()).collect(Collectors.joining(", "));
      suites.row(s.id(), String.valueOf(s.tasks().size()), cats);
    }
    out.print(suites.render());
    long errors = project.diagnostics().stream().filter(d -> d.isError()).count();
    if (errors > 0) {
      out.println();
      out.println(errors + " file problem" + (errors == 1 ? "" : "s") + " left some files out; run 'harness validate'");
      return Main.FAILED;
    }
    return Main.OK;
  }
}
