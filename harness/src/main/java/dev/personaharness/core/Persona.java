package dev.personaharness.core;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One persona file: its id (file name without {@code .md}), its front-matter fields as read, and
 * its body, which is the system prompt. {@code hash} is the SHA-256 of the normalized file and
 * names this revision in every result.
 */
public record Persona(
    String id,
    String name,
    String description,
    String model,
    Map<String, Object> fields,
    String body,
    String hash,
    String path,
    List<Diagnostic> warnings) {

  public Persona {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(body, "body");
    Objects.requireNonNull(hash, "hash");
    Objects.requireNonNull(path, "path");
    description = description == null ? "" : description;
    fields = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(fields));
    warnings = List.copyOf(warnings);
  }

  /** The id of the file a persona id names: {@code x} for a revision {@code x@main}, the id itself otherwise. */
  public static String fileId(String id) {
    int at = id.indexOf('@');
    return at < 0 ? id : id.substring(0, at);
  }

  /** The first twelve hex digits of the hash, enough to tell revisions apart on screen. */
  public String shortHash() {
    return hash.substring(0, 12);
  }
}
