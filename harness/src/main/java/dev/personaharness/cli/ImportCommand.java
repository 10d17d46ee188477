package dev.personaharness.cli;

import dev.personaharness.importing.Importer;
import dev.personaharness.project.Project;
import dev.personaharness.recording.RecordingStore;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "import", mixinStandardHelpOptions = true,
    description = {"Turns externally produced answers into recordings. FILE.jsonl holds one JSON object per line:",
        "{\"persona\":ID, \"suite\":ID, \"task\":ID, \"epoch\":1, \"model\":NAME, \"text\":ANSWER,",
        " \"recorded_at\":DATE (optional, default today), \"usage\":{\"input_tokens\":N, \"output_tokens\":N} (optional)}.",
        "Every key is checked against the current personas and suites before anything is written."})
final class ImportCommand implements Callable<Integer> {
  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Parameters(paramLabel = "FILE.jsonl", description = "The answers to import.")
  Path file;

  @Option(names = "--recordings", paramLabel = "DIR", defaultValue = "suites/recordings",
      description = "Where recordings are stored (default: ${DEFAULT-VALUE}).")
  Path recordings;

  @Option(names = "--overwrite", description = "Replace existing recordings that differ.")
  boolean overwrite;

  @Option(names = "--agents-dir", paramLabel = "DIR", defaultValue = "agents", description = "Personas (default: ${DEFAULT-VALUE}).")
  Path agentsDir;

  @Option(names = "--suites-dir", paramLabel = "DIR", defaultValue = "suites", description = "Suites (default: ${DEFAULT-VALUE}).")
  Path suitesDir;

  @Override
  public Integer call() {
    Project project = Project.load(List.of(agentsDir), List.of(suitesDir)).requireValid();
    Importer.Result result = new Importer(project, new RecordingStore(recordings))
        .importFile(file, overwrite, LocalDate.now(ZoneOffset.UTC).toString());
    spec.commandLine().getOut().printf("imported %d recording(s) into %s; %d unchanged%n",
        result.written().size(), recordings, result.unchanged());
    return Main.OK;
  }
}
