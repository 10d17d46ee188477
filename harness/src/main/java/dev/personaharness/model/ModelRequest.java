package dev.personaharness.model;

import dev.personaharness.core.CaseKey;
import dev.personaharness.core.GenerationSettings;
import dev.personaharness.core.Prompt;

/** One case as a model client sees it: the key, the exact messages, the persona revision, the settings. */
public record ModelRequest(CaseKey key, Prompt prompt, String personaHash, GenerationSettings settings) {}
