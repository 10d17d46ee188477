package dev.personaharness.suite;

import dev.personaharness.core.Attachment;
import dev.personaharness.core.ConfigException;
import dev.personaharness.core.TextFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import org.yaml.snakeyaml.nodes.Node;

/** Attachments are read at load time and must stay inside their suite's folder. */
final class Attachments {
  private static final Map<String, String> LANGUAGES = Map.ofEntries(
      Map.entry("sql", "sql"), Map.entry("py", "python"), Map.entry("java", "java"), Map.entry("kt", "kotlin"),
      Map.entry("js", "javascript"), Map.entry("ts", "typescript"), Map.entry("go", "go"), Map.entry("rb", "ruby"),
      Map.entry("rs", "rust"), Map.entry("cs", "csharp"), Map.entry("json", "json"), Map.entry("yaml", "yaml"),
      Map.entry("yml", "yaml"), Map.entry("xml", "xml"), Map.entry("toml", "toml"), Map.entry("md", "markdown"),
      Map.entry("sh", "bash"), Map.entry("http", "http"), Map.entry("proto", "protobuf"), Map.entry("csv", "csv"),
      Map.entry("properties", "properties"), Map.entry("graphql", "graphql"));

  private Attachments() {}

  static Attachment read(Path suiteFile, String written, Node at, Yaml yaml) {
    Path folder = suiteFile.toAbsolutePath().normalize().getParent();
    if (written.isBlank()) {
      yaml.error(at, "attachment path is empty");
      return null;
    }
    Path given = Path.of(written);
    if (given.isAbsolute() || written.startsWith("/") || written.startsWith("\\")) {
      yaml.error(at, "attachment '" + written + "' is an absolute path; give a path relative to the suite's folder");
      return null;
    }
    Path resolved = folder.resolve(given).normalize();
    if (!resolved.startsWith(folder)) {
      yaml.error(at, "attachment '" + written + "' points outside the suite's folder; keep attachments beside the suite");
      return null;
    }
    if (!Files.exists(resolved)) {
      yaml.error(at, "attachment '" + written + "' not found (looked for " + resolved + ")");
      return null;
    }
    try {
      if (!resolved.toRealPath().startsWith(folder.toRealPath())) {
        yaml.error(at, "attachment '" + written + "' is a link to a file outside the suite's folder");
        return null;
      }
    } catch (IOException e) {
      yaml.error(at, "attachment '" + written + "' cannot be read: " + e.getMessage());
      return null;
    }
    if (!Files.isRegularFile(resolved)) {
      yaml.error(at, "attachment '" + written + "' is not a file");
      return null;
    }
    try {
      String content = dev.personaharness.core.Hashing.normalize(TextFiles.read(resolved));
      return new Attachment(written, language(written), content);
    } catch (ConfigException e) {
      yaml.error(at, "attachment '" + written + "': " + e.diagnostics().get(0).message());
      return null;
    }
  }

  static String language(String file) {
    int dot = file.lastIndexOf('.');
    String ext = dot < 0 ? "" : file.substring(dot + 1).toLowerCase(Locale.ROOT);
    return LANGUAGES.getOrDefault(ext, "text");
  }
}
