package dev.personaharness.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.personaharness.core.AtomicFiles;
import dev.personaharness.core.ConfigException;
import dev.personaharness.importing.BatchFormats;
import dev.personaharness.model.ModelRequest;
import dev.personaharness.project.Project;
import dev.personaharness.runlog.Json;
import dev.personaharness.runner.Runner;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "export", mixinStandardHelpOptions = true, sortOptions = false,
    description = {"Writes the selected cases' requests in a provider's batch input format, for its cheaper batch endpoint:",
        "openai-batch (JSONL for the Batch API) or anthropic-batch (the Message Batches request body).",
        "Each request's custom_id names its case; 'harness import RESULTS' turns the batch results into recordings."})
final class ExportCommand implements Callable<Integer> {
  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Option(names = "--format", required = true, paramLabel = "FORMAT", description = "openai-batch or anthropic-batch.")
  String format;

  @Option(names = "--model", required = true, paramLabel = "MODEL", description = "The model the batch asks.")
  String model;

  @Option(names = {"-o", "--output"}, required = true, paramLabel = "FILE", description = "Where to write the batch input.")
  Path output;

  @Mixin ProjectDirs dirs;

  @Mixin SelectionOptions sel;

  @Override
  public Integer call() {
    Project project = dirs.loadNonEmpty(sel.personas);
    List<ModelRequest> requests = new Runner(project).requests(sel.selection());
    StringBuilder out = new StringBuilder();
    switch (format) {
      case "openai-batch" -> requests.forEach(r ->
          out.append(BatchFormats.openAiRequest(r.key(), r.prompt(), r.settings(), model)).append('\n'));
      case "anthropic-batch" -> {
        ObjectNode body = Json.object();
        ArrayNode list = body.putArray("requests");
        requests.forEach(r -> list.add(BatchFormats.anthropicRequest(r.key(), r.prompt(), r.settings(), model)));
        out.append(Json.pretty(body)).append('\n');
      }
      default -> throw new ConfigException("unknown --format '" + format + "'; use openai-batch or anthropic-batch");
    }
    AtomicFiles.write(output, out.toString());
    spec.commandLine().getOut().printf("wrote %d request(s) to %s%n", requests.size(), output);
    return Main.OK;
  }
}
