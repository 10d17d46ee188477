package dev.personaharness.suite;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.personaharness.core.Attachment;
import dev.personaharness.core.Diagnostic;
import dev.personaharness.core.Loaded;
import dev.personaharness.core.Suite;
import dev.personaharness.core.Task;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Coverage-guided fuzzing of suite files as bytes (so invalid UTF-8 too), in a folder with a real
 * attachment, a file outside it and a link out of it: a suite loads only when it has no error,
 * diagnostics point inside the file, and no attachment ever comes from outside the folder.
 */
class SuiteLoaderFuzzTest {
  private static final Path ROOT;
  private static final Path FOLDER;

  static {
    try {
      ROOT = Files.createTempDirectory("suite-fuzz");
      ROOT.toFile().deleteOnExit();
      Files.writeString(ROOT.resolve("outside.sql"), "SELECT 'outside';\n");
      FOLDER = Files.createDirectories(ROOT.resolve("suites"));
      Files.createDirectories(FOLDER.resolve("files"));
      Files.writeString(FOLDER.resolve("files/schema.sql"), "CREATE TABLE t (id bigint);\n");
      Files.createSymbolicLink(FOLDER.resolve("files/link.sql"), ROOT.resolve("outside.sql"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @FuzzTest(maxDuration = "10s")
  void anyBytesBecomeASuiteOrDiagnosticsAndAttachmentsStayInside(byte[] input) throws IOException {
    Path file = FOLDER.resolve("fuzz.yaml");
    Files.write(file, input);
    Loaded<Suite> loaded = SuiteLoader.load(file);
    if (!loaded.hasErrors()) {
      Suite s = loaded.value().orElseThrow();
      assertThat(s.id()).matches("[a-z0-9][a-z0-9-]*");
      assertThat(s.tasks()).isNotEmpty();
      for (Task t : s.tasks()) {
        assertThat(t.rubric().checks()).isNotEmpty();
        for (Attachment a : t.attachments()) {
          assertThat(FOLDER.resolve(a.path()).toRealPath()).startsWith(FOLDER.toRealPath());
          assertThat(a.content()).doesNotContain("outside");
        }
      }
    }
    long lines = new String(input, java.nio.charset.StandardCharsets.UTF_8).split("\r\n|\r|\n", -1).length;
    for (Diagnostic d : loaded.diagnostics()) {
      assertThat(d.line()).as(d.format()).isBetween(0, (int) lines + 1);
      assertThat(d.message()).isNotBlank();
    }
  }
}
