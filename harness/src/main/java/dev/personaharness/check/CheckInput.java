package dev.personaharness.check;

import dev.personaharness.core.CheckSpec;
import dev.personaharness.core.Task;

/** What a check sees: the answer, the check's entry in the rubric, and the task it belongs to. */
public record CheckInput(String answer, CheckSpec spec, Task task) {
  public Object argument() {
    return spec.argument();
  }
}
