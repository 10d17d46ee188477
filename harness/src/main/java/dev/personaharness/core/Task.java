package dev.personaharness.core;

import java.util.List;
import java.util.Map;

/** One task of a suite: a prompt template, its variables and attachments, and its rubric. */
public record Task(
    String id,
    String category,
    List<String> tags,
    String prompt,
    Map<String, String> vars,
    List<Attachment> attachments,
    Rubric rubric,
    int line) {

  public Task {
    tags = List.copyOf(tags);
    vars = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(vars));
    attachments = List.copyOf(attachments);
  }
}
