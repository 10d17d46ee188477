package dev.personaharness.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** A small project of the test fixtures in a temporary folder, and the CLI started as its own process there. */
final class Fixtures {
  static final Path DIR = Path.of("harness/src/test/resources/fixtures");

  private Fixtures() {}

  /** agents/terse.md (and agents/lenient.md when {@code twoPersonas}) and suites/good.yaml with its attachment. */
  static void project(Path root, boolean twoPersonas) throws IOException {
    Files.createDirectories(root.resolve("agents"));
    Files.createDirectories(root.resolve("suites/files"));
    Files.copy(DIR.resolve("personas/list-tools.md"), root.resolve("agents/terse.md"));
    if (twoPersonas) {
      Files.copy(DIR.resolve("personas/lenient.md"), root.resolve("agents/lenient.md"));
    }
    Files.copy(DIR.resolve("suites/good/good.yaml"), root.resolve("suites/good.yaml"));
    Files.copy(DIR.resolve("suites/good/files/schema.sql"), root.resolve("suites/files/schema.sql"));
  }

  /** Starts {@code harness ARGS} in {@code dir} with {@code env} added, output to {@code output}. */
  static Process harness(Path dir, Map<String, String> env, Path output, String... args) throws IOException {
    return harness(dir, env, output, List.of(), args);
  }

  /** As {@link #harness(Path, Map, Path, String...)}, with options for the JVM (a heap size, say). */
  static Process harness(Path dir, Map<String, String> env, Path output, List<String> jvm, String... args) throws IOException {
    List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
    cmd.addAll(jvm);
    cmd.addAll(List.of("-cp", System.getProperty("java.class.path"), Main.class.getName()));
    cmd.addAll(List.of(args));
    ProcessBuilder pb = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true).redirectOutput(output.toFile());
    pb.environment().remove("OPENAI_API_KEY");
    pb.environment().remove("ANTHROPIC_API_KEY");
    pb.environment().putAll(env);
    return pb.start();
  }
}
