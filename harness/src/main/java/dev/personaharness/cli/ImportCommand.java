package dev.personaharness.cli;

import dev.personaharness.core.ConfigException;
import dev.personaharness.importing.Importer;
import dev.personaharness.project.Project;
import dev.personaharness.recording.RecordingStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "import", mixinStandardHelpOptions = true,
    description = {"Turns externally produced answers into recordings. FILE.jsonl holds one JSON object per line:",
        "{\"persona\":ID, \"suite\":ID, \"task\":ID, \"epoch\":1, \"model\":NAME, \"text\":ANSWER,",
        " \"recorded_at\":DATE (optional, default today), \"usage\":{\"input_tokens\":N, \"output_tokens\":N} (optional)}.",
        "Or FILE is a directory of answers saved one per file as <persona>/<suite>/<task>.md (or <task>.<epoch>.md),",
        "each file's bytes being the answer exactly; then --model is required.",
        "FILE may also be an OpenAI or Anthropic batch result file for requests made by 'harness export'.",
        "Every key is checked against the current personas and suites before anything is written."})
final class ImportCommand implements Callable<Integer> {
  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Parameters(paramLabel = "FILE.jsonl|DIR", description = "The answers to import.")
  Path file;

  @Option(names = "--model", paramLabel = "NAME", description = "For a directory: the model that wrote the answers.")
  String model;

  @Option(names = "--recorded-at", paramLabel = "DATE", description = "For a directory: when they were written (default: today, UTC).")
  String recordedAt;

  @Option(names = "--recordings", paramLabel = "DIR", defaultValue = "suites/recordings",
      description = "Where recordings are stored (default: ${DEFAULT-VALUE}).")
  Path recordings;

  @Option(names = "--overwrite", description = "Replace existing recordings that differ.")
  boolean overwrite;

  @picocli.CommandLine.Mixin ProjectDirs dirs;

  @Override
  public Integer call() {
    Project project = dirs.load();
    Importer importer = new Importer(project, new RecordingStore(recordings));
    String today = LocalDate.now(ZoneOffset.UTC).toString();
    Importer.Result result;
    if (Files.isDirectory(file)) {
      if (model == null || model.isBlank()) {
        throw new ConfigException("importing a directory needs --model NAME (the model that wrote the answers)");
      }
      result = importer.importDirectory(file, model, recordedAt == null ? today : recordedAt, overwrite);
    } else {
      result = importer.importFile(file, overwrite, today);
    }
    result.warnings().forEach(w -> spec.commandLine().getErr().println(Console.safe(w)));
    spec.commandLine().getOut().printf("imported %d recording(s) into %s; %d unchanged%n",
        result.written().size(), recordings, result.unchanged());
    return Main.OK;
  }
}
