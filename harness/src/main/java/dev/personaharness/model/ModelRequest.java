package dev.personaharness.model;

import dev.personaharness.core.CaseKey;
import dev.personaharness.core.GenerationSettings;
import dev.personaharness.core.Prompt;

/**
 * One case as a model client sees it: the key, the exact messages, the persona revision, the
 * settings, and the model to ask when it is not the provider's own ({@code --model persona}).
 */
public record ModelRequest(CaseKey key, Prompt prompt, String personaHash, GenerationSettings settings, String model) {
  public ModelRequest(CaseKey key, Prompt prompt, String personaHash, GenerationSettings settings) {
    this(key, prompt, personaHash, settings, null);
  }
}
