package dev.personaharness.core;

import java.util.List;
import java.util.Map;

/**
 * One task of a suite: a prompt template, its variables and attachments, its rubric, its epochs
 * (null: the suite's), and its suite's folder (for files a check reads; null when it has none).
 */
public record Task(
    String id,
    String category,
    List<String> tags,
    String prompt,
    Map<String, String> vars,
    List<Attachment> attachments,
    Rubric rubric,
    Integer epochs,
    int line,
    String folder) {

  /** A task that samples as many epochs as its suite says, from no particular folder. */
  public Task(String id, String category, List<String> tags, String prompt, Map<String, String> vars,
      List<Attachment> attachments, Rubric rubric, int line) {
    this(id, category, tags, prompt, vars, attachments, rubric, null, line, null);
  }

  public Task {
    if (epochs != null && epochs < 1) {
      throw new IllegalArgumentException("epochs must be at least 1");
    }
    tags = List.copyOf(tags);
    vars = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(vars));
    attachments = List.copyOf(attachments);
  }
}
