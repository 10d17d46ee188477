package dev.personaharness.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The hostile-input corpus ({@code harness/src/test/resources/hostile/README.md}): every case makes
 * {@code harness run} fail closed with exactly the diagnostics pinned in its {@code expected.txt},
 * exit code 2, no stack trace and nothing under {@code reports/}.
 */
class HostileInputTest {
  static final Path CORPUS = Path.of("harness/src/test/resources/hostile");

  @TempDir Path tmp;

  static Stream<String> cases() throws IOException {
    try (Stream<Path> dirs = Files.list(CORPUS)) {
      return dirs.filter(Files::isDirectory).map(d -> d.getFileName().toString()).filter(n -> !n.startsWith("_"))
          .sorted().toList().stream();
    }
  }

  /** The case as a project in a fresh folder: its files byte for byte, its setup done, the base files where it has none. */
  static Path project(String name, Path into) throws IOException {
    Path root = Files.createDirectories(into.resolve(name));
    copy(CORPUS.resolve(name), root);
    Path setup = root.resolve("setup.txt");
    if (Files.exists(setup)) {
      for (String line : Files.readAllLines(setup, StandardCharsets.UTF_8)) {
        String[] w = line.strip().split("\\s+");
        Path at = root.resolve(w[1]);
        Files.createDirectories(at.getParent());
        switch (w[0]) {
          case "fill" -> Files.write(at, "#".repeat(Integer.parseInt(w[2])).getBytes(StandardCharsets.US_ASCII));
          case "symlink" -> {
            try {
              Files.createSymbolicLink(at, Path.of(w[2]));
            } catch (UnsupportedOperationException | IOException e) {
              assumeTrue(false, "symbolic links are not available here: " + e);
            }
          }
          default -> throw new IllegalArgumentException("unknown setup instruction: " + line);
        }
      }
    }
    for (String dir : List.of("agents", "suites")) {
      if (!Files.exists(root.resolve(dir))) {
        copy(CORPUS.resolve("_base").resolve(dir), root.resolve(dir));
      }
    }
    return root;
  }

  private static void copy(Path from, Path to) throws IOException {
    try (Stream<Path> files = Files.walk(from)) {
      for (Path f : files.toList()) {
        Path target = to.resolve(from.relativize(f).toString());
        if (Files.isDirectory(f, LinkOption.NOFOLLOW_LINKS)) {
          Files.createDirectories(target);
        } else {
          Files.copy(f, target, StandardCopyOption.COPY_ATTRIBUTES, LinkOption.NOFOLLOW_LINKS);
        }
      }
    }
  }

  static String expected(String name) throws IOException {
    return Files.readString(CORPUS.resolve(name).resolve("expected.txt"), StandardCharsets.UTF_8);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void failsClosedWithItsPinnedDiagnostics(String name) throws Exception {
    Path root = project(name, tmp);
    CliTest.Result r = CliTest.cli("run", "--agents-dir", root.resolve("agents").toString(), "--suites-dir",
        root.resolve("suites").toString(), "--reports", root.resolve("reports").toString(), "--recordings",
        root.resolve("recordings").toString(), "--quiet");
    // in-process the paths are absolute (the temporary folder is outside the working directory)
    String shown = r.err().replace(root.toAbsolutePath().normalize() + "/", "");
    assertThat(shown).isEqualTo(expected(name));
    assertThat(r.code()).as(shown).isEqualTo(Main.USAGE);
    assertThat(r.out()).isEmpty();
    assertThat(shown).doesNotContain("Exception", "\tat ", "at dev.");
    assertThat(root.resolve("reports")).doesNotExist();
    assertThat(root.resolve("recordings")).doesNotExist();
  }

  /** A few cases as a separate process, the way a user meets them: the same bytes on the terminal, exit 2. */
  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"suite-alias-bomb", "persona-invalid-utf8", "attachment-symlink"})
  void aSeparateProcessPrintsTheSameAndExitsTwo(String name) throws Exception {
    Path root = project(name, tmp);
    Path output = tmp.resolve(name + ".out");
    Process p = Fixtures.harness(root, Map.of(), output, "run", "--quiet");
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(Files.readString(output, StandardCharsets.UTF_8)).isEqualTo(expected(name));
    assertThat(p.exitValue()).isEqualTo(Main.USAGE);
    assertThat(root.resolve("reports")).doesNotExist();
  }
}
