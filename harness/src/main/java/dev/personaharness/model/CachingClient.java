package dev.personaharness.model;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.personaharness.core.AtomicFiles;
import dev.personaharness.core.Hashing;
import dev.personaharness.core.Usage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A content-addressed answer cache in front of a live client. The key covers everything that
 * decides an answer: provider, model, base URL, the exact messages, the generation parameters and
 * the epoch; so an answer is never served for another model or server, and epochs stay distinct
 * samples. A hit is marked {@code cached} in the case's notes. Failures are never cached.
 */
public final class CachingClient implements ModelClient {
  private static final ObjectMapper JSON = new ObjectMapper();
  private final LiveClient live;
  private final Path dir;

  CachingClient(LiveClient live, Path dir) {
    this.live = live;
    this.dir = dir;
  }

  @Override
  public String name() {
    return live.name();
  }

  @Override
  public Completion complete(ModelRequest r) {
    Path file = file(key(r));
    Completion hit = read(file);
    if (hit != null) {
      return hit;
    }
    Completion c = live.complete(r);
    if (!c.failed()) {
      ObjectNode o = JSON.createObjectNode();
      o.put("provider", live.name()).put("base_url", live.baseUrl()).put("model", c.model()).put("text", c.text());
      o.putObject("usage").put("input_tokens", c.usage().inputTokens()).put("output_tokens", c.usage().outputTokens());
      AtomicFiles.write(file, o.toString());
    }
    return c;
  }

  String key(ModelRequest r) {
    ObjectNode o = JSON.createObjectNode();
    o.put("provider", live.name()).put("base_url", live.baseUrl()).put("model", live.model(r));
    o.put("system", r.prompt().system()).put("user", r.prompt().user());
    o.put("temperature", r.settings().temperature()).put("max_tokens", r.settings().maxTokens());
    if (r.settings().seed() != null) {
      o.put("seed", r.settings().seed());
    }
    o.put("epoch", r.key().epoch());
    return Hashing.sha256(o.toString());
  }

  private Path file(String key) {
    return dir.resolve(key.substring(0, 2)).resolve(key + ".json");
  }

  private static Completion read(Path file) {
    try {
      JsonNode o = JSON.readTree(Files.readString(file));
      Usage u = new Usage(o.path("usage").path("input_tokens").isNumber() ? o.path("usage").path("input_tokens").asLong() : null,
          o.path("usage").path("output_tokens").isNumber() ? o.path("usage").path("output_tokens").asLong() : null);
      return Completion.answer(o.get("text").asText(), o.get("model").asText(), u, 0, false, List.of("cached"));
    } catch (NoSuchFileException e) {
      return null;
    } catch (IOException | RuntimeException e) {
      return null; // an unreadable entry is a miss; the fresh answer replaces it
    }
  }

  /** Entries and bytes under a cache directory. */
  public record Stats(long entries, long bytes) {}

  static Stats stats(Path dir) {
    if (!Files.isDirectory(dir)) {
      return new Stats(0, 0);
    }
    try (var walk = Files.walk(dir)) {
      List<Path> files = new ArrayList<>(walk.filter(p -> p.toString().endsWith(".json")).toList());
      long bytes = 0;
      for (Path f : files) {
        bytes += Files.size(f);
      }
      return new Stats(files.size(), bytes);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  static long clear(Path dir) {
    if (!Files.isDirectory(dir)) {
      return 0;
    }
    long n = 0;
    try (var walk = Files.walk(dir)) {
      for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
        if (p.toString().endsWith(".json")) {
          n++;
        }
        if (!p.equals(dir)) {
          Files.delete(p);
        }
      }
      return n;
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
