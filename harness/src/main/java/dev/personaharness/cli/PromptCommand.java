package dev.personaharness.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.personaharness.core.ConfigException;
import dev.personaharness.core.Persona;
import dev.personaharness.core.Prompt;
import dev.personaharness.core.Task;
import dev.personaharness.persona.PersonaLoader;
import dev.personaharness.project.Project;
import java.util.List;
import dev.personaharness.prompt.PromptAssembler;
import dev.personaharness.runlog.Json;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "prompt", mixinStandardHelpOptions = true,
    description = "Prints the exact messages one persona × task sends to a model, and the prompt hash.")
final class PromptCommand implements Callable<Integer> {
  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Option(names = "--persona", required = true, paramLabel = "ID|FILE[@REV]",
      description = "Persona id (file name in agents/ without .md), a file, or a file at a git revision (agents/x.md@main).")
  String personaId;

  @Option(names = "--task", required = true, paramLabel = "SUITE/TASK", description = "Task, e.g. api-design/cursor-pagination.")
  String taskRef;

  @Option(names = "--json", description = "Print the messages as one JSON object, for machines.")
  boolean json;

  @Override
  public Integer call() {
    Project project = Project.standard(Path.of("")).withReferences(List.of(personaId)).requireValid();
    Persona persona = project.persona(PersonaLoader.idOf(personaId)).orElseThrow(() -> new ConfigException(
        "unknown persona '" + personaId + "'; known: " + String.join(", ", project.personas().stream().map(Persona::id).toList())));
    Task task = project.task(taskRef).orElseThrow(() -> new ConfigException(
        "unknown task '" + taskRef + "'; name it as SUITE/TASK (see 'harness list')"));
    Prompt prompt = PromptAssembler.assemble(persona, task);
    var out = spec.commandLine().getOut();
    if (json) {
      ObjectNode o = Json.object();
      o.put("persona", persona.id()).put("persona_hash", persona.hash());
      o.put("suite", taskRef.substring(0, taskRef.indexOf('/'))).put("task", task.id());
      o.put("prompt_hash", prompt.hash());
      var messages = o.putArray("messages");
      messages.addObject().put("role", "system").put("content", prompt.system());
      messages.addObject().put("role", "user").put("content", prompt.user());
      out.println(Json.pretty(o));
    } else {
      out.println("===== system =====");
      // control characters are shown escaped, not sent to the terminal; --json has the exact text
      out.println(Console.safe(prompt.system()));
      out.println("===== user =====");
      out.println(Console.safe(prompt.user()));
      out.println("===== prompt hash " + prompt.hash() + " =====");
    }
    return Main.OK;
  }
}
