package dev.personaharness.core;

import java.util.List;
import java.util.Optional;

/** A suite file: its tasks and generation defaults; {@code hash} covers the file and its attachments. */
public record Suite(
    String id, String description, GenerationSettings defaults, List<Task> tasks, String path, String hash) {

  public Suite {
    tasks = List.copyOf(tasks);
  }

  public Optional<Task> task(String taskId) {
    return tasks.stream().filter(t -> t.id().equals(taskId)).findFirst();
  }
}
