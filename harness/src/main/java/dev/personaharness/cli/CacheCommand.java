package dev.personaharness.cli;

import dev.personaharness.model.Providers;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "cache", mixinStandardHelpOptions = true,
    description = {"Shows or empties the answer cache of live providers.", "ACTION is stats or clear."})
final class CacheCommand implements Callable<Integer> {
  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Parameters(paramLabel = "ACTION", description = "stats or clear")
  String action;

  @Option(names = "--cache-dir", paramLabel = "DIR", description = "The cache (default: ~/.cache/persona-harness).")
  Path cacheDir;

  @Override
  public Integer call() {
    Path dir = cacheDir == null ? Providers.defaultCacheDir() : cacheDir;
    var out = spec.commandLine().getOut();
    switch (action) {
      case "stats" -> {
        var s = Providers.cacheStats(dir);
        out.printf("%s: %d answer%s, %d bytes%n", dir, s.entries(), s.entries() == 1 ? "" : "s", s.bytes());
      }
      case "clear" -> out.printf("%s: removed %d answer(s)%n", dir, Providers.clearCache(dir));
      default -> throw new picocli.CommandLine.ParameterException(spec.commandLine(),
          "unknown action '" + action + "'; use stats or clear");
    }
    return Main.OK;
  }
}
